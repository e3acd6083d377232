import { Policy } from '../config/defaults';
import { emptyWorkload } from '../inventory/workload';
import { Dimension, Plan, PlannedHost } from './types';
import { sizeWorkload } from './sizing';

/**
 * "Will N more VMs of this size fit?" against a plan: the room each active host has left (its planned capacity, which
 * already holds the target utilisation, minus its planned load), the cluster's percentage HA reserve where the policy
 * sets one, and the per-host workload limit. N+K spare hosts hold no workload by design, so they offer no room.
 * The new VM is sized with the planner's own sizing (sizeWorkload) on the policy the plan was made with: on its
 * allocation (vCPUs / cpuOversubscription, memory / memoryOvercommit), or on an expected utilisation when one is given,
 * at each host model's clock. Pure: the command reads the plan and prints.
 */
export interface FitRequest {
  vcpus: number;
  memoryGib: number;
  /** Expected CPU / memory utilisation of the new VM (% of its allocation); absent = sized on the allocation. */
  cpuPct?: number;
  memoryPct?: number;
  /** Provisioned disk, counted only where the plan packs storage (HCI hosts). */
  diskGib?: number;
  /** How many such VMs to place; default 1. */
  count: number;
  /** Target clusters / pools the new VMs may go to (a pool's membership rules are the user's to know); absent = any. */
  clusters?: string[];
}

export interface HostRoom {
  host: string;
  cluster: string;
  model: string;
  /** How many more such VMs fit on this host alone. */
  fits: number;
  /** The dimension that stops the next one (null when nothing limits, e.g. a host without load figures). */
  limitedBy: Dimension | 'workloads-per-host' | 'spare-host' | null;
}

export interface ClusterRoom {
  cluster: string;
  /** How many more fit in the cluster: the hosts' sum, capped by the percentage HA reserve where there is one. */
  fits: number;
  limitedBy: Dimension | 'ha-reserve-pct' | 'workloads-per-host' | 'spare-host' | null;
}

export interface FitResult {
  request: FitRequest;
  /** The new VM's demand per dimension on each host model (the planner's sizing). */
  demandByModel: Record<string, Partial<Record<Dimension, number>>>;
  sizedOn: { cpu: string; memory: string };
  hosts: HostRoom[];
  clusters: ClusterRoom[];
  total: number;
  /** Where `count` VMs go (host id → how many), filling the roomiest hosts first; `placed` < count when they do not all fit. */
  placement: Record<string, number>;
  placed: number;
  notes: string[];
}

const EPS = 1e-9;

function demandOn(model: Plan['hostModels'][number], req: FitRequest, policy: Policy) {
  const w = emptyWorkload({
    id: 'fit/new-vm',
    name: 'new VM',
    vcpus: req.vcpus,
    memoryMib: req.memoryGib * 1024,
    provenance: [{ file: 'fit request' }],
    cpuMhz: model.cpuGhz * 1000,
  });
  if (req.cpuPct !== undefined) w.utilization.cpu = { unit: 'pct', basis: 'avg', avg: req.cpuPct, peak: req.cpuPct };
  if (req.memoryPct !== undefined) w.utilization.memory = { unit: 'pct', basis: 'avg', avg: req.memoryPct, peak: req.memoryPct };
  if (req.diskGib !== undefined) w.provisionedGib = req.diskGib;
  return sizeWorkload(w, policy, new Map());
}

function room(h: PlannedHost, dims: Dimension[], demand: Partial<Record<Dimension, number>>, policy: Policy): Pick<HostRoom, 'fits' | 'limitedBy'> {
  if (h.reserve) return { fits: 0, limitedBy: 'spare-host' };
  let fits = Number.POSITIVE_INFINITY;
  let limitedBy: HostRoom['limitedBy'] = null;
  for (const d of dims) {
    const need = demand[d] ?? 0;
    if (!(need > 0) || h.capacity[d] === undefined) continue;
    const n = Math.max(0, Math.floor(((h.capacity[d] ?? 0) - (h.load[d] ?? 0)) / need + EPS));
    if (n < fits) [fits, limitedBy] = [n, d];
  }
  if (policy.maxWorkloadsPerHost !== undefined) {
    const left = Math.max(0, policy.maxWorkloadsPerHost - h.workloads.length);
    if (left < fits) [fits, limitedBy] = [left, 'workloads-per-host'];
  }
  return { fits: Number.isFinite(fits) ? fits : 0, limitedBy };
}

