/**
 * Plan summary: before/after hosts, consolidation ratio, utilisation, power, space, hardware and licence cost.
 *  - hosts before: every existing host of the inventory, with or without powered-on VMs, plus the hosts VMs name that
 *    the inventory does not list (a partial vHost). Those extra names count only when the join works for other VMs:
 *    an export whose VM-to-host join fails throughout is anonymised per tab, and its names are not real hosts.
 *  - utilisation before: capacity-weighted mean of the existing hosts' CPU / memory usage % where the inventory has them.
 *  - utilisation after: Σ load / Σ raw capacity over the active hosts (raw, not the target-derated capacity, so it
 *    compares with "before"); the limiting dimension is the one with the highest Σ load / Σ plannable capacity.
 *  - power per host: idle + (max − idle) × CPU utilisation of raw capacity (a reserve host idles); kWh/year = kW × 8760.
 *  - before power and space: every current host at policy.existingHosts' idle/max watts and rack units (inventories
 *    carry no power ratings; the figures are assumptions the report prints), CPU share = its measured usage.
 *  - licence cores per licensed pool: max(cores, minCoresPerHost, sockets × minCoresPerSocket) per host, reserves included.
 */
import { Inventory, Workload } from '../inventory/schema';
import { PlannedHost, PlanSummary, Dimension } from './types';
import { CatalogModel } from './catalog';
import { Licence, licensedCores } from './pool-solve';
import { round } from './sizing';

export interface SummaryInput {
  inventory: Inventory;
  placed: Workload[];
  unplacedCount: number;
  hosts: PlannedHost[];
  models: Map<string, CatalogModel>;
  licenceOfPool: Map<string, Licence | undefined>;
  dims: Dimension[];
  lowerBound: number;
  currency: string;
  /** Assumed power and space of one current host (policy.existingHosts). */
  existingHost: { powerIdleW: number; powerMaxW: number; rackUnits: number };
}

export function summarize(s: SummaryInput): PlanSummary {
  const { hosts, models, dims } = s;
  const before = hostsBefore(s.inventory, s.existingHost);
  const active = hosts.filter((h) => !h.reserve);
  const hostsByModel: Record<string, number> = {};
  for (const h of hosts) hostsByModel[h.model] = (hostsByModel[h.model] ?? 0) + 1;
  const utilizationAfter: Partial<Record<Dimension, number>> = {};
  let limiting: Dimension | null = null;
  let limitingShare = -1;
  for (const d of dims) {
    let load = 0;
    let cap = 0;
    let plannable = 0;
    for (const h of active) {
      load += h.load[d] ?? 0;
      cap += models.get(h.model)!.raw[d] ?? 0;
      plannable += models.get(h.model)!.capacity[d] ?? 0;
    }
    if (cap > 0) utilizationAfter[d] = round(load / cap, 4);
    // the limiting dimension is the fullest against what may be planned (raw × target), not against raw capacity
    if (plannable > 0 && load / plannable > limitingShare) {
      limitingShare = load / plannable;
      limiting = d;
    }
  }
  let powerW = 0;
  let rackUnits = 0;
  let hardwareCost = 0;
  let licenceCores = 0;
  let licenceCost = 0;
  for (const h of hosts) {
    const m = models.get(h.model)!;
    const cpuShare = h.reserve ? 0 : Math.min(1, (h.load.cpuMhz ?? 0) / (m.raw.cpuMhz ?? 1));
    const idle = m.model.powerIdleW ?? 0;
    const max = m.model.powerMaxW ?? idle;
    powerW += idle + (max - idle) * cpuShare;
    rackUnits += m.model.rackUnits ?? 0;
    hardwareCost += m.model.cost;
    const lic = s.licenceOfPool.get(h.pool ?? '');
    if (lic) {
      const cores = licensedCores(m, lic);
      licenceCores += cores;
      licenceCost += cores * lic.perCore;
    }
  }
  const reserveHosts = hosts.length - active.length;
  const gap = s.lowerBound > 0 ? (hosts.length - s.lowerBound) / s.lowerBound : 0;
  const summary: PlanSummary = {
    hosts: hosts.length,
    hostsBefore: before.count,
    hostsByModel,
    reserveHosts,
    lowerBound: s.lowerBound,
    gap: round(gap, 4),
    placed: s.placed.length,
    unplaced: s.unplacedCount,
    consolidationRatio: hosts.length > 0 ? round(s.placed.length / hosts.length, 2) : 0,
    utilizationBefore: before.utilization,
    utilizationAfter,
    limitingDimension: limiting,
    powerKwBefore: round(before.powerW / 1000, 3),
    powerKwAfter: round(powerW / 1000, 3),
    energyKwhPerYearBefore: Math.round((before.powerW / 1000) * 8760),
    energyKwhPerYearAfter: Math.round((powerW / 1000) * 8760),
    rackUnitsBefore: before.count * s.existingHost.rackUnits,
    rackUnitsAfter: rackUnits,
    hardwareCost: round(hardwareCost, 2),
    licenceCost: round(licenceCost, 2),
    licenceCores,
    currency: s.currency,
  };
  return summary;
}

