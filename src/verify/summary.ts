/**
 * The plan's summary recomputed from its placements, not trusted (issue 17.2), and the policy and host-model values
 * checked for sanity before anything is computed from them. The verifier's own arithmetic, from the contract's words:
 *   hosts, reserve hosts, hosts by model       counted from plan.hosts
 *   placed, unplaced, consolidation ratio      workloads on hosts, entries of plan.unplaced, placed / hosts (2 decimals)
 *   gap                                        (hosts − lowerBound) / lowerBound (4 decimals; 0 without a bound)
 *   hardware cost                              Σ model cost over every host, reserves included
 *   licence cores and cost (config pools)      per host max(cores, minCoresPerHost, sockets × minCoresPerSocket) × perCore
 *   power after                                Σ idle + (max − idle) × min(1, CPU load / raw CPU), a reserve host idles;
 *                                              energy = kW × 8760; rack units Σ per host
 *   HA reserve per pool                        the config's haSpareHosts / haReservePct for the pool
 *   storage pools                              hosts and clusters per pool counted from plan.hosts
 */
import type { PlannedHost } from '../plan/types';
import { BOUNDS, describeImplausible, implausibleHostModel } from '../inventory/plausible';
import type { Ctx } from './context';
import type { ModelSpec } from './demand';

interface Priced {
  cost: number;
  powerIdleW?: number;
  powerMaxW?: number;
  rackUnits?: number;
}

/** Policy and host-model values a plan can be computed from: finite, not negative, not absurd. Returns false when not. */
export function checkSanity(ctx: Ctx): boolean {
  const before = ctx.violations.length;
  const p = ctx.policy;
  const bad = (key: string, v: number, expected: string) =>
    ctx.violations.push({ code: 'implausible-policy', message: `policy.${key} = ${String(v)} is not a value to plan with (expected ${expected})` });
  const ranges: [string, number, number, number][] = [
    ['headroom', p.headroom, 0, 10],
    ['growth', p.growth, 0, 10],
    ['percentile', p.percentile, 1, 100],
    ['cpuOversubscription', p.cpuOversubscription, 1e-3, 1000],
    ['memoryOvercommit', p.memoryOvercommit, 1e-3, 1000],
    ['storageSlack', p.storageSlack, 0, 0.99],
    ['storageDedupe', p.storageDedupe, 1e-3, 1000],
    ['defaultCpuGhz', p.defaultCpuGhz, BOUNDS.clockMhz.min / 1000, BOUNDS.clockMhz.max / 1000],
    ...Object.entries(p.targetUtilization).map(([k, v]): [string, number, number, number] => [`targetUtilization.${k}`, v, 1e-3, 1]),
  ];
  for (const [key, v, min, max] of ranges) {
    ctx.checks++;
    if (!(Number.isFinite(v) && v >= min && v <= max)) bad(key, v, `a finite number from ${min} to ${max}`);
  }
  for (const m of [...ctx.config.hostModels, ...ctx.plan.hostModels]) {
    ctx.checks++;
    const found = implausibleHostModel(m);
    if (found.length > 0)
      ctx.violations.push({ code: 'implausible-host-model', message: `host model ${m.id}: ${describeImplausible(found)}` });
  }
  return ctx.violations.length === before;
}

