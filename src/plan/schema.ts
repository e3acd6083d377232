/**
 * The plan (`plan.json`) contract as a zod schema: the TypeScript types in `types.ts` are inferred from it, `verify`
 * parses a plan file with it, and `schemas/plan.schema.json` is generated from it (a test keeps the file in sync).
 * A field is added here once, and the type, the reader and the published schema all have it.
 * Bump PLAN_SCHEMA on an incompatible change (a field removed, renamed or given another meaning); new optional
 * fields keep the version.
 */
import { z } from 'zod';
import { BusinessCaseSchema } from '../business/schema';
import { HostModelInput, PolicySchema } from '../config/schema';
import { ProblemSchema } from '../inventory/schema';

export const PLAN_SCHEMA = 'dcplan.plan/v1';

/** Dimensions a plan can pack on. A plan uses the subset the inventory has data for. */
export const DimensionSchema = z.enum(['cpuMhz', 'memoryMib', 'storageGib', 'iops', 'networkMbps']);

/** A figure per dimension (load, capacity, utilisation ...); a dimension the plan does not pack on is absent. */
const PerDimension = z.partialRecord(DimensionSchema, z.number());

export const PlannedHostSchema = z.strictObject({
  /** e.g. `std-2x32-03` */
  id: z.string(),
  model: z.string(),
  /** Target cluster / pool this host belongs to. */
  cluster: z.string(),
  pool: z.string().optional(),
  /** True for an N+K reserve host that holds no workloads by design. */
  reserve: z.boolean(),
  /** Why an empty host is in the plan: an N+K spare (`ha`, the default) or the HCI storage policy's minimum hosts. */
  reserveFor: z.enum(['ha', 'storage-policy']).optional(),
  /** Names of the workloads on this host (inventory `name`). */
  workloads: z.array(z.string()),
  /** Inventory `id`s, same order as `workloads`. */
  workloadIds: z.array(z.string()),
  load: PerDimension,
  capacity: PerDimension,
  /** load / capacity per dimension, 0-1. */
  utilization: PerDimension,
  /** The dimension with the highest utilisation on this host. */
  binding: DimensionSchema.nullable(),
  /** Time-series plans: the peak over slots of the summed demand, per dimension. */
  slotPeak: PerDimension.optional(),
});

export const UnplacedWorkloadSchema = z.strictObject({
  name: z.string(),
  id: z.string(),
  /** Machine-readable reason code, e.g. `exceeds-host-capacity`, `anti-affinity-infeasible`, `excluded`. */
  code: z.string(),
  /** Exact human reason: which resource of which model it exceeds, or which constraint blocks it. */
  reason: z.string(),
});

/** How one in-scope workload was sized: its demand per dimension and which utilisation figure each came from. */
export const WorkloadSizingSchema = z.strictObject({
  name: z.string(),
  id: z.string(),
  demand: PerDimension,
  /**
   * e.g. cpu `p95`, memory `allocated` (no memory figure), storage `provisioned`; `memoryBasis`: the memory measure
   * sized on (consumed, active, or allocated, which for a VM without the policy's figure is a counted fallback).
   */
  basis: z.strictObject({
    cpu: z.string(),
    memory: z.string(),
    memoryBasis: z.enum(['consumed', 'active', 'allocated']).optional(),
    storage: z.string().optional(),
  }),
  /** CPU demand in MHz of the workload's CPU today, before the CPU-generation conversion (demand.cpuMhz is after it). */
  sourceCpuMhz: z.number().optional(),
  /** CPU utilisation above 100 % of the vCPUs as measured, capped at 100 % for sizing (the measured %). */
  cpuCappedFromPct: z.number().optional(),
  clockGhz: z.number(),
  /** Where the clock came from: the workload, its joined host, or the policy default. */
  clockSource: z.enum(['workload', 'host', 'default']),
});

