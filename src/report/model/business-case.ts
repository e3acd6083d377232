/**
 * The business case in the report (issue 12): the year-by-year table (one-off and yearly heads, before and after,
 * cumulative, savings), the licence counts per scheme, the cumulative-cost chart, the inputs as assumption rows, the
 * scenario comparison, and the workbook sheet whose inputs are cells and whose figures are formulas over them.
 */
import { BusinessCase, BusinessHead } from '../../business/schema';
import { HOURS_PER_YEAR } from '../../business/model';
import { PUE_SOURCE } from '../../config/business-case';
import { Plan } from '../../plan/types';
import { fmtInt, fmtMoney } from '../format';
import { col, PALETTE } from './labels';
import { Block, Cell, ChartSpec, Column, Table } from './types';

const yearLabel = (y: number) => (y === 0 ? 'Year 0 (one-off)' : `Year ${y}`);

function headCells(h: BusinessHead, years: number): number[] {
  return Array.from({ length: years + 1 }, (_, y) => (h.when === 'one-off' ? (y === 0 ? h.amount : 0) : y === 0 ? 0 : h.amount));
}

/** The PDF's year-by-year table: heads before, heads after, totals, cumulative, savings. */
export function businessYearTable(bc: BusinessCase): Table {
  const years = Array.from({ length: bc.years + 1 }, (_, y) => y);
  const rows: Cell[][] = [];
  const line = (label: string, values: number[], total: number | null) => rows.push([label, ...values, total]);
  const bold = (label: string, key: 'before' | 'after' | 'savings', cum: 'cumulativeBefore' | 'cumulativeAfter' | 'cumulativeSavings') => {
    line(label, bc.byYear.map((r) => r[key]), key === 'savings' ? bc.totals.savings : bc.totals[key]);
    line(`${label}, cumulative`, bc.byYear.map((r) => r[cum]), null);
  };
  for (const side of ['before', 'after'] as const) {
    rows.push([side === 'before' ? "Before: keep today's estate" : 'After: the consolidation plan', ...years.map(() => null), null]);
    for (const h of bc.heads.filter((x) => x.side === side)) {
      const cells = headCells(h, bc.years);
      line(`  ${h.label}`, cells, cells.reduce((a, v) => a + v, 0));
    }
    bold(side === 'before' ? 'Total before' : 'Total after', side, side === 'before' ? 'cumulativeBefore' : 'cumulativeAfter');
  }
  bold('Savings (before − after)', 'savings', 'cumulativeSavings');
  return {
    id: 'business-case-years',
    sheet: 'Business case by year',
    title: `Cost by year, before and after (${bc.currency})`,
    columns: [col('head', 'Head', 'text', 2.6, true), ...years.map((y) => col(`y${y}`, yearLabel(y), 'int', 0.9)), col('total', 'Total', 'int', 1)],
    rows,
  };
}

export function businessLicenceTable(bc: BusinessCase): Table {
  return {
    id: 'business-case-licences',
    sheet: 'Licences',
    title: 'Licences per scheme, before and after',
    columns: [
      col('scheme', 'Scheme', 'text', 1.8, true),
      col('covers', 'Covers / unit / term', 'text', 1.8, true),
      col('before', 'Units before', 'int', 0.8),
      col('after', 'Units after', 'int', 0.8),
      col('bought', 'Units bought', 'int', 0.8),
      col('purchase', 'Purchase', 'money', 1),
      col('yearlyBefore', 'Per year before', 'money', 1),
      col('yearlyAfter', 'Per year after', 'money', 1),
    ],
    rows: bc.licences.map((l) => [
      l.name,
      `${l.covers} / ${l.unit} / ${l.term}${l.term === 'perpetual' ? ` (support ${Math.round(l.supportPct * 1000) / 10} %)` : ''}`,
      l.unitsBefore,
      l.unitsAfter,
      l.term === 'perpetual' ? l.purchasedUnits : null,
      l.term === 'perpetual' ? l.purchase : null,
      l.yearlyBefore,
      l.yearlyAfter,
    ]),
    note: 'Units: physical cores (with the per-CPU / per-host minimums), socket pairs, hosts, virtual cores (with the per-VM minimum) or VMs. Perpetual: only the units beyond those owned are bought.',
  };
}

