import { Problem } from '../diagnostics/problem';

/**
 * The problems of several scenario plans, each said once. Every scenario is planned on the same inventory, so most of
 * their problems are the same sentence (a host model without a CPU model, the same unplaced workloads): printed per plan
 * they repeat three or four times and the reader cannot tell which scenario a line is about. A problem is named by its
 * code, severity, text, hint and location; one seen in every scenario is kept as it is, one seen in some says which.
 */
export function scenarioProblems(runs: readonly { name: string; problems: readonly Problem[] }[]): Problem[] {
  if (runs.length <= 1) return runs.flatMap((r) => [...r.problems]);
  const seen = new Map<string, { problem: Problem; scenarios: string[] }>();
  for (const run of runs) {
    for (const p of run.problems) {
      const key = JSON.stringify([p.code, p.severity, p.message, p.hint, p.file, p.sheet, p.row, p.column, p.path]);
      const entry = seen.get(key);
      if (!entry) seen.set(key, { problem: p, scenarios: [run.name] });
      else if (!entry.scenarios.includes(run.name)) entry.scenarios.push(run.name);
    }
  }
  return [...seen.values()].map(({ problem, scenarios }) =>
    scenarios.length === runs.length
      ? problem
      : { ...problem, message: `${problem.message} (scenario${scenarios.length > 1 ? 's' : ''} ${scenarios.join(', ')})` });
}
