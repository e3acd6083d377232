/**
 * The plan (`plan.json`) contract read by `verify`, the reports and the tests.
 * The planner owns how it is produced; this file owns what it looks like.
 */
import { Problem } from '../diagnostics';

export const PLAN_SCHEMA = 'dcplan.plan/v1';

/** Dimensions a plan can pack on. A plan uses the subset the inventory has data for. */
export type Dimension = 'cpuMhz' | 'memoryMib' | 'storageGib' | 'iops' | 'networkMbps';

export interface PlannedHost {
  /** e.g. `std-2x32-03` */
  id: string;
  model: string;
  /** Target cluster / pool this host belongs to. */
  cluster: string;
  pool?: string;
  /** True for an N+K reserve host that holds no workloads by design. */
  reserve: boolean;
  /** Why an empty host is in the plan: an N+K spare (`ha`, the default) or the HCI storage policy's minimum hosts. */
  reserveFor?: 'ha' | 'storage-policy';
  /** Names of the workloads on this host (inventory `name`). */
  workloads: string[];
  /** Inventory `id`s, same order as `workloads`. */
  workloadIds: string[];
  load: Partial<Record<Dimension, number>>;
  capacity: Partial<Record<Dimension, number>>;
  /** load / capacity per dimension, 0-1. */
  utilization: Partial<Record<Dimension, number>>;
  /** The dimension with the highest utilisation on this host. */
  binding: Dimension | null;
  /** Time-series plans: the peak over slots of the summed demand, per dimension. */
  slotPeak?: Partial<Record<Dimension, number>>;
}

export interface UnplacedWorkload {
  name: string;
  id: string;
  /** Machine-readable reason code, e.g. `exceeds-host-capacity`, `anti-affinity-infeasible`, `excluded`. */
  code: string;
  /** Exact human reason: which resource of which model it exceeds, or which constraint blocks it. */
  reason: string;
}

/** How one in-scope workload was sized: its demand per dimension and which utilisation figure each came from. */
export interface WorkloadSizing {
  name: string;
  id: string;
  demand: Partial<Record<Dimension, number>>;
  /** e.g. cpu `p95`, memory `allocated` (no memory figure), storage `provisioned`. */
  basis: { cpu: string; memory: string; storage?: string };
  clockGhz: number;
  /** Where the clock came from: the workload, its joined host, or the policy default. */
  clockSource: 'workload' | 'host' | 'default';
}

export interface PlanSummary {
  /** Hosts after consolidation, reserve hosts included. */
  hosts: number;
  /** Hosts before (the existing hosts the placed workloads run on, from the inventory). */
  hostsBefore: number;
  hostsByModel: Record<string, number>;
  reserveHosts: number;
  /** Lower bound on active (non-reserve) hosts plus the reserve the policy requires. Comparable with `hosts`. */
  lowerBound: number;
  /** (hosts - lowerBound) / lowerBound, 0 when proven optimal at the bound. */
  gap: number;
  placed: number;
  unplaced: number;
  /** workloads placed / hosts after. */
  consolidationRatio: number;
  /** Mean utilisation per dimension, before (existing hosts, where known) and after (active hosts). */
  utilizationBefore: Partial<Record<Dimension, number>>;
  utilizationAfter: Partial<Record<Dimension, number>>;
  /** The dimension that decides the host count overall. */
  limitingDimension: Dimension | null;
  powerKwBefore?: number;
  powerKwAfter: number;
  energyKwhPerYearBefore?: number;
  energyKwhPerYearAfter: number;
  rackUnitsBefore?: number;
  rackUnitsAfter: number;
  hardwareCost: number;
  licenceCost: number;
  licenceCores: number;
  currency: string;
}

export interface SolverFacts {
  algorithm: string;
  seconds: number;
  lowerBound: number;
  /** Which bound gave `lowerBound` (continuous, large-item, column-generation LP, slot ...). */
  lowerBoundMethod: string;
  gap: number;
  provenOptimal: boolean;
  /** Iterations / nodes spent: budgets count work, not wall-clock, so plans are reproducible. */
  iterations: number;
  /** The objective minimised (policy.objective). */
  objective?: 'cost' | 'hosts';
  /**
   * Objective `cost`: lower bound on the cost of the hosts, N+K spares included (hardware + pool licences; the spares are
   * part of the model-mix decision), and the plan's gap to it.
   */
  costLowerBound?: number;
  costGap?: number;
}

