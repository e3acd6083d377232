/**
 * Pricing by HiGHS MIP, used when the knapsack branch and bound runs out of nodes: one persistent model per bin type
 * (binary y_i per item allowed on it; a capacity row per dimension, a maxItems row, a row per conflicting pair), whose
 * objective is set to −π before each solve. Node-limited; HiGHS's dual bound is a valid upper bound on the best pattern
 * value even when it stops early, which is what Farley's bound needs.
 */
import type { Highs, Model } from 'highs';
import { PackInstance } from '../solver/instance';

export interface MipPricer {
  price(pi: number[], timeLimitSeconds?: number): { items: number[]; value: number; upperBound: number };
  dispose(): void;
}

export function mipPricer(highs: Highs, instance: PackInstance, t: number, candidates: number[], nodeLimit: number): MipPricer {
  const bt = instance.binTypes[t];
  const model: Model = highs.createModel();
  model.options.set({ output_flag: false, random_seed: 0, mip_max_nodes: nodeLimit, mip_rel_gap: 1e-6 });
  for (let j = 0; j < candidates.length; j++) {
    model.addCol(0, 0, 1, { indices: [], values: [] });
    model.changeColIntegrality(j, highs.constants.variableType.integer);
  }
  for (let k = 0; k < bt.capacity.length; k++) {
    const idx: number[] = [];
    const val: number[] = [];
    candidates.forEach((i, j) => {
      const v = instance.items[i].size[k];
      if (v !== 0) {
        idx.push(j);
        val.push(v);
      }
    });
    if (idx.length > 0) model.addRow(-highs.infinity, bt.capacity[k], { indices: idx, values: val });
  }
  if (bt.maxItems !== undefined) model.addRow(-highs.infinity, bt.maxItems, { indices: candidates.map((_, j) => j), values: candidates.map(() => 1) });
  const pos = new Map(candidates.map((i, j) => [i, j]));
  for (const [a, b] of instance.conflicts ?? []) {
    if (pos.has(a) && pos.has(b)) model.addRow(-highs.infinity, 1, { indices: [pos.get(a)!, pos.get(b)!], values: [1, 1] });
  }
  return {
    price(pi: number[], timeLimitSeconds?: number) {
      if (timeLimitSeconds !== undefined && Number.isFinite(timeLimitSeconds)) model.options.set({ time_limit: Math.max(0.01, timeLimitSeconds) });
      if (candidates.length === 0) return { items: [], value: 0, upperBound: 0 };
      model.changeColsCost({ kind: 'range', from: 0, to: candidates.length - 1 }, Float64Array.from(candidates.map((i) => -pi[i])));
      model.run();
      const x = model.getSolution().colValue;
      const items = candidates.filter((_, j) => x[j] > 0.5);
      const value = items.reduce((s, i) => s + pi[i], 0);
      const dual = Number(model.info.get('mip_dual_bound'));
      const upperBound = Number.isFinite(dual) ? Math.max(value, -dual) : Number.POSITIVE_INFINITY;
      return { items, value, upperBound };
    },
    dispose() {
      model.dispose();
    },
  };
}
