/**
 * A segment tree over bins that keeps, per node and dimension, the largest residual of any bin below it (issue 18.1).
 * A node whose largest residual is below an item's size in some dimension holds no bin that takes the item, so a
 * placement query visits O(log bins) nodes on an estate of many small workloads instead of scanning every open bin:
 *  - `firstFit`: the lowest-numbered bin that takes the item (what a linear first-fit scan returns);
 *  - `leastLoaded`: the bin whose highest normalised load after placement is lowest, then the lowest load sum (the
 *    worst-fit rule of the multi-bin balancing), found by branch and bound on the per-node load bound.
 * Per-dimension maxima of a node may come from different bins, so the test is a necessary condition only: each leaf is
 * still checked exactly (`accept`: item count, permissions, conflicts), and a query may descend into a node in vain.
 */
export class ResidualTree {
  private leaves = 1;
  private max: Float64Array;
  private stack = new Int32Array(256);
  private boundMax = new Float64Array(256);
  private boundSum = new Float64Array(256);

  constructor(
    readonly d: number,
    capacity = 16,
  ) {
    while (this.leaves < capacity) this.leaves *= 2;
    this.max = new Float64Array(2 * this.leaves * d).fill(Number.NEGATIVE_INFINITY);
  }

  /** Sets leaf `b`'s residual (growing the tree when `b` is beyond it) and refreshes its ancestors. */
  set(b: number, residual: ArrayLike<number>): void {
    if (b >= this.leaves) this.grow(b + 1);
    const d = this.d;
    const max = this.max;
    let node = this.leaves + b;
    for (let k = 0; k < d; k++) max[node * d + k] = residual[k];
    for (node >>= 1; node >= 1; node >>= 1) {
      const o = node * d;
      const l = 2 * node * d;
      const r = l + d;
      for (let k = 0; k < d; k++) max[o + k] = max[l + k] > max[r + k] ? max[l + k] : max[r + k];
    }
  }

  /** Takes leaf `b` out of every query (a full or closed bin). */
  clear(b: number): void {
    const none = new Float64Array(this.d).fill(Number.NEGATIVE_INFINITY);
    this.set(b, none);
  }

  private grow(needed: number): void {
    let leaves = this.leaves;
    while (leaves < needed) leaves *= 2;
    const d = this.d;
    const max = new Float64Array(2 * leaves * d).fill(Number.NEGATIVE_INFINITY);
    max.set(this.max.subarray(this.leaves * d, 2 * this.leaves * d), leaves * d);
    for (let node = leaves - 1; node >= 1; node--)
      for (let k = 0; k < d; k++) max[node * d + k] = Math.max(max[2 * node * d + k], max[(2 * node + 1) * d + k]);
    this.leaves = leaves;
    this.max = max;
  }

  /** Whether some bin under `node` may take a demand of `size[off..off+d)` (residual + tolerance ≥ size everywhere). */
  private mayTake(node: number, size: ArrayLike<number>, off: number, tol: ArrayLike<number>): boolean {
    const d = this.d;
    const o = node * d;
    for (let k = 0; k < d; k++) if (this.max[o + k] + tol[k] < size[off + k]) return false;
    return true;
  }

  /** The lowest leaf that may take the demand and that `accept` admits; -1 when none. */
  firstFit(size: ArrayLike<number>, off: number, tol: ArrayLike<number>, accept: (b: number) => boolean): number {
    const stack = this.stack;
    let top = 0;
    stack[top++] = 1;
    while (top > 0) {
      const node = stack[--top];
      if (!this.mayTake(node, size, off, tol)) continue;
      if (node >= this.leaves) {
        const b = node - this.leaves;
        if (accept(b)) return b;
        continue;
      }
      stack[top++] = 2 * node + 1;
      stack[top++] = 2 * node; // the left child on top: leaves come out in index order
    }
    return -1;
  }

  /**
   * The leaf minimising (max_k u_k, Σ_k u_k), u_k = 1 − (residual_k − size_k) / cap_k (0 where cap_k = 0), among the
   * leaves that may take the demand and that `accept` admits; -1 when none. Children are visited lower bound first
   * (the left one on equal bounds), so among equal leaves the first found wins: deterministic, the lowest on empty bins.
   * A node's bound uses its per-dimension largest residual, which no bin below it beats in any dimension; each node's
   * bound is computed once, when its parent is expanded, and kept on the stack beside it.
   */
  leastLoaded(size: ArrayLike<number>, off: number, cap: ArrayLike<number>, capOff: number, tol: ArrayLike<number>, accept: (b: number) => boolean): number {
    const d = this.d;
    const max = this.max;
    const leaves = this.leaves;
    const nodes = this.stack;
    const bMax = this.boundMax;
    const bSum = this.boundSum;
    let best = -1;
    let bestMax = Number.POSITIVE_INFINITY;
    let bestSum = Number.POSITIVE_INFINITY;
    // bound of `node` into slot `at` of the stack; false when no bin below may take the demand
    const bound = (node: number, at: number): boolean => {
      const o = node * d;
      let mx = 0;
      let sum = 0;
      for (let k = 0; k < d; k++) {
        const r = max[o + k];
        const s = size[off + k];
        if (r + tol[k] < s) return false;
        const c = cap[capOff + k];
        const u = c > 0 ? 1 - (r - s) / c : 0;
        sum += u;
        if (u > mx) mx = u;
      }
      nodes[at] = node;
      bMax[at] = mx;
      bSum[at] = sum;
      return true;
    };
    let top = 0;
    if (bound(1, 0)) top = 1;
    while (top > 0) {
      top--;
      const node = nodes[top];
      const mx = bMax[top];
      const sum = bSum[top];
      if (mx > bestMax + 1e-12 || (mx >= bestMax - 1e-12 && sum >= bestSum)) continue;
      if (node >= leaves) {
        if (!accept(node - leaves)) continue;
        best = node - leaves;
        bestMax = mx;
        bestSum = sum;
        continue;
      }
      const l = 2 * node;
      // push the child with the higher bound first, so the lower one is expanded next (the left one on equal bounds)
      const okR = bound(l + 1, top);
      const atL = okR ? top + 1 : top;
      const okL = bound(l, atL);
      if (okL && okR && bMax[top] < bMax[top + 1]) this.swap(top, top + 1);
      top = atL + (okL ? 1 : 0);
    }
    return best;
  }

  private swap(a: number, b: number): void {
    const n = this.stack[a];
    this.stack[a] = this.stack[b];
    this.stack[b] = n;
    const x = this.boundMax[a];
    this.boundMax[a] = this.boundMax[b];
    this.boundMax[b] = x;
    const y = this.boundSum[a];
    this.boundSum[a] = this.boundSum[b];
    this.boundSum[b] = y;
  }
}
