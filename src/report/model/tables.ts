/**
 * The report's tables: every number a reader may want to check, as typed cells. The XLSX, CSV and JSON carry them whole;
 * the PDF and HTML print them (the long ones in the appendix).
 */
import { SLACK_SOURCE, STORAGE_POLICIES, StoragePolicyId } from '../../config/storage-policy';
import { Inventory, Workload } from '../../inventory/schema';
import { Dimension, Plan } from '../../plan/types';
import { WavePlan } from '../../plan/waves';
import { Scorecard } from '../../readiness/types';
import { Cell, Table } from './types';
import { fmtInt, fmtMoney, fmtPct } from '../format';
import { gapWords } from '../../plan/gap-words';
import { metricPercentile, pickUtil } from '../../plan/sizing';
import { col, DIMENSION_ORDER, dimLabel, SEVERITY_ORDER } from './labels';

export { blockersTable, findingsTable, scorecardTable, seedStyleTable } from './readiness-tables';

const SHORT: Record<Dimension, string> = { cpuMhz: 'CPU', memoryMib: 'Mem.', storageGib: 'Stor.', iops: 'IOPS', networkMbps: 'Net.' };

const planDims = (plan: Plan): Dimension[] => DIMENSION_ORDER.filter((d) => plan.dimensions.includes(d));

export function summaryTable(plan: Plan, scorecard: Scorecard): Table {
  const s = plan.summary;
  const rows: Cell[][] = [];
  const add = (metric: string, before: Cell, after: Cell) => rows.push([metric, before, after]);
  const int = (v: number | undefined) => (v === undefined ? null : { value: v, kind: 'int' as const });
  const pct = (v: number | undefined) => (v === undefined ? null : { value: v, kind: 'pct' as const });
  const money = (v: number | undefined) => (v === undefined ? null : { value: v, kind: 'money' as const });
  const num = (v: number | undefined) => (v === undefined ? null : { value: v, kind: 'num' as const });
  add('Hosts', int(s.hostsBefore), int(s.hosts));
  add('of which HA reserve hosts', null, int(s.reserveHosts));
  for (const [model, n] of Object.entries(s.hostsByModel).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    add(`Hosts of model ${model}`, null, int(n));
  }
  add('Workloads placed', null, int(s.placed));
  add('Workloads not placed', null, int(s.unplaced));
  add(
    'Consolidation ratio (workloads per host)',
    s.hostsBefore > 0 ? { value: s.placed / s.hostsBefore, kind: 'ratio' } : null,
    { value: s.consolidationRatio, kind: 'ratio' },
  );
  for (const d of planDims(plan)) add(`${dimLabel(d)} utilisation`, pct(s.utilizationBefore[d]), pct(s.utilizationAfter[d]));
  add('Limiting resource', null, dimLabel(s.limitingDimension));
  add('Power (kW)', num(s.powerKwBefore), num(s.powerKwAfter));
  add('Energy (kWh per year)', int(s.energyKwhPerYearBefore), int(s.energyKwhPerYearAfter));
  add('Rack units', int(s.rackUnitsBefore), int(s.rackUnitsAfter));
  add('Hardware cost', null, money(s.hardwareCost));
  add('Licence cost', null, money(s.licenceCost));
  add('Licensed cores', null, int(s.licenceCores));
  add('Hardware and licence cost', null, money(s.hardwareCost + s.licenceCost));
  add('Lower bound on hosts', null, int(s.lowerBound));
  add('Gap to the lower bound', null, pct(s.gap));
  if (plan.solver.objective === 'cost' && plan.solver.costLowerBound !== undefined) {
    add('Cost lower bound (hosts incl. N+K spares)', null, money(plan.solver.costLowerBound));
    add('Gap to the cost lower bound', null, pct(plan.solver.costGap ?? 0));
  }
  const rec = scorecard.platforms.find((p) => p.platform === scorecard.recommendation.platform);
  add('Recommended platform', null, scorecard.recommendation.name);
  if (rec) add('Weighted readiness score (0-100)', null, num(rec.weightedTotal));
  for (const sev of SEVERITY_ORDER) add(`Findings: ${sev}`, null, int(scorecard.findingCounts[sev]));
  return {
    id: 'summary',
    sheet: 'Summary',
    title: 'Summary: before and after consolidation',
    columns: [col('metric', 'Metric', 'text', 3), col('before', 'Before', 'text', 1.2), col('after', 'After', 'text', 1.2)],
    rows,
  };
}

