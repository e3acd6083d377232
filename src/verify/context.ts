/** What every verify check reads and writes: the documents, lookups built once, and the findings so far. */
import type { AssessmentConfig } from '../config/defaults';
import type { Host, Inventory, Workload } from '../inventory/schema';
import type { Plan } from '../plan/types';
import type { ModelSpec, SizingPolicy } from './demand';
import type { Violation } from './types';

export interface Ctx {
  plan: Plan;
  inventory: Inventory;
  config: AssessmentConfig;
  policy: SizingPolicy;
  byId: Map<string, Workload>;
  invHosts: Map<string, Host>;
  models: Map<string, ModelSpec>;
  violations: Violation[];
  notes: string[];
  checks: number;
}