const thousands = (x: number) => Math.round(x / 100) / 10;

export function cumulativeCostChart(lines: { label: string; bc: BusinessCase }[], accent: string, id = 'business-case-cumulative'): ChartSpec {
  const first = lines[0].bc;
  const colours = [accent, ...PALETTE.filter((c) => c.toLowerCase() !== accent.toLowerCase()).slice(1)];
  const after = lines.map((l, i) => ({
    label: lines.length > 1 ? `After: ${l.label}` : 'After: the consolidation plan',
    data: l.bc.byYear.map((r) => thousands(r.cumulativeAfter)),
    borderColor: colours[i % colours.length],
    backgroundColor: colours[i % colours.length],
    borderWidth: 2,
    pointRadius: 2,
  }));
  return {
    id,
    title: 'Cumulative cost, before and after',
    width: 495,
    height: 240,
    config: {
      type: 'line',
      data: {
        labels: first.byYear.map((r) => yearLabel(r.year).replace(' (one-off)', '')),
        datasets: [
          { label: "Before: keep today's estate", data: first.byYear.map((r) => thousands(r.cumulativeBefore)), borderColor: '#7a7a7a', backgroundColor: '#7a7a7a', borderDash: [6, 3], borderWidth: 2, pointRadius: 2 },
          ...after,
        ],
      },
      options: {
        plugins: { title: { display: true, text: `Cumulative cost (${first.currency} thousands)` }, legend: { display: true, position: 'bottom' } },
        scales: { y: { beginAtZero: true, title: { display: true, text: `${first.currency} thousands` } } },
      },
    },
    caption: `Year 0 holds the one-off costs (hardware, licences bought, migration, less the resale of retired hosts); the lines cross at the payback point.`,
  };
}

/** The payback as a figure: the month, or that it falls beyond the horizon or never. */
export function paybackShort(bc: BusinessCase): string {
  if (bc.paybackMonth === null) return 'none';
  return bc.paybackMonth > bc.years * 12 ? `beyond ${bc.years} years` : `month ${bc.paybackMonth}`;
}

export function paybackWords(bc: BusinessCase): string {
  if (bc.paybackMonth === null) return 'does not pay back: the plan costs more per year than today\'s estate';
  if (bc.paybackMonth === 0) return 'pays back from the start (the one-off costs are covered by the resale of retired hosts)';
  const beyond = bc.paybackMonth > bc.years * 12 ? `, beyond the ${bc.years}-year horizon` : '';
  return `pays back in month ${bc.paybackMonth} (${(bc.paybackMonth / 12).toFixed(1)} years${beyond})`;
}

export function businessBlocks(bc: BusinessCase, accent: string): Block[] {
  const cur = bc.currency;
  const yearly = (side: 'before' | 'after') => bc.heads.filter((h) => h.side === side && h.when === 'yearly').reduce((a, h) => a + h.amount, 0);
  const blocks: Block[] = [
    {
      type: 'figures',
      items: [
        { label: `${bc.years}-year cost before`, value: fmtMoney(bc.totals.before, cur) },
        { label: `${bc.years}-year cost after`, value: fmtMoney(bc.totals.after, cur) },
        { label: `${bc.years}-year savings`, value: fmtMoney(bc.totals.savings, cur) },
        { label: 'Payback', value: paybackShort(bc) },
      ],
    },
    {
      type: 'paragraph',
      text:
        `Keeping today's ${fmtInt(bc.quantities.hostsBefore)} hosts costs ${fmtMoney(yearly('before'), cur)} a year; the plan's ${fmtInt(bc.quantities.hostsAfter)} hosts ` +
        `(${fmtInt(bc.quantities.hostsNew)} new, ${fmtInt(bc.quantities.hostsReused)} reused) cost ${fmtMoney(bc.byYear[0].after, cur)} once and ${fmtMoney(yearly('after'), cur)} a year. ` +
        (bc.totals.savings >= 0
          ? `Over ${bc.years} years the plan saves ${fmtMoney(bc.totals.savings, cur)} and ${paybackWords(bc)}. `
          : `Over ${bc.years} years the plan costs ${fmtMoney(-bc.totals.savings, cur)} more than keeping today's estate; it ${paybackWords(bc)}. `) +
        `"Before" assumes no refresh of today's hardware within the horizon, so the savings are, if anything, understated. ` +
        `All figures are nominal (not discounted), in ${cur}.` +
        (bc.quantities.workloadsDecommissioned > 0 ? ` ${fmtInt(bc.quantities.workloadsDecommissioned)} idle / zombie workload(s) are switched off instead of migrated.` : ''),
    },
    { type: 'table', table: businessYearTable(bc) },
    { type: 'chart', chart: cumulativeCostChart([{ label: 'plan', bc }], accent) },
  ];
  if (bc.licences.length > 0) blocks.push({ type: 'table', table: businessLicenceTable(bc) });
  const sens = sensitivityTable(bc);
  if (sens && bc.sensitivity) {
    blocks.push({ type: 'heading', text: 'Which assumption matters' });
    blocks.push({
      type: 'paragraph',
      text: `The ${bc.years}-year savings with one input moved and the others kept: energy price ±25 % (the same plan), vCPU per core ±25 % and growth ±10 points (each re-planned). The widest bar is the assumption to check first with the customer.`,
    });
    blocks.push({ type: 'table', table: sens });
    blocks.push({ type: 'chart', chart: tornadoChart(bc, accent) });
  }
  blocks.push({ type: 'table', table: headFormulaTable(bc) });
  return blocks;
}