export function checkSummary(ctx: Ctx, constraintsKnown: boolean): void {
  const { plan } = ctx;
  const s = plan.summary;
  // recomputed figures shown to the plan's own precision (3 decimals), not with float noise
  const shown = (v: number) => String(Math.round(v * 1000) / 1000);
  const mismatch = (what: string, stated: number, recomputed: number) =>
    ctx.violations.push({ code: 'summary-mismatch', message: `the plan's summary states ${what} ${shown(stated)}, its placements give ${shown(recomputed)}` });
  const same = (what: string, stated: number | undefined, recomputed: number, tolerance = 0) => {
    if (stated === undefined) return;
    ctx.checks++;
    if (!(Math.abs(stated - recomputed) <= tolerance + 1e-9 * Math.abs(recomputed))) mismatch(what, stated, recomputed);
  };
  const hosts = plan.hosts;
  const placed = hosts.reduce((n, h) => n + h.workloadIds.length, 0);
  same('hosts', s.hosts, hosts.length);
  same('reserve hosts', s.reserveHosts, hosts.filter((h) => h.reserve).length);
  same('placed workloads', s.placed, placed);
  same('unplaced workloads', s.unplaced, plan.unplaced.length);
  same('consolidation ratio', s.consolidationRatio, hosts.length > 0 ? placed / hosts.length : 0, 0.005);
  same('gap', s.gap, s.lowerBound > 0 ? (hosts.length - s.lowerBound) / s.lowerBound : 0, 0.00005);
  const byModel = new Map<string, number>();
  for (const h of hosts) byModel.set(h.model, (byModel.get(h.model) ?? 0) + 1);
  for (const m of new Set([...byModel.keys(), ...Object.keys(s.hostsByModel)])) same(`hosts of model ${m}`, s.hostsByModel[m] ?? 0, byModel.get(m) ?? 0);

  let hardware = 0;
  let powerW = 0;
  let rackUnits = 0;
  let priced = true;
  for (const h of hosts) {
    const m = pricedModel(ctx, h.model);
    const spec = ctx.models.get(h.model);
    if (!m || !spec) {
      priced = false; // unknown-host-model, already reported
      continue;
    }
    hardware += m.cost;
    rackUnits += m.rackUnits ?? 0;
    const idle = m.powerIdleW ?? 0;
    const max = m.powerMaxW ?? idle;
    const share = h.reserve ? 0 : Math.min(1, (h.load.cpuMhz ?? 0) / rawCpuMhz(ctx, spec));
    powerW += idle + (max - idle) * share;
  }
  if (priced) {
    same('hardware cost', s.hardwareCost, hardware, 0.01);
    same('rack units after', s.rackUnitsAfter, rackUnits, 1e-6);
    same('power after (kW)', s.powerKwAfter, powerW / 1000, 0.0015);
    same('energy after (kWh/year)', s.energyKwhPerYearAfter, (powerW / 1000) * 8760, 1 + 1e-6 * powerW * 8.76);
  }
  if (!constraintsKnown) return;
  if (priced) {
    const lic = licences(ctx, hosts);
    same('licence cores', s.licenceCores, lic.cores);
    same('licence cost', s.licenceCost, lic.cost, 0.01);
  }
  checkPoolFigures(ctx, same);
}

/** plan.ha's reserve per pool against the config, and plan.storage's hosts and clusters per pool against plan.hosts. */
function checkPoolFigures(ctx: Ctx, same: (what: string, stated: number | undefined, recomputed: number) => void): void {
  const { plan, config } = ctx;
  for (const r of plan.ha?.reserve ?? []) {
    const pool = config.constraints.pools.find((p) => p.name === r.pool);
    same(`HA spare hosts of pool ${r.pool}`, r.spareHosts, pool?.haSpareHosts ?? (pool?.haReservePct ? 0 : config.policy.haSpareHosts));
    same(`HA reserve % of pool ${r.pool}`, r.reservePct, pool?.haReservePct ?? config.policy.haReservePct ?? 0);
  }
  for (const sp of plan.storage?.pools ?? []) {
    const of = plan.hosts.filter((h) => (h.pool ?? '') === sp.pool);
    if (of.length === 0 && sp.hosts === 0) continue;
    same(`hosts of pool ${sp.pool}`, sp.hosts, of.length);
    same(`clusters of pool ${sp.pool}`, sp.clusters, new Set(of.map((h) => h.cluster)).size);
  }
}

/** Price, power and space of a model: the config's, else (a reused existing host) the plan's own catalog. */
function pricedModel(ctx: Ctx, id: string): Priced | undefined {
  return ctx.config.hostModels.find((m) => m.id === id) ?? ctx.plan.hostModels.find((m) => m.id === id);
}

function rawCpuMhz(ctx: Ctx, m: ModelSpec): number {
  return m.sockets * m.coresPerSocket * m.cpuGhz * 1000 * (ctx.policy.cpuConversion?.modelFactor(m) ?? 1);
}

function licences(ctx: Ctx, hosts: PlannedHost[]): { cores: number; cost: number } {
  let cores = 0;
  let cost = 0;
  for (const h of hosts) {
    const lic = ctx.config.constraints.pools.find((p) => p.name === (h.pool ?? ''))?.licence;
    const m = ctx.models.get(h.model);
    if (!lic || !m) continue;
    const c = Math.max(m.sockets * m.coresPerSocket, lic.minCoresPerHost ?? 0, m.sockets * (lic.minCoresPerSocket ?? 0));
    cores += c;
    cost += c * lic.perCore;
  }
  return { cores, cost };
}
