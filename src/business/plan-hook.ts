/**
 * Where the business case meets the planner (issue 12): which workloads are decommissioned instead of migrated, what a
 * host costs the cost objective in licences and support over the horizon, and the plan's quantities for the model.
 */
import { BusinessCaseConfig } from '../config/business-case';
import { Inventory, Workload } from '../inventory/schema';
import { CatalogModel } from '../plan/catalog';
import { globMatch, matchWorkload } from '../plan/constraints';
import { currentHostKey, currentHostsOf } from '../plan/summary';
import { PlannedHost, PlanSummary } from '../plan/types';
import { hostLicenceHorizonCost, HostShape } from './licence';
import { BusinessFacts, computeBusinessCase } from './model';
import { BusinessCase } from './schema';

/** Why a workload is retired rather than migrated (businessCase.decommission), or undefined. */
export function decommissionReason(bc: BusinessCaseConfig | undefined, w: Workload): string | undefined {
  const d = bc?.decommission;
  if (!d) return undefined;
  const glob = (d.workloads ?? []).find((g) => globMatch(g, w.name));
  if (glob) return `decommissioned as idle / zombie (businessCase.decommission.workloads "${glob}"): not migrated`;
  if (d.match && matchWorkload(d.match, w)) return 'decommissioned as idle / zombie (businessCase.decommission.match): not migrated';
  if (d.idle && w.powerState === 'on') {
    const cpu = highestPct(w.utilization.cpu, w.vcpus * (w.cpuMhz ?? Number.NaN));
    const mem = highestPct(w.utilization.memory, w.memoryMib);
    const memOk = d.idle.memoryPctAtMost === undefined || (mem !== undefined && mem <= d.idle.memoryPctAtMost);
    if (cpu !== undefined && cpu <= d.idle.cpuPctAtMost && memOk)
      return `decommissioned as idle (measured CPU ${round1(cpu)} % ≤ ${d.idle.cpuPctAtMost} %${mem !== undefined && d.idle.memoryPctAtMost !== undefined ? `, memory ${round1(mem)} % ≤ ${d.idle.memoryPctAtMost} %` : ''}; businessCase.decommission.idle): not migrated`;
  }
  return undefined;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The highest measured figure of a metric as % of the allocation (undefined: nothing measured, or no base to divide by). */
function highestPct(m: Workload['utilization']['cpu'], allocation: number): number | undefined {
  if (!m) return undefined;
  const figures = [m.avg, m.p50, m.p90, m.p95, m.p99, m.peak].filter((v): v is number => v !== undefined);
  if (figures.length === 0) return undefined;
  const top = Math.max(...figures);
  if (m.unit === 'pct') return top;
  return Number.isFinite(allocation) && allocation > 0 ? (top / allocation) * 100 : undefined;
}

const shapeOf = (m: { model: { sockets: number }; cores: number }): HostShape => ({ sockets: m.model.sockets, cores: m.cores });

/**
 * The cost objective's extra per host of a pool: its licences over the horizon (every scheme that covers it) and its
 * support for the horizon (new hosts: share of price + per host; reused hosts: today's support per host).
 */
export function objectiveExtra(bc: BusinessCaseConfig | undefined, pool: string): (m: CatalogModel) => number {
  if (!bc) return () => 0;
  return (m) => {
    const support = m.existing ? bc.existingSupportPerHost : m.model.cost * bc.hardwareSupportPct + bc.hardwareSupportPerHost;
    return hostLicenceHorizonCost(bc.licences, pool, shapeOf(m), bc.years) + bc.years * support;
  };
}

export function businessCaseOf(
  bc: BusinessCaseConfig,
  inventory: Inventory,
  placed: Workload[],
  decommissioned: Workload[],
  hosts: PlannedHost[],
  models: Map<string, CatalogModel>,
  summary: PlanSummary,
  /** The placed workloads as configured today, when the plan sized them right-sized (per-VM licences before). */
  placedToday: Workload[] = placed,
): BusinessCase {
  const current = currentHostsOf(inventory);
  const shape = (h: Inventory['hosts'][number] | undefined): HostShape | undefined => (h ? { sockets: h.sockets, cores: h.cores } : undefined);
  // a physical server is a host of its own (power, space, support) but not a hypervisor host: host-counted licences
  // (a platform's, a pool's) are not counted on it before; a host named by a VM but not described stays unknown
  const physicalKeys = new Set(placed.filter((w) => w.kind === 'physical').map(currentHostKey).filter((k) => k !== undefined));
  const undescribed = new Set(placed.map(currentHostKey).filter((k): k is string => k !== undefined && !current.recordOf(k) && !physicalKeys.has(k)));
  const beforeHosts: (HostShape | undefined)[] = [...current.hosts.map(shape), ...Array<undefined>(undescribed.size).fill(undefined)];
  const poolOf = new Map<string, string>();
  for (const h of hosts) for (const id of h.workloadIds) poolOf.set(id, h.pool ?? '');
  const keysOfPool = new Map<string, Set<string>>();
  for (const w of placed) {
    const k = currentHostKey(w);
    const p = poolOf.get(w.id);
    if (k === undefined || p === undefined) continue;
    const set = keysOfPool.get(p) ?? new Set<string>();
    set.add(k);
    keysOfPool.set(p, set);
  }
  const beforeHostsOfPool = new Map([...keysOfPool].map(([p, keys]) => [p, [...keys].filter((k) => !physicalKeys.has(k) || current.recordOf(k)).map((k) => shape(current.recordOf(k)))]));
  const vcpusOf = (ws: Workload[]) => (s: { match?: Parameters<typeof matchWorkload>[0] }) => ws.filter((w) => !s.match || matchWorkload(s.match, w)).map((w) => w.vcpus);
  const facts: BusinessFacts = {
    currency: summary.currency,
    beforeHosts,
    hostsBefore: current.count,
    beforeHostsOfPool,
    kwBefore: summary.powerKwBefore ?? 0,
    rackUnitsBefore: summary.rackUnitsBefore ?? 0,
    afterHosts: hosts.map((h) => {
      const m = models.get(h.model)!;
      return { pool: h.pool, shape: shapeOf(m), existing: m.existing, cost: m.model.cost };
    }),
    kwAfter: summary.powerKwAfter,
    rackUnitsAfter: summary.rackUnitsAfter,
    vmsBefore: vcpusOf([...placedToday, ...decommissioned]),
    vmsAfter: vcpusOf(placed),
    workloadsMigrated: placed.length,
    workloadsDecommissioned: decommissioned.length,
  };
  return computeBusinessCase(bc, facts);
}
