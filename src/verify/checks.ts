/**
 * The plan-level checks of `verify`: placements (every in-scope workload placed once or listed with a reason, no unknown
 * names), capacities per host (recomputed from the inventory with the verifier's own sizing), reported figures, and
 * the placement constraints (exclude, pools, pins, anti-affinity, affinity, max workloads per host, max hosts per cluster).
 */
import type { Workload } from '../inventory/schema';
import type { Dimension, PlannedHost } from '../plan/types';
import { Vector, modelCapacity, workloadDemand } from './demand';
import { GroupSpec, glob, inGroup, matches } from './match';
import { readDrsRules } from '../plan/drs';
import { CAPACITY_TOLERANCE } from './types';
import { hciLoad, isHci } from './storage';
import type { Ctx } from './context';

export type { Ctx } from './context';


export const DIMS: Dimension[] = ['cpuMhz', 'memoryMib', 'storageGib', 'iops', 'networkMbps'];

export function fmt(v: number): string {
  if (v === 0) return '0';
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}

/** Equal up to float error, or up to the plan's own rounding: plan.json writes each load to 3 decimals (±0.0005). */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-6 * Math.max(1, Math.abs(a), Math.abs(b)), 0.0005 + 1e-9);
}

/** Every plan entry names a known workload (id and name agree), nothing is placed twice, nothing in scope is missing. */
export function checkPlacements(ctx: Ctx): Map<string, PlannedHost> {
  const hostOf = new Map<string, PlannedHost>();
  const seen = new Map<string, string>();
  const note = (id: string, where: string, name: string | undefined): Workload | undefined => {
    ctx.checks++;
    const w = ctx.byId.get(id);
    if (!w) {
      ctx.violations.push({ code: 'unknown-workload', workload: name ?? id, message: `${where} names workload id "${id}" (${name ?? '?'}), which is not in the inventory` });
      return undefined;
    }
    if (name !== undefined && name !== w.name) {
      ctx.violations.push({ code: 'name-mismatch', workload: w.name, message: `${where} lists id "${id}" as "${name}", but the inventory names it "${w.name}"` });
    }
    const before = seen.get(id);
    if (before !== undefined) {
      ctx.violations.push({ code: 'placed-twice', workload: w.name, message: `workload ${w.name} appears twice: ${before} and ${where}` });
    }
    seen.set(id, where);
    return w;
  };
  for (const h of ctx.plan.hosts) {
    ctx.checks++;
    if (h.workloadIds.length !== h.workloads.length) {
      ctx.violations.push({ code: 'malformed-host', host: h.id, message: `host ${h.id} lists ${h.workloads.length} workload names but ${h.workloadIds.length} ids` });
    }
    if (h.reserve && h.workloadIds.length > 0) {
      ctx.violations.push({ code: 'reserve-not-empty', host: h.id, message: `reserve host ${h.id} holds ${h.workloadIds.length} workload(s); an N+K spare must be empty` });
    }
    h.workloadIds.forEach((id, k) => {
      const w = note(id, `host ${h.id}`, h.workloads[k]);
      if (w) hostOf.set(id, h);
    });
  }
  for (const u of ctx.plan.unplaced) {
    note(u.id, 'the unplaced list', u.name);
    ctx.checks++;
    if (!u.reason || !u.code) {
      ctx.violations.push({ code: 'unplaced-without-reason', workload: u.name, message: `workload ${u.name} is listed unplaced without a reason` });
    }
  }
  let outOfScope = 0;
  for (const w of ctx.inventory.workloads) {
    if (seen.has(w.id)) continue;
    ctx.checks++;
    const skipped =
      w.flags.includes('template') || w.flags.includes('srm-placeholder') || w.flags.includes('powered-off') || w.powerState === 'off';
    if (skipped) outOfScope++;
    else ctx.violations.push({ code: 'workload-missing', workload: w.name, message: `workload ${w.name} (${w.id}) is neither placed nor listed unplaced with a reason` });
  }
  if (outOfScope > 0)
    ctx.notes.push(`${outOfScope} template / SRM placeholder / powered-off workload(s) are in neither list; read as out of scope`);
  return hostOf;
}

