/**
 * Time-series plans (`plan.diversity` present, policy.timeSeries hourly|weekly): the summed demand must fit in EVERY slot.
 * Slot semantics (inventory `utilization.<metric>.shape`): `values[s]` is the metric's figure in slot s, in the metric's own
 * unit (percent of the allocation, or absolute MHz / MiB / IOPS / Mbps), already at the chosen percentile; it replaces the
 * flat figure in the sizing formula for that slot. 24 hourly slots, or 168 weekly slots from Monday 00:00. A workload
 * without a shape for a metric (or sized on allocation) uses its flat demand in every slot. An hourly shape under a weekly policy repeats each day;
 * a weekly shape under an hourly policy takes, per hour, the largest of the seven days. Storage does not vary by slot.
 */
import type { MetricUtil, Workload } from '../inventory/schema';
import type { Dimension } from '../plan/types';
import { DIMS, fmt } from './checks';
import type { Ctx } from './context';
import { utilFigure, Vector, workloadDemand } from './demand';
import { CAPACITY_TOLERANCE } from './types';

const SLOT_DIMS: Dimension[] = ['cpuMhz', 'memoryMib', 'iops', 'networkMbps'];

function slotValue(m: MetricUtil | undefined, slot: number, slots: number): number | undefined {
  const shape = m?.shape;
  if (!shape || shape.values.length === 0) return undefined;
  const v = shape.values;
  if (v.length === slots) return v[slot];
  if (v.length === 24 && slots === 168) return v[slot % 24];
  if (v.length === 168 && slots === 24) {
    let best = Number.NEGATIVE_INFINITY;
    for (let day = 0; day < 7; day++) best = Math.max(best, v[day * 24 + slot]);
    return best;
  }
  return undefined;
}

export function slotDemand(ctx: Ctx, w: Workload, slot: number, slots: number): Vector {
  const u = w.utilization;
  const p = ctx.policy.percentile;
  // a shape replaces the flat figure only where there is one; a workload sized on allocation stays flat in every slot
  const at = (m: MetricUtil | undefined) => (utilFigure(m, p) !== undefined ? slotValue(m, slot, slots) : undefined);
  return workloadDemand(w, ctx.policy, ctx.invHosts, {
    cpu: at(u.cpu),
    memory: at(u.memory),
    diskIops: at(u.diskIops),
    networkMbps: at(u.networkMbps),
  });
}

export function checkSlots(ctx: Ctx, figures: Map<string, { load: Vector; capacity: Vector }>, basis: 'hourly' | 'weekly'): void {
  const slots = basis === 'hourly' ? 24 : 168;
  for (const h of ctx.plan.hosts) {
    const fig = figures.get(h.id);
    if (!fig || h.workloadIds.length === 0) continue;
    const ws = h.workloadIds.map((id) => ctx.byId.get(id)).filter((w): w is Workload => w !== undefined);
    const peak: Vector = {};
    const worst = new Map<Dimension, { slot: number; load: number }>();
    for (let s = 0; s < slots; s++) {
      const load: Vector = {};
      for (const w of ws) {
        const d = slotDemand(ctx, w, s, slots);
        for (const k of SLOT_DIMS) if (d[k] !== undefined) load[k] = (load[k] ?? 0) + d[k];
      }
      for (const k of SLOT_DIMS) {
        const l = load[k];
        if (l === undefined) continue;
        peak[k] = Math.max(peak[k] ?? 0, l);
        const cap = fig.capacity[k];
        if (cap === undefined) continue;
        ctx.checks++;
        if (l > cap * (1 + CAPACITY_TOLERANCE) && (worst.get(k)?.load ?? -1) < l) worst.set(k, { slot: s, load: l });
      }
    }
    for (const [k, { slot, load }] of worst) {
      const cap = fig.capacity[k]!;
      ctx.violations.push({ code: 'over-capacity', host: h.id, dimension: k, slot, load, capacity: cap, message: `host ${h.id} (${h.model}): ${k} load ${fmt(load)} in ${basis} slot ${slot} exceeds capacity ${fmt(cap)} (worst slot)` });
    }
    // From here on the host's effective load is its slot peak (used by the N+K check).
    for (const k of SLOT_DIMS) if (peak[k] !== undefined) fig.load[k] = peak[k];
    // Both the reported slot peak and the reported load (which, in a time-series plan, is the slot peak for the
    // time-varying dimensions, so utilisation reads as what must fit) must agree with the shapes.
    for (const k of DIMS) {
      const mine = peak[k];
      if (mine === undefined) continue;
      for (const [field, reported] of [['slot peak', h.slotPeak?.[k]], ['load', h.load[k]]] as const) {
        if (reported === undefined) continue;
        ctx.checks++;
        if (Math.abs(reported - mine) > 1e-6 * Math.max(1, reported, mine))
          ctx.violations.push({ code: 'load-mismatch', host: h.id, dimension: k, load: mine, message: `host ${h.id}: the plan reports a ${k} ${field} of ${fmt(reported)}, the inventory's shapes give a slot peak of ${fmt(mine)}` });
      }
    }
  }
}
