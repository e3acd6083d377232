/**
 * The business case (issue 12): the cost of keeping today's estate for N years against consolidating it, head by head.
 * Pure: every figure comes from the plan's quantities and the `businessCase` inputs, and each head carries its formula
 * in words. The rules (docs/business-case.md):
 *  - before, every year: energy = kW before × 8,760 h × PUE × price; space = U before × cost per U per month × 12;
 *    support of today's hosts; licences in use (subscription, or a perpetual licence's support). No refresh of today's
 *    hardware is assumed, which makes "before" cheaper than it will be — the savings are understated, not overstated.
 *  - after, once (year 0): the new hosts' price; perpetual licences short of those owned (owned = today's units unless
 *    the config says); migration per workload moved; minus the resale value of the retired hosts.
 *  - after, every year: energy and space of the planned hosts (reused ones included), support of the new hosts
 *    (share of price and/or per host) and of the reused ones, licences in use.
 *  - payback: the first month at which one-off + months × yearly/12 after is no more than months × yearly/12 before.
 */
import { BusinessCaseConfig } from '../config/business-case';
import { LicenceScheme } from '../config/schema';
import { BusinessCase, BusinessHead, BusinessLicenceRow } from './schema';
import { HostShape, hostUnits, vmUnits, withMinimum, yearlyPerUnit, coversPool } from './licence';

export const HOURS_PER_YEAR = 8760;

