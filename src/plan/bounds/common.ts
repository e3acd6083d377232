import { PackInstance } from '../solver/instance';

/** Relative slack so that rounding noise (e.g. 0.1 + 0.2) never makes a bound claim more than it can prove. */
export const EPS = 1e-9;

/** Bin types item i may use (all types when the item says nothing). */
export function allowedTypes(instance: PackInstance, i: number): number[] {
  const a = instance.items[i].allowedBinTypes;
  return a && a.length > 0 ? a : instance.binTypes.map((_, t) => t);
}

/** Whether every bin type's cost is an integer (then the optimum is an integer and a bound may be rounded up). */
export function integralCosts(costs: readonly number[]): boolean {
  return costs.every((c) => Number.isInteger(c));
}

/** Rounds a bound up when the objective is integral, allowing a tiny tolerance for floating-point noise. */
export function roundUp(value: number, integral: boolean): number {
  if (!integral) return value;
  const r = Math.round(value);
  return Math.abs(value - r) <= EPS * Math.max(1, Math.abs(value)) ? r : Math.ceil(value);
}

/** True when item i alone fits a bin of type t (every dimension). */
export function fitsAlone(instance: PackInstance, i: number, t: number): boolean {
  const cap = instance.binTypes[t].capacity;
  const s = instance.items[i].size;
  for (let k = 0; k < cap.length; k++) if (s[k] > cap[k] * (1 + EPS)) return false;
  return true;
}

/**
 * True when items i and j can never share a bin: a conflict pair, disjoint allowed types, or on every type both may use
 * they exceed some capacity together (or the type holds at most one item).
 */
export function incompatible(instance: PackInstance, i: number, j: number, conflictSet: Set<number>): boolean {
  const n = instance.items.length;
  if (conflictSet.has(i * n + j) || conflictSet.has(j * n + i)) return true;
  const ti = allowedTypes(instance, i);
  const tj = new Set(allowedTypes(instance, j));
  const si = instance.items[i].size;
  const sj = instance.items[j].size;
  for (const t of ti) {
    if (!tj.has(t)) continue;
    const bt = instance.binTypes[t];
    if (bt.maxItems !== undefined && bt.maxItems < 2) continue;
    let fits = true;
    for (let k = 0; k < bt.capacity.length; k++) {
      if (si[k] + sj[k] > bt.capacity[k] * (1 + EPS)) {
        fits = false;
        break;
      }
    }
    if (fits) return false;
  }
  return true;
}

export function conflictKeys(instance: PackInstance): Set<number> {
  const n = instance.items.length;
  const s = new Set<number>();
  for (const [a, b] of instance.conflicts ?? []) s.add(a * n + b);
  return s;
}

/**
 * The items some allowed bin type can hold alone, as a sub-instance (conflicts re-indexed), and the map back. Items that
 * fit nowhere cannot be packed at all; the planner lists them unplaced, so bounds and the exact method work without them.
 */
export function placeablePart(instance: PackInstance): { sub: PackInstance; keep: number[] } {
  const keep: number[] = [];
  instance.items.forEach((_, i) => {
    if (allowedTypes(instance, i).some((t) => fitsAlone(instance, i, t))) keep.push(i);
  });
  if (keep.length === instance.items.length) return { sub: instance, keep };
  const at = new Map(keep.map((i, k) => [i, k]));
  const conflicts = (instance.conflicts ?? [])
    .filter(([a, b]) => at.has(a) && at.has(b))
    .map(([a, b]) => [at.get(a)!, at.get(b)!] as [number, number]);
  return { sub: { ...instance, items: keep.map((i) => instance.items[i]), conflicts }, keep };
}
