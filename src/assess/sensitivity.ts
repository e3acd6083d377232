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
  const configs = [quick({}), ...specs.flatMap((s) => [quick(s.low), quick(s.high)])];
  const plans = (await stages.planMany?.(inventory, configs, () => undefined)) ?? (await Promise.all(configs.map((c) => stages.plan(inventory, c))));
  const ref = plans[0];
  const shifted = (p: Plan) => ({
    hosts: plan.summary.hosts + p.summary.hosts - ref.summary.hosts,
    savings: bc.totals.savings + p.businessCase!.totals.savings - ref.businessCase!.totals.savings,
  });
  const replans = specs.map((_, i) => ({ low: shifted(plans[1 + 2 * i]), high: shifted(plans[2 + 2 * i]) }));
  return { ...plan, businessCase: { ...bc, sensitivity: sensitivityRows(bc, plan.summary.hosts, config.policy, replans) } };
}