export function sensitivityTable(bc: BusinessCase): Table | undefined {
  if (!bc.sensitivity) return undefined;
  return {
    id: 'business-case-sensitivity',
    sheet: 'Sensitivity',
    title: `Sensitivity of the ${bc.years}-year savings (baseline ${fmtMoney(bc.totals.savings, bc.currency)})`,
    columns: [
      col('input', 'Input', 'text', 1.8, true),
      col('low', 'Low', 'text', 1.1, true),
      col('high', 'High', 'text', 1.1, true),
      col('hostsLow', 'Hosts (low)', 'int', 0.7),
      col('hostsHigh', 'Hosts (high)', 'int', 0.7),
      col('savingsLow', 'Savings (low)', 'money', 1.1),
      col('savingsHigh', 'Savings (high)', 'money', 1.1),
      col('swing', 'Swing', 'money', 1),
    ],
    rows: bc.sensitivity.map((r) => [r.input, r.low, r.high, r.hostsLow, r.hostsHigh, r.savingsLow, r.savingsHigh, Math.abs(r.savingsHigh - r.savingsLow)]),
    note:
      `Savings: the baseline's plus the difference between quick re-plans (heuristics only) with the input moved and unmoved. ` +
      `Hosts of a sizing input are the quick re-plans' own counts` +
      (bc.sensitivity.find((r) => r.quickHosts !== undefined) ? ` (unmoved: ${bc.sensitivity.find((r) => r.quickHosts !== undefined)!.quickHosts} hosts)` : '') +
      `; a re-plan may choose another model mix, so fewer hosts can cost more.`,
  };
}

