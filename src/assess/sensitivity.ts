/**
 * The business case's sensitivity for the baseline (issue 12): re-plans the first scenario with each sizing input
 * moved down and up (src/business/sensitivity.ts says which) and attaches the rows to its plan.businessCase. Only when
 * the config has a businessCase section; the extra plans run like the scenarios (in parallel where the stages can).
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
  const configs = specs.flatMap((s) => [s.low, s.high].map((change) => ({ ...config, policy: { ...config.policy, ...change }, scenarios: [] })));
  const plans = (await stages.planMany?.(inventory, configs, () => undefined)) ?? (await Promise.all(configs.map((c) => stages.plan(inventory, c))));
  const of = (p: Plan) => ({ hosts: p.summary.hosts, bc: p.businessCase! });
  const replans = specs.map((_, i) => ({ low: of(plans[2 * i]), high: of(plans[2 * i + 1]) }));
  return { ...plan, businessCase: { ...bc, sensitivity: sensitivityRows(bc, plan.summary.hosts, config.policy, replans) } };
}