/** Flattens nested policy objects into `a.b` keys, keeping the order they were written in. */
function flatten(obj: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(...flatten(v as Record<string, unknown>, key));
    else out.push([key, v]);
  }
  return out;
}

const show = (v: unknown): string =>
  v === undefined || v === null ? '' : typeof v === 'string' ? v : Array.isArray(v) ? v.map(show).join(', ') : JSON.stringify(v);

export function assumptionsTable(inventory: Inventory, plan: Plan): Table {
  const rows: Cell[][] = [];
  const { defaultsApplied, ...policy } = plan.policy;
  const defaulted = new Set(defaultsApplied);
  for (const [k, v] of flatten(policy)) {
    rows.push(['Policy', k, show(v), defaulted.has(`policy.${k}`) ? 'default' : 'config']);
  }
  for (const m of plan.hostModels) {
    const { id, ...rest } = m;
    const desc = Object.entries(rest)
      .filter(([, v]) => v === null || typeof v !== 'object' || Array.isArray(v))
      .map(([k, v]) => `${k} ${show(v)}`)
      .join('; ');
    rows.push(['Host model', show(id), desc, 'config']);
  }
  plan.formulas.forEach((f, i) => rows.push(['Sizing formula', `formula ${i + 1}`, f, 'planner']));
  rows.push(...memoryRows(plan));
  for (const p of (plan.storage?.pools ?? []).filter((x) => x.storage === 'hci')) {
    const facts = STORAGE_POLICIES[p.policy as StoragePolicyId];
    if (facts) rows.push(['Reference', `storage policy ${facts.id} (pool ${p.pool})`, `${facts.label}: ${Math.round(facts.multiplier * 100) / 100} GiB raw per GiB, at least ${facts.minHosts} hosts per cluster`, facts.source]);
  }
  if ((plan.storage?.pools ?? []).some((x) => x.storage === 'hci')) rows.push(['Reference', 'HCI slack space', `storageSlack ${show(plan.policy.storageSlack)} of raw capacity kept free`, SLACK_SOURCE]);
  const c = inventory.coverage;
  const share = (n: number) => (c.workloads > 0 ? ` (${((n / c.workloads) * 100).toFixed(1)}%)` : '');
  rows.push(['Data coverage', 'workloads in the estate', String(c.workloads), 'inventory']);
  rows.push(['Data coverage', 'with CPU utilisation', `${c.withCpuUtilization}${share(c.withCpuUtilization)}`, 'inventory']);
  rows.push(['Data coverage', 'with memory utilisation', `${c.withMemoryUtilization}${share(c.withMemoryUtilization)}`, 'inventory']);
  rows.push(['Data coverage', 'with storage figures', `${c.withStorage}${share(c.withStorage)}`, 'inventory']);
  rows.push(['Data coverage', 'with a utilisation time series', `${c.withSeries}${share(c.withSeries)}`, 'inventory']);
  rows.push(['Data coverage', 'joined to an existing host', `${c.withHostJoined}${share(c.withHostJoined)}`, 'inventory']);
  for (const [flag, n] of Object.entries(c.byFlag).sort(([a], [b]) => (a < b ? -1 : 1))) {
    rows.push(['Data coverage', `flagged ${flag}`, String(n), 'inventory']);
  }
  const basis = new Map<string, number>();
  const stars = new Map<string, number>();
  for (const w of inventory.workloads) {
    const b = w.utilization.cpu?.basis ?? 'none (allocation)';
    basis.set(b, (basis.get(b) ?? 0) + 1);
    const st = w.utilization.confidence === undefined ? 'not rated' : `${w.utilization.confidence} of 5`;
    stars.set(st, (stars.get(st) ?? 0) + 1);
  }
  for (const [b, n] of [...basis].sort(([a], [b2]) => (a < b2 ? -1 : 1))) rows.push(['Confidence', `CPU figures from ${b}`, `${n} workloads`, 'inventory']);
  for (const [st, n] of [...stars].sort(([a], [b2]) => (a < b2 ? -1 : 1))) rows.push(['Confidence', `data confidence ${st}`, `${n} workloads`, 'inventory']);
  const sv = plan.solver;
  rows.push(['Solver', 'algorithm', sv.algorithm, 'planner']);
  rows.push(['Solver', 'lower bound', `${sv.lowerBound} hosts (${sv.lowerBoundMethod})`, 'planner']);
  rows.push(['Solver', 'host count', gapWords({ gap: plan.summary.gap, bound: `${sv.lowerBound} hosts`, of: 'hosts' }, fmtPct), 'planner']);
  if (sv.objective === 'cost' && sv.costLowerBound !== undefined)
    rows.push(['Solver', 'cost', gapWords({ gap: sv.costGap ?? 0, bound: fmtMoney(sv.costLowerBound, plan.summary.currency), of: 'cost' }, fmtPct), 'planner']);
  rows.push(['Solver', 'iterations', String(sv.iterations), 'planner']);
  for (const src of inventory.sources) {
    rows.push(['Source', src.file, `${src.format}: ${src.rowsRead} rows read, ${src.workloads} workloads, ${src.hosts} hosts, ${src.excluded} excluded`, 'inventory']);
  }
  return {
    id: 'assumptions',
    sheet: 'Assumptions',
    title: 'Assumptions: policy, host models, formulas, data coverage',
    columns: [col('group', 'Group', 'text', 1.1), col('item', 'Item', 'text', 1.6, true), col('value', 'Value', 'text', 4, true), col('source', 'Source', 'text', 0.8)],
    rows,
  };
}