/** Host model spec by id: the config's catalog, else (existing-host models) the plan's own echo of its catalog. */
export function resolveModels(ctx: Ctx): void {
  for (const m of ctx.config.hostModels) ctx.models.set(m.id, m);
  for (const m of ctx.plan.hostModels) {
    const id = m.id;
    if (ctx.models.has(id)) continue;
    const { sockets, coresPerSocket, cpuGhz, cpuModel, perfIndex, memoryGib, storageGib, storage, iops, networkGbps } = m;
    ctx.models.set(id, { id, sockets, coresPerSocket, cpuGhz, cpuModel, perfIndex, memoryGib, storageGib, storage, iops, networkGbps });
    if (!id.startsWith('existing-')) ctx.notes.push(`host model ${id} is not in the config; its capacity was taken from the plan's catalog`);
  }
}

export function sumDemand(ctx: Ctx, ids: string[]): Vector {
  const load: Vector = {};
  for (const id of ids) {
    const w = ctx.byId.get(id);
    if (!w) continue;
    const d = workloadDemand(w, ctx.policy, ctx.invHosts);
    for (const k of DIMS) if (d[k] !== undefined) load[k] = (load[k] ?? 0) + d[k];
  }
  return load;
}

/** Recomputed load within recomputed capacity on every dimension the model has a capacity for; reported figures agree. */
export function checkCapacities(ctx: Ctx, timeSeries: boolean): Map<string, { load: Vector; capacity: Vector }> {
  const out = new Map<string, { load: Vector; capacity: Vector }>();
  const maxPerHost = ctx.config.policy.maxWorkloadsPerHost;
  // A dimension the plan declares it does not pack on (the planner warns why, e.g. a model states no storage) is still
  // checked, but an overload there is a note, not a violation of the plan's own claim.
  const planned = new Set<Dimension>(ctx.plan.dimensions ?? DIMS);
  const unplannedOver = new Map<Dimension, string[]>();
  for (const h of ctx.plan.hosts) {
    const spec = ctx.models.get(h.model);
    ctx.checks++;
    if (!spec) {
      ctx.violations.push({ code: 'unknown-host-model', host: h.id, message: `host ${h.id} is of model "${h.model}", which is in neither the config nor the plan's catalog` });
      continue;
    }
    const capacity = modelCapacity(spec, ctx.policy);
    const load = sumDemand(ctx, h.workloadIds);
    // storage lives on the host only on HCI models (policy multiplier and swap); on an external array it is not a host load
    if (isHci(spec)) load.storageGib = hciLoad(ctx, h);
    else delete load.storageGib;
    out.set(h.id, { load, capacity });
    if (maxPerHost !== undefined) {
      ctx.checks++;
      if (h.workloadIds.length > maxPerHost)
        ctx.violations.push({ code: 'max-workloads-per-host', host: h.id, load: h.workloadIds.length, capacity: maxPerHost, message: `host ${h.id} holds ${h.workloadIds.length} workloads; policy.maxWorkloadsPerHost is ${maxPerHost}` });
    }
    for (const dim of DIMS) {
      const cap = capacity[dim];
      const l = load[dim] ?? 0;
      if (!timeSeries || !(dim === 'cpuMhz' || dim === 'memoryMib' || dim === 'iops' || dim === 'networkMbps')) {
        if (cap !== undefined) {
          ctx.checks++;
          if (l > cap * (1 + CAPACITY_TOLERANCE) && !planned.has(dim))
            unplannedOver.set(dim, [...(unplannedOver.get(dim) ?? []), h.id]);
          else if (l > cap * (1 + CAPACITY_TOLERANCE) && dim === 'storageGib')
            ctx.violations.push({ code: 'hci-slack', host: h.id, dimension: dim, load: l, capacity: cap, message: `host ${h.id} (${h.model}): storage load ${fmt(l)} GiB exceeds ${fmt(cap)} GiB, its raw ${fmt(spec.storageGib ?? 0)} GiB less the ${Math.round(ctx.policy.storageSlack * 1000) / 10} % slack space` });
          else if (l > cap * (1 + CAPACITY_TOLERANCE))
            ctx.violations.push({ code: 'over-capacity', host: h.id, dimension: dim, load: l, capacity: cap, message: `host ${h.id} (${h.model}): ${dim} load ${fmt(l)} exceeds capacity ${fmt(cap)} (${fmt((100 * l) / cap)} %)` });
        }
      }
      {
        // `load` is the sum of flat demands, except for the time-varying dimensions of a time-series plan, where it is
        // the slot peak (checked against the shapes in series.ts)
        const reported = h.load[dim];
        const slotDim = timeSeries && (dim === 'cpuMhz' || dim === 'memoryMib' || dim === 'iops' || dim === 'networkMbps');
        if (reported !== undefined && !slotDim) {
          ctx.checks++;
          if (!close(reported, l))
            ctx.violations.push({ code: 'load-mismatch', host: h.id, dimension: dim, load: l, message: `host ${h.id}: the plan reports ${dim} load ${fmt(reported)}, the inventory and policy give ${fmt(l)}` });
        }
      }
      const reportedCap = h.capacity[dim];
      if (reportedCap !== undefined && cap !== undefined) {
        ctx.checks++;
        if (!close(reportedCap, cap))
          ctx.violations.push({ code: 'capacity-mismatch', host: h.id, dimension: dim, capacity: cap, message: `host ${h.id}: the plan reports ${dim} capacity ${fmt(reportedCap)}, model ${h.model} under the policy gives ${fmt(cap)}` });
      }
    }
  }
  for (const [dim, hosts] of unplannedOver)
    ctx.notes.push(`${dim} is not among the plan's dimensions; ${hosts.length} host(s) would exceed their ${dim} capacity: ${hosts.slice(0, 10).join(', ')}${hosts.length > 10 ? ', …' : ''}`);
  return out;
}