export const PlanSummarySchema = z.strictObject({
  /** Hosts after consolidation, reserve hosts included. */
  hosts: z.number(),
  /** Hosts before (the existing hosts the placed workloads run on, from the inventory). */
  hostsBefore: z.number(),
  hostsByModel: z.record(z.string(), z.number()),
  reserveHosts: z.number(),
  /** Lower bound on active (non-reserve) hosts plus the reserve the policy requires. Comparable with `hosts`. */
  lowerBound: z.number(),
  /** (hosts - lowerBound) / lowerBound, 0 when proven optimal at the bound. */
  gap: z.number(),
  placed: z.number(),
  unplaced: z.number(),
  /** workloads placed / hosts after. */
  consolidationRatio: z.number(),
  /** Mean utilisation per dimension, before (existing hosts, where known) and after (active hosts). */
  utilizationBefore: PerDimension,
  utilizationAfter: PerDimension,
  /** The dimension that decides the host count overall. */
  limitingDimension: DimensionSchema.nullable(),
  powerKwBefore: z.number().optional(),
  powerKwAfter: z.number(),
  energyKwhPerYearBefore: z.number().optional(),
  energyKwhPerYearAfter: z.number(),
  rackUnitsBefore: z.number().optional(),
  rackUnitsAfter: z.number(),
  hardwareCost: z.number(),
  licenceCost: z.number(),
  licenceCores: z.number(),
  currency: z.string(),
});

export const SolverFactsSchema = z.strictObject({
  algorithm: z.string(),
  seconds: z.number(),
  lowerBound: z.number(),
  /** Which bound gave `lowerBound` (continuous, large-item, column-generation LP, slot ...). */
  lowerBoundMethod: z.string(),
  gap: z.number(),
  provenOptimal: z.boolean(),
  /** Iterations / nodes spent: budgets count work, not wall-clock, so plans are reproducible. */
  iterations: z.number(),
  /** The objective minimised (policy.objective). */
  objective: z.enum(['cost', 'hosts']).optional(),
  /** Objective `cost`: lower bound on the cost of the active hosts (hardware + pool licences), and the plan's gap to it. */
  costLowerBound: z.number().optional(),
  costGap: z.number().optional(),
});

/**
 * The effective policy after defaults, as the config spells it (so a new policy key is added once, in the config
 * schema), plus the paths whose value was defaulted.
 */
export const PlanPolicySchema = PolicySchema.extend({ defaultsApplied: z.array(z.string()) });

/**
 * A catalog model as planned: the config's host model fields plus what the planner derived. The config's range
 * checks are not repeated on purpose: models made from the customer's existing hosts (`existing-*`) carry whatever
 * the inventory said, and a plan is not the place to re-judge them.
 */
export const PlannedHostModelSchema = z.strictObject({
  id: z.string(),
  sockets: z.number(),
  coresPerSocket: z.number(),
  cpuGhz: z.number(),
  cpuModel: z.string().optional(),
  perfIndex: z.number().optional(),
  memoryGib: z.number(),
  storageGib: z.number().optional(),
  /** external (SAN/NAS array, storage not packed) or hci (local capacity); absent in plans made before issue 10. */
  storage: z.enum(['external', 'hci']).optional(),
  iops: z.number().optional(),
  networkGbps: z.number().optional(),
  cost: z.number(),
  powerIdleW: z.number().optional(),
  powerMaxW: z.number().optional(),
  rackUnits: z.number().optional(),
  maxCount: z.number().optional(),
  cores: z.number(),
  rawCapacity: PerDimension,
  capacity: PerDimension,
  existing: z.boolean(),
});
// A host-model field added to the config schema must be added above as well: this fails to compile until it is.
const _everyConfigFieldPlanned: Exclude<keyof HostModelInput, keyof z.infer<typeof PlannedHostModelSchema>> extends never
  ? true
  : never = true;

