/**
 * Lower bounds on the packing objective (`lowerBound`) and on the number of bins (`binCountLowerBound`).
 *
 * Objective units: with one bin type of cost 1 (the planner's "minimise hosts"), the value is a bin count. With costs, the
 * value bounds the total cost of the opened bins: the continuous bound prices every unit of demand at the cheapest cost per
 * unit capacity among the types the item may use (per dimension, then the max over dimensions); the clique bound sums the
 * cheapest type each pairwise-incompatible item fits; the bin-count bounds (L2) are multiplied by the cheapest type's cost.
 * When every cost is an integer the value is rounded up (the optimum is then an integer).
 * Items no allowed type can hold alone are left out (they cannot be packed; the planner lists them unplaced).
 * The capacity-covering programme (covering.ts) buys one host mix that covers every dimension at once.
 * `method` names the bound that gave the value (ties: continuous, then covering, then large-item clique, then L2).
 */
import { LowerBound, PackInstance } from '../solver/instance';
import { cliqueBound } from './clique';
import { ColgenOptions, columnGenerationBound } from './colgen';
import { integralCosts, placeablePart, roundUp } from './common';
import { continuousBound } from './continuous';
import { coveringBound } from './covering';
import { l2Bound } from './l2';

export { cliqueBound } from './clique';
export { continuousBound } from './continuous';
export { l2Bound } from './l2';
export { placeablePart } from './common';
export { columnGenerationBound } from './colgen';
export { coveringBound, coveringModel } from './covering';
export type { ColgenOptions, ColgenResult } from './colgen';

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function boundWithCosts(all: PackInstance, costs: number[]): LowerBound {
  const instance = placeablePart(all).sub;
  if (instance.items.length === 0 || instance.binTypes.length === 0) return { value: 0, method: 'empty' };
  const integral = integralCosts(costs);
  const cont = continuousBound(instance, costs);
  const candidates: LowerBound[] = [
    {
      value: roundUp(cont.value, integral),
      method: `continuous (${cont.dim >= 0 ? instance.dims[cont.dim] : '-'})`,
    },
  ];
  const cover = coveringBound(instance, costs);
  if (cover) {
    const mix = cover.mix.map((x, t) => (x > 0 ? `${round3(x)}×${instance.binTypes[t].id}` : '')).filter(Boolean);
    candidates.push({
      value: roundUp(cover.value, integral),
      method: `capacity covering ${cover.integer ? 'ILP' : 'LP'} across host models (${mix.join(' + ')})`,
    });
  }
  // Pairwise incompatibility and L2 assume no item frees capacity; with a negative size only the volume bound is valid.
  if (instance.items.some((it) => it.size.some((v) => v < 0))) {
    candidates[0].method += ', negative sizes: clique and L2 bounds not valid';
    return candidates[0];
  }
  const clique = cliqueBound(instance, costs);
  candidates.push({ value: roundUp(clique.value, integral), method: `large-item clique (${clique.clique.length} items)` });
  const l2 = l2Bound(instance);
  const minCost = Math.min(...costs);
  candidates.push({
    value: roundUp(l2.value * minCost, integral),
    method: `Martello-Toth L2 (${l2.dim >= 0 ? instance.dims[l2.dim] : '-'})`,
  });
  let best = candidates[0];
  for (const c of candidates) if (c.value > best.value) best = c;
  return best;
}

/** Lower bound on the objective: total cost of the opened bins (a bin count when every cost is 1). */
export function lowerBound(instance: PackInstance): LowerBound {
  return boundWithCosts(
    instance,
    instance.binTypes.map((b) => b.cost),
  );
}

/** Lower bound on the number of bins, whatever their types (costs ignored). */
export function binCountLowerBound(instance: PackInstance): LowerBound {
  return boundWithCosts(
    instance,
    instance.binTypes.map(() => 1),
  );
}

/**
 * The combinatorial bound, raised by the column-generation LP bound where affordable (at most `maxItems` items, default
 * 500; budgets in iterations and nodes, see ColgenOptions). Async because HiGHS loads asynchronously.
 */
export async function lowerBoundWithLp(
  instance: PackInstance,
  opts: ColgenOptions & { maxItems?: number } = {},
): Promise<LowerBound> {
  const base = lowerBound(instance);
  if (instance.items.length > (opts.maxItems ?? 500)) return base;
  if (opts.upperBound !== undefined && base.value >= opts.upperBound) return base;
  const cg = await columnGenerationBound(instance, opts);
  return cg && cg.value > base.value ? { value: cg.value, method: cg.method } : base;
}