export interface BusinessFacts {
  currency: string;
  /** Today's hypervisor hosts the placed workloads run on, for host-counted licences (undefined: not described). */
  beforeHosts: (HostShape | undefined)[];
  /** Today's hosts in all, physical servers included (support, resale, the Summary's "hosts before"). */
  hostsBefore: number;
  /** Per pool: today's hosts that run a workload the plan puts in that pool (pool-hosts licences before). */
  beforeHostsOfPool: Map<string, (HostShape | undefined)[]>;
  kwBefore: number;
  rackUnitsBefore: number;
  afterHosts: { pool?: string; shape: HostShape; existing: boolean; cost: number }[];
  kwAfter: number;
  rackUnitsAfter: number;
  /** Per VM scheme (by index): the virtual cores of each VM it covers, today (placed + decommissioned) and after. */
  vmsBefore: (scheme: LicenceScheme) => number[];
  vmsAfter: (scheme: LicenceScheme) => number[];
  workloadsMigrated: number;
  workloadsDecommissioned: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const n = (x: number) => (Math.round(x * 1000) / 1000).toString();

function unitsBefore(s: LicenceScheme, f: BusinessFacts): number {
  if (s.before === false) return 0;
  if (s.covers === 'vms') return withMinimum(s, f.vmsBefore(s).reduce((a, v) => a + vmUnits(s, v), 0));
  const hosts = s.covers === 'hosts' ? f.beforeHosts : (s.pools ?? []).flatMap((p) => f.beforeHostsOfPool.get(p) ?? []);
  const known = f.beforeHosts.filter((h): h is HostShape => h !== undefined);
  // an undescribed host counts as the smallest known one: the before side is never inflated by a guess
  const smallest = known.length > 0 ? known.reduce((a, b) => (hostUnits(s, b) < hostUnits(s, a) ? b : a)) : undefined;
  return withMinimum(s, hosts.reduce((a, h) => a + (h ? hostUnits(s, h) : smallest ? hostUnits(s, smallest) : 0), 0));
}

function unitsAfter(s: LicenceScheme, f: BusinessFacts): number {
  if (s.covers === 'vms') return withMinimum(s, f.vmsAfter(s).reduce((a, v) => a + vmUnits(s, v), 0));
  return withMinimum(s, f.afterHosts.filter((h) => coversPool(s, h.pool)).reduce((a, h) => a + hostUnits(s, h.shape), 0));
}

export function licenceRows(schemes: LicenceScheme[], f: BusinessFacts): BusinessLicenceRow[] {
  return schemes.map((s) => {
    const before = unitsBefore(s, f);
    const after = unitsAfter(s, f);
    const owned = s.term === 'perpetual' ? (s.ownedUnits ?? before) : 0;
    const purchased = s.term === 'perpetual' ? Math.max(0, after - owned) : 0;
    const row: BusinessLicenceRow = {
      name: s.name,
      covers: s.covers,
      unit: s.unit,
      term: s.term,
      price: s.price,
      supportPct: s.term === 'perpetual' ? (s.supportPct ?? 0) : 0,
      unitsBefore: before,
      unitsAfter: after,
      ownedUnits: owned,
      purchasedUnits: purchased,
      purchase: r2(purchased * s.price),
      yearlyBefore: r2(before * yearlyPerUnit(s)),
      yearlyAfter: r2(after * yearlyPerUnit(s)),
    };
    if (s.source) row.source = s.source;
    return row;
  });
}

function heads(bc: BusinessCaseConfig, f: BusinessFacts, lic: BusinessLicenceRow[]): BusinessHead[] {
  const cur = f.currency;
  const out: BusinessHead[] = [];
  const add = (side: BusinessHead['side'], id: string, label: string, when: BusinessHead['when'], amount: number, formula: string) =>
    out.push({ side, id, label, when, amount: r2(amount), formula });
  const energy = (kw: number) => kw * HOURS_PER_YEAR * bc.pue * bc.energyPricePerKwh;
  const energyWords = (kw: number) => `${n(kw)} kW × ${HOURS_PER_YEAR} h × PUE ${n(bc.pue)} × ${cur} ${n(bc.energyPricePerKwh)}/kWh`;
  const space = (u: number) => u * bc.spaceCostPerRackUnitMonth * 12;
  const spaceWords = (u: number) => `${n(u)} U × ${cur} ${n(bc.spaceCostPerRackUnitMonth)} per U per month × 12`;
  const nBefore = f.hostsBefore;
  const newHosts = f.afterHosts.filter((h) => !h.existing);
  const reused = f.afterHosts.length - newHosts.length;
  const newCost = newHosts.reduce((a, h) => a + h.cost, 0);
  const retired = Math.max(0, nBefore - reused);

  add('before', 'energy', 'Energy (incl. cooling, PUE)', 'yearly', energy(f.kwBefore), energyWords(f.kwBefore));
  add('before', 'space', 'Rack space', 'yearly', space(f.rackUnitsBefore), spaceWords(f.rackUnitsBefore));
  add('before', 'hardware-support', "Support of today's hosts", 'yearly', nBefore * bc.existingSupportPerHost, `${nBefore} hosts × ${cur} ${n(bc.existingSupportPerHost)}`);
  for (const l of lic)
    add('before', `licence:${l.name}`, `Licences: ${l.name}`, 'yearly', l.yearlyBefore, licenceYearlyWords(l, l.unitsBefore, cur));

  add('after', 'hardware', 'New hosts (purchase)', 'one-off', newCost, `${newHosts.length} new hosts, Σ price ${cur} ${n(newCost)}`);
  for (const l of lic)
    if (l.term === 'perpetual')
      add('after', `licence-purchase:${l.name}`, `Licence purchase: ${l.name}`, 'one-off', l.purchase, `max(0, ${l.unitsAfter} needed − ${l.ownedUnits} owned) × ${cur} ${n(l.price)}`);
  add('after', 'migration', 'Migration', 'one-off', f.workloadsMigrated * bc.migrationPerWorkload, `${f.workloadsMigrated} workloads × ${cur} ${n(bc.migrationPerWorkload)}`);
  add('after', 'residual', "Resale of retired hosts (credit)", 'one-off', -retired * bc.residualValuePerHost, `−${retired} retired hosts × ${cur} ${n(bc.residualValuePerHost)}`);
  add('after', 'energy', 'Energy (incl. cooling, PUE)', 'yearly', energy(f.kwAfter), energyWords(f.kwAfter));
  add('after', 'space', 'Rack space', 'yearly', space(f.rackUnitsAfter), spaceWords(f.rackUnitsAfter));
  add(
    'after',
    'hardware-support',
    'Hardware support',
    'yearly',
    newCost * bc.hardwareSupportPct + newHosts.length * bc.hardwareSupportPerHost + reused * bc.existingSupportPerHost,
    `${cur} ${n(newCost)} × ${n(bc.hardwareSupportPct)} + ${newHosts.length} new hosts × ${cur} ${n(bc.hardwareSupportPerHost)} + ${reused} reused hosts × ${cur} ${n(bc.existingSupportPerHost)}`,
  );
  for (const l of lic) add('after', `licence:${l.name}`, `Licences: ${l.name}`, 'yearly', l.yearlyAfter, licenceYearlyWords(l, l.unitsAfter, cur));
  return out;
}

function licenceYearlyWords(l: BusinessLicenceRow, units: number, cur: string): string {
  return l.term === 'subscription'
    ? `${units} ${l.unit} units × ${cur} ${n(l.price)} per year (subscription)`
    : `${units} ${l.unit} units × ${cur} ${n(l.price)} × support ${n(l.supportPct)}`;
}

/** First month at which the cumulative cost after is no more than before; 0 when the one-off is not positive. */
export function paybackMonth(oneOff: number, yearlyBefore: number, yearlyAfter: number): number | null {
  if (oneOff <= 0) return yearlyAfter <= yearlyBefore ? 0 : null;
  const monthly = (yearlyBefore - yearlyAfter) / 12;
  if (monthly <= 0) return null;
  return Math.ceil(oneOff / monthly - 1e-9);
}

export function computeBusinessCase(bc: BusinessCaseConfig, f: BusinessFacts): BusinessCase {
  const lic = licenceRows(bc.licences, f);
  const hs = heads(bc, f, lic);
  const sum = (side: BusinessHead['side'], when: BusinessHead['when']) => r2(hs.filter((h) => h.side === side && h.when === when).reduce((a, h) => a + h.amount, 0));
  const oneOffAfter = sum('after', 'one-off');
  const yearlyBefore = sum('before', 'yearly');
  const yearlyAfter = sum('after', 'yearly');
  const byYear: BusinessCase['byYear'] = [];
  let cb = 0;
  let ca = 0;
  for (let y = 0; y <= bc.years; y++) {
    const before = y === 0 ? sum('before', 'one-off') : yearlyBefore;
    const after = y === 0 ? oneOffAfter : yearlyAfter;
    cb = r2(cb + before);
    ca = r2(ca + after);
    byYear.push({ year: y, before, after, cumulativeBefore: cb, cumulativeAfter: ca, savings: r2(before - after), cumulativeSavings: r2(cb - ca) });
  }
  const newHosts = f.afterHosts.filter((h) => !h.existing);
  const reused = f.afterHosts.length - newHosts.length;
  return {
    currency: f.currency,
    years: bc.years,
    inputs: {
      energyPricePerKwh: bc.energyPricePerKwh,
      pue: bc.pue,
      spaceCostPerRackUnitMonth: bc.spaceCostPerRackUnitMonth,
      hardwareSupportPct: bc.hardwareSupportPct,
      hardwareSupportPerHost: bc.hardwareSupportPerHost,
      existingSupportPerHost: bc.existingSupportPerHost,
      residualValuePerHost: bc.residualValuePerHost,
      migrationPerWorkload: bc.migrationPerWorkload,
      defaulted: bc.defaulted,
      notGiven: bc.notGiven,
    },
    quantities: {
      hostsBefore: f.hostsBefore,
      hypervisorHostsBefore: f.beforeHosts.length,
      hostsBeforeUnknown: f.beforeHosts.filter((h) => h === undefined).length,
      hostsAfter: f.afterHosts.length,
      hostsNew: newHosts.length,
      hostsReused: reused,
      hostsRetired: Math.max(0, f.hostsBefore - reused),
      kwBefore: f.kwBefore,
      kwAfter: f.kwAfter,
      rackUnitsBefore: f.rackUnitsBefore,
      rackUnitsAfter: f.rackUnitsAfter,
      newHardwareCost: r2(newHosts.reduce((a, h) => a + h.cost, 0)),
      workloadsMigrated: f.workloadsMigrated,
      workloadsDecommissioned: f.workloadsDecommissioned,
    },
    licences: lic,
    heads: hs,
    byYear,
    totals: { before: cb, after: ca, savings: r2(cb - ca) },
    paybackMonth: paybackMonth(oneOffAfter, yearlyBefore, yearlyAfter),
  };
}