/** One row of the external array sizing: a source datastore type (VMFS, NFS, vSAN, vVol, unknown) or the total. */
export const ArrayRowSchema = z.strictObject({
  type: z.string(),
  /** Today's datastores of this type (RVTools vDatastore), their capacity and use. */
  datastores: z.number(),
  currentCapacityGib: z.number(),
  currentUsedGib: z.number().optional(),
  /** Placed workloads with storage on this type (a workload on two types counts in both). */
  workloads: z.number(),
  /** The workloads' provisioned and used GiB on this type (split over their disks' datastores by disk size). */
  provisionedGib: z.number(),
  usedGib: z.number(),
  /** Usable array GiB needed: GiB / dedupe × f / targetUtilization.storage, on provisioned (thick) and used (thin). */
  neededProvisionedGib: z.number(),
  neededUsedGib: z.number(),
  /** The one on the configured basis (policy.storageBasis). */
  neededGib: z.number(),
});

export const ArraySizingSchema = z.strictObject({
  basis: z.enum(['provisioned', 'used']),
  /** f = (1 + headroom) × (1 + growth). */
  factor: z.number(),
  dedupe: z.number(),
  targetUtilization: z.number(),
  /** Placed workloads in pools on an external array. */
  workloads: z.number(),
  workloadsWithoutFigure: z.number(),
  /** Workloads with no used figure, counted at provisioned in the thin column. */
  usedFellBackToProvisioned: z.number(),
  byType: z.array(ArrayRowSchema),
  total: ArrayRowSchema,
});

/** Where one pool's storage lives; for HCI, the policy and the capacity it leaves. */
export const PoolStorageSchema = z.strictObject({
  pool: z.string(),
  storage: z.enum(['external', 'hci']),
  hosts: z.number(),
  clusters: z.number().optional(),
  policy: z.string().optional(),
  policyLabel: z.string().optional(),
  multiplier: z.number().optional(),
  minHostsPerCluster: z.number().optional(),
  slack: z.number().optional(),
  /** Σ storageGib of the pool's hosts, reserve included; usable = raw × (1 − slack); demand = Σ packed storage. */
  rawGib: z.number().optional(),
  usableGib: z.number().optional(),
  demandGib: z.number().optional(),
  /** The swap files' share of the demand (after the policy multiplier). */
  swapGib: z.number().optional(),
});

/** A cluster of the source estate as the inventory describes it (RVTools vCluster): the "before" side of HA. */
export const ClusterBeforeSchema = z.strictObject({
  name: z.string(),
  hosts: z.number().optional(),
  haEnabled: z.boolean().optional(),
  failoverLevel: z.number().optional(),
  admissionControl: z.boolean().optional(),
  drsEnabled: z.boolean().optional(),
});

/** A DRS rule of today's clusters and what the plan made of it (see src/plan/drs.ts). */
export const PlannedDrsRuleSchema = z.strictObject({
  label: z.string(),
  rule: z.string(),
  /** The rule's type in the inventory (`name only`: the export gave no type). */
  type: z.string(),
  /** VMs of the rule in the plan's scope. */
  workloads: z.number().int(),
  handling: z.enum(['anti-affinity', 'affinity', 'pool', 'not enforced']),
  pool: z.string().optional(),
  /** What decided the handling: the rule's type, the config (constraints.drsRules), or its name (old inventories). */
  basis: z.enum(['type', 'config', 'name']).optional(),
  reason: z.string().optional(),
});

/** One source cluster: Σ sized VM demand (before headroom and growth) against Σ measured host use (RVTools vHost). */
export const ReconciliationSchema = z.strictObject({
  cluster: z.string(),
  vcenter: z.string().optional(),
  /** Powered-on workloads in scope that run in the cluster today. */
  workloads: z.number(),
  hosts: z.number(),
  sizedCpuMhz: z.number(),
  measuredCpuMhz: z.number().optional(),
  cpuHostsMeasured: z.number().optional(),
  /** sized / measured. */
  cpuRatio: z.number().optional(),
  sizedMemoryMib: z.number(),
  measuredMemoryMib: z.number().optional(),
  memoryHostsMeasured: z.number().optional(),
  memoryRatio: z.number().optional(),
  /** The dimensions whose ratio is beyond policy.reconciliationFactor (either way). */
  flagged: z.array(z.enum(['cpu', 'memory'])),
});

