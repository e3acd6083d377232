/**
 * Constructive heuristics for vector bin packing (Panigrahy et al., "Heuristics for Vector Bin Packing", 2011):
 *  - item-centric: sort items by a size measure (normalised by capacity) and put each in the first / best bin that fits;
 *  - bin-centric: fill one bin at a time with the item that best matches its residual (dot product, or L2 norm of the
 *    residual after placement).
 * Every function is deterministic: ties break on the lower item / bin index.
 */
import { Packing, PackModel } from './packing';
import { ResidualTree } from './residual-tree';

export type Measure = 'max' | 'sum' | 'l2' | 'product' | 'weighted';
export type FitRule = 'first' | 'best';
export type BinRule = 'dot' | 'norm';
/** Which bin type a heuristic opens: a preferred type index, or the cheapest type that takes the item. */
export type OpenRule = number | 'cheapest';

/** Per-dimension weights for the `weighted` measure and the bin-centric scores: total demand / reference capacity. */
export function demandWeights(m: PackModel): Float64Array {
  const w = new Float64Array(m.d);
  for (let i = 0; i < m.n; i++) for (let k = 0; k < m.d; k++) w[k] += m.size[i * m.d + k] / m.refCap[k];
  let total = 0;
  for (let k = 0; k < m.d; k++) total += w[k];
  for (let k = 0; k < m.d; k++) w[k] = total > 0 ? w[k] / total : 1 / m.d;
  return w;
}

export function itemMeasure(m: PackModel, measure: Measure, weights: Float64Array): Float64Array {
  const out = new Float64Array(m.n);
  for (let i = 0; i < m.n; i++) {
    let v = measure === 'max' ? 0 : 0;
    for (let k = 0; k < m.d; k++) {
      const s = m.size[i * m.d + k] / m.refCap[k];
      if (measure === 'max') v = Math.max(v, s);
      else if (measure === 'sum') v += s;
      else if (measure === 'l2') v += s * s;
      else if (measure === 'product') v += Math.log(s + 1e-4);
      else v += weights[k] * s;
    }
    out[i] = v;
  }
  return out;
}

/** Item indices by decreasing measure, ties on the lower index. */
export function decreasingOrder(values: Float64Array): number[] {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  idx.sort((a, b) => values[b] - values[a] || a - b);
  return idx;
}

/** The type to open for item i, or -1 when no type may take it (too large everywhere, not allowed, or maxCount reached). */
export function typeToOpen(p: Packing, i: number, rule: OpenRule): number {
  const m = p.m;
  if (typeof rule === 'number' && p.canOpen(rule) && m.fitsEmpty(i, rule)) return rule;
  let best = -1;
  for (let t = 0; t < m.costs.length; t++) {
    if (!p.canOpen(t) || !m.fitsEmpty(i, t)) continue;
    if (best < 0 || m.costs[t] < m.costs[best]) best = t;
  }
  return best;
}

/**
 * First-fit / best-fit decreasing. First fit asks a residual tree for the lowest bin that takes the item (O(log bins) on
 * estates of small workloads; the same bin a linear scan finds). Best fit scans: bins that can no longer take any
 * remaining item (some residual below the smallest remaining size in that dimension, or full on item count) leave the
 * scan list.
 */
export function itemCentric(m: PackModel, order: number[], fit: FitRule, open: OpenRule): Packing {
  if (fit === 'first') return firstFitDecreasing(m, order, open);
  const p = new Packing(m);
  const d = m.d;
  const n = order.length;
  // suffix minimum per dimension over the order: what the smallest remaining item needs
  const sufMin = new Float64Array((n + 1) * d).fill(Number.POSITIVE_INFINITY);
  for (let q = n - 1; q >= 0; q--)
    for (let k = 0; k < d; k++) sufMin[q * d + k] = Math.min(sufMin[(q + 1) * d + k], m.size[order[q] * d + k]);
  let scan: number[] = [];
  let dead = new Uint8Array(0);
  let deadCount = 0;
  const isDead = (b: number, q: number): boolean => {
    const t = p.binType[b];
    if (p.items[b].length >= m.maxItems[t]) return true;
    const r = p.residual[b];
    for (let k = 0; k < d; k++) if (r[k] + m.tol[t * d + k] < sufMin[q * d + k]) return true;
    return false;
  };
  for (let q = 0; q < n; q++) {
    const i = order[q];
    let chosen = -1;
    let bestSlack = Number.POSITIVE_INFINITY;
    for (let s = 0; s < scan.length; s++) {
      const b = scan[s];
      if (dead[b]) continue;
      if (p.fits(i, b)) {
        const t = p.binType[b];
        let slack = 0;
        for (let k = 0; k < d; k++) slack += (p.residual[b][k] - m.size[i * d + k]) / m.cap[t * d + k];
        if (slack < bestSlack) {
          bestSlack = slack;
          chosen = b;
        }
      } else if (isDead(b, q)) {
        dead[b] = 1;
        deadCount++;
      }
    }
    if (chosen < 0) {
      const t = typeToOpen(p, i, open);
      if (t < 0) continue; // unplaceable: the caller explains why
      chosen = p.openBin(t);
      scan.push(chosen);
      if (dead.length < p.binType.length) {
        const grown = new Uint8Array(Math.max(16, dead.length * 2));
        grown.set(dead);
        dead = grown;
      }
    }
    p.place(i, chosen);
    if (deadCount > 32 && deadCount * 4 > scan.length) {
      scan = scan.filter((b) => !dead[b]);
      deadCount = 0;
    }
  }
  return p;
}

