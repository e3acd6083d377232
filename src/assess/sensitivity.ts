/**
 * The business case's sensitivity for the baseline (issue 12): re-plans the first scenario with each sizing input
 * moved down and up (src/business/sensitivity.ts says which) and attaches the rows to its plan.businessCase. Only when
 * the config has a businessCase section; the extra plans run like the scenarios (in parallel where the stages can).
 * Which assumption matters is read from the differences; the absolute figures stay the baseline's.
 */
import { AssessmentConfig } from '../config';
import { Inventory } from '../inventory/schema';
import { Plan } from '../plan/types';
import { sensitivityPolicies, sensitivityRows } from '../business/sensitivity';
import { AssessStages } from './types';

export async function withSensitivity(plan: Plan, config: AssessmentConfig, inventory: Inventory, stages: AssessStages): Promise<Plan> {
  const bc = plan.businessCase;
  if (!bc || !config.businessCase) return plan;
  const specs = sensitivityPolicies(config.policy);
  // quick plans (constructive heuristics, no local search, no exact method): the input unmoved, then low and high of
  // each; a row is the baseline plus the quick plans' difference, so the solver's budget is not read as a sensitivity
  // and a 10,000-workload estate is not planned five more times in full
  const quick = (change: object): AssessmentConfig => ({ ...config, policy: { ...config.policy, ...change, solverIterations: 0, exactMaxWorkloads: 0 }, scenarios: [] });
  // a change that cannot move the sizing needs no plan: oversubscription sizes only workloads sized on their allocation,
  // and growth already at 0 cannot go lower; those ends are the baseline itself
  const allocationSized = (plan.sizing ?? []).some((w) => w.basis.cpu === 'allocated');
  const moves = (change: Partial<AssessmentConfig['policy']>) =>
    Object.entries(change).some(([k, v]) => (k !== 'cpuOversubscription' || allocationSized) && config.policy[k as keyof typeof change] !== v);
  const ends = specs.flatMap((s) => [s.low, s.high]);
  const needed = ends.map((c, i) => (moves(c) ? i : -1)).filter((i) => i >= 0);
  const configs = needed.length > 0 ? [quick({}), ...needed.map((i) => quick(ends[i]))] : [];
  const plans = configs.length === 0 ? [] : ((await stages.planMany?.(inventory, configs, () => undefined)) ?? (await Promise.all(configs.map((c) => stages.plan(inventory, c)))));
  const ref = plans[0];
  const shifted = (i: number) => {
    const k = needed.indexOf(i);
    if (k < 0) return { hosts: ref?.summary.hosts ?? plan.summary.hosts, savings: bc.totals.savings };
    const p = plans[1 + k];
    return { hosts: p.summary.hosts, savings: bc.totals.savings + p.businessCase!.totals.savings - ref.businessCase!.totals.savings };
  };
  const replans = specs.map((_, i) => ({ low: shifted(2 * i), high: shifted(2 * i + 1) }));
  const rows = sensitivityRows(bc, plan.summary.hosts, config.policy, replans).map((r, i) => {
    const out = i > 0 && ref ? { ...r, quickHosts: ref.summary.hosts } : r;
    return r.input.startsWith('CPU oversubscription') && !allocationSized ? { ...out, input: `${r.input}: no workload is sized on its allocation` } : out;
  });
  return { ...plan, businessCase: { ...bc, sensitivity: rows } };
}
