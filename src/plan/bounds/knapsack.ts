/**
 * Pricing for column generation: the most valuable set of items one bin of a given type can hold (a d-dimensional
 * knapsack with conflicts and a maximum item count), by depth-first branch and bound under a NODE budget.
 *
 * Upper bound per node: the smallest of (a) the surrogate relaxation that adds up the dimensions normalised by capacity
 * (any feasible set satisfies Σ_i Σ_k s_ik/C_k <= Σ_k residual_k/C_k) and (b) each dimension alone, each solved as a
 * fractional knapsack over the undecided items (at most maxItems − chosen of them). When the budget runs out the result carries the largest bound of the unexplored part, so callers can
 * still use it soundly (Farley's bound needs an upper bound on the pricing value, not the exact value).
 * Sizes must be non-negative (callers skip instances with negative sizes).
 */
export interface KnapsackInput {
  values: number[];
  sizes: number[][];
  capacity: number[];
  /** Items that may be chosen at all (allowed on this type, positive value). */
  candidates: number[];
  conflicts: Set<number>; // a * n + b, both orders
  maxItems?: number;
  nodeLimit: number;
}

export interface KnapsackResult {
  /** Best sets found (best first), each with its value; at most `keep`. */
  sets: { items: number[]; value: number }[];
  /** Upper bound on the optimum value (= best value when `exact`). */
  upperBound: number;
  exact: boolean;
  nodes: number;
}

export function solveKnapsack(input: KnapsackInput, keep = 3): KnapsackResult {
  const { values, sizes, capacity, conflicts, nodeLimit } = input;
  const n = values.length;
  const d = capacity.length;
  const w = (i: number) => {
    let s = 0;
    for (let k = 0; k < d; k++) s += capacity[k] > 0 ? sizes[i][k] / capacity[k] : 0;
    return s;
  };
  const weight = new Map<number, number>();
  const fitsAlone = (i: number) => sizes[i].every((v, k) => v <= capacity[k]);
  const cand = input.candidates.filter((i) => values[i] > 1e-12 && fitsAlone(i));
  for (const i of cand) weight.set(i, w(i));
  cand.sort((a, b) => values[b] * weight.get(a)! - values[a] * weight.get(b)! || values[b] - values[a] || a - b);
  const m = cand.length;
  const wt = cand.map((i) => weight.get(i)!);
  const val = cand.map((i) => values[i]);
  const maxItems = input.maxItems ?? Number.POSITIVE_INFINITY;

  const load = new Array<number>(d).fill(0);
  const chosen: number[] = [];
  const best: { items: number[]; value: number }[] = [];
  let nodes = 0;
  let aborted = false;
  let openBound = 0; // largest bound of a subtree left unexplored

  const record = (value: number) => {
    if (best.length >= keep && value <= best[best.length - 1].value + 1e-12) return;
    best.push({ items: chosen.map((p) => cand[p]).sort((a, b) => a - b), value });
    best.sort((a, b) => b.value - a.value);
    if (best.length > keep) best.pop();
  };
  // per dimension: candidate positions by value per unit of that dimension (items with no size there come first: free)
  const byDim: number[][] = [];
  for (let k = 0; k < d; k++) {
    const order = cand.map((_, p) => p);
    const ratio = (p: number) => (sizes[cand[p]][k] > 0 ? val[p] / sizes[cand[p]][k] : Number.POSITIVE_INFINITY);
    order.sort((a, b) => ratio(b) - ratio(a) || a - b);
    byDim.push(order);
  }
  /** Fractional knapsack in dimension k alone over the undecided items (positions >= pos): a valid upper bound. */
  const dimBound = (k: number, pos: number, value: number): number => {
    let room = capacity[k] - load[k];
    let b = value;
    let slots = maxItems - chosen.length;
    for (const p of byDim[k]) {
      if (p < pos) continue;
      if (room <= 0 || slots <= 0) break;
      const sz = sizes[cand[p]][k];
      if (sz <= room) {
        b += val[p];
        room -= sz;
      } else {
        b += (val[p] * room) / sz;
        room = 0;
      }
      slots--;
    }
    return b;
  };
  const bound = (pos: number, value: number): number => {
    let b = surrogateBound(pos, value);
    for (let k = 0; k < d && b > value; k++) b = Math.min(b, dimBound(k, pos, value));
    return b;
  };
  const surrogateBound = (pos: number, value: number): number => {
    let room = 0;
    for (let k = 0; k < d; k++) room += capacity[k] > 0 ? (capacity[k] - load[k]) / capacity[k] : 0;
    let b = value;
    let slots = maxItems - chosen.length;
    for (let p = pos; p < m && room > 1e-12 && slots > 0; p++) {
      if (wt[p] <= room) {
        b += val[p];
        room -= wt[p];
      } else {
        b += (val[p] * room) / wt[p];
        room = 0;
      }
      slots--;
    }
    return b;
  };
  const incumbent = () => (best.length > 0 ? best[0].value : 0);
  const canAdd = (p: number): boolean => {
    const i = cand[p];
    if (chosen.length >= maxItems) return false;
    for (let k = 0; k < d; k++) if (load[k] + sizes[i][k] > capacity[k] * (1 + 1e-9)) return false;
    for (const q of chosen) if (conflicts.has(i * n + cand[q])) return false;
    return true;
  };
  const dfs = (pos: number, value: number, added: boolean): void => {
    if (aborted) {
      openBound = Math.max(openBound, bound(pos, value));
      return;
    }
    if (++nodes > nodeLimit) {
      aborted = true;
      openBound = Math.max(openBound, bound(pos, value));
      return;
    }
    if (added) record(value); // the current set is feasible (recorded once, where its last item joined)
    if (pos === m) return;
    if (bound(pos, value) <= incumbent() + 1e-12) return;
    if (canAdd(pos)) {
      const i = cand[pos];
      for (let k = 0; k < d; k++) load[k] += sizes[i][k];
      chosen.push(pos);
      dfs(pos + 1, value + val[pos], true);
      chosen.pop();
      for (let k = 0; k < d; k++) load[k] -= sizes[i][k];
    }
    dfs(pos + 1, value, false);
  };
  dfs(0, 0, false);
  const upperBound = aborted ? Math.max(incumbent(), openBound) : incumbent();
  return { sets: best, upperBound, exact: !aborted, nodes };
}
