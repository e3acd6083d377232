/**
 * Every unplaced workload's reason re-derived, not trusted (issue 17.2). A reason that states a fact about the workload
 * (a template, powered off, excluded by a pattern, decommissioned, pins that leave no model) must hold for it; a reason
 * of capacity (`exceeds-host-capacity`, `host-limit-reached`, or a code the planner does not write) must be true: a
 * workload, with the affinity partners it has to move with, that fits within the policy and constraints on some active
 * host of the plan or on a new host of a model its pool and pins allow (maxCount not reached) is a violation
 * `placeable-unplaced`.
 *
 * A fit is asserted only when it is sure: demand at most the free capacity (no tolerance), never on a reserve host,
 * anti-affinity with the residents respected, max workloads per host respected, an N+K cluster's spares still large
 * enough for the host's new load, a percentage HA reserve still free.
 */
import type { Workload } from '../inventory/schema';
import type { Dimension, PlannedHost, UnplacedWorkload } from '../plan/types';
import { affinityGroups, antiAffinityGroups, DIMS, fmt, poolReading, sumDemand } from './checks';
import type { Ctx } from './context';
import { ModelSpec, Vector, modelCapacity } from './demand';
import { glob, matches } from './match';
import { hciGib, isHci, VERIFY_STORAGE_POLICIES, policyOfPool } from './storage';

/** How far verify could re-derive the reasons (the caller tells whether the config's constraints are known). */
export interface UnplacedOptions {
  constraintsKnown: boolean;
  timeSeries: boolean;
}

type Figures = Map<string, { load: Vector; capacity: Vector }>;

/** Codes whose reason is a fact about the workload itself, checked by `factHolds`. */
const FACT_CODES = new Set(['template', 'srm-placeholder', 'powered-off', 'decommissioned', 'excluded', 'constraint-conflict', 'no-allowed-model']);
/** Codes the planner writes when capacity or a model's maxCount ran out. */
const CAPACITY_CODES = new Set(['exceeds-host-capacity', 'host-limit-reached']);

export function checkUnplaced(ctx: Ctx, hostOf: Map<string, PlannedHost>, figures: Figures, opts: UnplacedOptions): void {
  if (ctx.plan.unplaced.length === 0) return;
  const fit = opts.timeSeries ? undefined : new FitTest(ctx, hostOf, figures);
  let notDerived = 0;
  for (const u of ctx.plan.unplaced) {
    const w = ctx.byId.get(u.id);
    if (!w) continue; // unknown-workload, already reported
    ctx.checks++;
    if (FACT_CODES.has(u.code)) {
      const holds = factHolds(ctx, w, u, opts.constraintsKnown);
      if (holds === false)
        ctx.violations.push({ code: 'unplaced-reason-false', workload: w.name, message: `workload ${w.name} is listed unplaced as "${u.code}" (${u.reason}), which does not hold for it` });
      else if (holds === undefined) notDerived++;
      continue;
    }
    if (!CAPACITY_CODES.has(u.code)) ctx.notes.push(`workload ${w.name} is unplaced with a code the planner does not write ("${u.code}"); checked as a capacity reason`);
    if (!fit || (!opts.constraintsKnown && fit.poolsInPlan > 1)) {
      notDerived++;
      continue;
    }
    const where = fit.placement(w);
    if (where)
      ctx.violations.push({ code: 'placeable-unplaced', workload: w.name, message: `placeable workload left unplaced: ${w.name} is listed as "${u.code}" (${u.reason}), but it fits ${where}` });
  }
  if (notDerived > 0)
    ctx.notes.push(
      `${notDerived} unplaced reason(s) not re-derived (${opts.timeSeries ? 'a time-series plan is sized per slot; ' : ''}${opts.constraintsKnown ? '' : 'no --config: the constraints are unknown'})`.replace(/; \)$/, ')'),
    );
}

/** true: the stated fact holds; false: it does not; undefined: verify cannot tell (the constraints are unknown). */
function factHolds(ctx: Ctx, w: Workload, u: UnplacedWorkload, constraintsKnown: boolean): boolean | undefined {
  const c = ctx.config.constraints;
  switch (u.code) {
    case 'template':
      return w.flags.includes('template');
    case 'srm-placeholder':
      return w.flags.includes('srm-placeholder');
    case 'powered-off':
      return !ctx.config.collect.includePoweredOff && (w.powerState === 'off' || w.flags.includes('powered-off'));
    case 'decommissioned': {
      const d = ctx.config.businessCase?.decommission;
      if (!d) return constraintsKnown ? false : undefined;
      // the idle rule reads measured figures by the business case's arithmetic: accepted for a powered-on workload
      return (d.workloads ?? []).some((g) => glob(g, w.name)) || (d.match !== undefined && matches(w, d.match)) || (d.idle !== undefined && w.powerState === 'on');
    }
    case 'excluded':
      return constraintsKnown ? c.exclude.some((p) => glob(p, w.name)) : undefined;
    case 'constraint-conflict': {
      if (!constraintsKnown) return undefined;
      const inAff = affinityGroups(ctx).some((g) => g.members.some((m) => m.id === w.id));
      const inApart = antiAffinityGroups(ctx).some((g) => g.members.some((m) => m.id === w.id));
      return inAff || inApart;
    }
    case 'no-allowed-model':
      return constraintsKnown ? allowedModels(ctx, w, poolReading(ctx).expectedPool(w)).length === 0 : undefined;
    default:
      return undefined;
  }
}

