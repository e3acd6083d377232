/** Builds the report model (sections, headline figures, tables, charts) from the checkpoints and the branding. */
import { Problem, UserError, warning } from '../../diagnostics';
import { readRegularFile } from '../../util/input-file';
import { Plan } from '../../plan/types';
import { gapWords } from '../../plan/gap-words';
import { ReportInput } from '../types';
import { fmtDate, fmtInt, fmtMoney, fmtNum, fmtPct, fmtRatio } from '../format';
import { col, dimLabel } from './labels';
import { Block, ChartSpec, ReportMeta, ReportModel, Section, Table } from './types';
import { diversitySentence, hostLoadSeries, stackedAreaChartConfig } from './series-data';
import * as T from './tables';
import { sizedDemandBlocks, sizedDemandTable } from './sized-demand';
import { waveBlocks, wavesTable } from './waves';
import { mapModelStrings, pathStripper, recordedFiles } from './strings';
import { appliancesTable, costTable, migrationTable } from './readiness-today-tables';
import * as C from './charts';
import { datastoresTable, storageBlocks, storageSentence, storageSummary } from './storage';
import { drsBlocks, drsRulesTable } from './drs';
import { baselineBlocks, healthByKindTable, healthTable, licencesTable } from './baseline';
import { cpuGenerationsTable, reconciliationTable, sizingCheckBlocks } from './sizing-checks';
import { arraySizingTable, haBeforeTable, haBlocks, hciPoolsTable, storageSizingBlocks } from './storage-sizing';
import { rightsizingSection } from './rightsizing';
import { maturityBlocks, maturityTables } from './maturity';
import { businessAssumptionRows, businessBlocks, businessSummaryRows, businessWorkbookTable, cumulativeCostChart, paybackShort, scenarioBusinessTable, sensitivityTable } from './business-case';

const DEFAULT_ACCENT = '#0f6e8c';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Logo limits: 4 MiB and 4096 pixels a side (a report logo is a few hundred pixels wide). */
export const LOGO_MAX_BYTES = 4 * 1024 * 1024;
export const LOGO_MAX_PIXELS = 4096;

/** PNG: width and height are the first fields of the IHDR chunk, right after the signature. */
function pngSize(b: Buffer): { width: number; height: number } | undefined {
  if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** JPEG: the dimensions of the first start-of-frame marker (SOF0..SOF15 except DHT, JPG, DAC). */
function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    const len = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  return undefined;
}

