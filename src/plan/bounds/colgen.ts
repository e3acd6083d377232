/**
 * Column-generation LP bound (the Gilmore–Gomory pattern LP) for vector packing with bin types, conflicts and maxItems:
 *   min Σ_p cost_{t(p)} x_p   s.t.  Σ_{p ∋ i} x_p >= 1 for every item,  x >= 0,
 * over patterns p = sets of items one bin of type t can hold. The master LP is solved by HiGHS (persistent model, warm
 * started as columns are added); pricing is a d-dimensional knapsack per bin type (knapsack.ts, node budget).
 *
 * The bound returned is Farley's: for ANY non-negative duals π, Σπ / max_t (z_t / cost_t) is a lower bound on the LP (z_t =
 * an upper bound on the best pattern value of type t), so it stays valid when the pricing stops on its budget and when
 * the iteration budget ends before the LP is solved. Its ceiling is valid for the integer problem when every cost is an
 * integer. Budgets count iterations and knapsack nodes, never time. Instances with negative sizes are not handled
 * (null is returned): the knapsack bound assumes sizes >= 0.
 */
import { loadHighs } from '../exact/highs';
import { LowerBound, PackedBin, PackInstance } from '../solver/instance';
import { allowedTypes, fitsAlone, integralCosts, placeablePart, roundUp } from './common';
import { solveKnapsack } from './knapsack';
import { MipPricer, mipPricer } from './mip-pricing';

export interface ColgenOptions {
  /** Master LP solves (default 100). */
  maxIterations?: number;
  /** Knapsack nodes per pricing call and bin type (default 20,000). */
  pricingNodes?: number;
  /** HiGHS nodes per MIP pricing call, used when the knapsack search runs out of nodes (default 200). */
  mipPricingNodes?: number;
  /** Most MIP pricing calls in one run (default 10); afterwards a budget-limited knapsack's bound is used as it is. */
  maxMipPricings?: number;
  /**
   * Wall-clock cap in ms, for benchmarks only (results then depend on the machine; the planner bounds work by the
   * iteration and node budgets above): no new master solve or MIP pricing starts after it.
   */
  timeLimitMs?: number;
  /** Known solution cost: stop as soon as the bound reaches it. */
  upperBound?: number;
  /** Bins of a known packing, used as the first columns. */
  initial?: PackedBin[];
}

export interface Pattern {
  type: number;
  /** Item indices of the instance given. */
  items: number[];
}

export interface ColgenResult extends LowerBound {
  /** Value of the last restricted master LP (an upper bound on the LP optimum). */
  masterValue: number;
  /** True when pricing proved no improving column exists (the LP optimum was reached). */
  lpOptimal: boolean;
  iterations: number;
  patterns: Pattern[];
}

