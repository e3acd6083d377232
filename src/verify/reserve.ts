/**
 * Cluster checks: most hosts per cluster, and the N+K reserve: the cluster must still hold every workload when ANY K of
 * its hosts fail.
 *
 * Proof, in order of cost:
 *  1. Spares: if at least K hosts of the cluster are empty and each empty host's capacity covers every loaded host's load in
 *     every dimension, any K failures are absorbed (each failed loaded host moves whole onto its own surviving spare;
 *     moving a whole host keeps anti-affinity and affinity intact). This is the planner's design and the common case.
 *  2. Otherwise, for every set of K hosts (when there are at most 5,000 such sets): the failed hosts' workloads are
 *     re-placed first-fit-decreasing into the survivors' free capacity, honouring anti-affinity with the survivors'
 *     residents and max workloads per host. A set whose failed load exceeds the survivors' total free capacity in some
 *     dimension is a definite violation; a set where first-fit finds no re-placement is reported as not demonstrated.
 */
import type { PlannedHost } from '../plan/types';
import { Ctx, DIMS, antiAffinityGroups, fmt, sumDemand } from './checks';
import { Vector } from './demand';
import { CAPACITY_TOLERANCE } from './types';

const MAX_FAILURE_SETS = 5000;

function combinations(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c;
}

function* subsets(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  if (k === 0 || k > n) return;
  for (;;) {
    yield [...idx];
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}

export function checkClusters(ctx: Ctx, figures: Map<string, { load: Vector; capacity: Vector }>): void {
  const c = ctx.config.constraints;
  const byCluster = new Map<string, PlannedHost[]>();
  for (const h of ctx.plan.hosts) byCluster.set(h.cluster, [...(byCluster.get(h.cluster) ?? []), h]);
  // anti-affinity pairs, for re-placement (workload id -> ids it may not share a host with)
  const apart = new Map<string, Set<string>>();
  for (const g of antiAffinityGroups(ctx)) {
    const ms = g.members.map((w) => w.id);
    for (const a of ms) for (const b of ms) if (a !== b) apart.set(a, (apart.get(a) ?? new Set()).add(b));
  }

  for (const [cluster, hosts] of [...byCluster].sort((a, b) => a[0].localeCompare(b[0], 'en-US'))) {
    const poolName = hosts.find((h) => h.pool !== undefined)?.pool;
    const pool = c.pools.find((p) => p.name === poolName);
    const maxHosts = pool?.maxHostsPerCluster ?? ctx.config.policy.maxHostsPerCluster;
    const k = pool?.haSpareHosts ?? (pool?.haReservePct ? 0 : ctx.config.policy.haSpareHosts);
    ctx.checks++;
    if (hosts.length > maxHosts)
      ctx.violations.push({ code: 'max-hosts-per-cluster', host: cluster, load: hosts.length, capacity: maxHosts, message: `cluster ${cluster} has ${hosts.length} hosts; at most ${maxHosts} are allowed (spares included)` });
    const loaded = hosts.filter((h) => h.workloadIds.length > 0);
    if (k === 0 || loaded.length === 0) continue;
    ctx.checks++;
    const fig = (h: PlannedHost) => figures.get(h.id);
    if (hosts.some((h) => !fig(h))) continue; // unknown model: already reported
    const peak: Vector = {};
    for (const h of loaded) for (const d of DIMS) peak[d] = Math.max(peak[d] ?? 0, fig(h)!.load[d] ?? 0);
    const spares = hosts.filter(
      (h) => h.workloadIds.length === 0 && DIMS.every((d) => (peak[d] ?? 0) <= (fig(h)!.capacity[d] ?? Number.POSITIVE_INFINITY) * (1 + CAPACITY_TOLERANCE)),
    );
    if (spares.length >= k) continue;
    if (hosts.length <= k) {
      ctx.violations.push({ code: 'ha-reserve', host: cluster, message: `cluster ${cluster} has ${hosts.length} host(s); it cannot hold its workloads after ${k} host failure(s)` });
      continue;
    }
    const sets = combinations(hosts.length, k);
    if (sets > MAX_FAILURE_SETS) {
      ctx.violations.push({ code: 'ha-reserve', host: cluster, message: `cluster ${cluster}: fewer than ${k} empty spare host(s) large enough for every host's load, and ${Math.round(sets)} failure combinations are too many to check one by one; the N+${k} reserve is not demonstrated` });
      continue;
    }
    for (const failed of subsets(hosts.length, k)) {
      const problem = replace(ctx, hosts, failed, fig, apart);
      if (problem) {
        ctx.violations.push({ code: 'ha-reserve', host: cluster, message: `cluster ${cluster} N+${k}: if ${failed.map((i) => hosts[i].id).join(' and ')} ${k === 1 ? 'fails' : 'fail'}, ${problem}` });
        break;
      }
    }
  }
}

/** Re-places the failed hosts' workloads; returns why it cannot, or null when it can. */
function replace(
  ctx: Ctx,
  hosts: PlannedHost[],
  failed: number[],
  fig: (h: PlannedHost) => { load: Vector; capacity: Vector } | undefined,
  apart: Map<string, Set<string>>,
): string | null {
  const failedSet = new Set(failed);
  const survivors = hosts.filter((_, i) => !failedSet.has(i));
  const moving = failed.flatMap((i) => hosts[i].workloadIds);
  if (moving.length === 0) return null;
  const need = sumDemand(ctx, moving);
  for (const d of DIMS) {
    const n = need[d] ?? 0;
    if (n <= 0) continue;
    let free = 0;
    for (const s of survivors) {
      const f = fig(s)!;
      if (f.capacity[d] === undefined) {
        free = Number.POSITIVE_INFINITY;
        break;
      }
      free += Math.max(0, f.capacity[d] - (f.load[d] ?? 0));
    }
    if (n > free * (1 + CAPACITY_TOLERANCE)) return `their workloads need ${d} ${fmt(n)} but the surviving hosts have only ${fmt(free)} free`;
  }
  const residual = survivors.map((s) => ({ ...fig(s)! , load: { ...fig(s)!.load }, ids: [...s.workloadIds] }));
  const demand = new Map(moving.map((id) => [id, sumDemand(ctx, [id])]));
  const score = (id: string) => DIMS.reduce((m, d) => Math.max(m, (demand.get(id)![d] ?? 0) / (residual[0].capacity[d] ?? Number.POSITIVE_INFINITY)), 0);
  const order = [...moving].sort((a, b) => score(b) - score(a) || a.localeCompare(b, 'en-US'));
  const maxPer = ctx.config.policy.maxWorkloadsPerHost ?? Number.POSITIVE_INFINITY;
  for (const id of order) {
    const dem = demand.get(id)!;
    const target = residual.find(
      (r) =>
        r.ids.length < maxPer &&
        !r.ids.some((o) => apart.get(id)?.has(o)) &&
        DIMS.every((d) => r.capacity[d] === undefined || (r.load[d] ?? 0) + (dem[d] ?? 0) <= r.capacity[d] * (1 + CAPACITY_TOLERANCE)),
    );
    if (!target) return `no re-placement of ${ctx.byId.get(id)?.name ?? id} into the survivors' free capacity was found (first-fit); the reserve is not demonstrated`;
    target.ids.push(id);
    for (const d of DIMS) if (dem[d] !== undefined) target.load[d] = (target.load[d] ?? 0) + dem[d];
  }
  return null;
}