/** A group to check: config groups by their patterns, DRS rules (the inventory's, read as the planner reads them) by id. */
interface CheckedGroup {
  name: string;
  members: Workload[];
}

function drsReading(ctx: Ctx) {
  return readDrsRules(ctx.inventory.workloads, ctx.inventory.drsRules, ctx.config.constraints);
}

function drsGroups(ctx: Ctx, kind: 'anti-affinity' | 'affinity'): CheckedGroup[] {
  return drsReading(ctx)
    .groups.filter((g) => g.kind === kind)
    .map((g) => ({ name: g.label, members: g.workloadIds.map((id) => ctx.byId.get(id)).filter((w): w is Workload => w !== undefined) }));
}

function configGroups(ctx: Ctx, groups: readonly GroupSpec[]): CheckedGroup[] {
  return groups.map((g) => ({ name: g.name, members: ctx.inventory.workloads.filter((w) => inGroup(w, g)) }));
}

export function antiAffinityGroups(ctx: Ctx): CheckedGroup[] {
  return [...configGroups(ctx, ctx.config.constraints.antiAffinity), ...drsGroups(ctx, 'anti-affinity')];
}

export function affinityGroups(ctx: Ctx): CheckedGroup[] {
  return [...configGroups(ctx, ctx.config.constraints.affinity), ...drsGroups(ctx, 'affinity')];
}

/** Which config pool a workload belongs to (pin, then DRS rule, then the first pool it matches; null = none), and a host's. */
export function poolReading(ctx: Ctx): { expectedPool: (w: Workload) => string | null; poolOfHost: (h: PlannedHost) => string | null } {
  const c = ctx.config.constraints;
  const poolNames = new Set(c.pools.map((p) => p.name));
  const drsPool = new Map<string, string>();
  for (const g of drsReading(ctx).groups) if (g.kind === 'pool') for (const id of g.workloadIds) if (!drsPool.has(id)) drsPool.set(id, g.pool!);
  return {
    expectedPool: (w) => {
      const pin = c.pinned.find((p) => glob(p.workload, w.name));
      return pin?.pool ?? drsPool.get(w.id) ?? c.pools.find((p) => matches(w, p.match))?.name ?? null;
    },
    poolOfHost: (h) => (h.pool !== undefined && poolNames.has(h.pool) ? h.pool : null),
  };
}