export async function columnGenerationBound(all: PackInstance, opts: ColgenOptions = {}): Promise<ColgenResult | null> {
  if (all.items.some((it) => it.size.some((v) => v < 0))) return null;
  const { sub: instance, keep } = placeablePart(all);
  const n = instance.items.length;
  if (n === 0) return null;
  const at = new Map(keep.map((i, k) => [i, k]));
  const costs = instance.binTypes.map((b) => b.cost);
  if (costs.some((c) => !(c > 0))) return null; // a free bin type makes the LP bound 0
  const integral = integralCosts(costs);
  const conflicts = new Set<number>();
  for (const [a, b] of instance.conflicts ?? []) conflicts.add(a * n + b).add(b * n + a);
  const allowedOn = instance.binTypes.map((_, t) => instance.items.map((_, i) => i).filter((i) => allowedTypes(instance, i).includes(t) && fitsAlone(instance, i, t)));

  const highs = await loadHighs();
  const model = highs.createModel();
  const pricersOut: (MipPricer | undefined)[] = [];
  try {
    model.options.set({ output_flag: false, random_seed: 0 });
    for (let i = 0; i < n; i++) model.addRow(1, highs.infinity, { indices: [], values: [] });
    const patterns: Pattern[] = [];
    const seen = new Set<string>();
    const addPattern = (p: Pattern): boolean => {
      const items = [...new Set(p.items)].sort((a, b) => a - b);
      const key = `${p.type}:${items.join(',')}`;
      if (items.length === 0 || seen.has(key)) return false;
      seen.add(key);
      patterns.push({ type: p.type, items });
      model.addCol(costs[p.type], 0, highs.infinity, { indices: items, values: items.map(() => 1) });
      return true;
    };
    for (const b of opts.initial ?? []) {
      const items = b.items.filter((i) => at.has(i)).map((i) => at.get(i)!);
      if (items.length > 0) addPattern({ type: b.type, items });
    }
    for (let i = 0; i < n; i++) {
      let bt = -1;
      for (let t = 0; t < costs.length; t++) if (allowedOn[t].includes(i) && (bt < 0 || costs[t] < costs[bt])) bt = t;
      addPattern({ type: bt, items: [i] });
    }

    const pricers = pricersOut;
    const mipNodes = opts.mipPricingNodes ?? 200;
    const maxIterations = opts.maxIterations ?? 100;
    let mipCalls = opts.maxMipPricings ?? 10;
    const pricingNodes = opts.pricingNodes ?? 20_000;
    let best = 0;
    let masterValue = Number.POSITIVE_INFINITY;
    let lpOptimal = false;
    let it = 0;
    const sizes = instance.items.map((x) => x.size);
    const started = Date.now();
    const timeLeft = () => (opts.timeLimitMs === undefined ? Number.POSITIVE_INFINITY : opts.timeLimitMs - (Date.now() - started));
    for (; it < maxIterations && timeLeft() > 0; it++) {
      model.run();
      masterValue = model.getObjectiveValue();
      const pi = Array.from(model.getSolution().rowDual, (v) => Math.max(0, v));
      const sumPi = pi.reduce((s, v) => s + v, 0);
      let theta = 0;
      let allExact = true;
      let added = 0;
      for (let t = 0; t < costs.length; t++) {
        const bt = instance.binTypes[t];
        const r = solveKnapsack({ values: pi, sizes, capacity: bt.capacity, candidates: allowedOn[t], conflicts, maxItems: bt.maxItems, nodeLimit: pricingNodes }, 12);
        let ub = r.upperBound;
        let exact = r.exact;
        for (const s of r.sets) if (s.value > costs[t] * (1 + 1e-9) + 1e-9 && addPattern({ type: t, items: s.items })) added++;
        if (!r.exact && timeLeft() > 0 && mipCalls-- > 0) {
          // the combinatorial search ran out of nodes: ask the MIP for the best pattern and a tighter upper bound
          pricers[t] ??= mipPricer(highs, instance, t, allowedOn[t], mipNodes);
          const m = pricers[t]!.price(pi, timeLeft() / 1000);
          ub = Math.min(ub, m.upperBound);
          exact = m.upperBound <= m.value + 1e-9;
          if (m.value > costs[t] * (1 + 1e-9) + 1e-9 && addPattern({ type: t, items: m.items })) added++;
        }
        allExact = allExact && exact;
        theta = Math.max(theta, ub / costs[t]);
      }
      if (theta > 0) best = Math.max(best, sumPi / theta);
      const bound = roundUp(best * (1 - 1e-9), integral);
      if (added === 0) {
        lpOptimal = allExact;
        break;
      }
      if (integral && bound >= Math.ceil(masterValue - 1e-6)) break; // cannot rise above the ceiling of the LP
      if (opts.upperBound !== undefined && bound >= opts.upperBound) break;
    }
    return {
      value: roundUp(best * (1 - 1e-9), integral),
      method: `column-generation LP (${lpOptimal ? 'LP solved' : 'Farley'}, ${it + 1} master solves)`,
      masterValue,
      lpOptimal,
      iterations: it + 1,
      patterns: patterns.map((p) => ({ type: p.type, items: p.items.map((k) => keep[k]) })),
    };
  } finally {
    model.dispose();
    for (const p of pricersOut) p?.dispose();
  }
}
