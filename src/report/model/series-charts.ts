/**
 * Time-series charts for the consolidation section (issue 6), written by the time-series helper for the report model
 * to include (one call, e.g. `...seriesCharts(inventory, plan, accent)` into the plan section's chart blocks):
 * - the estate's load by hour (or hour of the week): Σ over active hosts of the stacked slot demand against their
 *   summed capacity — where the day's peak and valleys are after consolidation;
 * - the busiest host's stacked load by slot (one layer per workload, capacity dashed): how complementary workloads share it.
 * Empty for plans made without `policy.timeSeries`. Data from series-data.ts (the slot demand of what the plan sized).
 */
import { Inventory } from '../../inventory/schema';
import { Plan } from '../../plan/types';
import { hostLoadSeries, stackedAreaChartConfig } from './series-data';
import { ChartSpec } from './types';

const DIM_TEXT: Record<string, string> = { cpuMhz: 'CPU (MHz)', memoryMib: 'memory (MiB)', iops: 'IOPS', networkMbps: 'network (Mbps)' };

export function seriesCharts(inventory: Inventory, plan: Plan, accent: string): ChartSpec[] {
  if (!plan.diversity) return [];
  const dim = plan.summary.limitingDimension && DIM_TEXT[plan.summary.limitingDimension] ? plan.summary.limitingDimension : 'cpuMhz';
  const series = hostLoadSeries(plan, inventory, dim);
  if (series.length === 0) return [];
  const n = series[0].total.length;
  const weekly = plan.diversity.basis === 'weekly';
  const labels = Array.from({ length: n }, (_, s) =>
    weekly ? `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][Math.floor(s / 24)]} ${String(s % 24).padStart(2, '0')}h` : `${String(s).padStart(2, '0')}:00`,
  );
  const total = labels.map((_, s) => Math.round(series.reduce((t, h) => t + h.total[s], 0)));
  const capacity = Math.round(series.reduce((t, h) => t + h.capacity, 0));
  const estate: ChartSpec = {
    id: 'series-estate-load',
    title: `Consolidated load by ${weekly ? 'hour of the week' : 'hour of day'} (UTC)`,
    width: 495,
    height: 230,
    config: {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: `demand, ${DIM_TEXT[dim]}`, data: total, fill: true, borderColor: accent, backgroundColor: `${accent}55`, pointRadius: 0 },
          { label: 'plannable capacity of the active hosts', data: labels.map(() => capacity), borderColor: '#5b6770', borderDash: [6, 4], pointRadius: 0, fill: false },
        ],
      },
      options: {
        animation: false,
        plugins: {
          title: { display: true, text: `Consolidated ${DIM_TEXT[dim]} by ${weekly ? 'hour of the week' : 'hour of day'} (UTC)` },
          legend: { display: true, position: 'bottom' },
        },
        scales: { y: { beginAtZero: true } },
      },
    },
    caption:
      `Each workload's ${weekly ? 'weekly' : 'hourly'} demand shape summed over the ${series.length} active hosts; ` +
      `packing on shapes saves ${plan.diversity.hostsSaved} host(s) against adding up each workload's peak.`,
  };
  const busiest = [...series].sort((a, b) => b.peak / (b.capacity || 1) - a.peak / (a.capacity || 1) || (a.hostId < b.hostId ? -1 : 1))[0];
  const cfg = stackedAreaChartConfig(busiest) as ChartSpec['config'];
  const host: ChartSpec = {
    id: 'series-busiest-host',
    title: `Busiest host ${busiest.hostId}: stacked load by ${weekly ? 'hour of the week' : 'hour of day'}`,
    width: 495,
    height: 260,
    config: cfg,
    caption: `Peak ${Math.round(busiest.peak)} of ${Math.round(busiest.capacity)} ${DIM_TEXT[dim]} usable, at ${labels[busiest.peakSlot]} UTC; ${busiest.layers.length} workload(s).`,
  };
  return [estate, host];
}