export function fitQuery(plan: Plan, policy: Policy, req: FitRequest): FitResult {
  const notes: string[] = [];
  const dims = plan.dimensions.filter((d) => d === 'cpuMhz' || d === 'memoryMib' || (d === 'storageGib' && req.diskGib !== undefined));
  if (plan.dimensions.includes('storageGib') && req.diskGib === undefined)
    notes.push('the plan packs storage (HCI hosts) but no --disk-gib was given: storage is not counted');
  for (const d of plan.dimensions) if (d === 'iops' || d === 'networkMbps') notes.push(`${d} is planned but a new VM has no figure for it: not counted`);
  const models = new Map(plan.hostModels.map((m) => [m.id, m]));
  const demandByModel: FitResult['demandByModel'] = {};
  let sizedOn = { cpu: 'allocated', memory: 'allocated' };
  for (const m of plan.hostModels) {
    const d = demandOn(m, req, policy);
    sizedOn = { cpu: d.basis.cpu, memory: d.basis.memory };
    demandByModel[m.id] = { cpuMhz: d.cpuMhz, memoryMib: d.memoryMib, ...(d.storageGib !== undefined ? { storageGib: d.storageGib } : {}) };
  }
  const hosts: HostRoom[] = plan.hosts.map((h) => {
    const demand = demandByModel[h.model] ?? {};
    if (!models.has(h.model)) notes.push(`host ${h.id}: model ${h.model} is not in the plan's catalog; not counted`);
    return { host: h.id, cluster: h.cluster, model: h.model, ...(models.has(h.model) ? room(h, dims, demand, policy) : { fits: 0, limitedBy: null }) };
  });
  const clusters = clusterRooms(plan, hosts, demandByModel, policy);
  const allowed = (c: string) => req.clusters === undefined || req.clusters.includes(c);
  for (const c of req.clusters ?? []) if (!clusters.some((k) => k.cluster === c)) notes.push(`cluster ${c} is not in the plan`);
  const total = clusters.filter((c) => allowed(c.cluster)).reduce((s, c) => s + c.fits, 0);
  const { placement, placed } = place(
    hosts.filter((h) => allowed(h.cluster)),
    clusters.filter((c) => allowed(c.cluster)),
    req.count,
  );
  return { request: req, demandByModel, sizedOn, hosts, clusters, total, placement, placed, notes };
}

/** Per cluster: the hosts' sum, capped where a percentage HA reserve must stay free across the cluster. */
function clusterRooms(plan: Plan, hosts: HostRoom[], demandByModel: FitResult['demandByModel'], policy: Policy): ClusterRoom[] {
  const names = [...new Set(plan.hosts.map((h) => h.cluster))].sort();
  return names.map((cluster) => {
    const members = hosts.filter((h) => h.cluster === cluster);
    let fits = members.reduce((s, h) => s + h.fits, 0);
    let limitedBy = mostCommonLimit(members);
    const pct = policy.haReservePct;
    if (pct > 0) {
      const planned = plan.hosts.filter((h) => h.cluster === cluster);
      for (const d of ['cpuMhz', 'memoryMib'] as const) {
        const cap = planned.reduce((s, h) => s + (h.capacity[d] ?? 0), 0) * (1 - pct / 100);
        const load = planned.reduce((s, h) => s + (h.load[d] ?? 0), 0);
        // the cluster's hosts may differ in model; the largest per-VM demand among them keeps the answer safe
        const need = Math.max(...planned.map((h) => demandByModel[h.model]?.[d] ?? 0));
        if (!(need > 0)) continue;
        const n = Math.max(0, Math.floor((cap - load) / need + EPS));
        if (n < fits) [fits, limitedBy] = [n, 'ha-reserve-pct'];
      }
    }
    return { cluster, fits, limitedBy };
  });
}

/** What stops most of the cluster's hosts (ties: the first in dimension order of the plan). */
function mostCommonLimit(members: HostRoom[]): ClusterRoom['limitedBy'] {
  const counts = new Map<HostRoom['limitedBy'], number>();
  for (const h of members) if (h.limitedBy !== null) counts.set(h.limitedBy, (counts.get(h.limitedBy) ?? 0) + 1);
  let best: ClusterRoom['limitedBy'] = null;
  for (const [k, n] of counts) if (best === null || n > counts.get(best)!) best = k;
  return best;
}

/** Places `count` VMs one at a time on the host with the most room left (ties: host id), within each cluster's cap. */
function place(hosts: HostRoom[], clusters: ClusterRoom[], count: number): { placement: Record<string, number>; placed: number } {
  const left = new Map(hosts.map((h) => [h.host, h.fits]));
  const clusterLeft = new Map(clusters.map((c) => [c.cluster, c.fits]));
  const placement: Record<string, number> = {};
  let placed = 0;
  const target = Math.min(count, hosts.reduce((s, h) => s + h.fits, 0));
  while (placed < target) {
    let best: HostRoom | undefined;
    for (const h of hosts) {
      if ((left.get(h.host) ?? 0) <= 0 || (clusterLeft.get(h.cluster) ?? 0) <= 0) continue;
      if (!best || left.get(h.host)! > left.get(best.host)! || (left.get(h.host) === left.get(best.host) && h.host < best.host)) best = h;
    }
    if (!best) break;
    left.set(best.host, left.get(best.host)! - 1);
    clusterLeft.set(best.cluster, clusterLeft.get(best.cluster)! - 1);
    placement[best.host] = (placement[best.host] ?? 0) + 1;
    placed++;
  }
  return { placement: Object.fromEntries(Object.entries(placement).sort((a, b) => a[0].localeCompare(b[0], 'en-US'))), placed };
}
