/**
 * Correlation-aware packing (issue 6): pack on demand SHAPES instead of one flat percentile per workload.
 *
 * ## Shape semantics (what `verify` re-derives independently)
 * - A workload's `utilization.<metric>.shape` holds 24 (`hourly`, slot h = UTC hour h) or 168 (`weekly`, slot
 *   24·d + h, d = 0 for Monday, UTC) values in the metric's unit (`pct` of the workload's allocation, or absolute
 *   MHz / MiB / IOPS / Mbps), each the shape's percentile of that slot over the window.
 * - Plan granularity = `policy.timeSeries` (`hourly` → 24 slots, `weekly` → 168). A weekly shape used in an hourly
 *   plan takes, per hour, the MAX over the 7 days; an hourly shape used in a weekly plan repeats every day.
 * - Slot demand of a workload in dimension d (cpuMhz ← cpu, memoryMib ← memory, iops ← diskIops,
 *   networkMbps ← networkMbps) = the sizing formula of `src/plan/sizing.ts` with the slot value in place of the
 *   percentile figure. The formulas are linear in the figure, so slot demand = k_d × slot value, where k_d
 *   (`perUnitDemand` in sizing.ts) is the demand of the same workload sized on a figure of exactly 1 (e.g. for CPU in pct: vcpus × clock GHz × 1000 / 100
 *   × (1 + headroom) × (1 + growth); in MHz: (1 + headroom) × (1 + growth)).
 * - A workload with no shape for a metric (or sized `allocated`, or whose flat figure fell back to allocation)
 *   demands its flat sized value in EVERY slot. Storage (and the `workloads` count dimension) are not time-varying.
 * - Feasibility of a host: for every dimension d and every slot s, Σ over its workloads of slot demand(d, s) ≤ the
 *   model's plannable capacity in d (raw × target utilisation). `PlannedHost.slotPeak[d]` = max over s of that sum;
 *   `PlannedHost.load` reports that slot peak too for the time-varying dimensions (flat sums for the others), so
 *   utilisation reads as what must fit; the peak-sum plan beside it is in `plan.diversity`.
 * - Lower bound: each (d, s) pair is one dimension of the pack instance, so the continuous bound becomes
 *   ceil(max over d, s of Σ_i demand_i(d, s) / capacity_d): the peak of the sum, not the sum of the peaks.
 *
 * Instance encoding: dimension names `cpuMhz@0 … cpuMhz@23` (or @167), in dimension order then slot order.
 */
import { MetricKey, Shape, Workload } from '../../inventory/schema';
import { Policy } from '../../config/defaults';
import { perUnitDemand } from '../sizing';
import { PackInstance } from '../solver/instance';
import { Dimension } from '../types';

export type SlotGranularity = 'hourly' | 'weekly';
export type SlotDemand = Partial<Record<Dimension, Float64Array>>;

export const TIME_DIMENSIONS: Partial<Record<Dimension, MetricKey>> = {
  cpuMhz: 'cpu',
  memoryMib: 'memory',
  iops: 'diskIops',
  networkMbps: 'networkMbps',
};

export const slotCount = (g: SlotGranularity): number => (g === 'hourly' ? 24 : 168);

/** A stored shape at the plan's granularity (see the semantics above); undefined when the shape is malformed. */
export function shapeAt(shape: Shape, g: SlotGranularity): number[] | undefined {
  const n = shape.granularity === 'hourly' ? 24 : 168;
  if (shape.values.length !== n) return undefined;
  if (shape.granularity === g) return shape.values;
  if (g === 'weekly') return Array.from({ length: 168 }, (_, s) => shape.values[s % 24]);
  return Array.from({ length: 24 }, (_, h) => {
    let m = -Infinity;
    for (let d = 0; d < 7; d++) m = Math.max(m, shape.values[d * 24 + h]);
    return m;
  });
}

/**
 * What the planner sized a workload on, as slot demand needs it: the flat demand per dimension, which figure each came
 * from, and the clock. The planner passes its `Demand`; the report passes the plan's `sizing` row (what was planned).
 */
/** `sourceCpuMhz`: CPU demand in MHz of today's CPU; with cpuMhz it gives the CPU-generation factor (absent: 1). */
export type SizedDemand = Partial<Record<Dimension, number>> & { basis: { cpu: string; memory: string }; clockGhz: number; sourceCpuMhz?: number };

/**
 * Slot demand per time-varying dimension of one workload. `flat` is how it was sized (the peak-sum demand); dimensions
 * absent from `dims` are skipped.
 */
