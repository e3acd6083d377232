/**
 * Report hooks for time series (issue 6), pure functions of a plan and its inventory:
 * - `hostLoadSeries`: per host, the hourly (24) or weekly (168) stacked load of one dimension, one series per workload,
 *   plus the total and the capacity — for a stacked-area chart of a host's day or week.
 * - `hostHeatmap`: hosts × slots utilisation (total / capacity, 0-1+) — for a heat map of the whole plan.
 * - `confidenceSummary`: workloads per confidence rating (1-5, or unrated) — for the assumptions page.
 * Slot demand follows the semantics in src/plan/series/slots.ts, from what the plan sized: each workload's `plan.sizing`
 * row (flat demand, figure, clock) and the plan's own effective policy (`plan.policy`), so a chart shows exactly what
 * the planner packed; the report does not size anything again. Plans made with time series off are charted hourly
 * from the same shapes.
 */
import { Policy } from '../../config/defaults';
import { Inventory, Workload } from '../../inventory/schema';
import { Dimension, Plan, WorkloadSizing } from '../../plan/types';
import { SizedDemand, slotCount, SlotGranularity, workloadSlotDemand } from '../../plan/series/slots';

export interface HostLoadSeries {
  hostId: string;
  model: string;
  cluster: string;
  dimension: Dimension;
  granularity: SlotGranularity;
  capacity: number;
  /** One stacked layer per workload, in the host's workload order. */
  layers: { workload: string; values: number[] }[];
  total: number[];
  peak: number;
  /** Slot of the peak (first one on ties). */
  peakSlot: number;
}

function context(plan: Plan, inventory: Inventory) {
  // the plan records its effective policy (every field filled, defaults listed in defaultsApplied)
  const policy = plan.policy as unknown as Policy;
  const byId = new Map<string, Workload>(inventory.workloads.map((w) => [w.id, w]));
  const sizedById = new Map<string, WorkloadSizing>((plan.sizing ?? []).map((s) => [s.id, s]));
  const g: SlotGranularity = plan.diversity?.basis ?? (policy.timeSeries === 'weekly' ? 'weekly' : 'hourly');
  return { policy, byId, sizedById, g };
}

/** A plan's sizing row as slot demand reads it. */
const sizedDemand = (s: WorkloadSizing): SizedDemand => ({ ...s.demand, basis: s.basis, clockGhz: s.clockGhz, ...(s.sourceCpuMhz !== undefined ? { sourceCpuMhz: s.sourceCpuMhz } : {}) });

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function hostLoadSeries(plan: Plan, inventory: Inventory, dimension: Dimension = 'cpuMhz'): HostLoadSeries[] {
  const { policy, byId, sizedById, g } = context(plan, inventory);
  const n = slotCount(g);
  const out: HostLoadSeries[] = [];
  for (const h of plan.hosts) {
    if (h.reserve) continue;
    const total = new Array<number>(n).fill(0);
    const layers: HostLoadSeries['layers'] = [];
    h.workloadIds.forEach((id, k) => {
      const w = byId.get(id);
      const sized = sizedById.get(id);
      if (!w || !sized) return;
      const flat = sizedDemand(sized);
      const sd = workloadSlotDemand(w, flat, [dimension], policy, g)[dimension];
      const values = sd ? Array.from(sd, r3) : new Array<number>(n).fill(r3(flat[dimension] ?? 0));
      values.forEach((v, s) => (total[s] += v));
      layers.push({ workload: h.workloads[k], values });
    });
    let peak = 0;
    let peakSlot = 0;
    total.forEach((v, s) => {
      if (v > peak) {
        peak = v;
        peakSlot = s;
      }
    });
    out.push({
      hostId: h.id,
      model: h.model,
      cluster: h.cluster,
      dimension,
      granularity: g,
      capacity: h.capacity[dimension] ?? 0,
      layers,
      total: total.map(r3),
      peak: r3(peak),
      peakSlot,
    });
  }
  return out;
}

