/**
 * Sizing: what one workload needs on a new host, per dimension, under the policy. The formulas (also printed in the
 * report via `sizingFormulas`):
 *
 *   f          = (1 + headroom) × (1 + growth)                              — applied to every dimension
 *   CPU MHz    = vcpus × clock GHz × 1000 × util% / 100 × f                  (performance, util in % of the vCPUs)
 *              = util MHz × f                                               (performance, util measured in MHz)
 *              = vcpus × clock GHz × 1000 / cpuOversubscription × f         (allocated, and the fallback without util)
 *   clock      = the workload's cpuMhz (its own or its current host's), else the joined inventory host's, else defaultCpuGhz
 *   memory MiB = memoryMib × memory% / 100 × f   |   memory MiB × f   |   memoryMib / memoryOvercommit × f
 *                memory% is the policy's memoryBasis: consumed (what the VM holds, default) or active (vSphere's
 *                estimate); a VM without that figure is sized on allocation (counted, "fell back")
 *   CPU util%  = capped at 100 for sizing (kept as measured in the inventory; the cap is counted)
 *   storage GiB= (provisioned | used) GiB / storageDedupe × f       (array capacity; on HCI clusters storage.ts adds the
 *                swap file and the storage policy's multiplier)
 *   IOPS, Mbps = measured value at the percentile × f
 * The utilisation figure is the metric's percentile (policy.percentiles[metric], else policy.percentile) when present, else a higher percentile, else the peak, else the
 * average; a snapshot is used as it is. Which figure was used is recorded per workload and counted for the report.
 */
import { Host, MetricUtil, Workload } from '../inventory/schema';
import { DEFAULT_POLICY, Policy } from '../config/defaults';
import { Dimension } from './types';
import type { CpuConversion } from './cpu-performance';

export type UtilFigure = 'p50' | 'p90' | 'p95' | 'p99' | 'peak' | 'avg' | 'snapshot' | 'allocated';

export type MemoryBasis = 'consumed' | 'active' | 'allocated';

export interface Demand {
  /** CPU demand on the target, in target MHz (the source MHz moved by CPU performance index, cpu-performance.ts). */
  cpuMhz: number;
  /** CPU demand in MHz of the workload's current CPU (the figure the source hosts measure). */
  sourceCpuMhz: number;
  memoryMib: number;
  storageGib?: number;
  iops?: number;
  networkMbps?: number;
  /** Which figure each dimension was sized on; memoryBasis: the memory measure (allocated = no figure, or asked). */
  basis: { cpu: UtilFigure; memory: UtilFigure; memoryBasis: MemoryBasis; storage?: 'provisioned' | 'used' | 'provisioned (no used figure)' };
  clockGhz: number;
  clockSource: 'workload' | 'host' | 'default';
  /** The measured CPU % of the vCPUs when it was above 100 and sizing capped it at 100. */
  cpuCappedFromPct?: number;
}

/**
 * The percentile a metric is sized on: policy.percentiles[metric], else policy.percentile (a plan.json's policy may
 * leave it out: the default then).
 */
export function metricPercentile(
  policy: Pick<Policy, 'percentiles'> & { percentile?: number },
  metric: 'cpu' | 'memory' | 'iops' | 'network',
): number {
  return policy.percentiles?.[metric] ?? policy.percentile ?? DEFAULT_POLICY.percentile;
}

const PERCENTILE_FIELDS: [number, 'p50' | 'p90' | 'p95' | 'p99'][] = [
  [50, 'p50'],
  [90, 'p90'],
  [95, 'p95'],
  [99, 'p99'],
];

/** The utilisation value to size on, and its name; undefined when the metric has no usable figure. */
export function pickUtil(metric: MetricUtil | undefined, percentile: number): { value: number; figure: UtilFigure } | undefined {
  if (!metric) return undefined;
  if (metric.basis === 'snapshot') {
    const v = metric.avg ?? metric.peak ?? metric.p50 ?? metric.p95;
    return v === undefined ? undefined : { value: v, figure: 'snapshot' };
  }
  if (percentile < 100) {
    for (const [p, field] of PERCENTILE_FIELDS) {
      if (p < percentile) continue;
      const v = metric[field];
      if (v !== undefined) return { value: v, figure: field };
    }
  }
  if (metric.peak !== undefined) return { value: metric.peak, figure: 'peak' };
  if (metric.avg !== undefined) return { value: metric.avg, figure: 'avg' };
  return undefined;
}

export function demandFactor(policy: Pick<Policy, 'headroom' | 'growth'>): number {
  return (1 + policy.headroom) * (1 + policy.growth);
}

