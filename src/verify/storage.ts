/**
 * The verifier's own HCI storage and HA-percentage arithmetic, written from the issue text (issue 10) and not shared
 * with the planner:
 *   policies    none ×1 ≥1 host; FTT1 RAID-1 ×2 ≥3; FTT1 RAID-5 ×1.33 ≥4; FTT2 RAID-1 ×3 ≥5; FTT2 RAID-6 ×1.5 ≥6;
 *               FTT3 RAID-1 ×4 ≥7 (hosts per cluster, spares included)
 *   HCI demand  = max(figure, Σ disks + swap) (disks known) or figure + swap, × multiplier / dedupe × f,
 *                 swap = memory − memory reservation (when storageSwap), figure = provisioned | used GiB
 *   HCI capacity= storageGib × (1 − storageSlack) per host
 *   haReservePct: in every cluster Σ CPU load ≤ (1 − pct/100) × Σ CPU capacity, and the same for memory.
 * External-array hosts carry no storage capacity: their VMs' storage is sized as array capacity, not checked on hosts.
 */
import type { Workload } from '../inventory/schema';
import type { PlannedHost } from '../plan/types';
import type { Ctx } from './context';
import type { ModelSpec, SizingPolicy, Vector } from './demand';
import { CAPACITY_TOLERANCE } from './types';

export const VERIFY_STORAGE_POLICIES: Record<string, { multiplier: number; minHosts: number }> = {
  none: { multiplier: 1, minHosts: 1 },
  'ftt1-raid1': { multiplier: 2, minHosts: 3 },
  'ftt1-raid5': { multiplier: 4 / 3, minHosts: 4 },
  'ftt2-raid1': { multiplier: 3, minHosts: 5 },
  'ftt2-raid6': { multiplier: 1.5, minHosts: 6 },
  'ftt3-raid1': { multiplier: 4, minHosts: 7 },
};

export const isHci = (m: ModelSpec | undefined): boolean => m !== undefined && m.storageGib !== undefined && (m.storage ?? 'hci') === 'hci';

/** The storage policy that applies to a pool: the pool's own, else the policy's. */
export function policyOfPool(ctx: Ctx, pool: string | undefined): string {
  return ctx.config.constraints.pools.find((p) => p.name === pool)?.storagePolicy ?? ctx.policy.storagePolicy;
}

function sum(ds: Workload['disks'], used: boolean): number {
  let s = 0;
  for (const d of ds) s += used ? d.usedGib ?? d.capacityGib : d.capacityGib;
  return s;
}

export function hciGib(w: Workload, policy: SizingPolicy, multiplier: number): number | undefined {
  const diskCap = w.disks.length ? sum(w.disks, false) : undefined;
  const prov = w.provisionedGib ?? diskCap;
  const usedAll = w.disks.length > 0 && w.disks.every((d) => d.usedGib !== undefined) ? sum(w.disks, true) : undefined;
  const used = w.usedGib ?? usedAll;
  const onUsed = policy.storageBasis === 'used' && used !== undefined;
  const figure = onUsed ? used : prov;
  if (figure === undefined) return undefined;
  let data = figure;
  if (policy.storageSwap) {
    const swap = Math.max(0, w.memoryMib - Math.min(w.memoryMib, Math.max(0, w.config.memoryReservationMib ?? 0))) / 1024;
    data = w.disks.length ? Math.max(figure, sum(w.disks, onUsed) + swap) : figure + swap;
  }
  return ((data * multiplier) / policy.storageDedupe) * (1 + policy.headroom) * (1 + policy.growth);
}

/** The storage load of an HCI host: Σ of its workloads' HCI demand under its pool's policy. */
export function hciLoad(ctx: Ctx, h: PlannedHost): number {
  const pol = VERIFY_STORAGE_POLICIES[policyOfPool(ctx, h.pool)] ?? VERIFY_STORAGE_POLICIES['ftt1-raid1'];
  let s = 0;
  for (const id of h.workloadIds) {
    const w = ctx.byId.get(id);
    if (w) s += hciGib(w, ctx.policy, pol.multiplier) ?? 0;
  }
  return s;
}

/** HCI clusters: one storage kind per cluster, at least the policy's minimum hosts. */
export function checkHciClusters(ctx: Ctx): void {
  const byCluster = new Map<string, PlannedHost[]>();
  for (const h of ctx.plan.hosts) byCluster.set(h.cluster, [...(byCluster.get(h.cluster) ?? []), h]);
  for (const [cluster, hosts] of [...byCluster].sort((a, b) => a[0].localeCompare(b[0], 'en-US'))) {
    const kinds = hosts.map((h) => ctx.models.get(h.model)).filter((m) => m !== undefined).map((m) => (isHci(m) ? 'hci' : 'external'));
    if (!kinds.includes('hci')) continue;
    ctx.checks++;
    if (kinds.includes('external'))
      ctx.violations.push({ code: 'hci-mixed-storage', host: cluster, message: `cluster ${cluster} mixes HCI hosts with hosts on an external array` });
    const id = policyOfPool(ctx, hosts[0].pool);
    const pol = VERIFY_STORAGE_POLICIES[id];
    ctx.checks++;
    if (!pol) {
      ctx.violations.push({ code: 'hci-policy-unknown', host: cluster, message: `cluster ${cluster}: storage policy "${id}" is not one the verifier knows` });
      continue;
    }
    if (hosts.length < pol.minHosts)
      ctx.violations.push({
        code: 'hci-min-hosts',
        host: cluster,
        load: hosts.length,
        capacity: pol.minHosts,
        message: `cluster ${cluster} has ${hosts.length} host(s); storage policy ${id} needs at least ${pol.minHosts}`,
      });
  }
}

/** haReservePct: every cluster keeps pct of its CPU and memory capacity free. */
export function checkReservePct(ctx: Ctx, figures: Map<string, { load: Vector; capacity: Vector }>): void {
  const byCluster = new Map<string, PlannedHost[]>();
  for (const h of ctx.plan.hosts) byCluster.set(h.cluster, [...(byCluster.get(h.cluster) ?? []), h]);
  for (const [cluster, hosts] of [...byCluster].sort((a, b) => a[0].localeCompare(b[0], 'en-US'))) {
    const pool = ctx.config.constraints.pools.find((p) => p.name === hosts[0].pool);
    const pct = pool?.haReservePct ?? ctx.config.policy.haReservePct ?? 0;
    if (!(pct > 0)) continue;
    for (const d of ['cpuMhz', 'memoryMib'] as const) {
      let load = 0;
      let cap = 0;
      for (const h of hosts) {
        const f = figures.get(h.id);
        load += f?.load[d] ?? 0;
        cap += f?.capacity[d] ?? 0;
      }
      ctx.checks++;
      const allowed = cap * (1 - pct / 100);
      if (load > allowed * (1 + CAPACITY_TOLERANCE))
        ctx.violations.push({
          code: 'ha-reserve-pct',
          host: cluster,
          dimension: d,
          load,
          capacity: allowed,
          message: `cluster ${cluster}: ${d} load ${Math.round(load)} leaves less than the ${pct} % HA reserve free (at most ${Math.round(allowed)} of ${Math.round(cap)})`,
        });
    }
    if (hosts.length > 0 && pct < 100 / hosts.length - 1e-9)
      ctx.notes.push(`cluster ${cluster}: the ${pct} % HA reserve is less than one host of ${hosts.length} (${(100 / hosts.length).toFixed(1)} %); a host failure is not fully covered`);
  }
}