/** Models a workload may run on: its pool's list (else the whole catalog), narrowed by its pins. */
function allowedModels(ctx: Ctx, w: Workload, pool: string | null): ModelSpec[] {
  const c = ctx.config.constraints;
  const poolModels = c.pools.find((p) => p.name === pool)?.hostModels;
  const pins = c.pinned.filter((p) => p.hostModel !== undefined && glob(p.workload, w.name)).map((p) => p.hostModel!);
  const catalog = [...ctx.config.hostModels.map((m) => m.id), ...ctx.plan.hostModels.filter((m) => m.id.startsWith('existing-')).map((m) => m.id)];
  return catalog
    .filter((id) => (poolModels === undefined || poolModels.includes(id)) && pins.every((p) => p === id))
    .map((id) => ctx.models.get(id))
    .filter((m): m is ModelSpec => m !== undefined);
}

class FitTest {
  readonly poolsInPlan: number;
  private readonly pools: ReturnType<typeof poolReading>;
  private readonly planned: Set<Dimension>;
  private readonly apart = new Map<string, Set<string>>();
  private readonly partners = new Map<string, Workload[]>();
  private readonly byCluster = new Map<string, PlannedHost[]>();
  private readonly modelCount = new Map<string, number>();

  constructor(
    private readonly ctx: Ctx,
    private readonly hostOf: Map<string, PlannedHost>,
    private readonly figures: Figures,
  ) {
    this.pools = poolReading(ctx);
    this.planned = new Set(ctx.plan.dimensions ?? DIMS);
    this.poolsInPlan = new Set(ctx.plan.hosts.map((h) => h.pool ?? '')).size;
    for (const g of antiAffinityGroups(ctx))
      for (const a of g.members) for (const b of g.members) if (a.id !== b.id) this.apart.set(a.id, (this.apart.get(a.id) ?? new Set()).add(b.id));
    for (const g of affinityGroups(ctx)) for (const m of g.members) this.partners.set(m.id, [...(this.partners.get(m.id) ?? []), ...g.members]);
    for (const h of ctx.plan.hosts) {
      this.byCluster.set(h.cluster, [...(this.byCluster.get(h.cluster) ?? []), h]);
      this.modelCount.set(h.model, (this.modelCount.get(h.model) ?? 0) + 1);
    }
  }

  /** Where the workload (with its unplaced affinity partners) would fit, in words, or undefined. */
  placement(w: Workload): string | undefined {
    const unit = this.unitOf(w);
    if (unit === undefined) return undefined;
    const pool = this.pools.expectedPool(w);
    if (unit.some((m) => this.pools.expectedPool(m) !== pool)) return undefined; // partners of other pools: the planner's call
    const ids = unit.map((m) => m.id);
    if (ids.some((a) => ids.some((b) => this.apart.get(a)?.has(b)))) return undefined;
    const maxPer = this.ctx.config.policy.maxWorkloadsPerHost ?? Number.POSITIVE_INFINITY;
    if (ids.length > maxPer) return undefined;
    const models = allowedModels(this.ctx, w, pool);
    for (const h of this.ctx.plan.hosts) {
      if (h.reserve || this.pools.poolOfHost(h) !== pool || !models.some((m) => m.id === h.model)) continue;
      if (this.fitsOnHost(h, ids, maxPer)) return `on host ${h.id} (${h.model}), which has room for it`;
    }
    for (const m of models) {
      const max = this.maxCountOf(m.id);
      if (max !== undefined && (this.modelCount.get(m.id) ?? 0) >= max) continue;
      const cap = this.usableCapacity(m, pool);
      const need = this.demandOn(m, ids, pool ?? undefined);
      const over = this.firstOver(need, cap, {});
      if (over === undefined) return `on a new host of model ${m.id} (${this.describe(need, cap)})`;
    }
    return undefined;
  }

