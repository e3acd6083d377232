import { z } from 'zod';
import { INDICATOR_IDS, LEVELS, Level, LevelSchema } from './schema';

export { LEVELS, LevelSchema };
export type { Level };

/**
 * The maturity rule files (rules/maturity/): one file per Core IO capability with its levels, the questionnaire for
 * what an export cannot show, and the roadmap. YAML data, linted by `dcplan rules lint`; nothing in them is run.
 */

export const LEVEL_LABEL: Record<Level, string> = { basic: 'Basic', standardized: 'Standardized', rationalized: 'Rationalized', dynamic: 'Dynamic' };

/** A document a file cites, by key. */
/** `short` names the document in report tables ("IO model paper"); `title` in full. */
const DocumentSchema = z.strictObject({ title: z.string(), short: z.string(), url: z.string().optional(), note: z.string().optional() });
const SourceSchema = z.strictObject({ doc: z.string(), note: z.string().optional() });

/** Leaf conditions: an indicator against a threshold, or a questionnaire answer at least at a level. */
export const IndicatorTestSchema = z
  .strictObject({
    indicator: z.enum(INDICATOR_IDS),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    below: z.number().optional(),
    above: z.number().optional(),
  })
  .refine((t) => [t.atLeast, t.atMost, t.below, t.above].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of atLeast / atMost / below / above',
  });
export const AnswerTestSchema = z.strictObject({ answer: z.string(), atLeast: LevelSchema });
export type IndicatorTest = z.infer<typeof IndicatorTestSchema>;
export type AnswerTest = z.infer<typeof AnswerTestSchema>;
export type MaturityCondition = IndicatorTest | AnswerTest | { all: MaturityCondition[] } | { any: MaturityCondition[] };

export const MaturityConditionSchema: z.ZodType<MaturityCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(MaturityConditionSchema).min(1) }),
    z.strictObject({ any: z.array(MaturityConditionSchema).min(1) }),
    IndicatorTestSchema,
    AnswerTestSchema,
  ]),
);

export const CapabilityFileSchema = z.strictObject({
  id: z.string(),
  /** Position in the Core IO model's list (report order). */
  order: z.number().int(),
  title: z.string(),
  description: z.string(),
  documents: z.record(z.string(), DocumentSchema),
  /** Evaluated top down (dynamic first); the first whose `when` holds gives the level; the last (basic) has none. */
  levels: z
    .array(
      z.strictObject({
        level: LevelSchema,
        when: MaturityConditionSchema.optional(),
        rationale: z.string(),
        /** Where the thresholds come from (a document key of this file). */
        source: SourceSchema,
      }),
    )
    .min(2),
});
export type CapabilityFile = z.infer<typeof CapabilityFileSchema>;

export const QuestionsFileSchema = z.strictObject({
  description: z.string(),
  documents: z.record(z.string(), DocumentSchema),
  questions: z
    .array(
      z.strictObject({
        id: z.string(),
        capability: z.string(),
        question: z.string(),
        /** The answers, lowest level first; each says which level it shows. */
        options: z.array(z.strictObject({ value: z.string(), level: LevelSchema, text: z.string() })).min(2),
        source: SourceSchema,
      }),
    )
    .min(1),
});
export type QuestionsFile = z.infer<typeof QuestionsFileSchema>;

export const RoadmapFileSchema = z.strictObject({
  description: z.string(),
  documents: z.record(z.string(), DocumentSchema),
  steps: z
    .array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        /** The level transition the seed files the step under. */
        from: LevelSchema,
        to: LevelSchema,
        capabilities: z.array(z.string()).min(1),
        /** The step is due for this estate when this holds (unknown evidence: listed as "check"). */
        when: MaturityConditionSchema,
        action: z.string(),
        /** What dcplan can measure of its effect: hosts saved by a reclaim plan, storage reclaimed, clusters to fix. */
        effect: z.enum(['reclaim-hosts', 'reclaim-storage', 'clusters-without-ha', 'clusters-without-full-drs', 'none']),
        source: SourceSchema,
      }),
    )
    .min(1),
});
export type RoadmapFile = z.infer<typeof RoadmapFileSchema>;
