import { Problem, warning } from '../diagnostics';
import { DEFAULT_RULES_DIR, loadRules } from './loader';

export interface LintResult {
  dir: string;
  files: { criteria: number; platforms: number; profiles: number; workload: number };
  problems: Problem[];
}

/**
 * Validates every rule file: schema (unknown keys, types), check names and options, fact names and types, sources,
 * cross-references (ratings on the scale, weights for every criterion). Plus a few warnings the loader does not need.
 */
export function lintRules(dir: string = DEFAULT_RULES_DIR): LintResult {
  const { rules, problems } = loadRules(dir);
  const extra: Problem[] = [];
  if (rules) {
    const orders = new Map<number, string>();
    for (const p of rules.platforms) {
      const other = orders.get(p.order);
      if (other) extra.push(warning('duplicate-order', `platform order ${p.order} is also used by ${other}; ties list by id`, { file: p.file, path: ['order'] }));
      orders.set(p.order, p.id);
    }
    for (const c of rules.criteria) {
      const used = new Set(c.levels.map((l) => l.rating));
      for (const s of c.scale)
        if (!used.has(s.label))
          extra.push(warning('unused-rating', `scale label "${s.label}" is never given by any level`, { file: c.file, path: ['scale'] }));
    }
  }
  return {
    dir,
    files: {
      criteria: rules?.criteria.length ?? 0,
      platforms: rules?.platforms.length ?? 0,
      profiles: rules?.profiles.length ?? 0,
      workload: rules?.workloadRules.length ?? 0,
    },
    problems: [...problems, ...extra],
  };
}
