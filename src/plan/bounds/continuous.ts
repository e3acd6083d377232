import { PackInstance } from '../solver/instance';
import { allowedTypes, EPS } from './common';

/**
 * Continuous (volume) bound per dimension, in objective units.
 *
 * Every opened bin of type t pays cost_t and offers cap_tk of dimension k, so it "buys" capacity at cost_t / cap_tk per
 * unit. Whatever the packing, item i's demand s_ik sits in some bin it is allowed on, hence
 *     total cost  >=  Σ_i s_ik · min_{t allowed for i} (cost_t / cap_tk)      for every dimension k,
 * and the bound is the maximum over k. With one bin type of cost 1 this is the classic max_k ⌈Σ_i s_ik / C_k⌉.
 * `costs` lets the caller bound the bin count instead (all ones) on a multi-type instance.
 */
export function continuousBound(instance: PackInstance, costs: readonly number[]): { value: number; dim: number } {
  const d = instance.dims.length;
  const ratio: number[][] = instance.binTypes.map((bt, t) =>
    bt.capacity.map((c) => (c > 0 ? costs[t] / c : Number.POSITIVE_INFINITY)),
  );
  let best = 0;
  let bestDim = -1;
  const sums = new Array<number>(d).fill(0);
  for (let i = 0; i < instance.items.length; i++) {
    const s = instance.items[i].size;
    const types = allowedTypes(instance, i);
    for (let k = 0; k < d; k++) {
      // negative demand (some benchmark items have it) is kept: Σ loads <= bins × capacity holds whatever the signs
      if (s[k] === 0) continue;
      let r = Number.POSITIVE_INFINITY;
      for (const t of types) if (ratio[t][k] < r) r = ratio[t][k];
      // An item no allowed type can hold in this dimension makes the instance infeasible; it is left out of the bound
      // (the planner lists such items as unplaced before packing).
      if (Number.isFinite(r)) sums[k] += s[k] * r;
    }
  }
  for (let k = 0; k < d; k++) {
    const v = sums[k] * (1 - EPS);
    if (v > best) {
      best = v;
      bestDim = k;
    }
  }
  return { value: best, dim: bestDim };
}