const gib = (mib: number) => `${fmtInt(mib / 1024)} GiB`;

/** Which memory figure sized the VMs, how many fell back to their allocation, and the totals beside each other. */
function memoryRows(plan: Plan): Cell[][] {
  const m = plan.memory;
  if (!m) return [];
  const rows: Cell[][] = [];
  const counts = Object.entries(m.byBasis)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([b, n]) => `${n} on ${b}`)
    .join(', ');
  rows.push(['Memory sizing', 'basis', `${m.basis} (policy.memoryBasis); of ${m.workloads} workloads: ${counts}`, 'planner']);
  if (m.basis !== 'allocated')
    rows.push(['Memory sizing', `fell back to allocation (no ${m.basis} figure)`, `${m.fellBack} workloads`, 'planner']);
  rows.push(['Memory sizing', 'planned memory demand (with f)', gib(m.plannedMib), 'planner']);
  if (m.consumedMib !== undefined) rows.push(['Memory sizing', 'consumed today (vMemory Consumed / memory used)', `${gib(m.consumedMib)} over ${m.withConsumed} workloads`, 'inventory']);
  if (m.activeMib !== undefined) rows.push(['Memory sizing', 'active today (vSphere estimate)', `${gib(m.activeMib)} over ${m.withActive} workloads`, 'inventory']);
  rows.push(['Memory sizing', 'allocated (configured memory)', gib(m.allocatedMib), 'inventory']);
  return rows;
}