export function workloadClock(w: Workload, hostsById: Map<string, Host>, policy: Policy): { ghz: number; source: Demand['clockSource'] } {
  if (w.cpuMhz && w.cpuMhz > 0) return { ghz: w.cpuMhz / 1000, source: 'workload' };
  const h = w.location.hostId ? hostsById.get(w.location.hostId) : undefined;
  if (h && h.cpuMhz > 0) return { ghz: h.cpuMhz / 1000, source: 'host' };
  return { ghz: policy.defaultCpuGhz, source: 'default' };
}

export function provisionedGib(w: Workload): number | undefined {
  if (w.provisionedGib !== undefined) return w.provisionedGib;
  if (w.disks.length > 0) return w.disks.reduce((s, d) => s + d.capacityGib, 0);
  return undefined;
}

export function usedGib(w: Workload): number | undefined {
  if (w.usedGib !== undefined) return w.usedGib;
  if (w.disks.length > 0 && w.disks.every((d) => d.usedGib !== undefined)) return w.disks.reduce((s, d) => s + (d.usedGib ?? 0), 0);
  return undefined;
}

/**
 * `conversion` moves the CPU demand from the workload's current CPU to the new hosts by per-core performance
 * (cpu-performance.ts); without it CPU stays in MHz of the current CPU.
 */
export function sizeWorkload(w: Workload, policy: Policy, hostsById: Map<string, Host>, conversion?: CpuConversion): Demand {
  const f = demandFactor(policy);
  const clock = workloadClock(w, hostsById, policy);
  const cpu = cpuDemand(w, policy, clock.ghz, f);
  const cpuFactor = conversion ? conversion.workloadFactor(w, clock.ghz) : 1;
  const mem = memoryDemand(w, policy, f);
  const memoryMib = mem.mib;
  const d: Demand = {
    cpuMhz: cpu.mhz * cpuFactor,
    sourceCpuMhz: cpu.mhz,
    memoryMib,
    basis: { cpu: cpu.figure, memory: mem.figure, memoryBasis: mem.basis },
    clockGhz: clock.ghz,
    clockSource: clock.source,
  };
  if (cpu.cappedFromPct !== undefined) d.cpuCappedFromPct = cpu.cappedFromPct;
  const prov = provisionedGib(w);
  const used = usedGib(w);
  let storage: number | undefined;
  if (policy.storageBasis === 'used' && used !== undefined) {
    storage = used;
    d.basis.storage = 'used';
  } else if (prov !== undefined) {
    storage = prov;
    d.basis.storage = policy.storageBasis === 'used' ? 'provisioned (no used figure)' : 'provisioned';
  }
  if (storage !== undefined) d.storageGib = (storage / policy.storageDedupe) * f;
  const io = pickUtil(w.utilization.diskIops, metricPercentile(policy, 'iops'));
  if (io) d.iops = io.value * f;
  const net = pickUtil(w.utilization.networkMbps, metricPercentile(policy, 'network'));
  if (net) d.networkMbps = net.value * f;
  return d;
}

/**
 * CPU MHz on the source: the measured figure at the CPU percentile (a % above 100 capped at 100, and said so), else the
 * allocation (vCPUs × clock / cpuOversubscription).
 */
function cpuDemand(w: Workload, policy: Policy, ghz: number, f: number): { mhz: number; figure: UtilFigure; cappedFromPct?: number } {
  const allocated = { mhz: ((w.vcpus * ghz * 1000) / policy.cpuOversubscription) * f, figure: 'allocated' as UtilFigure };
  const m = w.utilization.cpu;
  if (policy.sizing !== 'performance' || !m) return allocated;
  const cu = pickUtil(m, metricPercentile(policy, 'cpu'));
  if (!cu) return allocated;
  if (m.unit === 'MHz') return { mhz: cu.value * f, figure: cu.figure };
  const pct = Math.min(cu.value, 100);
  const out = { mhz: ((w.vcpus * ghz * 1000 * pct) / 100) * f, figure: cu.figure };
  return cu.value > 100 ? { ...out, cappedFromPct: cu.value } : out;
}

/**
 * Memory MiB on the policy's basis: consumed (what the VM holds: `utilization.memory`), active (`memoryActive`), or
 * allocated (memory / memoryOvercommit), which is also where a VM without the asked figure lands (counted by the
 * planner as a fallback).
 */
function memoryDemand(w: Workload, policy: Policy, f: number): { mib: number; figure: UtilFigure; basis: MemoryBasis } {
  const allocated = { mib: (w.memoryMib / policy.memoryOvercommit) * f, figure: 'allocated' as UtilFigure, basis: 'allocated' as MemoryBasis };
  if (policy.sizing !== 'performance' || policy.memoryBasis === 'allocated') return allocated;
  const m = policy.memoryBasis === 'active' ? w.utilization.memoryActive : w.utilization.memory;
  const mu = pickUtil(m, metricPercentile(policy, 'memory'));
  if (!mu || !m) return allocated;
  const mib = m.unit === 'MiB' ? mu.value * f : ((w.memoryMib * mu.value) / 100) * f;
  return { mib, figure: mu.figure, basis: policy.memoryBasis };
}

