/**
 * The chapter "Infrastructure maturity and roadmap" (issue 14): where the estate sits on the Infrastructure
 * Optimization model per Core IO capability, the evidence as the export has it, and the roadmap's steps. Built from
 * maturity.json (src/maturity); nothing is computed again here.
 */
import { LEVELS, Maturity } from '../../maturity/schema';
import { col } from './labels';
import { Block, ChartSpec, Table } from './types';

const LABEL: Record<string, string> = { basic: 'Basic', standardized: 'Standardized', rationalized: 'Rationalized', dynamic: 'Dynamic', 'not-assessed': 'Not assessed' };
const STATUS: Record<string, string> = { due: 'due', check: 'check (evidence missing)', 'not-due': 'done / not needed' };

/** `indicator:ha-share` → the indicator's title; `answer:dr-tests` → "answer: dr-tests". */
function refText(m: Maturity, ref: string): string {
  const [kind, id] = ref.split(':');
  if (kind === 'answer') return `answer: ${id}`;
  return m.indicators.find((i) => i.id === id)?.title ?? id;
}

const KIND: Record<string, string> = { 'powered-off': 'powered-off VM', snapshot: 'old snapshot', idle: 'idle server', zombie: 'zombie server' };

function sprawlTable(m: Maturity): Table {
  return {
    id: 'maturity-sprawl',
    sheet: 'Sprawl',
    title: 'Sprawl: old powered-off VMs and snapshots, idle and zombie servers',
    columns: [
      col('kind', 'What', 'text', 0.9),
      col('name', 'VM', 'text', 1.1, true),
      col('detail', 'Detail', 'text', 2, true),
      col('age', 'Age (days)', 'int', 0.6),
      col('storage', 'Storage GiB', 'num', 0.7),
      col('host', 'Host today', 'text', 1, true),
    ],
    rows: m.sprawl.map((x) => [KIND[x.kind], x.name, x.detail, x.ageDays ?? null, x.storageGib ?? null, x.host ?? '']),
  };
}

function reclaimTable(m: Maturity): Table | undefined {
  const r = m.reclaim;
  if (!r) return undefined;
  const row = (label: string, a: number, b: number) => [label, a, b, b - a];
  return {
    id: 'maturity-reclaim',
    sheet: 'Reclaim',
    title: 'Reclaim scenario: the plan beside one without the sprawl',
    columns: [col('metric', 'Metric', 'text', 1.6), col('today', 'Plan as assessed', 'num', 1), col('reclaimed', 'Reclaimed', 'num', 1), col('change', 'Change', 'num', 0.8)],
    rows: [
      row('Workloads planned', r.today.workloads, r.reclaimed.workloads),
      row('Hosts after consolidation', r.today.hosts, r.reclaimed.hosts),
      row('vCPUs', r.today.vcpus, r.reclaimed.vcpus),
      row('Memory GiB', r.today.memoryGib, r.reclaimed.memoryGib),
      row('Provisioned storage GiB', r.today.storageGib, r.reclaimed.storageGib),
    ],
    note: `The reclaimed plan leaves out the idle, zombie and powered-off workloads. Removed: ${r.removed.slice(0, 20).join(', ')}${r.removed.length > 20 ? `, … (${r.removed.length} in all)` : ''}. Planned with the same config as the main plan.`,
  };
}

export function maturityTables(m: Maturity): { levels: Table; indicators: Table; roadmap: Table; sprawl: Table; reclaim?: Table } {
  const reclaim = reclaimTable(m);
  return {
    sprawl: sprawlTable(m),
    ...(reclaim ? { reclaim } : {}),
    levels: {
      id: 'maturity-levels',
      sheet: 'Maturity levels',
      title: 'Level per capability (Infrastructure Optimization model)',
      columns: [
        col('capability', 'Capability', 'text', 1.4, true),
        col('level', 'Level', 'text', 0.9, true),
        col('next', 'Not decided', 'text', 0.9, true),
        col('missing', 'What would decide it', 'text', 1.8, true),
        col('why', 'Why', 'text', 2.2, true),
        col('source', 'Thresholds from', 'text', 1.2, true),
      ],
      rows: m.capabilities.map((c) => [
        c.title,
        LABEL[c.level],
        c.upTo ? LABEL[c.upTo] : '',
        c.missing.map((r) => refText(m, r)).join('; '),
        c.rationale,
        c.source.short ?? c.source.doc,
      ]),
      note: 'Levels are read top down: a capability is at the highest level whose evidence holds. Evidence the export lacks or a question left unanswered is never counted as failed: the next level up is then "not decided".',
    },
    indicators: {
      id: 'maturity-indicators',
      sheet: 'Maturity indicators',
      title: 'Maturity evidence from the export',
      columns: [
        col('indicator', 'Indicator', 'text', 1.4, true),
        col('figure', 'Figure', 'text', 2.6, true),
        col('source', 'Source (tab, column)', 'text', 1.4, true),
        col('value', 'Value', 'num2', 0.6),
      ],
      rows: m.indicators.map((i) => [i.title, i.value === null ? `not in the export: ${i.missing ?? ''}` : i.figure, i.source, i.value]),
    },
    roadmap: {
      id: 'maturity-roadmap',
      sheet: 'Maturity roadmap',
      title: 'Roadmap (the seed paper\'s steps, in order)',
      columns: [
        col('step', '#', 'int', 0.3),
        col('title', 'Step', 'text', 1.3, true),
        col('move', 'Moves', 'text', 1.1, true),
        col('status', 'For this estate', 'text', 0.9, true),
        col('evidence', 'Evidence', 'text', 2.4, true),
        col('effect', 'Measured effect', 'text', 1.4, true),
      ],
      rows: m.roadmap.map((s) => [s.order, s.title, `${LABEL[s.from]} → ${LABEL[s.to]}`, STATUS[s.status], s.evidence.join('; '), s.effect ?? '']),
    },
  };
}

