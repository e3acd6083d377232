import { MetricUtil, Workload } from '../inventory/schema';
import { round } from '../collect/read/numbers';

/**
 * The utilisation figures an import template asks for. The vendors' templates take averages over their discovery window
 * (Azure Migrate "CPU utilization percentage", AWS `CPU.UsagePct.Avg`), so the average is written; a workload whose
 * source gave only a percentile or a peak gets an empty cell (never a peak passed off as an average), counted by the caller.
 */
export type Figure = 'avg' | 'peak' | 'p95';

/** A metric as a percentage of the workload's allocation: CPU % of its vCPUs, memory % of its memory. */
export function pctOf(w: Workload, metric: 'cpu' | 'memory', figure: Figure): number | undefined {
  const m: MetricUtil | undefined = w.utilization[metric];
  const v = m?.[figure];
  if (m === undefined || v === undefined) return undefined;
  if (m.unit === 'pct') return round(v);
  if (metric === 'memory' && m.unit === 'MiB') return w.memoryMib > 0 ? round((v / w.memoryMib) * 100) : undefined;
  if (metric === 'cpu' && m.unit === 'MHz') {
    const capacity = w.cpuMhz !== undefined ? w.vcpus * w.cpuMhz : undefined;
    return capacity ? round((v / capacity) * 100) : undefined;
  }
  return undefined;
}

/** An absolute metric (IOPS, Mbps) at the given figure. */
export function absolute(w: Workload, metric: 'diskIops' | 'networkMbps', figure: Figure): number | undefined {
  const v = w.utilization[metric]?.[figure];
  return v === undefined ? undefined : round(v);
}

/** True when the workload has a utilisation metric but not the average the templates ask for. */
export function lacksAverage(w: Workload, metric: 'cpu' | 'memory'): boolean {
  return w.utilization[metric] !== undefined && pctOf(w, metric, 'avg') === undefined;
}

/** MiB → GiB, exact (a binary fraction, written in full so the importer gets the same MiB back). */
export const gib = (mib: number) => mib / 1024;

/**
 * A percentage as the templates take it: 0-100. Consumed memory can exceed the allocation a little (the VM's overhead,
 * e.g. 100.43 % in RVTools vMemory) and CPU can read above 100 % (turbo, co-stop accounting); the importers refuse such
 * values, so they are written as 100 and the caller counts them.
 */
export function templatePct(w: Workload, metric: 'cpu' | 'memory', figure: Figure): number | undefined {
  const v = pctOf(w, metric, figure);
  return v === undefined ? undefined : Math.min(v, 100);
}

export const overHundred = (w: Workload, metric: 'cpu' | 'memory') => (pctOf(w, metric, 'avg') ?? 0) > 100 || (pctOf(w, metric, 'peak') ?? 0) > 100;
