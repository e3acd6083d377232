/** Chart specs (chart.js configs as plain JSON) for the PDF and the HTML. */
import { Plan } from '../../plan/types';
import { Scorecard } from '../../readiness/types';
import { ChartSpec } from './types';
import { DIMENSION_ORDER, dimLabel, PALETTE, SEVERITY_ORDER } from './labels';

const MAX_HOST_BARS = 30;

function colours(accent: string): string[] {
  return [accent, ...PALETTE.filter((c) => c.toLowerCase() !== accent.toLowerCase()).slice(1)];
}

const baseOptions = (title: string, extra: Record<string, unknown> = {}) => ({
  plugins: { title: { display: true, text: title }, legend: { display: true, position: 'bottom' } },
  ...extra,
});

/** Long platform names go on two lines (chart.js draws an array label as lines) instead of being clipped. */
function twoLines(name: string): string | string[] {
  const i = name.indexOf(' (');
  return name.length > 24 && i > 0 ? [name.slice(0, i), name.slice(i + 1)] : name;
}

export function readinessChart(scorecard: Scorecard, accent: string): ChartSpec {
  const rec = scorecard.recommendation.platform;
  return {
    id: 'readiness',
    title: 'Weighted readiness score by platform',
    width: 495,
    height: 40 + 28 * Math.max(scorecard.platforms.length, 3),
    config: {
      type: 'bar',
      data: {
        labels: scorecard.platforms.map((p) => twoLines(p.name)),
        datasets: [
          {
            label: `Weighted total (0-100), ${scorecard.profile.name} profile`,
            data: scorecard.platforms.map((p) => p.weightedTotal),
            backgroundColor: scorecard.platforms.map((p) => (p.platform === rec ? accent : '#9aa5ad')),
          },
        ],
      },
      options: baseOptions('Weighted readiness score by platform (0-100)', {
        indexAxis: 'y',
        plugins: { title: { display: true, text: `Weighted readiness score by platform (0-100, ${scorecard.profile.name} profile)` }, legend: { display: false } },
        scales: { x: { min: 0, max: 100 }, y: { ticks: { autoSkip: false } } },
      }),
    },
    caption: `The recommended platform is drawn in the accent colour; weights come from the ${scorecard.profile.name} profile.`,
  };
}

export function utilisationBeforeAfterChart(plan: Plan, accent: string): ChartSpec {
  const dims = DIMENSION_ORDER.filter((d) => plan.dimensions.includes(d));
  const s = plan.summary;
  const c = colours(accent);
  return {
    id: 'utilisation-before-after',
    title: 'Mean utilisation before and after',
    width: 495,
    height: 230,
    config: {
      type: 'bar',
      data: {
        labels: dims.map((d) => dimLabel(d)),
        datasets: [
          { label: 'Before (existing hosts)', data: dims.map((d) => pct(s.utilizationBefore[d])), backgroundColor: '#9aa5ad' },
          { label: 'After (planned active hosts)', data: dims.map((d) => pct(s.utilizationAfter[d])), backgroundColor: c[0] },
        ],
      },
      options: baseOptions('Mean utilisation before and after (%)', { scales: { y: { min: 0, max: 100 } } }),
    },
    caption: 'Before: measured on the existing hosts, where the inventory has it (missing bars = no data). After: planned load over planned capacity.',
  };
}

const pct = (v: number | undefined): number | null => (v === undefined ? null : Math.round(v * 1000) / 10);

export function hostUtilisationChart(plan: Plan, accent: string): ChartSpec {
  const active = plan.hosts.filter((h) => !h.reserve);
  const shown = active.slice(0, MAX_HOST_BARS);
  const dims = DIMENSION_ORDER.filter((d) => plan.dimensions.includes(d) && d !== 'iops' && d !== 'networkMbps');
  const c = colours(accent);
  const more = active.length - shown.length;
  return {
    id: 'host-utilisation',
    title: 'Utilisation per planned host',
    width: 495,
    height: 300,
    config: {
      type: 'bar',
      data: {
        labels: shown.map((h) => `${h.id} [${dimLabel(h.binding)}]`),
        datasets: dims.map((d, i) => ({ label: dimLabel(d), data: shown.map((h) => pct(h.utilization[d])), backgroundColor: c[i % c.length] })),
      },
      options: baseOptions('Utilisation per planned host (%), binding resource in brackets', {
        scales: { y: { min: 0, max: 100 }, x: { ticks: { autoSkip: false, maxRotation: 90, minRotation: 60, font: { size: 9 } } } },
      }),
    },
    caption:
      `100% means the policy's target utilisation is reached (capacity is already scaled by the target). ` +
      `${plan.summary.reserveHosts} HA reserve host(s) hold no workloads and are not drawn.` +
      (more > 0 ? ` The first ${shown.length} of ${active.length} active hosts are drawn; the Hosts table lists all.` : ''),
  };
}

export function findingsChart(scorecard: Scorecard): ChartSpec {
  const sevColour: Record<string, string> = { critical: '#c94f5d', warning: '#e0a030', info: '#5b8cc0' };
  return {
    id: 'findings',
    title: 'Workload findings by severity',
    width: 300,
    height: 200,
    config: {
      type: 'bar',
      data: {
        labels: [...SEVERITY_ORDER],
        datasets: [
          {
            label: 'Findings',
            data: SEVERITY_ORDER.map((s) => scorecard.findingCounts[s]),
            backgroundColor: SEVERITY_ORDER.map((s) => sevColour[s]),
          },
        ],
      },
      options: baseOptions('Workload findings by severity', {
        plugins: { title: { display: true, text: 'Workload findings by severity' }, legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      }),
    },
  };
}

export function scenariosChart(scenarios: { name: string; plan: Plan }[], accent: string, currency: string): ChartSpec {
  const c = colours(accent);
  return {
    id: 'scenarios',
    title: 'Scenarios: hosts and cost',
    width: 495,
    height: 260,
    config: {
      type: 'bar',
      data: {
        labels: scenarios.map((s) => s.name),
        datasets: [
          { label: 'Hosts', data: scenarios.map((s) => s.plan.summary.hosts), backgroundColor: c[0], yAxisID: 'y' },
          {
            label: `Hardware + licence cost (${currency} thousands)`,
            data: scenarios.map((s) => Math.round((s.plan.summary.hardwareCost + s.plan.summary.licenceCost) / 100) / 10),
            backgroundColor: c[1],
            yAxisID: 'y1',
          },
        ],
      },
      options: baseOptions('Scenarios: hosts and cost', {
        scales: {
          y: { beginAtZero: true, position: 'left', title: { display: true, text: 'hosts' } },
          y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: `${currency} thousands` } },
        },
      }),
    },
  };
}