/**
 * The demand of `w` in a time-varying dimension per unit of its utilisation figure: sizeWorkload's formula for a
 * figure of exactly 1 (the formulas are linear in the figure). Time-series packing multiplies it by each slot's shape
 * value. Same operations in the same order as sizeWorkload (× 1 is exact): it is what sizeWorkload gives for the
 * workload with a figure of 1, bit for bit, and k × figure equals the flat demand up to float rounding.
 */
export function perUnitDemand(
  w: Workload,
  unit: MetricUtil['unit'],
  dim: Dimension,
  clockGhz: number,
  policy: Pick<Policy, 'headroom' | 'growth'>,
): number {
  const f = demandFactor(policy);
  if (dim === 'cpuMhz') return unit === 'MHz' ? f : ((w.vcpus * clockGhz * 1000) / 100) * f;
  if (dim === 'memoryMib') return unit === 'MiB' ? f : (w.memoryMib / 100) * f;
  if (dim === 'iops' || dim === 'networkMbps') return f;
  return 0;
}

/** The formulas with the policy's numbers, as the report prints them. */
export function sizingFormulas(policy: Policy): string[] {
  const f = demandFactor(policy);
  const tu = policy.targetUtilization;
  const pctOf = (m: 'cpu' | 'memory' | 'iops' | 'network') => {
    const p = metricPercentile(policy, m);
    return p >= 100 ? 'peak' : `P${p}`;
  };
  const lines = [
    `demand factor f = (1 + headroom ${policy.headroom}) × (1 + growth ${policy.growth}) = ${round(f, 4)}`,
  ];
  if (policy.sizing === 'performance') {
    lines.push(
      `CPU demand (MHz) = vCPUs × clock GHz × 1000 × min(CPU utilisation ${pctOf('cpu')} %, 100) / 100 × f; ` +
        `clock = the workload's or its current host's, else ${policy.defaultCpuGhz} GHz; ` +
        `without CPU utilisation: vCPUs × clock GHz × 1000 / ${policy.cpuOversubscription} × f`,
      policy.memoryBasis === 'allocated'
        ? `memory demand (MiB) = memory MiB / overcommit ${policy.memoryOvercommit} × f (memoryBasis allocated)`
        : `memory demand (MiB) = memory MiB × ${policy.memoryBasis} memory ${pctOf('memory')} % / 100 × f ` +
            `(${policy.memoryBasis === 'consumed' ? 'RVTools vMemory Consumed or a monitoring tool\'s memory used' : 'RVTools vMemory Active'}); ` +
            `without that figure: memory MiB / ${policy.memoryOvercommit} × f`,
    );
  } else {
    lines.push(
      `CPU demand (MHz) = vCPUs × clock GHz × 1000 / oversubscription ${policy.cpuOversubscription} × f; ` +
        `clock = the workload's or its current host's, else ${policy.defaultCpuGhz} GHz`,
      `memory demand (MiB) = memory MiB / overcommit ${policy.memoryOvercommit} × f`,
    );
  }
  lines.push(
    `storage demand (GiB) = ${policy.storageBasis} GiB / dedupe ${policy.storageDedupe} × f (external array: summed per datastore type, not packed on hosts)`,
    `IOPS and network demand = measured ${pctOf('iops')} / ${pctOf('network')} × f`,
    `host CPU capacity (MHz) = sockets × cores per socket × cpuGhz × 1000 × target ${tu.cpu}`,
    policy.cpuComparison === 'perf-index'
      ? 'CPU generations (cpuComparison perf-index): CPU demand × (index of the VM\'s CPU today / its clock GHz) × (clock / index of the first host model); ' +
        'host CPU capacity × (its index / its clock) × (the same); index = SPECrate2017_int_base per core (rules/reference/cpu-performance.yaml, or a model\'s perfIndex); ' +
        'a CPU the table does not know keeps raw MHz'
      : 'CPU generations: not converted (cpuComparison mhz): MHz of today\'s CPUs are compared with MHz of the new hosts',
    `host memory capacity (MiB) = memoryGib × 1024 × target ${tu.memory}; ` +
      `IOPS = iops × target ${tu.iops}; network (Mbps) = networkGbps × 1000 × target ${tu.network}`,
  );
  return lines;
}

export function round(x: number, digits = 2): number {
  const p = 10 ** digits;
  return Math.round(x * p) / p;
}