export function workloadSlotDemand(
  w: Workload,
  flat: SizedDemand,
  dims: readonly Dimension[],
  policy: Pick<Policy, 'sizing' | 'headroom' | 'growth'>,
  g: SlotGranularity,
): SlotDemand {
  const n = slotCount(g);
  const out: SlotDemand = {};
  for (const d of dims) {
    const metric = TIME_DIMENSIONS[d];
    if (!metric) continue;
    const arr = new Float64Array(n).fill(flat[d] ?? 0);
    const m = w.utilization[metric];
    const usedFigure = d === 'cpuMhz' ? flat.basis.cpu : d === 'memoryMib' ? flat.basis.memory : 'measured';
    const values = m?.shape && policy.sizing === 'performance' && usedFigure !== 'allocated' ? shapeAt(m.shape, g) : undefined;
    if (m && values) {
      // the flat demand carries the CPU-generation factor (target MHz per source MHz); perUnitDemand is in source MHz
      const generation = d === 'cpuMhz' && flat.sourceCpuMhz && flat.cpuMhz !== undefined ? flat.cpuMhz / flat.sourceCpuMhz : 1;
      const k = perUnitDemand(w, m.unit, d, flat.clockGhz, policy) * generation;
      // CPU in % of the vCPUs is capped at 100 in every slot, as in the flat sizing
      const cap = d === 'cpuMhz' && m.unit === 'pct' ? 100 : Number.POSITIVE_INFINITY;
      for (let s = 0; s < n; s++) arr[s] = k * Math.min(values[s], cap);
    }
    out[d] = arr;
  }
  return out;
}

/** True when at least one workload has a usable shape for a time-varying dimension. */
export function anyShape(ws: readonly Workload[]): boolean {
  return ws.some((w) => Object.values(TIME_DIMENSIONS).some((m) => w.utilization[m]?.shape !== undefined));
}

/**
 * Expands a flat pack instance into slot dimensions. `itemSlots(i)` gives item i's slot demand (for an affinity
 * group: the members' sum); dimensions it does not give stay flat in every slot.
 */
export function expandToSlots(instance: PackInstance, itemSlots: (item: number) => SlotDemand, g: SlotGranularity): PackInstance {
  const n = slotCount(g);
  const plan: { name: string; base: number; slot: number }[] = [];
  instance.dims.forEach((d, k) => {
    if (TIME_DIMENSIONS[d as Dimension]) for (let s = 0; s < n; s++) plan.push({ name: `${d}@${s}`, base: k, slot: s });
    else plan.push({ name: d, base: k, slot: -1 });
  });
  const items = instance.items.map((it, i) => {
    const sd = itemSlots(i);
    const size = plan.map((p) => {
      if (p.slot < 0) return it.size[p.base];
      const arr = sd[instance.dims[p.base] as Dimension];
      return arr ? arr[p.slot] : it.size[p.base];
    });
    return { ...it, size };
  });
  const binTypes = instance.binTypes.map((b) => ({ ...b, capacity: plan.map((p) => b.capacity[p.base]) }));
  const out: PackInstance = { dims: plan.map((p) => p.name), items, binTypes };
  if (instance.conflicts) out.conflicts = instance.conflicts;
  return out;
}

/** Sums members' slot demand (affinity groups are one item). */
export function sumSlotDemands(parts: readonly SlotDemand[]): SlotDemand {
  const out: SlotDemand = {};
  for (const p of parts) {
    for (const [d, arr] of Object.entries(p) as [Dimension, Float64Array][]) {
      const acc = out[d] ?? (out[d] = new Float64Array(arr.length));
      for (let s = 0; s < arr.length; s++) acc[s] += arr[s];
    }
  }
  return out;
}

/** Per time-varying dimension, the slot-by-slot sum over some workloads' slot demands. */
export function stackedLoad(parts: readonly SlotDemand[]): SlotDemand {
  return sumSlotDemands(parts);
}

/** Peak over slots of the summed demand, per dimension (`PlannedHost.slotPeak`). */
export function slotPeak(parts: readonly SlotDemand[]): Partial<Record<Dimension, number>> {
  const out: Partial<Record<Dimension, number>> = {};
  for (const [d, arr] of Object.entries(sumSlotDemands(parts)) as [Dimension, Float64Array][]) {
    let m = 0;
    for (let s = 0; s < arr.length; s++) if (arr[s] > m) m = arr[s];
    out[d] = m; // unrounded: verify compares it with its own slot sums at a 1e-6 relative tolerance
  }
  return out;
}

/**
 * Lower bound on hosts of one capacity vector from the slot sums: ceil(max over d, s of Σ demand / capacity).
 * (The same value D's continuous bound gives on the expanded instance; kept here for the report and the tests.)
 */
export function slotLowerBound(parts: readonly SlotDemand[], capacity: Partial<Record<Dimension, number>>): number {
  let lb = 0;
  for (const [d, arr] of Object.entries(sumSlotDemands(parts)) as [Dimension, Float64Array][]) {
    const cap = capacity[d];
    if (!cap) continue;
    for (let s = 0; s < arr.length; s++) lb = Math.max(lb, Math.ceil(arr[s] / cap - 1e-9));
  }
  return lb;
}

/** The plan's diversity figure: hosts saved by packing on shapes versus adding up each workload's percentile. */
export function diversity(basis: SlotGranularity, peakSumHosts: number, seriesHosts: number) {
  return { basis, peakSumHosts, seriesHosts, hostsSaved: peakSumHosts - seriesHosts };
}