/** CPU generations (issue 10): how CPU demand moved from today's CPUs to the new hosts (src/plan/cpu-performance.ts). */
export const CpuPerformanceSchema = z.strictObject({
  /** perf-index: by per-core performance; mhz: raw MHz (policy, or a target model without an index: mhzReason). */
  basis: z.enum(['perf-index', 'mhz']),
  mhzReason: z.string().optional(),
  /** The reference table and its source. */
  table: z.string(),
  tableSource: z.string(),
  metric: z.string(),
  /** The first host model: CPU figures are in MHz of its cores. */
  reference: z
    .strictObject({ model: z.string(), ghz: z.number(), index: z.number(), from: z.enum(['perfIndex', 'table']), family: z.string().optional(), source: z.string().optional() })
    .optional(),
  /** Each catalog model: its index and the factor on its raw MHz. */
  targets: z.array(
    z.strictObject({
      model: z.string(),
      cpuModel: z.string().optional(),
      ghz: z.number(),
      index: z.number().optional(),
      from: z.enum(['perfIndex', 'table']).optional(),
      family: z.string().optional(),
      accuracy: z.string().optional(),
      source: z.string().optional(),
      factor: z.number(),
    }),
  ),
  /** Each CPU model of today's hosts: the row matched, hosts, workloads in scope, and target MHz per source MHz. */
  sources: z.array(
    z.strictObject({
      cpuModel: z.string(),
      ghz: z.number(),
      hosts: z.number(),
      workloads: z.number(),
      family: z.string().optional(),
      index: z.number().optional(),
      accuracy: z.string().optional(),
      source: z.string().optional(),
      ratio: z.number(),
    }),
  ),
  /** Workloads in scope whose CPU moved as raw MHz (source CPU unknown or not in the table). */
  workloadsOnMhz: z.number(),
  unknownModels: z.array(z.string()),
});

/** Memory sizing (issue 10): the basis asked for, how many VMs used it or fell back, and the totals (MiB, scope). */
export const MemorySizingSchema = z.strictObject({
  /** policy.memoryBasis (allocated when policy.sizing is allocated). */
  basis: z.enum(['consumed', 'active', 'allocated']),
  workloads: z.number(),
  /** Workloads sized on each basis; `allocated` holds the fallbacks when the policy asked for consumed or active. */
  byBasis: z.record(z.string(), z.number()),
  fellBack: z.number(),
  /** Σ memory demand (with f) as packed. */
  plannedMib: z.number(),
  /** Σ configured memory. */
  allocatedMib: z.number(),
  /** Σ held memory (RVTools Consumed / memory used) at the memory percentile, over the workloads that have it. */
  consumedMib: z.number().optional(),
  withConsumed: z.number().optional(),
  /** Σ active memory estimate, over the workloads that have it. */
  activeMib: z.number().optional(),
  withActive: z.number().optional(),
});

const RightsizeChangeSchema = z.enum(['shrink', 'grow', 'same', 'no-data']);

/** One VM's right-sizing recommendation (issue 19.1, src/plan/rightsize.ts): today's size, the recommended one, why. */
export const RightsizeRowSchema = z.strictObject({
  name: z.string(),
  id: z.string(),
  vcpus: z.number(),
  vcpusAfter: z.number(),
  memoryMib: z.number(),
  memoryMibAfter: z.number(),
  /** Per dimension: shrunk, grown, unchanged, or no measured figure (kept as configured). */
  cpu: RightsizeChangeSchema,
  memory: RightsizeChangeSchema,
  /** vCPUs' worth used at the CPU percentile. */
  cpuUsed: z.number().optional(),
  /** Memory MiB held (memoryBasis) at the memory percentile. */
  memoryUsedMib: z.number().optional(),
  /** What the figures rest on: low = one snapshot reading, medium = a summary figure or a short series, high = a series. */
  confidence: z.enum(['high', 'medium', 'low', 'none']),
  confidenceBasis: z.string().optional(),
  reason: z.string(),
});

