import { AssessmentConfig, defaultConfig, validateConfig } from '../config';
import { HostModelSchema, PolicySchema } from '../config/schema';
import { Problem } from '../diagnostics';
import type { Plan } from '../plan/types';

/**
 * The config a plan was made with, read back from what the plan echoes (its effective policy and catalog), for `verify`
 * without `--config`. The plan may echo derived values beside the policy; the keys kept are the config schema's own, read
 * from the schema so a new policy or host-model key is verified the day it is added (no hand-kept list to forget).
 * Existing hosts reused as targets are echoed as models with `existing-` ids; they come from the inventory, not the config.
 */
export interface EchoedConfig {
  config: AssessmentConfig;
  notes: string[];
  problems: Problem[];
}

const POLICY_KEYS = new Set(Object.keys(PolicySchema.shape));
const MODEL_KEYS = new Set(Object.keys(HostModelSchema.shape));

const pick = (o: Record<string, unknown> | undefined, keys: Set<string>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([k]) => keys.has(k)));

export function configFromPlanEcho(plan: Plan): EchoedConfig {
  const echoed = validateConfig({
    policy: pick(plan.policy, POLICY_KEYS),
    hostModels: plan.hostModels
      .filter((m) => !String(m.id).startsWith('existing-'))
      .map((m) => pick(m as unknown as Record<string, unknown>, MODEL_KEYS)),
  });
  if (echoed.config) return { config: echoed.config, notes: [], problems: [] };
  return {
    config: defaultConfig(),
    notes: ["the plan's policy could not be read as a config; default policy used"],
    problems: echoed.problems.filter((p) => p.severity === 'error'),
  };
}