/** The key of the existing host a workload runs on today: the joined host id, else its host name. */
export function currentHostKey(w: Workload): string | undefined {
  return w.location.hostId ?? (w.location.host ? `name:${w.location.host.toLowerCase()}` : undefined);
}

/**
 * Today's hosts: every host of the inventory, with or without powered-on VMs, plus the hosts VMs name that the
 * inventory does not list (a partial vHost). Those extra names count only when the join works for other VMs: an export
 * whose VM-to-host join fails throughout is anonymised per tab, and its names are not real hosts. `hosts` are the
 * records (a host only named by a VM has none).
 */
export function currentHostsOf(inv: Inventory): { count: number; hosts: Inventory['hosts']; recordOf: (key: string) => Inventory['hosts'][number] | undefined } {
  const byId = new Map(inv.hosts.map((h) => [h.id, h]));
  const byName = new Map(inv.hosts.map((h) => [`name:${h.name.toLowerCase()}`, h]));
  const recordOf = (k: string) => byId.get(k) ?? byName.get(k);
  const joinWorks = inv.hosts.length === 0 || inv.workloads.some((w) => w.location.hostId !== undefined);
  const unlisted = new Set<string>();
  if (joinWorks)
    for (const w of inv.workloads) {
      const k = currentHostKey(w);
      if (k !== undefined && recordOf(k) === undefined) unlisted.add(k);
    }
  return { count: inv.hosts.length + unlisted.size, hosts: inv.hosts, recordOf };
}

function hostsBefore(
  inv: Inventory,
  eh: SummaryInput['existingHost'],
): { count: number; utilization: Partial<Record<Dimension, number>>; powerW: number } {
  const { count, hosts } = currentHostsOf(inv);
  const utilization: Partial<Record<Dimension, number>> = {};
  let cpuUsed = 0;
  let cpuCap = 0;
  let memUsed = 0;
  let memCap = 0;
  for (const h of hosts) {
    if (h.cpuUsagePct !== undefined) {
      const cap = h.cores * h.cpuMhz;
      cpuUsed += (cap * h.cpuUsagePct) / 100;
      cpuCap += cap;
    }
    if (h.memoryUsagePct !== undefined) {
      memUsed += (h.memoryMib * h.memoryUsagePct) / 100;
      memCap += h.memoryMib;
    }
  }
  if (cpuCap > 0) utilization.cpuMhz = round(cpuUsed / cpuCap, 4);
  if (memCap > 0) utilization.memoryMib = round(memUsed / memCap, 4);
  // before power: each current host at its measured CPU usage; hosts without a figure at the estate's mean usage,
  // or 15 % (the typical server utilisation of the seeds) when no host has one
  const meanShare = cpuCap > 0 ? cpuUsed / cpuCap : 0.15;
  let powerW = 0;
  for (const h of hosts) powerW += eh.powerIdleW + (eh.powerMaxW - eh.powerIdleW) * (h.cpuUsagePct !== undefined ? Math.min(1, h.cpuUsagePct / 100) : meanShare);
  powerW += (count - hosts.length) * (eh.powerIdleW + (eh.powerMaxW - eh.powerIdleW) * meanShare);
  return { count, utilization, powerW };
}