export function hostsTable(plan: Plan): Table {
  const dims = planDims(plan);
  return {
    id: 'hosts',
    sheet: 'Hosts',
    title: 'Planned hosts',
    columns: [
      col('host', 'Host', 'text', 1.5),
      col('model', 'Model', 'text', 1.1),
      col('cluster', 'Cluster', 'text', 1),
      col('reserve', 'HA reserve', 'text', 0.75),
      col('workloads', 'Workloads', 'int', 0.95),
      ...dims.map((d) => col(`util_${d}`, `${SHORT[d]} util`, 'pct', 0.8)),
      col('binding', 'Binding', 'text', 0.85),
    ],
    rows: plan.hosts.map((h) => [
      h.id,
      h.model,
      h.cluster,
      h.reserve ? 'yes' : 'no',
      h.workloads.length,
      ...dims.map((d) => h.utilization[d] ?? null),
      h.reserve ? '' : dimLabel(h.binding),
    ]),
  };
}

export function placementTable(plan: Plan): Table {
  const rows: Cell[][] = [];
  for (const h of plan.hosts) {
    h.workloads.forEach((w, i) => rows.push([w, h.workloadIds[i] ?? '', h.id, h.model, h.cluster, 'placed', '']));
  }
  for (const u of plan.unplaced) rows.push([u.name, u.id, '', '', '', `not placed (${u.code})`, u.reason]);
  return {
    id: 'placement',
    sheet: 'Placement',
    title: 'Placement of every workload',
    columns: [
      col('workload', 'Workload', 'text', 1.5),
      col('workloadId', 'Workload ID', 'text', 2.2),
      col('host', 'Host', 'text', 1.2),
      col('model', 'Model', 'text', 1),
      col('cluster', 'Cluster', 'text', 0.9),
      col('status', 'Status', 'text', 1.1, true),
      col('reason', 'Reason', 'text', 1.6, true),
    ],
    rows,
  };
}

/** The utilisation % the plan sizes this metric on (the planner's own choice, pickUtil), as a share. */
function utilFigure(w: Workload, m: 'cpu' | 'memory', plan: Plan): number | null {
  const u = w.utilization[m];
  if (!u || u.unit !== 'pct') return null;
  const v = pickUtil(u, metricPercentile(plan.policy, m))?.value;
  return v === undefined ? null : v / 100;
}

export function workloadsTable(inventory: Inventory, plan: Plan, waves?: WavePlan): Table {
  const target = new Map<string, string>();
  for (const h of plan.hosts) for (const id of h.workloadIds) target.set(id, h.id);
  return {
    id: 'workloads',
    sheet: 'Workloads',
    title: 'Workloads in the estate',
    columns: [
      col('name', 'Name', 'text'),
      col('id', 'ID', 'text'),
      col('kind', 'Kind', 'text'),
      col('power', 'Power', 'text'),
      col('osFamily', 'OS family', 'text'),
      col('os', 'OS', 'text'),
      col('vcpus', 'vCPUs', 'int'),
      col('memoryGib', 'Memory GiB', 'num'),
      col('usedGib', 'Used GiB', 'num'),
      col('provisionedGib', 'Provisioned GiB', 'num'),
      col('cpuUtil', 'CPU util', 'pct'),
      col('memUtil', 'Memory util', 'pct'),
      col('confidence', 'Confidence (1-5)', 'int'),
      col('cluster', 'Current cluster', 'text'),
      col('host', 'Current host', 'text'),
      col('flags', 'Flags', 'text'),
      col('target', 'Target host', 'text'),
      ...(waves ? [col('wave', 'Migration wave', 'int')] : []),
    ],
    rows: inventory.workloads.map((w) => [
      w.name,
      w.id,
      w.kind,
      w.powerState,
      w.os.family,
      w.os.name ?? '',
      w.vcpus,
      w.memoryMib / 1024,
      w.usedGib ?? null,
      w.provisionedGib ?? null,
      utilFigure(w, 'cpu', plan),
      utilFigure(w, 'memory', plan),
      w.utilization.confidence ?? null,
      w.location.cluster ?? '',
      w.location.host ?? '',
      w.flags.join(', '),
      target.get(w.id) ?? '',
      ...(waves ? [waves.waveOf[w.id] ?? null] : []),
    ]),
  };
}

