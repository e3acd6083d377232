/**
 * The plan (`plan.json`) contract read by `verify`, the reports and the tests, as TypeScript types. They are inferred
 * from the zod schema in `schema.ts`, which owns what a plan looks like; the planner owns how it is produced.
 */
import { z } from 'zod';
import {
  ArrayRowSchema,
  ArraySizingSchema,
  ClusterBeforeSchema,
  PoolStorageSchema,
  DimensionSchema,
  PlannedHostModelSchema,
  PlannedHostSchema,
  PlanPolicySchema,
  PlanSchema,
  PlannedDrsRuleSchema,
  PlanSummarySchema,
  SolverFactsSchema,
  UnplacedWorkloadSchema,
  WorkloadSizingSchema,
  MemorySizingSchema,
  ReconciliationSchema,
  CpuPerformanceSchema,
  RightsizeRowSchema,
  RightsizingSchema,
} from './schema';

export { PLAN_SCHEMA } from './schema';

/** Dimensions a plan can pack on. A plan uses the subset the inventory has data for. */
export type Dimension = z.infer<typeof DimensionSchema>;
export type PlannedHost = z.infer<typeof PlannedHostSchema>;
export type UnplacedWorkload = z.infer<typeof UnplacedWorkloadSchema>;
/** How one in-scope workload was sized: its demand per dimension and which utilisation figure each came from. */
export type WorkloadSizing = z.infer<typeof WorkloadSizingSchema>;
export type PlanSummary = z.infer<typeof PlanSummarySchema>;
export type SolverFacts = z.infer<typeof SolverFactsSchema>;
export type PlanPolicy = z.infer<typeof PlanPolicySchema>;
export type PlannedHostModel = z.infer<typeof PlannedHostModelSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type PlannedDrsRule = z.infer<typeof PlannedDrsRuleSchema>;
export type ArrayRow = z.infer<typeof ArrayRowSchema>;
export type ArraySizing = z.infer<typeof ArraySizingSchema>;
export type PoolStorage = z.infer<typeof PoolStorageSchema>;
export type ClusterBefore = z.infer<typeof ClusterBeforeSchema>;
export type MemorySizing = z.infer<typeof MemorySizingSchema>;
export type Reconciliation = z.infer<typeof ReconciliationSchema>;
export type CpuPerformance = z.infer<typeof CpuPerformanceSchema>;
export type RightsizeRow = z.infer<typeof RightsizeRowSchema>;
export type Rightsizing = z.infer<typeof RightsizingSchema>;