/** One row of the external array sizing: a source datastore type (VMFS, NFS, vSAN, vVol, unknown) or the total. */
export interface ArrayRow {
  type: string;
  /** Today's datastores of this type (RVTools vDatastore), their capacity and use. */
  datastores: number;
  currentCapacityGib: number;
  currentUsedGib?: number;
  /** Placed workloads with storage on this type (a workload on two types counts in both). */
  workloads: number;
  /** The workloads' provisioned and used GiB on this type (split over their disks' datastores by disk size). */
  provisionedGib: number;
  usedGib: number;
  /** Usable array GiB needed: GiB / dedupe × f / targetUtilization.storage, on provisioned (thick) and used (thin). */
  neededProvisionedGib: number;
  neededUsedGib: number;
  /** The one on the configured basis (policy.storageBasis). */
  neededGib: number;
}

export interface ArraySizing {
  basis: 'provisioned' | 'used';
  /** f = (1 + headroom) × (1 + growth). */
  factor: number;
  dedupe: number;
  targetUtilization: number;
  /** Placed workloads in pools on an external array. */
  workloads: number;
  workloadsWithoutFigure: number;
  /** Workloads with no used figure, counted at provisioned in the thin column. */
  usedFellBackToProvisioned: number;
  byType: ArrayRow[];
  total: ArrayRow;
}

/** Where one pool's storage lives; for HCI, the policy and the capacity it leaves. */
export interface PoolStorage {
  pool: string;
  storage: 'external' | 'hci';
  hosts: number;
  clusters?: number;
  policy?: string;
  policyLabel?: string;
  multiplier?: number;
  minHostsPerCluster?: number;
  slack?: number;
  /** Σ storageGib of the pool's hosts, reserve included; usable = raw × (1 − slack); demand = Σ packed storage. */
  rawGib?: number;
  usableGib?: number;
  demandGib?: number;
  /** The swap files' share of the demand (after the policy multiplier). */
  swapGib?: number;
}

/** A cluster of the source estate as the inventory describes it (RVTools vCluster): the "before" side of HA. */
export interface ClusterBefore {
  name: string;
  hosts?: number;
  haEnabled?: boolean;
  failoverLevel?: number;
  admissionControl?: boolean;
  drsEnabled?: boolean;
}

export interface Plan {
  schema: typeof PLAN_SCHEMA;
  generatedBy: { tool: 'dcplan'; version: string };
  /** The effective policy and catalog after defaults, so the report can print every value. */
  policy: Record<string, unknown>;
  hostModels: Record<string, unknown>[];
  /** The sizing formulas in words, as printed in the report. */
  formulas: string[];
  dimensions: Dimension[];
  hosts: PlannedHost[];
  unplaced: UnplacedWorkload[];
  summary: PlanSummary;
  solver: SolverFacts;
  /** Time-series plans (issue 6): the peak-sum plan beside it and the hosts saved. */
  diversity?: {
    basis: 'hourly' | 'weekly';
    /** Hosts when each workload is packed at the peak of its own slot demand (the same data, added up, no stacking). */
    peakSumHosts: number;
    seriesHosts: number;
    /** peakSumHosts − seriesHosts: what stacking complementary shapes saves. */
    hostsSaved: number;
    /** Hosts of the ordinary plan on each workload's flat percentile (timeSeries: off), for comparison. */
    flatPercentileHosts?: number;
  };
  /** Storage (issue 10): per pool where it lives, and the external array's sizing when any pool uses one. */
  storage?: { pools: PoolStorage[]; array?: ArraySizing };
  /** HA (issue 10): the reserve the plan holds, and today's clusters' HA settings. */
  ha?: {
    reserve: { pool: string; spareHosts: number; reservePct: number }[];
    clustersBefore: ClusterBefore[];
  };
  problems: Problem[];
  /** Per in-scope workload (inventory order): the sizing behind the plan, for the report's appendix. */
  sizing?: WorkloadSizing[];
}