export function loadLogo(file: string | undefined, problems: Problem[]): ReportMeta['logo'] {
  if (!file) return undefined;
  let data: Buffer;
  try {
    data = readRegularFile(file, { noun: 'Logo', maxBytes: LOGO_MAX_BYTES });
  } catch (e) {
    const why =
      e instanceof UserError
        ? e.problems[0].message
        : `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
    problems.push(
      warning(
        'report-logo-unreadable',
        `${why} The report has no logo.`,
        { file, path: ['report', 'logo'] },
        'Give a PNG or JPEG file, relative to the config file.',
      ),
    );
    return undefined;
  }
  const mime = data.subarray(0, 8).equals(PNG_MAGIC)
    ? 'image/png'
    : data[0] === 0xff && data[1] === 0xd8
      ? 'image/jpeg'
      : undefined;
  if (mime) {
    // Checked before anything decodes it: a 12000 x 12000 logo took 2.3 GB to rasterise.
    const size = mime === 'image/png' ? pngSize(data) : jpegSize(data);
    if (!size || size.width > LOGO_MAX_PIXELS || size.height > LOGO_MAX_PIXELS || size.width < 1 || size.height < 1) {
      const dims = size ? `${size.width} x ${size.height} pixels` : 'of unreadable dimensions';
      problems.push(
        warning(
          'report-logo-size',
          `The logo file ${file} is ${dims}; at most ${LOGO_MAX_PIXELS} x ${LOGO_MAX_PIXELS} are used. The report has no logo.`,
          { file, path: ['report', 'logo'] },
          'Scale the logo down (a few hundred pixels wide is plenty).',
        ),
      );
      return undefined;
    }
    return { data, mime };
  }
  problems.push(
    warning(
      'report-logo-format',
      `The logo file ${file} is neither PNG nor JPEG; the report has no logo.`,
      { file, path: ['report', 'logo'] },
      'Convert the logo to PNG.',
    ),
  );
  return undefined;
}

/** The executive figures, formatted once here; the tests expect exactly these strings in the PDF text. */
export function headlineFigures(input: ReportInput): ReportModel['headline'] {
  const s = input.plan.summary;
  const cur = s.currency;
  const rec = input.scorecard.platforms.find((p) => p.platform === input.scorecard.recommendation.platform);
  const beforeAfter = (b: string | undefined, a: string) => (b === undefined ? a : `${b} → ${a}`);
  const out: ReportModel['headline'] = [
    { key: 'hosts', label: 'Hosts before → after', value: `${fmtInt(s.hostsBefore)} → ${fmtInt(s.hosts)}` },
    { key: 'ratio', label: 'Consolidation ratio', value: fmtRatio(s.consolidationRatio) },
  ];
  for (const d of ['cpuMhz', 'memoryMib'] as const) {
    if (s.utilizationAfter[d] === undefined) continue;
    const b = s.utilizationBefore[d];
    out.push({
      key: `util-${d}`,
      label: `${dimLabel(d)} utilisation before → after`,
      value: beforeAfter(b === undefined ? undefined : fmtPct(b), fmtPct(s.utilizationAfter[d])),
    });
  }
  out.push({
    key: 'power',
    label: 'Power (kW)',
    value:
      beforeAfter(s.powerKwBefore === undefined ? undefined : fmtNum(s.powerKwBefore), fmtNum(s.powerKwAfter)) + ' kW',
  });
  out.push({
    key: 'energy',
    label: 'Energy per year',
    value:
      beforeAfter(
        s.energyKwhPerYearBefore === undefined ? undefined : fmtInt(s.energyKwhPerYearBefore),
        fmtInt(s.energyKwhPerYearAfter),
      ) + ' kWh',
  });
  out.push({
    key: 'rack',
    label: 'Rack space',
    value:
      beforeAfter(s.rackUnitsBefore === undefined ? undefined : fmtInt(s.rackUnitsBefore), fmtInt(s.rackUnitsAfter)) +
      ' U',
  });
  out.push({ key: 'hardwareCost', label: 'Hardware cost', value: fmtMoney(s.hardwareCost, cur) });
  const schemes = input.plan.businessCase?.licences ?? [];
  if (schemes.length > 0) {
    // stacked schemes replace the pool licence figure: what the licences cost per year, before and after
    const perYear = (k: 'yearlyBefore' | 'yearlyAfter') => schemes.reduce((a, l) => a + l[k], 0);
    out.push({
      key: 'licenceCost',
      label: `Licences per year (${schemes.length} schemes)`,
      value: `${fmtMoney(perYear('yearlyBefore'), cur)} → ${fmtMoney(perYear('yearlyAfter'), cur)}`,
    });
  } else
    out.push({
      key: 'licenceCost',
      label: `Licence cost (${fmtInt(s.licenceCores)} cores)`,
      value: fmtMoney(s.licenceCost, cur),
    });
  const bc = input.plan.businessCase;
  if (bc) {
    out.push({ key: 'savings', label: `${bc.years}-year savings (business case)`, value: fmtMoney(bc.totals.savings, cur) });
    out.push({ key: 'payback', label: 'Payback', value: paybackShort(bc) });
  }
  out.push({ key: 'platform', label: 'Recommended platform', value: input.scorecard.recommendation.name });
  if (rec) out.push({ key: 'score', label: 'Weighted readiness score', value: `${fmtNum(rec.weightedTotal)} / 100` });
  return out;
}

function hostsByModelAndCluster(plan: Plan): Table {
  const groups = new Map<
    string,
    { cluster: string; model: string; active: number; reserve: number; workloads: number }
  >();
  for (const h of plan.hosts) {
    const key = `${h.cluster}\u0000${h.model}`;
    const g = groups.get(key) ?? { cluster: h.cluster, model: h.model, active: 0, reserve: 0, workloads: 0 };
    if (h.reserve) g.reserve++;
    else g.active++;
    g.workloads += h.workloads.length;
    groups.set(key, g);
  }
  const rows = [...groups.values()].map((g) => [
    g.cluster,
    g.model,
    g.active,
    g.reserve,
    g.active + g.reserve,
    g.workloads,
  ]);
  return {
    id: 'hosts-by-model',
    sheet: 'Hosts by model',
    title: 'Hosts by cluster and model',
    columns: [
      col('cluster', 'Cluster', 'text', 1.5),
      col('model', 'Model', 'text', 1.5),
      col('active', 'Active', 'int', 0.8),
      col('reserve', 'HA reserve', 'int', 0.8),
      col('total', 'Total', 'int', 0.8),
      col('workloads', 'Workloads', 'int', 0.8),
    ],
    rows,
  };
}

function excludedByCode(input: ReportInput): Table {
  const g = new Map<string, { code: string; count: number; reason: string }>();
  for (const e of input.inventory.excluded) {
    const x = g.get(e.code) ?? { code: e.code, count: 0, reason: e.reason };
    x.count++;
    g.set(e.code, x);
  }
  return {
    id: 'excluded-by-code',
    sheet: 'Excluded by code',
    title: 'Excluded records by reason',
    columns: [
      col('code', 'Code', 'text', 1.2),
      col('count', 'Count', 'int', 0.6),
      col('reason', 'Reason (first example)', 'text', 4, true),
    ],
    rows: [...g.values()]
      .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1))
      .map((x) => [x.code, x.count, x.reason]),
  };
}

/**
 * Time-series plans: the stacked demand over the day (or week) of the two busiest hosts, against their capacity, so a
 * reader sees why complementary workloads share a host. Plans without time series get none.
 */
function demandOverTime(input: ReportInput): ChartSpec[] {
  const { plan, inventory } = input;
  if (!plan.diversity) return [];
  const busiest = plan.hosts
    .filter((h) => !h.reserve && h.workloads.length > 1)
    .map((h, i) => ({ h, i, u: h.utilization.cpuMhz ?? 0 }))
    .sort((a, b) => b.u - a.u || a.i - b.i)
    .slice(0, 2)
    .map((x) => x.h.id);
  return hostLoadSeries(plan, inventory, 'cpuMhz')
    .filter((s) => busiest.includes(s.hostId))
    .map((s) => ({
      id: `demand-${s.hostId}`,
      title: `CPU demand over time on ${s.hostId}`,
      width: 495,
      height: 240,
      config: stackedAreaChartConfig(s) as ChartSpec['config'],
      caption: `Stacked ${s.granularity} CPU demand (MHz) of the workloads on ${s.hostId} against its planned capacity (dashed); peak ${fmtInt(s.peak)} MHz.`,
    }));
}

export interface ModelOptions {
  date: Date;
  /** File name stem of the reports (default `report`) and the formats written: where a cut table is found whole. */
  baseName?: string;
  formats?: readonly string[];
}

export function buildReportModel(input: ReportInput, opts: ModelOptions, problems: Problem[] = []): ReportModel {
  const { inventory, plan, scorecard } = input;
  const b = input.config?.report ?? {};
  const accent = b.accentColor && /^#[0-9a-fA-F]{6}$/.test(b.accentColor) ? b.accentColor : DEFAULT_ACCENT;
  const currency = plan.summary.currency || b.currency || 'EUR';
  const meta: ReportMeta = {
    title: 'Datacenter readiness and consolidation assessment',
    customer: b.customer ?? 'Customer not named',
    assessor: b.assessor ?? 'Assessor not named',
    company: b.company ?? '',
    date: fmtDate(opts.date),
    accentColor: accent,
    currency,
    logo: loadLogo(b.logo, problems),
    tool: `${plan.generatedBy.tool} ${plan.generatedBy.version}`,
    fullTables: fullTablesIn(opts),
  };
  const s = plan.summary;
  const scenarios = input.scenarios && input.scenarios.length > 1 ? input.scenarios : undefined;

  const t = {
    summary: T.summaryTable(plan, scorecard),
    assumptions: T.assumptionsTable(inventory, plan),
    hosts: T.hostsTable(plan),
    placement: T.placementTable(plan),
    workloads: T.workloadsTable(inventory, plan, input.waves),
    findings: T.findingsTable(scorecard),
    scorecard: T.scorecardTable(scorecard),
    matrix: T.seedStyleTable(scorecard),
    blockers: T.blockersTable(scorecard),
    migration: migrationTable(scorecard),
    cost: costTable(scorecard),
    appliances: appliancesTable(inventory, scorecard),
    excluded: T.excludedTable(inventory),
    excludedByCode: excludedByCode(input),
    problems: T.problemsTable(inventory, plan, scorecard),
    byModel: hostsByModelAndCluster(plan),
    scenarios: scenarios ? T.scenariosTable(scenarios) : undefined,
    datastores: datastoresTable(inventory),
    arraySizing: arraySizingTable(plan),
    hciPools: hciPoolsTable(plan),
    haBefore: haBeforeTable(plan),
    drsRules: drsRulesTable(plan),
    cpuGenerations: cpuGenerationsTable(plan),
    reconciliation: reconciliationTable(plan),
    waves: input.waves ? wavesTable(input.waves) : undefined,
    licences: licencesTable(inventory, fmtDate(opts.date)),
    healthByKind: healthByKindTable(inventory),
    health: healthTable(inventory),
  };
  if (plan.businessCase) {
    t.assumptions.rows.push(...businessAssumptionRows(plan.businessCase));
    t.summary.rows.push(...businessSummaryRows(plan.businessCase));
  }
  const scenarioBusiness = scenarios ? scenarioBusinessTable(scenarios) : undefined;
  const ch = {
    util: C.utilisationBeforeAfterChart(plan, accent),
    readiness: C.readinessChart(scorecard, accent),
    hosts: C.hostUtilisationChart(plan, accent),
    findings: C.findingsChart(scorecard),
    scenarios: scenarios ? C.scenariosChart(scenarios, accent, currency) : undefined,
  };

  const headline = headlineFigures(input);
  const rec = scorecard.platforms.find((p) => p.platform === scorecard.recommendation.platform);
  const sections: Section[] = [];
  const exec: Block[] = [
    { type: 'figures', items: headline.map((h) => ({ label: h.label, value: h.value })) },
    {
      type: 'paragraph',
      text:
        `${fmtInt(s.placed)} workloads ${s.hostsBefore > 0 ? `now on ${fmtInt(s.hostsBefore)} hosts ` : ''}fit on ${fmtInt(s.hosts)} hosts ` +
        `(${Object.entries(s.hostsByModel)
          .sort(([a], [c]) => (a < c ? -1 : 1))
          .map(([m, n]) => `${n} × ${m}`)
          .join(', ')}), ` +
        `including ${fmtInt(s.reserveHosts)} HA reserve host(s). ${dimLabel(s.limitingDimension)} decides the host count. ` +
        `No plan can use fewer than ${fmtInt(s.lowerBound)} hosts under the same policy (${hostGap(plan)}).` +
        costBoundSentence(plan) +
        (s.unplaced > 0 ? ` ${fmtInt(s.unplaced)} workload(s) could not be placed; see the consolidation plan.` : ''),
    },
  ];
  const diversity = diversitySentence(plan);
  if (diversity) exec.push({ type: 'paragraph', text: diversity });
  const storage = storageSummary(inventory);
  if (storage) exec.push({ type: 'paragraph', text: storageSentence(storage) });
  exec.push(
    {
      type: 'paragraph',
      text: `Recommended platform: ${scorecard.recommendation.name}${rec ? ` (weighted score ${fmtNum(rec.weightedTotal)} of 100)` : ''}.`,
    },
    { type: 'bullets', items: scorecard.recommendation.reasons },
    { type: 'chart', chart: ch.util },
  );
  sections.push({ id: 'executive', title: 'Executive summary', blocks: exec });

  sections.push({
    id: 'assumptions',
    title: 'Assumptions',
    blocks: [
      {
        type: 'paragraph',
        text: 'Every figure in this report follows from the inputs and the values below. "default" marks values the configuration did not set.',
      },
      { type: 'table', table: t.assumptions },
      ...sizingCheckBlocks(plan, t.cpuGenerations, t.reconciliation),
    ],
  });

  const storageSection = storageBlocks(inventory, t.datastores);
  if (storageSection.section.length > 0)
    sections.push({ id: 'storage', title: 'Current storage', blocks: storageSection.section });
  const baseline = baselineBlocks(inventory, fmtDate(opts.date), t.licences, t.healthByKind);
  if (baseline.length > 0) sections.push({ id: 'baseline', title: 'Licence baseline and health', blocks: baseline });
  const sizingBlocks = storageSizingBlocks(plan, t.arraySizing, t.hciPools);
  if (sizingBlocks.length > 0) sections.push({ id: 'storage-sizing', title: 'Storage sizing', blocks: sizingBlocks });

  const readiness: Block[] = [
    { type: 'paragraph', text: `Each platform is rated on the ten criteria of the Taneja Group's datacenter-readiness framework and on two of today (migration effort, licence cost for this estate; a criterion not rated for every platform stays out of the totals), weighted by the ${scorecard.profile.name} profile, with the customer's estate taken into account. Historical platforms are scored for comparison but recommended only when named.` },
    { type: 'table', table: t.matrix },
    { type: 'chart', chart: ch.readiness },
    { type: 'heading', text: `Recommendation: ${scorecard.recommendation.name}` },
    { type: 'bullets', items: scorecard.recommendation.reasons },
  ];
  if (t.migration)
    readiness.push(
      { type: 'heading', text: 'Migration effort' },
      { type: 'table', table: t.migration, columns: ['platform', 'rating', 'route', 'workloads', 'handsOn', 'replatform', 'perWorkload'] },
    );
  if (t.cost) readiness.push({ type: 'heading', text: 'Licence cost for this estate' }, { type: 'table', table: t.cost });
  sections.push({ id: 'readiness', title: 'Readiness scorecard', blocks: readiness });
  if (t.appliances)
    sections.push({
      id: 'appliances',
      title: 'Virtual appliances',
      blocks: [
        { type: 'paragraph', text: 'Each OVF / OVA package: the deployment option sized, its size, the result of its validation (dcplan appliance check) and the platforms that can import it. The appliances are planned like any workload.' },
        { type: 'table', table: t.appliances, columns: ['appliance', 'option', 'vcpus', 'memoryGib', 'diskGib', 'validation', 'runsOn', 'not'] },
      ],
    });

  const planBlocks: Block[] = [
    {
      type: 'paragraph',
      text:
        `${fmtInt(s.hosts)} hosts: ${fmtInt(s.hosts - s.reserveHosts)} active and ${fmtInt(s.reserveHosts)} held in reserve (${reserveWords(plan)}). ` +
        `Lower bound ${fmtInt(s.lowerBound)} hosts (${plan.solver.lowerBoundMethod}); ${hostGap(plan)}.` +
        `${costBoundSentence(plan)} ` +
        `Limiting resource: ${dimLabel(s.limitingDimension)}.`,
    },
    { type: 'table', table: t.byModel },
    { type: 'chart', chart: ch.hosts },
    ...demandOverTime(input).map((chart): Block => ({ type: 'chart', chart })),
    { type: 'table', table: t.hosts },
  ];
  planBlocks.push(...haBlocks(plan, t.haBefore));
  planBlocks.push(...drsBlocks(plan, t.drsRules));
  if (plan.unplaced.length > 0) {
    planBlocks.push({ type: 'heading', text: `Workloads not placed (${fmtInt(plan.unplaced.length)})` });
    const listed = plan.unplaced.slice(0, UNPLACED_LISTED).map((u) => `${u.name}: ${u.reason}`);
    if (plan.unplaced.length > UNPLACED_LISTED)
      listed.push(`… and ${fmtInt(plan.unplaced.length - UNPLACED_LISTED)} more, each in the placement table with its reason.`);
    planBlocks.push({ type: 'bullets', items: listed });
  }
  sections.push({ id: 'plan', title: 'Consolidation plan', blocks: planBlocks });
  if (input.waves && t.waves) sections.push({ id: 'waves', title: 'Migration waves', blocks: waveBlocks(input.waves, t.waves) });
  if (plan.businessCase)
    sections.push({ id: 'business-case', title: 'Business case', blocks: businessBlocks(plan.businessCase, accent) });

  // (issue 19.1) right-sizing: the first right-sized plan (main or scenario) against the same scenario without it
  const rightsizing = rightsizingSection(scenarios ?? [{ name: 'baseline', plan }], currency);
  if (rightsizing.blocks.length > 0) sections.push({ id: 'rightsizing', title: 'Right-sizing', blocks: rightsizing.blocks });

  const sizedDemand = sizedDemandTable(plan, inventory);
  if (sizedDemand) sections.push({ id: 'sized-demand', title: 'Sized demand per workload', blocks: sizedDemandBlocks(sizedDemand) });

  const fc = scorecard.findingCounts;
  const findingBlocks: Block[] = [
    {
      type: 'paragraph',
      text: `${fmtInt(fc.critical)} critical, ${fmtInt(fc.warning)} warning and ${fmtInt(fc.info)} info finding(s) across the estate and the candidate platforms. Every finding is listed in the Findings sheet of the workbook.`,
    },
    { type: 'chart', chart: ch.findings },
    { type: 'table', table: t.blockers },
  ];
  if (scorecard.checksNotRun.length > 0) {
    findingBlocks.push({ type: 'heading', text: 'Checks that could not run' });
    findingBlocks.push({ type: 'bullets', items: scorecard.checksNotRun.map((c) => `${c.rule}: ${c.reason}`) });
  }
  sections.push({ id: 'findings', title: 'Workload findings', blocks: findingBlocks });
  const maturity = input.maturity ? maturityTables(input.maturity) : undefined;
  if (input.maturity && maturity)
    sections.push({ id: 'maturity', title: 'Infrastructure maturity and roadmap', blocks: maturityBlocks(input.maturity, maturity, accent) });

  sections.push({
    id: 'data-quality',
    title: 'Data quality',
    blocks: [
      {
        type: 'paragraph',
        text: `${fmtInt(inventory.workloads.length)} workloads and ${fmtInt(inventory.hosts.length)} hosts were read from ${fmtInt(inventory.sources.length)} source(s); ${fmtInt(inventory.excluded.length)} record(s) were left out, each listed below with its reason.`,
      },
      { type: 'table', table: t.excludedByCode },
      { type: 'table', table: t.excluded, columns: ['name', 'code', 'reason', 'file', 'sheet', 'row'] },
      { type: 'table', table: t.problems },
    ],
  });

  if (scenarios && t.scenarios && ch.scenarios) {
    sections.push({
      id: 'scenarios',
      title: 'Scenario comparison',
      blocks: [
        {
          type: 'paragraph',
          text: `${scenarios.length} scenarios planned on the same inventory; the first is the plan this report describes.`,
        },
        {
          type: 'table',
          table: t.scenarios,
          columns: [
            'scenario',
            'hosts',
            'byModel',
            'lowerBound',
            'gap',
            'costGap',
            'powerKw',
            'hardwareCost',
            'licenceCost',
            'totalCost',
          ],
        },
        { type: 'chart', chart: ch.scenarios },
        ...(scenarioBusiness
          ? [
              { type: 'table' as const, table: scenarioBusiness },
              {
                type: 'chart' as const,
                chart: cumulativeCostChart(
                  scenarios
                    .filter((x) => x.plan.businessCase)
                    .map((x) => ({ label: x.name, bc: x.plan.businessCase! })),
                  accent,
                  'scenario-business-case',
                ),
              },
            ]
          : []),
      ],
    });
  }

  sections.push({
    id: 'appendix',
    title: 'Appendix: placement of every workload',
    blocks: [
      { type: 'table', table: t.placement, columns: ['workload', 'host', 'model', 'cluster', 'status', 'reason'] },
    ],
  });
  if (storageSection.appendix.length > 0)
    sections.push({ id: 'appendix-datastores', title: 'Appendix: every datastore', blocks: storageSection.appendix });

  const tables: Table[] = [t.summary, t.assumptions, t.hosts, t.placement, t.workloads];
  if (sizedDemand) tables.push(sizedDemand);
  if (t.datastores) tables.push(t.datastores);
  for (const extra of [t.licences, t.healthByKind, t.health]) if (extra) tables.push(extra);
  for (const extra of [t.arraySizing, t.hciPools, t.haBefore, t.drsRules, t.cpuGenerations, t.reconciliation]) if (extra) tables.push(extra);
  if (t.waves) tables.push(t.waves);
  tables.push(t.findings, t.scorecard);
  for (const extra of [t.migration, t.cost, t.appliances]) if (extra) tables.push(extra);
  if (maturity) tables.push(maturity.levels, maturity.indicators, maturity.roadmap, maturity.sprawl, ...(maturity.reclaim ? [maturity.reclaim] : []));
  if (plan.businessCase) tables.push(businessWorkbookTable(plan.businessCase));
  const sensitivity = plan.businessCase ? sensitivityTable(plan.businessCase) : undefined;
  if (sensitivity) tables.push(sensitivity);
  if (t.scenarios) tables.push(t.scenarios);
  if (scenarioBusiness) tables.push(scenarioBusiness);
  tables.push(...rightsizing.tables);
  tables.push(t.byModel, t.blockers, t.excluded, t.problems);
  const charts = sections.flatMap((sec) => sec.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : [])));
  // file names by base name only: a customer report shows no folder of the consultant's laptop
  return mapModelStrings({ meta, headline, sections, tables, charts }, pathStripper(recordedFiles(inventory, plan, scorecard)));
}

/** Unplaced workloads named one by one in the plan section; the placement table has them all. */
const UNPLACED_LISTED = 50;

function fullTablesIn(opts: ModelOptions): ReportMeta['fullTables'] {
  const base = opts.baseName ?? 'report';
  const formats = opts.formats ?? [];
  return {
    ...(formats.includes('xlsx') ? { xlsx: `${base}.xlsx` } : {}),
    ...(formats.includes('csv') ? { csvPrefix: `${base}-` } : {}),
  };
}

/** What the empty hosts are for: N+K spares per cluster, or none with a percentage reserve, plus HCI minimum hosts. */
function reserveWords(plan: Plan): string {
  const pct = Number(plan.policy.haReservePct ?? 0);
  const ha =
    pct > 0
      ? `HA by admission control: ${fmtNum(pct)} % of each cluster's CPU and memory kept free, no spare hosts`
      : `HA, N+${typeof plan.policy.haSpareHosts === 'number' ? plan.policy.haSpareHosts : '?'} per cluster`;
  const floor = plan.hosts.filter((h) => h.reserveFor === 'storage-policy').length;
  return floor > 0 ? `${ha}; ${fmtInt(floor)} empty host(s) for the HCI storage policy's minimum cluster size` : ha;
}

/**
 * With a cost objective the planner may buy more, cheaper hosts than the host-count bound (which assumes the largest
 * model everywhere), so the count gap alone would overstate how far the plan is from the best; state the cost gap too.
 */
export function costBoundSentence(plan: Plan): string {
  const { objective, costLowerBound, costGap } = plan.solver;
  if (objective !== 'cost' || costLowerBound === undefined) return '';
  return (
    ` The plan minimises cost, the hosts' hardware and licences (N+K spares included): ` +
    `${gapWords({ gap: costGap ?? 0, bound: fmtMoney(costLowerBound, plan.summary.currency), of: 'cost' }, fmtPct)}; ` +
    'the host-count bound assumes the largest model throughout.'
  );
}

/** The host-count gap in the report's one wording. */
export function hostGap(plan: Plan): string {
  return gapWords({ gap: plan.summary.gap, bound: `${fmtInt(plan.summary.lowerBound)} hosts`, of: 'hosts' }, fmtPct);
}
