import { CheckpointKind, readCheckpoint } from '../util/checkpoint';
import { PLAN_SCHEMA, PlanSchema } from './schema';
import { Plan } from './types';

export const PLAN_FILE: CheckpointKind<Plan> = {
  noun: 'Plan',
  tag: PLAN_SCHEMA,
  schema: PlanSchema,
  invalidCode: 'invalid-plan',
  createHint: 'Create it with: dcplan plan inventory.json --out plan.json',
  versionHint: 'Run dcplan plan again on the inventory to write a plan this version reads.',
};

/**
 * Reads `plan.json` (for `verify` and any other reader): a missing or non-JSON file, another schema version and each
 * field that does not fit the schema are user errors (exit 2) naming the file and the field's path.
 */
export function readPlan(file: string, displayName: string = file): Plan {
  return readCheckpoint(file, PLAN_FILE, displayName);
}
