/**
 * Sizing: what one workload needs on a new host, per dimension, under the policy. The formulas (also printed in the
 * report via `sizingFormulas`):
 *
 *   f          = (1 + headroom) × (1 + growth)                              — applied to every dimension
 *   CPU MHz    = vcpus × clock GHz × 1000 × util% / 100 × f                  (performance, util in % of the vCPUs)
 *              = util MHz × f                                               (performance, util measured in MHz)
 *              = vcpus × clock GHz × 1000 / cpuOversubscription × f         (allocated, and the fallback without util)
 *   clock      = the workload's cpuMhz (its own or its current host's), else the joined inventory host's, else defaultCpuGhz
 *   memory MiB = memoryMib × util% / 100 × f   |   util MiB × f   |   memoryMib / memoryOvercommit × f
 *   storage GiB= (provisioned | used) GiB / storageDedupe × f       (array capacity; on HCI clusters storage.ts adds the
 *                swap file and the storage policy's multiplier)
 *   IOPS, Mbps = measured value at the percentile × f
 * The utilisation figure is the policy percentile when present, else a higher percentile, else the peak, else the
 * average; a snapshot is used as it is. Which figure was used is recorded per workload and counted for the report.
 */
import { Host, MetricUtil, Workload } from '../inventory/schema';
import { Policy } from '../config/defaults';

export type UtilFigure = 'p50' | 'p90' | 'p95' | 'p99' | 'peak' | 'avg' | 'snapshot' | 'allocated';

export interface Demand {
  cpuMhz: number;
  memoryMib: number;
  storageGib?: number;
  iops?: number;
  networkMbps?: number;
  /** Which figure each dimension was sized on. */
  basis: { cpu: UtilFigure; memory: UtilFigure; storage?: 'provisioned' | 'used' | 'provisioned (no used figure)' };
  clockGhz: number;
  clockSource: 'workload' | 'host' | 'default';
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

export function demandFactor(policy: Policy): number {
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

export function sizeWorkload(w: Workload, policy: Policy, hostsById: Map<string, Host>): Demand {
  const f = demandFactor(policy);
  const clock = workloadClock(w, hostsById, policy);
  const allocatedCpu = ((w.vcpus * clock.ghz * 1000) / policy.cpuOversubscription) * f;
  const allocatedMem = (w.memoryMib / policy.memoryOvercommit) * f;
  let cpuMhz = allocatedCpu;
  let cpuFig: UtilFigure = 'allocated';
  let memoryMib = allocatedMem;
  let memFig: UtilFigure = 'allocated';
  if (policy.sizing === 'performance') {
    const cu = pickUtil(w.utilization.cpu, policy.percentile);
    if (cu && w.utilization.cpu) {
      cpuMhz = w.utilization.cpu.unit === 'MHz' ? cu.value * f : ((w.vcpus * clock.ghz * 1000 * cu.value) / 100) * f;
      cpuFig = cu.figure;
    }
    const mu = pickUtil(w.utilization.memory, policy.percentile);
    if (mu && w.utilization.memory) {
      memoryMib = w.utilization.memory.unit === 'MiB' ? mu.value * f : ((w.memoryMib * mu.value) / 100) * f;
      memFig = mu.figure;
    }
  }
  const d: Demand = { cpuMhz, memoryMib, basis: { cpu: cpuFig, memory: memFig }, clockGhz: clock.ghz, clockSource: clock.source };
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
  const io = pickUtil(w.utilization.diskIops, policy.percentile);
  if (io) d.iops = io.value * f;
  const net = pickUtil(w.utilization.networkMbps, policy.percentile);
  if (net) d.networkMbps = net.value * f;
  return d;
}

/** The formulas with the policy's numbers, as the report prints them. */
export function sizingFormulas(policy: Policy): string[] {
  const f = demandFactor(policy);
  const tu = policy.targetUtilization;
  const pct = policy.percentile >= 100 ? 'peak' : `P${policy.percentile}`;
  const lines = [
    `demand factor f = (1 + headroom ${policy.headroom}) × (1 + growth ${policy.growth}) = ${round(f, 4)}`,
  ];
  if (policy.sizing === 'performance') {
    lines.push(
      `CPU demand (MHz) = vCPUs × clock GHz × 1000 × CPU utilisation ${pct} % / 100 × f; ` +
        `clock = the workload's or its current host's, else ${policy.defaultCpuGhz} GHz; ` +
        `without CPU utilisation: vCPUs × clock GHz × 1000 / ${policy.cpuOversubscription} × f`,
      `memory demand (MiB) = memory MiB × memory utilisation ${pct} % / 100 × f; ` +
        `without memory utilisation: memory MiB / ${policy.memoryOvercommit} × f`,
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
    `IOPS and network demand = measured ${pct} × f`,
    `host CPU capacity (MHz) = sockets × cores per socket × cpuGhz × 1000 × target ${tu.cpu}`,
    `host memory capacity (MiB) = memoryGib × 1024 × target ${tu.memory}; ` +
      `IOPS = iops × target ${tu.iops}; network (Mbps) = networkGbps × 1000 × target ${tu.network}`,
  );
  return lines;
}

export function round(x: number, digits = 2): number {
  const p = 10 ** digits;
  return Math.round(x * p) / p;
}