/** Per dimension, the largest capacity tolerance of any type: a tree node is skipped only if no type's bin could fit. */
export function maxTolerance(m: PackModel): Float64Array {
  const tol = new Float64Array(m.d);
  for (let t = 0; t < m.costs.length; t++) for (let k = 0; k < m.d; k++) tol[k] = Math.max(tol[k], m.tol[t * m.d + k]);
  return tol;
}

/** Keeps bin b's leaf in step after a placement; a bin full on item count leaves the queries. */
function refreshLeaf(p: Packing, tree: ResidualTree, b: number, leaf = b): void {
  if (p.items[b].length >= p.m.maxItems[p.binType[b]]) tree.clear(leaf);
  else tree.set(leaf, p.residual[b]);
}

function firstFitDecreasing(m: PackModel, order: number[], open: OpenRule): Packing {
  const p = new Packing(m);
  const tree = new ResidualTree(m.d);
  const tol = maxTolerance(m);
  let item = -1;
  const accept = (b: number) => p.fits(item, b);
  for (const i of order) {
    item = i;
    let b = tree.firstFit(m.size, i * m.d, tol, accept);
    if (b < 0) {
      const t = typeToOpen(p, i, open);
      if (t < 0) continue; // unplaceable: the caller explains why
      b = p.openBin(t);
    }
    p.place(i, b);
    refreshLeaf(p, tree, b);
  }
  return p;
}

/**
 * Bin-centric fill: open a bin for the largest remaining item, then repeatedly add the fitting item with the best score
 * against the bin's residual. `dot` maximises Σ w·size·residual; `norm` minimises Σ w·(residual − size)².
 * Cost is O(n² · d) in the worst case, so the portfolio only runs it when n² · d is within its work budget.
 */
export function binCentric(m: PackModel, order: number[], rule: BinRule, open: OpenRule, weights: Float64Array): Packing {
  const p = new Packing(m);
  const d = m.d;
  const placed = new Uint8Array(m.n);
  const unplaceable = new Uint8Array(m.n);
  let remaining = order.slice();
  while (remaining.length > 0) {
    const first = remaining[0];
    const t = typeToOpen(p, first, open);
    if (t < 0) {
      unplaceable[first] = 1;
      remaining = remaining.slice(1);
      continue;
    }
    const b = p.openBin(t);
    p.place(first, b);
    placed[first] = 1;
    let cand = remaining.filter((i) => !placed[i] && p.fits(i, b));
    while (cand.length > 0) {
      let best = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      const keep: number[] = [];
      const r = p.residual[b];
      for (const i of cand) {
        if (!p.fits(i, b)) continue;
        keep.push(i);
        let score = 0;
        for (let k = 0; k < d; k++) {
          const c = m.cap[t * d + k] || 1;
          const s = m.size[i * d + k] / c;
          const rr = r[k] / c;
          score += rule === 'dot' ? weights[k] * s * rr : -weights[k] * (rr - s) * (rr - s);
        }
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best < 0) break;
      p.place(best, b);
      placed[best] = 1;
      cand = keep.filter((i) => i !== best);
    }
    remaining = remaining.filter((i) => !placed[i] && !unplaceable[i]);
  }
  return p;
}

/** Continuous bound for a single type: max over dimensions of ceil(Σ size / capacity). */
export function continuousBins(m: PackModel, t: number): number {
  let best = 1;
  for (let k = 0; k < m.d; k++) {
    let s = 0;
    for (let i = 0; i < m.n; i++) s += m.size[i * m.d + k];
    const c = m.cap[t * m.d + k];
    if (c > 0) best = Math.max(best, Math.ceil(s / c - 1e-9));
  }
  return best;
}