const RightsizeTallySchema = z.strictObject({ shrunk: z.number(), grown: z.number(), unchanged: z.number(), noData: z.number() });

/** Right-sizing of a plan made with policy.rightsize: the bounds used, the totals, and every in-scope VM. */
export const RightsizingSchema = z.strictObject({
  assumptions: z.strictObject({
    headroom: z.number(),
    maxShrink: z.number(),
    maxGrowth: z.number(),
    cpuPercentile: z.number(),
    memoryPercentile: z.number(),
    memoryBasis: z.enum(['consumed', 'active', 'allocated']),
  }),
  summary: z.strictObject({
    workloads: z.number(),
    cpu: RightsizeTallySchema.extend({ vcpusBefore: z.number(), vcpusAfter: z.number() }),
    memory: RightsizeTallySchema.extend({ gibBefore: z.number(), gibAfter: z.number() }),
    byConfidence: z.record(z.string(), z.number()),
  }),
  workloads: z.array(RightsizeRowSchema),
});

export const PlanSchema = z.strictObject({
  schema: z.literal(PLAN_SCHEMA),
  generatedBy: z.strictObject({ tool: z.literal('dcplan'), version: z.string() }),
  /** The effective policy and catalog after defaults, so the report can print every value. */
  policy: PlanPolicySchema,
  hostModels: z.array(PlannedHostModelSchema),
  /** The sizing formulas in words, as printed in the report. */
  formulas: z.array(z.string()),
  dimensions: z.array(DimensionSchema),
  hosts: z.array(PlannedHostSchema),
  unplaced: z.array(UnplacedWorkloadSchema),
  summary: PlanSummarySchema,
  solver: SolverFactsSchema,
  /** Time-series plans (issue 6): the peak-sum plan beside it and the hosts saved. */
  diversity: z
    .strictObject({
      basis: z.enum(['hourly', 'weekly']),
      /** Hosts when each workload is packed at the peak of its own slot demand (the same data, added up, no stacking). */
      peakSumHosts: z.number(),
      seriesHosts: z.number(),
      /** peakSumHosts − seriesHosts: what stacking complementary shapes saves. */
      hostsSaved: z.number(),
      /** Hosts of the ordinary plan on each workload's flat percentile (timeSeries: off), for comparison. */
      flatPercentileHosts: z.number().optional(),
    })
    .optional(),
  /** Storage (issue 10): per pool where it lives, and the external array's sizing when any pool uses one. */
  storage: z.strictObject({ pools: z.array(PoolStorageSchema), array: ArraySizingSchema.optional() }).optional(),
  /** HA (issue 10): the reserve the plan holds, and today's clusters' HA settings. */
  ha: z
    .strictObject({
      reserve: z.array(z.strictObject({ pool: z.string(), spareHosts: z.number(), reservePct: z.number() })),
      clustersBefore: z.array(ClusterBeforeSchema),
    })
    .optional(),
  /** Issue 12: cost before and after over the business case's horizon, when the config has a businessCase section. */
  businessCase: BusinessCaseSchema.optional(),
  /** Today's DRS rules (issue 11): how each was read (kept apart, kept together, sent to a pool, or not enforced). */
  drsRules: z.array(PlannedDrsRuleSchema).optional(),
  memory: MemorySizingSchema.optional(),
  cpuPerformance: CpuPerformanceSchema.optional(),
  /** Per source cluster: sized demand vs measured host use (issue 10). */
  reconciliation: z.array(ReconciliationSchema).optional(),
  /** Issue 19.1: the right-sizing the plan was made on (policy.rightsize); absent when the plan sizes VMs as configured. */
  rightsizing: RightsizingSchema.optional(),
  problems: z.array(ProblemSchema),
  /** Per in-scope workload (inventory order): the sizing behind the plan, for the report's appendix. */
  sizing: z.array(WorkloadSizingSchema).optional(),
});