export interface Heatmap {
  dimension: Dimension;
  granularity: SlotGranularity;
  hosts: string[];
  /** utilisation[host][slot] = slot total / capacity. */
  utilization: number[][];
}

export function hostHeatmap(plan: Plan, inventory: Inventory, dimension: Dimension = 'cpuMhz'): Heatmap {
  const series = hostLoadSeries(plan, inventory, dimension);
  return {
    dimension,
    granularity: series[0]?.granularity ?? 'hourly',
    hosts: series.map((s) => s.hostId),
    utilization: series.map((s) => s.total.map((v) => (s.capacity > 0 ? Math.round((v / s.capacity) * 10000) / 10000 : 0))),
  };
}

/** Workloads per confidence rating (`unrated` = no measured utilisation series), for the assumptions page. */
export function confidenceSummary(inventory: Inventory): Record<'1' | '2' | '3' | '4' | '5' | 'unrated', number> {
  const out = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, unrated: 0 };
  for (const w of inventory.workloads) {
    const c = w.utilization.confidence;
    if (c === undefined) out.unrated++;
    else out[String(c) as '1']++;
  }
  return out;
}

const DIM_TEXT: Record<Dimension, string> = {
  cpuMhz: 'CPU MHz',
  memoryMib: 'memory MiB',
  storageGib: 'storage GiB',
  iops: 'IOPS',
  networkMbps: 'network Mbps',
};

/**
 * A chart.js configuration (plain data, type `line` with stacked filled areas) of one host's load by slot, with the
 * capacity as a dashed line: ready for the report's chart renderer. Layers beyond `maxLayers` are summed into "other".
 */
export function stackedAreaChartConfig(s: HostLoadSeries, maxLayers = 8): Record<string, unknown> {
  const labels =
    s.granularity === 'hourly'
      ? Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`)
      : Array.from({ length: 168 }, (_, k) => `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][Math.floor(k / 24)]} ${String(k % 24).padStart(2, '0')}h`);
  const byPeak = [...s.layers].sort((a, b) => Math.max(...b.values) - Math.max(...a.values) || a.workload.localeCompare(b.workload, 'en-US'));
  const shown = byPeak.slice(0, maxLayers);
  const rest = byPeak.slice(maxLayers);
  const layers = rest.length
    ? [...shown, { workload: `${rest.length} other`, values: labels.map((_, i) => r3(rest.reduce((t, l) => t + l.values[i], 0))) }]
    : shown;
  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        // stacked areas: the first layer fills to the axis, each next one down to the layer below it
        ...layers.map((l, i) => ({ label: l.workload, data: l.values, fill: i === 0 ? 'origin' : '-1', stack: 'load', pointRadius: 0, borderWidth: 1 })),
        { label: 'capacity', data: labels.map(() => s.capacity), fill: false, stack: 'capacity', borderDash: [6, 4], pointRadius: 0, borderWidth: 2 },
      ],
    },
    options: {
      animation: false,
      plugins: { title: { display: true, text: `${s.hostId} (${s.model}): ${DIM_TEXT[s.dimension]} by ${s.granularity === 'hourly' ? 'hour of day' : 'hour of week'}, UTC` } },
      scales: { y: { stacked: true, beginAtZero: true, title: { display: true, text: DIM_TEXT[s.dimension] } } },
    },
  };
}

/** One sentence for the executive summary, or undefined for a plan made without time series. */
export function diversitySentence(plan: Plan): string | undefined {
  const d = plan.diversity;
  if (!d) return undefined;
  const basis = d.basis === 'hourly' ? 'hourly' : 'weekly (hour of week)';
  return (
    `Packing on ${basis} demand shapes needs ${d.seriesHosts} hosts; adding up each workload's peak would need ${d.peakSumHosts}` +
    ` — ${d.hostsSaved} host(s) saved by placing workloads that peak at different times together` +
    (d.flatPercentileHosts !== undefined ? ` (the plan on flat percentiles needs ${d.flatPercentileHosts}).` : '.')
  );
}
