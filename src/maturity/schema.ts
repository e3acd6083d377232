import { z } from 'zod';

/**
 * maturity.json (`dcplan.maturity/v1`): the estate's indicators, the level per Core IO capability, the questionnaire
 * answers used, the roadmap and the sprawl lists. Written by `dcplan assess`; types are inferred from here.
 */
export const MATURITY_SCHEMA = 'dcplan.maturity/v1';

/** The indicators dcplan computes from an inventory (src/maturity/indicators.ts), in report order. */
export const INDICATOR_IDS = [
  'virtualised-share',
  'vms-per-host',
  'vcpu-per-core',
  'ha-share',
  'admission-control-share',
  'drs-enabled-share',
  'drs-fully-automated-share',
  'vmotions-per-vm',
  'snapshot-vm-share',
  'old-snapshots',
  'snapshot-storage-gib',
  'powered-off-share',
  'powered-off-old',
  'powered-off-storage-gib',
  'idle-zombie-share',
  'templates',
  'os-versions',
  'os-end-of-support-share',
  'tools-ok-share',
  'hw-version-spread',
  'backup-attribute-share',
  'host-builds',
  'zone-shared-hosts',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** The Infrastructure Optimization model's four levels, lowest first. */
export const LEVELS = ['basic', 'standardized', 'rationalized', 'dynamic'] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

export const IndicatorSchema = z.strictObject({
  id: z.enum(INDICATOR_IDS),
  title: z.string(),
  /** The figure (a share is 0-1); null when the export does not show it. */
  value: z.number().nullable(),
  unit: z.enum(['share', 'ratio', 'count', 'GiB']),
  /** The figure as a sentence states it, e.g. "2 of 4 clusters (50 %)". */
  figure: z.string(),
  /** Tab and column(s) it is read from. */
  source: z.string(),
  /** Why it is not known (value null). */
  missing: z.string().optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

const SourceRefSchema = z.strictObject({ doc: z.string(), note: z.string().optional() });

export const CapabilityLevelSchema = z.strictObject({
  capability: z.string(),
  title: z.string(),
  level: z.union([LevelSchema, z.literal('not-assessed')]),
  /** The next level up, which the evidence cannot decide (its indicators are missing or its questions unanswered). */
  upTo: LevelSchema.optional(),
  rationale: z.string(),
  /** What would decide `upTo` (or any level, when not assessed): `indicator:<id>` / `answer:<question id>`. */
  missing: z.array(z.string()),
  evidence: z.array(z.strictObject({ ref: z.string(), known: z.boolean(), value: z.string().optional() })),
  /** The document the level's thresholds come from (a key of the capability's rule file), with its title. */
  source: SourceRefSchema.extend({ title: z.string().optional(), short: z.string().optional() }),
});
export type CapabilityLevel = z.infer<typeof CapabilityLevelSchema>;

export const RoadmapStepSchema = z.strictObject({
  id: z.string(),
  order: z.number().int(),
  title: z.string(),
  from: LevelSchema,
  to: LevelSchema,
  /** due: the evidence triggers it; check: the evidence that would decide it is missing; not-due: the estate is past it. */
  status: z.enum(['due', 'check', 'not-due']),
  /** The figures that trigger it (or would decide it). */
  evidence: z.array(z.string()),
  action: z.string(),
  /** Its effect as dcplan measures it, when it can (e.g. "3 hosts fewer in the reclaim plan"). */
  effect: z.string().optional(),
});
export type RoadmapStep = z.infer<typeof RoadmapStepSchema>;

/** Sprawl (issue 14.3): powered-off VMs and snapshots older than their limits, idle and zombie servers. */
export const SprawlItemSchema = z.strictObject({
  kind: z.enum(['powered-off', 'snapshot', 'idle', 'zombie']),
  name: z.string(),
  detail: z.string(),
  ageDays: z.number().int().optional(),
  storageGib: z.number().optional(),
  host: z.string().optional(),
});

/** The reclaim scenario: the main plan beside a plan of the estate without its idle, zombie and powered-off workloads. */
export const ReclaimSchema = z.strictObject({
  removed: z.array(z.string()),
  today: z.strictObject({ workloads: z.number().int(), hosts: z.number(), vcpus: z.number(), memoryGib: z.number(), storageGib: z.number() }),
  reclaimed: z.strictObject({ workloads: z.number().int(), hosts: z.number(), vcpus: z.number(), memoryGib: z.number(), storageGib: z.number() }),
});
export type Reclaim = z.infer<typeof ReclaimSchema>;

export const MaturitySchema = z.strictObject({
  schema: z.literal(MATURITY_SCHEMA),
  generatedBy: z.strictObject({ tool: z.literal('dcplan'), version: z.string() }),
  asOf: z.string(),
  settings: z.strictObject({ snapshotDays: z.number().int(), poweredOffDays: z.number().int(), dmzNetworkPattern: z.string() }),
  indicators: z.array(IndicatorSchema),
  capabilities: z.array(CapabilityLevelSchema),
  answers: z.strictObject({
    /** The answers file given (`--maturity`), if any. */
    file: z.string().optional(),
    answered: z.array(z.strictObject({ question: z.string(), value: z.string(), level: LevelSchema })),
    unanswered: z.array(z.string()),
  }),
  roadmap: z.array(RoadmapStepSchema),
  sprawl: z.array(SprawlItemSchema),
  /** Absent when the estate has nothing to reclaim (or the plan was not run). */
  reclaim: ReclaimSchema.optional(),
  problems: z.array(
    z.strictObject({
      code: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string(),
      file: z.string().optional(),
      row: z.number().int().optional(),
      path: z.array(z.union([z.string(), z.number()])).optional(),
      hint: z.string().optional(),
    }),
  ),
});
export type Maturity = z.infer<typeof MaturitySchema>;
