/**
 * The verifier's own sizing arithmetic, written from the issue text (issue 3, "Sizing policy") and NOT shared with the
 * planner, so that a sizing bug in the planner shows up as a mismatch instead of being checked against itself.
 *
 *   f            = (1 + headroom) × (1 + growth)
 *   CPU MHz      = vcpus × clock GHz × 1000 × util% / 100 × f        performance sizing, utilisation in % of the vCPUs
 *                = util MHz × f                                      performance sizing, utilisation measured in MHz
 *                = vcpus × clock GHz × 1000 / cpuOversubscription × f   allocated sizing, or no CPU utilisation
 *   clock        = the workload's own cpuMhz, else its joined host's cpuMhz, else policy.defaultCpuGhz
 *                util% capped at 100 (the inventory keeps what was measured)
 *   memory MiB   = memoryMib × util% / 100 × f  |  util MiB × f  |  memoryMib / memoryOvercommit × f, where util is the
 *                  memoryBasis figure: consumed = utilization.memory, active = utilization.memoryActive; none, or
 *                  memoryBasis allocated → memoryMib / memoryOvercommit × f
 *   percentile   = policy.percentiles[metric] when set, else policy.percentile
 *   storage GiB  = provisioned or used GiB / storageDedupe × f   (used falls back to provisioned): the external array's
 *                  figure; on an HCI host storage.ts replaces it with the policy-multiplied figure plus the swap file
 *   IOPS, Mbps   = measured figure × f
 *   utilisation figure: the policy percentile if recorded, else the next higher recorded percentile (p50 < p90 < p95 < p99),
 *                  else the peak, else the average (percentile 100 = the peak); a snapshot reading is used as it is.
 *   CPU generation: CPU MHz × workloadFactor, host MHz × modelFactor — the one rule in src/plan/cpu-performance.ts,
 *                  deliberately shared (a per-core index table and its matching must not exist twice)
 *   host capacity = raw × target utilisation: sockets × coresPerSocket × cpuGhz × 1000 MHz, memoryGib × 1024 MiB,
 *                  iops, networkGbps × 1000 Mbps; storage only on HCI models: storageGib × (1 − storageSlack).
 */
import type { Host, MetricUtil, Workload } from '../inventory/schema';
import type { Dimension } from '../plan/types';
import type { CpuConversion } from '../plan/cpu-performance';

export interface SizingPolicy {
  sizing: 'performance' | 'allocated';
  percentile: number;
  percentiles?: { cpu?: number; memory?: number; iops?: number; network?: number };
  memoryBasis: 'consumed' | 'active' | 'allocated';
  headroom: number;
  growth: number;
  cpuOversubscription: number;
  memoryOvercommit: number;
  storageBasis: 'provisioned' | 'used';
  storagePolicy: string;
  storageSlack: number;
  storageSwap: boolean;
  storageDedupe: number;
  defaultCpuGhz: number;
  targetUtilization: { cpu: number; memory: number; storage: number; iops: number; network: number };
  /** CPU generations: the shared conversion (absent: raw MHz). */
  cpuConversion?: CpuConversion;
}

export interface ModelSpec {
  id: string;
  sockets: number;
  coresPerSocket: number;
  cpuGhz: number;
  cpuModel?: string;
  perfIndex?: number;
  memoryGib: number;
  storageGib?: number;
  /** external (array, no storage capacity on the host) or hci; absent = hci when storageGib is given. */
  storage?: 'external' | 'hci';
  iops?: number;
  networkGbps?: number;
}

export type Vector = Partial<Record<Dimension, number>>;

/** The recorded figure to size on, or undefined when the metric has none. */
export function utilFigure(m: MetricUtil | undefined, percentile: number): number | undefined {
  if (m === undefined) return undefined;
  if (m.basis === 'snapshot') return m.avg ?? m.peak ?? m.p50 ?? m.p95;
  if (percentile < 100) {
    const byRank: [number, number | undefined][] = [
      [50, m.p50],
      [90, m.p90],
      [95, m.p95],
      [99, m.p99],
    ];
    for (const [p, v] of byRank) if (p >= percentile && v !== undefined) return v;
  }
  return m.peak ?? m.avg;
}

