/**
 * The one wording for how far a plan is from its lower bound, used by `dcplan plan`, `dcplan assess` and the report.
 * "proven optimal" is said only where the gap on the figure being shown is 0: a host count at its bound, or a cost at
 * its cost bound. The solver's own proof (solver.provenOptimal) is about the objective it minimised, which may be a
 * different figure from the one a sentence shows, so it never decides the words. Gaps are those in plan.json
 * (rounded to 0.01 %).
 */
export interface GapFigure {
  /** (plan − bound) / bound, as in plan.json. */
  gap: number;
  /** The bound as printed, e.g. "16 hosts" or "EUR 448,000". */
  bound: string;
  /** hosts = the host-count bound (reserve included); cost = the cost bound of hardware and licences. */
  of: 'hosts' | 'cost';
}

export function gapWords(g: GapFigure, pct: (ratio: number) => string): string {
  const what = g.of === 'cost' ? 'cost lower bound' : 'host-count lower bound';
  return `gap ${pct(g.gap)} to the ${what} (${g.bound})${g.gap === 0 ? ': proven optimal' : ''}`;
}