/** Tornado: per input a bar from the savings at its low value to those at its high value, widest first. */
export function tornadoChart(bc: BusinessCase, accent: string): ChartSpec {
  const rows = [...(bc.sensitivity ?? [])].sort((a, b) => Math.abs(b.savingsHigh - b.savingsLow) - Math.abs(a.savingsHigh - a.savingsLow) || a.input.localeCompare(b.input, 'en-US'));
  return {
    id: 'business-case-tornado',
    title: 'Sensitivity of the savings',
    width: 495,
    height: 60 + 34 * Math.max(rows.length, 3),
    config: {
      type: 'bar',
      data: {
        labels: rows.map((r) => `${r.input} (${r.low} … ${r.high})`),
        datasets: [
          {
            label: `${bc.years}-year savings, input low → high (${bc.currency} thousands)`,
            data: rows.map((r) => [thousands(Math.min(r.savingsLow, r.savingsHigh)), thousands(Math.max(r.savingsLow, r.savingsHigh))]),
            backgroundColor: accent,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        plugins: { title: { display: true, text: `Savings over ${bc.years} years when one input moves (${bc.currency} thousands; baseline ${fmtInt(thousands(bc.totals.savings))})` }, legend: { display: false } },
        scales: { x: { title: { display: true, text: `${bc.currency} thousands` } }, y: { ticks: { autoSkip: false } } },
      },
    },
    caption: `Each bar spans the savings with the input at its low and its high value; the baseline saves ${fmtMoney(bc.totals.savings, bc.currency)}.`,
  };
}

/** Every head with its formula in words and figures: how each amount follows from the inputs. */
function headFormulaTable(bc: BusinessCase): Table {
  return {
    id: 'business-case-heads',
    sheet: 'Business case heads',
    title: 'How each head is computed',
    columns: [col('side', 'Side', 'text', 0.6), col('head', 'Head', 'text', 1.6, true), col('when', 'When', 'text', 0.6), col('amount', 'Amount', 'money', 0.9), col('formula', 'Formula', 'text', 3.2, true)],
    rows: bc.heads.map((h) => [h.side, h.label, h.when, h.amount, h.formula]),
  };
}

/** Rows for the Assumptions table: every business-case input, with its source (config, default and where from, or not given). */
export function businessAssumptionRows(bc: BusinessCase): Cell[][] {
  const i = bc.inputs;
  const cur = bc.currency;
  const src = (path: string) => (i.defaulted.includes(path) ? 'default' : i.notGiven.includes(path) ? 'not given (0)' : 'config');
  const rows: Cell[][] = [
    ['Business case', 'years compared', String(bc.years), src('businessCase.years')],
    ['Business case', 'energy price', `${cur} ${i.energyPricePerKwh} per kWh`, 'config'],
    ['Business case', 'PUE (facility power / IT power)', `${i.pue}${i.defaulted.includes('businessCase.pue') ? ` (${PUE_SOURCE})` : ''}`, src('businessCase.pue')],
    ['Business case', 'rack space', `${cur} ${i.spaceCostPerRackUnitMonth} per U per month`, src('businessCase.spaceCostPerRackUnitMonth')],
    ['Business case', 'support of new hosts', `${i.hardwareSupportPct * 100} % of price per year + ${cur} ${i.hardwareSupportPerHost} per host per year`, src('businessCase.hardwareSupport')],
    ['Business case', "support of today's hosts", `${cur} ${i.existingSupportPerHost} per host per year`, src('businessCase.existingHosts.supportPerHostPerYear')],
    ['Business case', 'resale of a retired host', `${cur} ${i.residualValuePerHost}`, src('businessCase.existingHosts.residualValuePerHost')],
    ['Business case', 'migration per workload', `${cur} ${i.migrationPerWorkload}`, src('businessCase.migration')],
    ['Business case', 'energy per year', `kW × ${HOURS_PER_YEAR} h × PUE × price; kW before and after as in the Summary (power per host: idle + (max − idle) × CPU load)`, 'planner'],
  ];
  for (const l of bc.licences)
    rows.push(['Licence scheme', l.name, `${l.covers}, per ${l.unit}, ${l.term}, ${cur} ${l.price}${l.term === 'subscription' ? ' per unit per year' : ` per unit, support ${l.supportPct * 100} % per year`}`, l.source ?? 'config']);
  return rows;
}

/** Rows for the Summary table (Metric | Before | After): the business case's yearly licences and totals. */
export function businessSummaryRows(bc: BusinessCase): Cell[][] {
  const money = (v: number) => ({ value: v, kind: 'money' as const });
  const yearly = (side: 'before' | 'after') => bc.heads.filter((h) => h.side === side && h.when === 'yearly').reduce((a, h) => a + h.amount, 0);
  const rows: Cell[][] = [];
  if (bc.licences.length > 0)
    rows.push([`Licences per year (${bc.licences.map((l) => l.name).join(', ')})`, money(bc.licences.reduce((a, l) => a + l.yearlyBefore, 0)), money(bc.licences.reduce((a, l) => a + l.yearlyAfter, 0))]);
  rows.push(['Running cost per year (business case)', money(yearly('before')), money(yearly('after'))]);
  rows.push(['One-off cost (business case, year 0)', null, money(bc.byYear[0].after)]);
  rows.push([`Total cost over ${bc.years} years (business case)`, money(bc.totals.before), money(bc.totals.after)]);
  rows.push([`Savings over ${bc.years} years; payback month`, null, { value: `${fmtMoney(bc.totals.savings, bc.currency)}; ${bc.paybackMonth === null ? 'none' : bc.paybackMonth}`, kind: 'text' }]);
  return rows;
}

/** Scenario comparison: each scenario's business case side by side. */
export function scenarioBusinessTable(scenarios: { name: string; plan: Plan }[]): Table | undefined {
  const withBc = scenarios.filter((s) => s.plan.businessCase);
  if (withBc.length === 0) return undefined;
  return {
    id: 'scenario-business-case',
    sheet: 'Scenario business case',
    title: 'Business case per scenario',
    columns: [
      col('scenario', 'Scenario', 'text', 1.4),
      col('hosts', 'Hosts after', 'int', 0.7),
      col('oneOff', 'One-off', 'money', 1),
      col('yearlyAfter', 'Per year after', 'money', 1),
      col('before', 'Total before', 'money', 1.1),
      col('after', 'Total after', 'money', 1.1),
      col('savings', 'Savings', 'money', 1.1),
      col('payback', 'Payback month', 'int', 0.8),
    ],
    rows: withBc.map(({ name, plan }) => {
      const bc = plan.businessCase!;
      return [name, bc.quantities.hostsAfter, bc.byYear[0].after, bc.byYear[1]?.after ?? 0, bc.totals.before, bc.totals.after, bc.totals.savings, bc.paybackMonth];
    }),
  };
}

// ---- the workbook sheet: inputs as cells, figures as formulas ----

const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/**
 * One sheet, columns Item | Value | Note | Year 0 … Year N | Total. Inputs and the plan's quantities sit in Value (B);
 * each head is a formula over them per year; the totals, cumulative rows, savings and payback are formulas too. The
 * cached result of every formula is the report's own figure, so a reader that does not recalculate shows the same.
 */
export function businessWorkbookTable(bc: BusinessCase): Table {
  const N = bc.years;
  const firstYearCol = 3; // D
  const yc = (y: number) => letter(firstYearCol + y);
  const lastY = yc(N);
  const totalCol = letter(firstYearCol + N + 1);
  const rows: Cell[][] = [];
  const width = 3 + N + 2;
  const rowNo = () => rows.length + 2; // header is row 1
  const blank = (): Cell[] => Array<Cell>(width).fill(null);
  const refs = new Map<string, string>();
  let fromPlan = false; // the plan's quantities can be changed too, but the inputs proper are the ones shaded
  const input = (key: string, label: string, value: number, kind: 'num' | 'num2' | 'int' | 'money' | 'pct', note: string) => {
    const r = blank();
    r[0] = label;
    r[1] = fromPlan ? { value, kind } : { value, kind, input: true };
    r[2] = note;
    refs.set(key, `$B$${rowNo()}`);
    rows.push(r);
  };
  const ref = (key: string) => refs.get(key)!;
  const section = (label: string) => {
    const r = blank();
    r[0] = label;
    rows.push(r);
  };
  const cur = bc.currency;
  const yearRow = rowNo();
  const yr = blank();
  yr[0] = 'Year';
  yr[2] = 'year 0 holds the one-off costs';
  for (let y = 0; y <= N; y++) yr[firstYearCol + y] = { value: y, kind: 'int' };
  rows.push(yr);

  section('Inputs (change the shaded Value cells; every figure below recomputes)');
  const i = bc.inputs;
  input('years', 'Years compared', N, 'int', `at most ${N} (the sheet has ${N} year columns)`);
  input('price', `Energy price (${cur} per kWh)`, i.energyPricePerKwh, 'num2', 'businessCase.energyPricePerKwh');
  input('pue', 'PUE', i.pue, 'num2', i.defaulted.includes('businessCase.pue') ? PUE_SOURCE : 'businessCase.pue');
  input('space', `Rack space (${cur} per U per month)`, i.spaceCostPerRackUnitMonth, 'money', 'businessCase.spaceCostPerRackUnitMonth');
  input('hwPct', 'Support of new hosts (share of price per year)', i.hardwareSupportPct, 'pct', 'businessCase.hardwareSupport.pctOfPricePerYear');
  input('hwPerHost', `Support of new hosts (${cur} per host per year)`, i.hardwareSupportPerHost, 'money', 'businessCase.hardwareSupport.perHostPerYear');
  input('exSup', `Support of today's hosts (${cur} per host per year)`, i.existingSupportPerHost, 'money', 'businessCase.existingHosts.supportPerHostPerYear');
  input('residual', `Resale of a retired host (${cur})`, i.residualValuePerHost, 'money', 'businessCase.existingHosts.residualValuePerHost');
  input('mig', `Migration (${cur} per workload)`, i.migrationPerWorkload, 'money', 'businessCase.migration');

  section('From the plan (change them to test another plan)');
  fromPlan = true;
  const q = bc.quantities;
  input('hostsB', "Today's hosts", q.hostsBefore, 'int', 'hosts the placed workloads run on');
  input('hostsNew', 'New hosts', q.hostsNew, 'int', 'plan, HA spares included');
  input('reused', 'Reused hosts', q.hostsReused, 'int', 'plan (policy.reuseExistingHosts)');
  input('retired', 'Retired hosts', q.hostsRetired, 'int', "today's hosts − reused");
  input('kwB', 'Power before (kW)', q.kwBefore, 'num2', 'policy.existingHosts watts, linear in measured CPU');
  input('kwA', 'Power after (kW)', q.kwAfter, 'num2', "host models' watts, linear in planned CPU");
  input('uB', 'Rack units before', q.rackUnitsBefore, 'int', 'policy.existingHosts.rackUnits per host');
  input('uA', 'Rack units after', q.rackUnitsAfter, 'int', "host models' rackUnits");
  input('newCost', `New hardware (${cur})`, q.newHardwareCost, 'money', "Σ host models' cost");
  input('migrated', 'Workloads migrated', q.workloadsMigrated, 'int', `${q.workloadsDecommissioned} decommissioned instead`);

  bc.licences.forEach((l, k) => {
    section(`Licence: ${l.name} (${l.covers}, per ${l.unit}, ${l.term})`);
    fromPlan = false;
    input(`l${k}price`, `  price per unit (${cur}${l.term === 'subscription' ? ' per year' : ''})`, l.price, 'money', l.source ?? 'businessCase.licences');
    input(`l${k}share`, '  share of the price paid per year', l.term === 'subscription' ? 1 : l.supportPct, 'pct', l.term === 'subscription' ? 'subscription: 100 %' : 'perpetual: support');
    input(`l${k}perp`, '  perpetual (1) or subscription (0)', l.term === 'perpetual' ? 1 : 0, 'int', '');
    fromPlan = true;
    input(`l${k}before`, '  units before', l.unitsBefore, 'int', 'counted on today\'s estate');
    input(`l${k}after`, '  units after', l.unitsAfter, 'int', 'counted on the plan, spares included');
    fromPlan = false;
    input(`l${k}owned`, '  units owned today', l.ownedUnits, 'int', 'perpetual: only the shortfall is bought');
  });

  // heads: formula per year column
  const headFormula = (h: BusinessHead): string | undefined => {
    const k = h.id.startsWith('licence') ? bc.licences.findIndex((l) => h.id.endsWith(`:${l.name}`)) : -1;
    const side = h.side === 'before' ? 'B' : 'A';
    switch (h.id) {
      case 'energy':
        return `${ref(`kw${side}`)}*${HOURS_PER_YEAR}*${ref('pue')}*${ref('price')}`;
      case 'space':
        return `${ref(`u${side}`)}*${ref('space')}*12`;
      case 'hardware-support':
        return h.side === 'before' ? `${ref('hostsB')}*${ref('exSup')}` : `${ref('newCost')}*${ref('hwPct')}+${ref('hostsNew')}*${ref('hwPerHost')}+${ref('reused')}*${ref('exSup')}`;
      case 'hardware':
        return ref('newCost');
      case 'migration':
        return `${ref('migrated')}*${ref('mig')}`;
      case 'residual':
        return `-${ref('retired')}*${ref('residual')}`;
    }
    if (k < 0) return undefined;
    if (h.id.startsWith('licence-purchase:')) return `${ref(`l${k}perp`)}*MAX(0,${ref(`l${k}after`)}-${ref(`l${k}owned`)})*${ref(`l${k}price`)}`;
    return `${ref(`l${k}${h.side}`)}*${ref(`l${k}price`)}*${ref(`l${k}share`)}`;
  };
  const totals: Record<string, number> = {};
  for (const side of ['before', 'after'] as const) {
    section(side === 'before' ? "Before: keep today's estate" : 'After: the consolidation plan');
    const first = rowNo();
    for (const h of bc.heads.filter((x) => x.side === side)) {
      const r = blank();
      const f = headFormula(h);
      r[0] = `  ${h.label}`;
      r[2] = h.formula;
      headCells(h, N).forEach((v, y) => {
        const inYear = h.when === 'one-off' ? y === 0 : y > 0;
        // rounded to cents like the model's heads, so the sheet's totals are the report's to the cent
        const cents = `ROUND(${f},2)`;
        r[firstYearCol + y] = inYear && f ? { value: v, kind: 'money', formula: h.when === 'yearly' ? `IF(${yc(y)}$${yearRow}<=${ref('years')},${cents},0)` : cents } : { value: 0, kind: 'money' };
      });
      r[firstYearCol + N + 1] = { value: headCells(h, N).reduce((a, v) => a + v, 0), kind: 'money', formula: `SUM(${yc(0)}${rowNo()}:${lastY}${rowNo()})` };
      rows.push(r);
    }
    const last = rowNo() - 1;
    const tot = blank();
    totals[side] = rowNo();
    tot[0] = side === 'before' ? 'Total before' : 'Total after';
    bc.byYear.forEach((yRow, y) => (tot[firstYearCol + y] = { value: yRow[side], kind: 'money', formula: `SUM(${yc(y)}${first}:${yc(y)}${last})` }));
    tot[firstYearCol + N + 1] = { value: bc.totals[side], kind: 'money', formula: `SUM(${yc(0)}${rowNo()}:${lastY}${rowNo()})` };
    rows.push(tot);
    const cum = blank();
    totals[`${side}Cum`] = rowNo();
    cum[0] = side === 'before' ? 'Cumulative before' : 'Cumulative after';
    const key = side === 'before' ? 'cumulativeBefore' : 'cumulativeAfter';
    bc.byYear.forEach((yRow, y) => (cum[firstYearCol + y] = { value: yRow[key], kind: 'money', formula: y === 0 ? `${yc(0)}${totals[side]}` : `${yc(y - 1)}${rowNo()}+${yc(y)}${totals[side]}` }));
    rows.push(cum);
  }
  const sav = blank();
  sav[0] = 'Savings (before − after)';
  bc.byYear.forEach((yRow, y) => (sav[firstYearCol + y] = { value: yRow.savings, kind: 'money', formula: `${yc(y)}${totals.before}-${yc(y)}${totals.after}` }));
  sav[firstYearCol + N + 1] = { value: bc.totals.savings, kind: 'money', formula: `${totalCol}${totals.before}-${totalCol}${totals.after}` };
  rows.push(sav);
  const csav = blank();
  csav[0] = 'Cumulative savings';
  bc.byYear.forEach((yRow, y) => (csav[firstYearCol + y] = { value: yRow.cumulativeSavings, kind: 'money', formula: `${yc(y)}${totals.beforeCum}-${yc(y)}${totals.afterCum}` }));
  rows.push(csav);
  const pb = blank();
  const oneOff = `${yc(0)}${totals.after}`;
  const yB = `${yc(1)}${totals.before}`;
  const yA = `${yc(1)}${totals.after}`;
  pb[0] = 'Payback month';
  pb[1] = {
    value: bc.paybackMonth ?? 'never',
    kind: 'int',
    formula: `IF(${oneOff}<=0,IF(${yA}<=${yB},0,"never"),IF(${yB}-${yA}<=0,"never",ROUNDUP(${oneOff}/((${yB}-${yA})/12),0)))`,
  };
  pb[2] = 'first month at which the cumulative cost after is no more than before';
  rows.push(pb);

  const columns: Column[] = [
    col('item', 'Item', 'text', 2.4),
    col('value', 'Value', 'num2', 0.9),
    col('note', 'Note / formula', 'text', 2.4),
    ...Array.from({ length: N + 1 }, (_, y) => col(`y${y}`, yearLabel(y), 'money', 1)),
    col('total', 'Total', 'money', 1),
  ];
  return { id: 'business-case', sheet: 'Business case', title: `Business case over ${N} years (${cur})`, columns, rows };
}
