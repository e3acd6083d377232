import { Criterion, Platform } from './model';
import { PlatformCheckContext } from './checks/types';
import { evaluateCondition } from './conditions';
import { Evidence } from './types';

export const NOT_RATED = 'not rated';

export interface Rated {
  /** A label of the criterion's scale, or "not rated". */
  rating: string;
  score: number;
  rationale: string;
  evidence: Evidence[];
  notRun: string[];
  /** Why the criterion could not be rated (then rating "not rated", score 0). */
  notRated?: string;
}

/** Rates one platform on one criterion: the first level (top down) whose condition holds gives the rating. */
export function rateCriterion(c: Criterion, platform: Platform, ctx: Omit<PlatformCheckContext, 'platform'> = {}): Rated {
  const evidence: Evidence[] = [];
  const notes: string[] = [];
  const notRun: string[] = [];
  let chosen = c.levels[c.levels.length - 1];
  for (const level of c.levels) {
    if (!level.when) {
      chosen = level;
      break;
    }
    const r = evaluateCondition(level.when, { ...ctx, platform });
    evidence.push(...r.evidence);
    notes.push(...r.notes);
    notRun.push(...r.notRun);
    if (r.notRated.length > 0)
      return { rating: NOT_RATED, score: 0, rationale: `Not rated for ${platform.name}: ${r.notRated[0]}.`, evidence: uniqueEvidence(evidence), notRun: unique(notRun), notRated: r.notRated[0] };
    if (r.pass) {
      chosen = level;
      break;
    }
  }
  const detail = unique(notes);
  const rationale = chosen.rationale
    .replace(/\{platform\}/g, platform.name)
    .replace(/\{detail\}/g, detail.length > 0 ? `; ${detail.join('; ')}` : '');
  const score = c.scale.find((s) => s.label === chosen.rating)!.score;
  return { rating: chosen.rating, score, rationale, evidence: uniqueEvidence(evidence), notRun: unique(notRun) };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Same key and value once, in first-seen order (the order of the criterion's levels and checks). */
function uniqueEvidence(es: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return es.filter((e) => {
    const k = `${e.kind}\u0000${e.key}\u0000${String(e.value)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