/** One bar per capability: its level (1 Basic … 4 Dynamic), and a pale extension to a level the evidence cannot decide. */
export function maturityChart(m: Maturity, accent: string): ChartSpec {
  const rank = (l: string | undefined) => (l === undefined || l === 'not-assessed' ? 0 : LEVELS.indexOf(l as (typeof LEVELS)[number]) + 1);
  return {
    id: 'maturity-levels',
    title: 'Level per capability',
    width: 495,
    height: 60 + 30 * m.capabilities.length,
    config: {
      type: 'bar',
      data: {
        labels: m.capabilities.map((c) => `${c.title} (${LABEL[c.level]})`),
        datasets: [
          { label: 'Level the evidence shows', data: m.capabilities.map((c) => rank(c.level)), backgroundColor: accent },
          { label: 'Not decided: evidence missing', data: m.capabilities.map((c) => (c.upTo ? rank(c.upTo) - rank(c.level) : 0)), backgroundColor: '#d5dadd' },
        ],
      },
      options: {
        indexAxis: 'y',
        plugins: { title: { display: true, text: 'Level per capability (0 not assessed, 1 Basic, 2 Standardized, 3 Rationalized, 4 Dynamic)' }, legend: { display: true, position: 'bottom' } },
        scales: { x: { stacked: true, min: 0, max: 4, ticks: { stepSize: 1 } }, y: { stacked: true, ticks: { autoSkip: false } } },
      },
    },
    caption: 'A pale segment reaches the next level up that the export cannot decide; a capability with no evidence at all is not assessed (no bar).',
  };
}

export function maturityBlocks(m: Maturity, t: ReturnType<typeof maturityTables>, accent: string): Block[] {
  const known = m.indicators.filter((i) => i.value !== null).length;
  const assessed = m.capabilities.filter((c) => c.level !== 'not-assessed');
  const due = m.roadmap.filter((s) => s.status === 'due');
  const check = m.roadmap.filter((s) => s.status === 'check');
  return [
    {
      type: 'paragraph',
      text:
        'The Infrastructure Optimization model (Microsoft, 2007) places each IT capability at one of four levels: Basic ' +
        '(uncoordinated and manual), Standardized (managed, with little automation), Rationalized (consolidated and ' +
        'extensively automated) and Dynamic (fully automated, resources following business-linked service levels). ' +
        `This estate is placed on it from the export's own evidence (${known} of ${m.indicators.length} indicators ` +
        `present) and the questionnaire (${m.answers.answered.length} of ${m.answers.answered.length + m.answers.unanswered.length} questions answered${m.answers.file ? `, ${m.answers.file}` : ''}).`,
    },
    {
      type: 'figures',
      items: m.capabilities.map((c) => ({ label: c.title, value: LABEL[c.level], ...(c.upTo ? { sub: `${LABEL[c.upTo]} not decided` } : {}) })),
    },
    { type: 'chart', chart: maturityChart(m, accent) },
    { type: 'table', table: t.levels },
    { type: 'heading', text: 'Evidence' },
    {
      type: 'paragraph',
      text: `Assessed ${assessed.length} of ${m.capabilities.length} capabilities. Snapshots count as old after ${m.settings.snapshotDays} days, powered-off VMs after ${m.settings.poweredOffDays} days since creation (the export has no power-off date); DMZ networks are port groups whose name matches the pattern "${m.settings.dmzNetworkPattern}" (any case).`,
    },
    { type: 'table', table: t.indicators },
    { type: 'heading', text: 'Sprawl and reclaim' },
    {
      type: 'paragraph',
      text:
        (m.sprawl.length === 0
          ? 'No powered-off VM or snapshot known to be older than its age limit (where the export has the dates) and no idle or zombie server.'
          : `${m.sprawl.length} item(s) of sprawl holding ${Math.round(m.sprawl.reduce((s, x) => s + (x.storageGib ?? 0), 0) * 10) / 10} GiB.`) +
        (m.reclaim
          ? ` Without the ${m.reclaim.removed.length} idle, zombie or powered-off workload(s) of the estate the plan needs ${m.reclaim.reclaimed.hosts} host(s) instead of ${m.reclaim.today.hosts}.`
          : ' The plan holds no idle, zombie or powered-off workload (powered-off VMs are left out of it unless collect.includePoweredOff): no reclaim scenario.'),
    },
    ...(t.reclaim ? [{ type: 'table' as const, table: t.reclaim }] : []),
    { type: 'table', table: t.sprawl, maxRows: 40 },
    { type: 'heading', text: 'Roadmap' },
    {
      type: 'paragraph',
      text: `${due.length} step(s) due for this estate${due.length > 0 ? ` (${due.map((s) => s.title).join('; ')})` : ''}; ${check.length} to check where the export lacks the evidence.`,
    },
    { type: 'table', table: t.roadmap },
    ...(m.answers.unanswered.length > 0
      ? [{ type: 'bullets' as const, items: [`Unanswered questions (dcplan template maturity writes them): ${m.answers.unanswered.join(', ')}.`] }]
      : []),
  ];
}