  /** The workload and the affinity partners it moves with; undefined when a partner is placed (its host decides). */
  private unitOf(w: Workload): Workload[] | undefined {
    const unit = new Map<string, Workload>([[w.id, w]]);
    const queue = [w];
    while (queue.length > 0) {
      const x = queue.pop()!;
      for (const p of this.partners.get(x.id) ?? [])
        if (!unit.has(p.id)) {
          unit.set(p.id, p);
          queue.push(p);
        }
    }
    const members = [...unit.values()];
    return members.some((m) => this.hostOf.has(m.id)) ? undefined : members;
  }

  private fitsOnHost(h: PlannedHost, ids: string[], maxPer: number): boolean {
    const f = this.figures.get(h.id);
    const spec = this.ctx.models.get(h.model);
    if (!f || !spec || h.workloadIds.length + ids.length > maxPer) return false;
    if (ids.some((id) => h.workloadIds.some((r) => this.apart.get(id)?.has(r)))) return false;
    const need = this.demandOn(spec, ids, h.pool);
    if (this.firstOver(need, f.capacity, f.load) !== undefined) return false;
    return this.clusterStillHolds(h, need);
  }

  /** The host's cluster keeps its N+K spares large enough, and its percentage reserve free, with the extra load. */
  private clusterStillHolds(h: PlannedHost, need: Vector): boolean {
    const hosts = this.byCluster.get(h.cluster) ?? [];
    const pct = this.reservePct(h.pool);
    const k = this.sparesOf(h.pool);
    const load = this.figures.get(h.id)!.load;
    if (k > 0) {
      const spares = hosts.filter((s) => s.workloadIds.length === 0);
      const covering = spares.filter((s) => this.firstOver(addTo(load, need), this.figures.get(s.id)?.capacity ?? {}, {}) === undefined);
      if (covering.length < k) return false;
    }
    if (pct > 0)
      for (const d of ['cpuMhz', 'memoryMib'] as const) {
        let l = need[d] ?? 0;
        let cap = 0;
        for (const s of hosts) {
          l += this.figures.get(s.id)?.load[d] ?? 0;
          cap += this.figures.get(s.id)?.capacity[d] ?? 0;
        }
        if (l > cap * (1 - pct / 100)) return false;
      }
    return true;
  }

  private demandOn(m: ModelSpec, ids: string[], pool: string | undefined): Vector {
    const need = sumDemand(this.ctx, ids);
    if (isHci(m)) {
      const pol = VERIFY_STORAGE_POLICIES[policyOfPool(this.ctx, pool)] ?? VERIFY_STORAGE_POLICIES['ftt1-raid1'];
      need.storageGib = ids.reduce((s, id) => s + (hciGib(this.ctx.byId.get(id)!, this.ctx.policy, pol.multiplier) ?? 0), 0);
    } else delete need.storageGib;
    return need;
  }

  /** A new host's capacity, less a percentage HA reserve on CPU and memory. */
  private usableCapacity(m: ModelSpec, pool: string | null): Vector {
    const cap = modelCapacity(m, this.ctx.policy);
    const pct = this.reservePct(pool ?? undefined);
    if (pct > 0) for (const d of ['cpuMhz', 'memoryMib'] as const) if (cap[d] !== undefined) cap[d] = cap[d] * (1 - pct / 100);
    return cap;
  }

  /** The first planned dimension on which load + need exceeds capacity (a dimension without capacity is not packed). */
  private firstOver(need: Vector, cap: Vector, load: Vector): Dimension | undefined {
    return DIMS.find((d) => this.planned.has(d) && cap[d] !== undefined && (load[d] ?? 0) + (need[d] ?? 0) > cap[d]);
  }

  private describe(need: Vector, cap: Vector): string {
    return DIMS.filter((d) => this.planned.has(d) && cap[d] !== undefined && need[d] !== undefined)
      .map((d) => `${d} ${fmt(need[d]!)} of ${fmt(cap[d]!)}`)
      .join(', ');
  }

  private reservePct(pool: string | undefined): number {
    const p = this.ctx.config.constraints.pools.find((x) => x.name === pool);
    return p?.haReservePct ?? this.ctx.config.policy.haReservePct ?? 0;
  }

  private sparesOf(pool: string | undefined): number {
    const p = this.ctx.config.constraints.pools.find((x) => x.name === pool);
    return p?.haSpareHosts ?? (p?.haReservePct ? 0 : this.ctx.config.policy.haSpareHosts);
  }

  private maxCountOf(id: string): number | undefined {
    return this.ctx.config.hostModels.find((m) => m.id === id)?.maxCount ?? this.ctx.plan.hostModels.find((m) => m.id === id)?.maxCount;
  }
}

function addTo(a: Vector, b: Vector): Vector {
  const out: Vector = { ...a };
  for (const d of DIMS) if (b[d] !== undefined) out[d] = (out[d] ?? 0) + b[d];
  return out;
}