export function checkConstraints(ctx: Ctx, hostOf: Map<string, PlannedHost>): void {
  const c = ctx.config.constraints;
  // exclusions
  for (const w of ctx.inventory.workloads) {
    const pat = c.exclude.find((p) => glob(p, w.name));
    if (pat === undefined) continue;
    ctx.checks++;
    const h = hostOf.get(w.id);
    if (h) ctx.violations.push({ code: 'excluded-placed', workload: w.name, host: h.id, message: `workload ${w.name} is excluded by constraints.exclude "${pat}" but placed on ${h.id}` });
  }
  // anti-affinity
  for (const g of antiAffinityGroups(ctx)) {
    const byHost = new Map<string, string[]>();
    for (const w of g.members) {
      const h = hostOf.get(w.id);
      if (!h) continue;
      ctx.checks++;
      byHost.set(h.id, [...(byHost.get(h.id) ?? []), w.name]);
    }
    for (const [host, names] of byHost)
      if (names.length > 1)
        ctx.violations.push({ code: 'anti-affinity', host, workload: names.join(', '), message: `anti-affinity "${g.name}": ${names.join(' and ')} share host ${host}` });
  }
  // affinity
  const affinityPartners = new Map<string, Workload[]>();
  for (const g of affinityGroups(ctx)) {
    const ms = g.members;
    for (const w of ms) affinityPartners.set(w.id, [...(affinityPartners.get(w.id) ?? []), ...ms]);
    const hosts = new Map<string, string[]>();
    for (const w of ms) {
      const h = hostOf.get(w.id);
      if (!h) continue;
      ctx.checks++;
      hosts.set(h.id, [...(hosts.get(h.id) ?? []), w.name]);
    }
    if (hosts.size > 1)
      ctx.violations.push({ code: 'affinity', workload: [...hosts.values()].flat().join(', '), message: `affinity "${g.name}" is split over hosts ${[...hosts].map(([h, n]) => `${h} (${n.join(', ')})`).join('; ')}` });
  }
  // pools and pins
  const { expectedPool, poolOfHost } = poolReading(ctx);
  let crossPool = 0;
  for (const w of ctx.inventory.workloads) {
    const h = hostOf.get(w.id);
    if (!h) continue;
    ctx.checks++;
    const want = expectedPool(w);
    const hostPool = poolOfHost(h);
    if (want !== hostPool) {
      const partnerPools = (affinityPartners.get(w.id) ?? []).map(expectedPool);
      if (partnerPools.includes(hostPool)) crossPool++;
      else
        ctx.violations.push({ code: 'pool', workload: w.name, host: h.id, message: `workload ${w.name} belongs to ${want === null ? 'no pool' : `pool "${want}"`} but is on host ${h.id} of ${hostPool === null ? 'no pool' : `pool "${hostPool}"`}` });
    }
    const pool = c.pools.find((p) => p.name === hostPool);
    if (pool?.hostModels && !pool.hostModels.includes(h.model)) {
      ctx.violations.push({ code: 'pool-model', host: h.id, message: `host ${h.id} of pool "${pool.name}" is model ${h.model}, not one of the pool's models ${pool.hostModels.join(', ')}` });
    }
    const pin = c.pinned.find((p) => glob(p.workload, w.name));
    if (pin?.hostModel !== undefined) {
      ctx.checks++;
      if (h.model !== pin.hostModel)
        ctx.violations.push({ code: 'pinned', workload: w.name, host: h.id, message: `workload ${w.name} is pinned to model ${pin.hostModel} but placed on ${h.id} (${h.model})` });
    }
  }
  if (crossPool > 0)
    ctx.notes.push(`${crossPool} workload(s) sit in an affinity partner's pool rather than their own (the planner keeps affinity groups together)`);
}