function clockGhz(w: Workload, hosts: Map<string, Host>, policy: SizingPolicy): number {
  if (w.cpuMhz !== undefined && w.cpuMhz > 0) return w.cpuMhz / 1000;
  const h = w.location.hostId !== undefined ? hosts.get(w.location.hostId) : undefined;
  if (h !== undefined && h.cpuMhz > 0) return h.cpuMhz / 1000;
  return policy.defaultCpuGhz;
}

function diskSum(w: Workload, field: 'capacityGib' | 'usedGib'): number | undefined {
  if (w.disks.length === 0) return undefined;
  let s = 0;
  for (const d of w.disks) {
    const v = d[field];
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

/** Demand of one workload per dimension; `cpuUtil`/`memUtil` override the utilisation figure (one time slot). */
export function workloadDemand(
  w: Workload,
  policy: SizingPolicy,
  hosts: Map<string, Host>,
  override?: { cpu?: number; memory?: number; diskIops?: number; networkMbps?: number },
): Vector {
  const f = (1 + policy.headroom) * (1 + policy.growth);
  const ghz = clockGhz(w, hosts, policy);
  const out: Vector = {};
  const perf = policy.sizing === 'performance';
  const pct = (m: 'cpu' | 'memory' | 'iops' | 'network') => policy.percentiles?.[m] ?? policy.percentile;
  const cpuU = override?.cpu ?? utilFigure(w.utilization.cpu, pct('cpu'));
  if (perf && cpuU !== undefined && w.utilization.cpu !== undefined) {
    out.cpuMhz = w.utilization.cpu.unit === 'MHz' ? cpuU * f : w.vcpus * ghz * 1000 * (Math.min(cpuU, 100) / 100) * f;
  } else {
    out.cpuMhz = ((w.vcpus * ghz * 1000) / policy.cpuOversubscription) * f;
  }
  if (policy.cpuConversion) out.cpuMhz *= policy.cpuConversion.workloadFactor(w, ghz);
  const memMetric = policy.memoryBasis === 'consumed' ? w.utilization.memory : policy.memoryBasis === 'active' ? w.utilization.memoryActive : undefined;
  const memU = memMetric === undefined ? undefined : (override?.memory ?? utilFigure(memMetric, pct('memory')));
  if (perf && memU !== undefined && memMetric !== undefined) {
    out.memoryMib = memMetric.unit === 'MiB' ? memU * f : w.memoryMib * (memU / 100) * f;
  } else {
    out.memoryMib = (w.memoryMib / policy.memoryOvercommit) * f;
  }
  const provisioned = w.provisionedGib ?? diskSum(w, 'capacityGib');
  const used = w.usedGib ?? diskSum(w, 'usedGib');
  const storage = policy.storageBasis === 'used' ? (used ?? provisioned) : provisioned;
  if (storage !== undefined) out.storageGib = (storage / policy.storageDedupe) * f;
  const iops = override?.diskIops ?? utilFigure(w.utilization.diskIops, pct('iops'));
  if (iops !== undefined) out.iops = iops * f;
  const net = override?.networkMbps ?? utilFigure(w.utilization.networkMbps, pct('network'));
  if (net !== undefined) out.networkMbps = net * f;
  return out;
}

export function modelCapacity(m: ModelSpec, policy: SizingPolicy): Vector {
  const t = policy.targetUtilization;
  const cap: Vector = {
    cpuMhz: m.sockets * m.coresPerSocket * m.cpuGhz * 1000 * (policy.cpuConversion?.modelFactor(m) ?? 1) * t.cpu,
    memoryMib: m.memoryGib * 1024 * t.memory,
  };
  if (m.storageGib !== undefined && (m.storage ?? 'hci') === 'hci') cap.storageGib = m.storageGib * (1 - policy.storageSlack);
  if (m.iops !== undefined) cap.iops = m.iops * t.iops;
  if (m.networkGbps !== undefined) cap.networkMbps = m.networkGbps * 1000 * t.network;
  return cap;
}