/**
 * Multi-bin worst-fit decreasing: open `bins` bins of type t at once and give each item (decreasing order) to the bin
 * whose highest normalised load after placement is lowest — load balancing, so every bin gets its share of CPU-heavy,
 * memory-heavy and storage-heavy workloads instead of the last bins collecting only one kind. Items no open bin takes
 * go first-fit into extra bins. With many small items (real estates) this lands on or next to the continuous bound.
 * Past n·bins = 2e7 fit tests the choice comes from a residual tree (branch and bound on the load bound, O(log bins) a
 * step on estates) over all bins at once: the earlier stride-chunks (each with its own bins, one balancing per chunk)
 * cost about one host per chunk, +2.5 % at 1 M workloads (issue 18.1).
 */
export function multiBinWorstFit(m: PackModel, order: number[], bins: number, t: number): Packing {
  const p = new Packing(m);
  if (m.n * bins <= 2e7) return placeOverflow(p, balance(p, order, bins, t), t);
  return placeOverflowByTree(p, balanceByTree(p, order, bins, t), t);
}

/** `balance` with the bin chosen by a residual tree: the same rule, found in O(log bins) steps instead of a scan. */
function balanceByTree(p: Packing, items: number[], bins: number, t: number): number[] {
  const m = p.m;
  const d = m.d;
  const open: number[] = [];
  for (let b = 0; b < bins && p.canOpen(t); b++) open.push(p.openBin(t));
  const tree = new ResidualTree(d, open.length);
  open.forEach((b, leaf) => tree.set(leaf, p.residual[b]));
  const tol = m.tol.subarray(t * d, (t + 1) * d);
  let item = -1;
  const accept = (leaf: number) => p.fits(item, open[leaf]);
  const overflow: number[] = [];
  for (const i of items) {
    item = i;
    const leaf = tree.leastLoaded(m.size, i * d, m.cap, t * d, tol, accept);
    if (leaf < 0) {
      overflow.push(i);
      continue;
    }
    p.place(i, open[leaf]);
    refreshLeaf(p, tree, open[leaf], leaf);
  }
  return overflow;
}

/** `placeOverflow` with first fit from a residual tree over every bin. */
function placeOverflowByTree(p: Packing, overflow: number[], t: number): Packing {
  const m = p.m;
  const tree = new ResidualTree(m.d, p.binType.length);
  for (let b = 0; b < p.binType.length; b++) refreshLeaf(p, tree, b);
  const tol = maxTolerance(m);
  let item = -1;
  const accept = (b: number) => p.fits(item, b);
  for (const i of overflow) {
    item = i;
    let b = tree.firstFit(m.size, i * m.d, tol, accept);
    if (b < 0) {
      const nt = typeToOpen(p, i, t);
      if (nt < 0) continue;
      b = p.openBin(nt);
    }
    p.place(i, b);
    refreshLeaf(p, tree, b);
  }
  return p;
}

/** Worst-fit balancing of `items` over `bins` newly opened bins; returns the items none of them took. */
function balance(p: Packing, items: number[], bins: number, t: number): number[] {
  const m = p.m;
  const d = m.d;
  const open: number[] = [];
  for (let b = 0; b < bins && p.canOpen(t); b++) open.push(p.openBin(t));
  const overflow: number[] = [];
  for (const i of items) {
    let chosen = -1;
    let bestMax = Number.POSITIVE_INFINITY;
    let bestSum = Number.POSITIVE_INFINITY;
    for (const b of open) {
      if (!p.fits(i, b)) continue;
      const r = p.residual[b];
      let mx = 0;
      let sum = 0;
      for (let k = 0; k < d; k++) {
        const c = m.cap[t * d + k];
        const u = c > 0 ? 1 - (r[k] - m.size[i * d + k]) / c : 0;
        sum += u;
        if (u > mx) mx = u;
      }
      if (mx < bestMax - 1e-12 || (mx <= bestMax + 1e-12 && sum < bestSum)) {
        bestMax = mx;
        bestSum = sum;
        chosen = b;
      }
    }
    if (chosen >= 0) p.place(i, chosen);
    else overflow.push(i);
  }
  return overflow;
}

function placeOverflow(p: Packing, overflow: number[], t: number): Packing {
  for (const i of overflow) {
    let placed = false;
    for (let b = 0; b < p.binType.length && !placed; b++) {
      if (p.fits(i, b)) {
        p.place(i, b);
        placed = true;
      }
    }
    if (placed) continue;
    const nt = typeToOpen(p, i, t);
    if (nt >= 0) p.place(i, p.openBin(nt));
  }
  return p;
}