export function excludedTable(inventory: Inventory): Table {
  return {
    id: 'excluded',
    sheet: 'Excluded',
    title: 'Records left out of the estate',
    columns: [
      col('name', 'Name', 'text', 1.4),
      col('kind', 'Kind', 'text', 0.7),
      col('code', 'Code', 'text', 1),
      col('reason', 'Reason', 'text', 3, true),
      col('file', 'File', 'text', 1.6),
      col('sheet', 'Sheet', 'text', 0.6),
      col('row', 'Row', 'int', 0.5),
    ],
    rows: inventory.excluded.map((e) => [e.name ?? '', e.kind, e.code, e.reason, e.provenance.file, e.provenance.sheet ?? '', e.provenance.row ?? null]),
  };
}

export function problemsTable(inventory: Inventory, plan: Plan, scorecard: Scorecard): Table {
  const groups = new Map<string, { stage: string; severity: string; code: string; count: number; example: string }>();
  const addAll = (stage: string, list: { code: string; severity: string; message: string }[]) => {
    for (const p of list) {
      const key = `${stage}\u0000${p.severity}\u0000${p.code}`;
      const g = groups.get(key) ?? { stage, severity: p.severity, code: p.code, count: 0, example: p.message };
      g.count++;
      groups.set(key, g);
    }
  };
  addAll('collect', inventory.problems);
  addAll('plan', plan.problems);
  addAll('score', scorecard.problems);
  const order = ['error', 'warning', 'info'];
  const list = [...groups.values()].sort(
    (a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return {
    id: 'problems',
    sheet: 'Problems',
    title: 'Problems found while reading, planning and scoring, by code',
    columns: [
      col('stage', 'Stage', 'text', 0.7),
      col('severity', 'Severity', 'text', 0.7),
      col('code', 'Code', 'text', 1.3),
      col('count', 'Count', 'int', 0.6),
      col('example', 'Example', 'text', 4, true),
    ],
    rows: list.map((g) => [g.stage, g.severity, g.code, g.count, g.example]),
  };
}

export function scenariosTable(scenarios: { name: string; plan: Plan }[]): Table {
  return {
    id: 'scenarios',
    sheet: 'Scenarios',
    title: 'Scenarios compared',
    columns: [
      col('scenario', 'Scenario', 'text', 1.4),
      col('hosts', 'Hosts', 'int', 0.6),
      col('reserve', 'Reserve', 'int', 0.6),
      col('byModel', 'Hosts by model', 'text', 1.2, true),
      col('lowerBound', 'Lower bound', 'int', 0.7),
      col('gap', 'Host gap', 'pct', 0.6),
      col('costGap', 'Cost gap', 'pct', 0.6),
      col('unplaced', 'Unplaced', 'int', 0.6),
      col('ratio', 'Consolidation', 'ratio', 0.8),
      col('powerKw', 'Power kW', 'num', 0.75),
      col('rackUnits', 'Rack U', 'int', 0.6),
      col('hardwareCost', 'Hardware cost', 'money', 1.2),
      col('licenceCost', 'Licence cost', 'money', 1.2),
      col('totalCost', 'Total cost', 'money', 1.2),
    ],
    rows: scenarios.map(({ name, plan }) => {
      const s = plan.summary;
      return [
        name,
        s.hosts,
        s.reserveHosts,
        Object.entries(s.hostsByModel)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([m, n]) => `${n} × ${m}`)
          .join(', '),
        s.lowerBound,
        s.gap,
        // the figure to read when the scenario minimises cost (the host bound assumes the largest model throughout)
        plan.solver.objective === 'cost' && plan.solver.costLowerBound !== undefined ? (plan.solver.costGap ?? 0) : null,
        s.unplaced,
        s.consolidationRatio,
        s.powerKwAfter,
        s.rackUnitsAfter,
        s.hardwareCost,
        s.licenceCost,
        s.hardwareCost + s.licenceCost,
      ];
    }),
  };
}
