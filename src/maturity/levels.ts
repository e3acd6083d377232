import { CapabilityLevel, Indicator, IndicatorId } from './schema';
import { CapabilityFile, Level, LEVEL_LABEL, LEVELS, MaturityCondition, QuestionsFile } from './rules-schema';

/**
 * Levels per capability from evidence, in three-valued logic: a test on an indicator the export lacks, or on a
 * question nobody answered, is `unknown`, never false. A capability's level is the highest whose condition holds;
 * the lowest level above it whose condition is unknown is reported as `upTo`, with the evidence that would decide it.
 * A capability none of whose evidence is known is `not-assessed`.
 */
export type Truth = true | false | 'unknown';

export interface Evidence {
  indicators: Partial<Record<IndicatorId, number | null>>;
  /** Questionnaire answers as the level each shows (question id → level); absent = unanswered. */
  answers: Record<string, Level>;
}

export type { CapabilityLevel };

function refsOf(c: MaturityCondition, out: Set<string>): Set<string> {
  if ('all' in c) c.all.forEach((x) => refsOf(x, out));
  else if ('any' in c) c.any.forEach((x) => refsOf(x, out));
  else if ('indicator' in c) out.add(`indicator:${c.indicator}`);
  else out.add(`answer:${c.answer}`);
  return out;
}

export function evaluate(c: MaturityCondition, e: Evidence): Truth {
  if ('all' in c) {
    const r = c.all.map((x) => evaluate(x, e));
    return r.includes(false) ? false : r.includes('unknown') ? 'unknown' : true;
  }
  if ('any' in c) {
    const r = c.any.map((x) => evaluate(x, e));
    return r.includes(true) ? true : r.includes('unknown') ? 'unknown' : false;
  }
  if ('indicator' in c) {
    const v = e.indicators[c.indicator];
    if (v === null || v === undefined) return 'unknown';
    if (c.atLeast !== undefined) return v >= c.atLeast;
    if (c.atMost !== undefined) return v <= c.atMost;
    return c.below !== undefined ? v < c.below : v > c.above!;
  }
  const a = e.answers[c.answer];
  return a === undefined ? 'unknown' : LEVELS.indexOf(a) >= LEVELS.indexOf(c.atLeast);
}

function isKnown(ref: string, e: Evidence): boolean {
  const [kind, id] = ref.split(':');
  return kind === 'indicator' ? e.indicators[id as IndicatorId] != null : e.answers[id] !== undefined;
}

/** Unknown refs of a condition, for "what would decide it". */
function unknownRefs(c: MaturityCondition, e: Evidence): string[] {
  return [...refsOf(c, new Set())].filter((r) => !isKnown(r, e));
}

export function levelOf(cap: CapabilityFile, e: Evidence, describe: (ref: string) => string | undefined): CapabilityLevel {
  const all = new Set<string>();
  for (const l of cap.levels) if (l.when) refsOf(l.when, all);
  const evidence = [...all].sort().map((ref) => ({ ref, known: isKnown(ref, e), ...(describe(ref) !== undefined ? { value: describe(ref) } : {}) }));
  const base = { capability: cap.id, title: cap.title, evidence };
  if (!evidence.some((x) => x.known)) {
    const fallback = cap.levels[cap.levels.length - 1];
    return { ...base, level: 'not-assessed', rationale: 'No evidence: the export shows none of what this capability is judged on, and no answer was given.', missing: evidence.map((x) => x.ref), source: fallback.source };
  }
  let upTo: Level | undefined;
  let missing: string[] = [];
  for (const l of cap.levels) {
    const t = l.when ? evaluate(l.when, e) : true;
    if (t === true) return { ...base, level: l.level, ...(upTo ? { upTo } : {}), rationale: l.rationale, missing, source: l.source };
    if (t === 'unknown') {
      upTo = l.level;
      missing = unknownRefs(l.when!, e);
    } else {
      // levels build on each other: nothing above a level whose evidence fails is within reach
      upTo = undefined;
      missing = [];
    }
  }
  throw new Error(`capability ${cap.id}: the last level must have no condition`); // the loader guarantees it
}

/** Answer values → levels, by the questionnaire; unknown questions or values are the loader's / reader's problem. */
export function answerLevels(q: QuestionsFile, answers: Record<string, string>): Record<string, Level> {
  const out: Record<string, Level> = {};
  for (const question of q.questions) {
    const v = answers[question.id];
    const opt = v === undefined ? undefined : question.options.find((o) => o.value === v);
    if (opt) out[question.id] = opt.level;
  }
  return out;
}

export function evidenceOf(indicators: Indicator[], answers: Record<string, Level>): Evidence {
  return { indicators: Object.fromEntries(indicators.map((i) => [i.id, i.value])), answers };
}

export const levelLabel = (l: Level | 'not-assessed') => (l === 'not-assessed' ? 'Not assessed' : LEVEL_LABEL[l]);
