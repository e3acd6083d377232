/**
 * Mutable packing state shared by the heuristics and the local search: per-bin residual arrays (so a fit test is O(d)
 * with early exit, never a re-sum of the bin's items), item → bin assignment, conflict adjacency lists, and an undo log
 * so a failed local-search attempt rolls back in time proportional to the moves it made, not to the estate size.
 */
import { PackInstance, PackSolution } from './instance';

/** Relative tolerance on capacity checks: absorbs floating-point sums, far below any sizing precision. */
export const FIT_EPS = 1e-9;

/** Read-only facts derived once from an instance. */
export class PackModel {
  readonly n: number;
  readonly d: number;
  /** Item sizes, row-major n × d. */
  readonly size: Float64Array;
  /** Capacity per bin type, row-major types × d. */
  readonly cap: Float64Array;
  /** Tolerance per bin type and dimension. */
  readonly tol: Float64Array;
  /** Per-dimension reference capacity (the largest over bin types), for normalised measures. */
  readonly refCap: Float64Array;
  readonly conflicts: number[][];
  /** allowed[t] = null when every item may use type t; else a per-item flag array. */
  readonly allowed: (Uint8Array | null)[];
  readonly maxItems: number[];
  readonly costs: number[];
  /** Normalised weight of an item: sum over dimensions of size / reference capacity. */
  readonly weight: Float64Array;

  constructor(readonly instance: PackInstance) {
    const { items, binTypes } = instance;
    this.n = items.length;
    this.d = instance.dims.length;
    const n = this.n;
    const d = this.d;
    this.size = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) this.size[i * d + k] = items[i].size[k] ?? 0;
    this.cap = new Float64Array(binTypes.length * d);
    this.tol = new Float64Array(binTypes.length * d);
    this.refCap = new Float64Array(d);
    binTypes.forEach((t, ti) => {
      for (let k = 0; k < d; k++) {
        const c = t.capacity[k];
        this.cap[ti * d + k] = c;
        this.tol[ti * d + k] = Math.max(Math.abs(c), 1) * FIT_EPS;
        if (c > this.refCap[k]) this.refCap[k] = c;
      }
    });
    for (let k = 0; k < d; k++) if (!(this.refCap[k] > 0)) this.refCap[k] = 1;
    this.conflicts = Array.from({ length: n }, () => [] as number[]);
    for (const [a, b] of instance.conflicts ?? []) {
      if (a === b) continue;
      this.conflicts[a].push(b);
      this.conflicts[b].push(a);
    }
    this.allowed = binTypes.map((_, ti) => {
      if (items.every((it) => !it.allowedBinTypes)) return null;
      const flags = new Uint8Array(n);
      items.forEach((it, i) => (flags[i] = !it.allowedBinTypes || it.allowedBinTypes.includes(ti) ? 1 : 0));
      return flags;
    });
    this.maxItems = binTypes.map((t) => t.maxItems ?? Number.POSITIVE_INFINITY);
    this.costs = binTypes.map((t) => t.cost);
    this.weight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let w = 0;
      for (let k = 0; k < d; k++) w += this.size[i * d + k] / this.refCap[k];
      this.weight[i] = w;
    }
  }

  /** Whether item i alone fits an empty bin of type t (capacity and type permission only). */
  fitsEmpty(i: number, t: number): boolean {
    const a = this.allowed[t];
    if (a && !a[i]) return false;
    if (this.maxItems[t] < 1) return false;
    const d = this.d;
    for (let k = 0; k < d; k++) if (this.size[i * d + k] > this.cap[t * d + k] + this.tol[t * d + k]) return false;
    return true;
  }
}

/** A packing in progress. Bins are never deleted, only emptied (`alive` = false) until `toSolution` compacts them. */
export class Packing {
  readonly assignment: Int32Array;
  binType: number[] = [];
  residual: Float64Array[] = [];
  items: number[][] = [];
  alive: boolean[] = [];
  /** Position of each item inside its bin's item list, for O(1) removal. */
  private pos: Int32Array;
  /** Moves since the last `mark()`: [item, from, to] triples (from/to -1 = unassigned). */
  private log: number[] = [];
  private logging = false;
  /** Per-type count of live bins, to honour maxCount. */
  typeCount: number[];

  constructor(readonly m: PackModel) {
    this.assignment = new Int32Array(m.n).fill(-1);
    this.pos = new Int32Array(m.n).fill(-1);
    this.typeCount = m.instance.binTypes.map(() => 0);
  }

  canOpen(t: number): boolean {
    const max = this.m.instance.binTypes[t].maxCount;
    return max === undefined || this.typeCount[t] < max;
  }

  openBin(t: number): number {
    const b = this.binType.length;
    this.binType.push(t);
    const r = new Float64Array(this.m.d);
    for (let k = 0; k < this.m.d; k++) r[k] = this.m.cap[t * this.m.d + k];
    this.residual.push(r);
    this.items.push([]);
    this.alive.push(true);
    this.typeCount[t]++;
    return b;
  }

  closeBin(b: number): void {
    if (!this.alive[b]) return;
    this.alive[b] = false;
    this.typeCount[this.binType[b]]--;
  }

  reopenBin(b: number): void {
    if (this.alive[b]) return;
    this.alive[b] = true;
    this.typeCount[this.binType[b]]++;
  }

  /** Capacity, type permission, item count and conflicts: everything a bin must satisfy to take item i. */
  fits(i: number, b: number): boolean {
    const m = this.m;
    const t = this.binType[b];
    if (this.items[b].length >= m.maxItems[t]) return false;
    const a = m.allowed[t];
    if (a && !a[i]) return false;
    const d = m.d;
    const r = this.residual[b];
    const off = i * d;
    const toff = t * d;
    for (let k = 0; k < d; k++) if (m.size[off + k] > r[k] + m.tol[toff + k]) return false;
    const c = m.conflicts[i];
    for (let j = 0; j < c.length; j++) if (this.assignment[c[j]] === b) return false;
    return true;
  }

  /** Fit test as if `without` (an item of bin b) had left it first. */
  fitsReplacing(i: number, b: number, without: number): boolean {
    const m = this.m;
    const t = this.binType[b];
    if (this.items[b].length - 1 >= m.maxItems[t]) return false;
    const a = m.allowed[t];
    if (a && !a[i]) return false;
    const d = m.d;
    const r = this.residual[b];
    const off = i * d;
    const woff = without * d;
    const toff = t * d;
    for (let k = 0; k < d; k++) if (m.size[off + k] > r[k] + m.size[woff + k] + m.tol[toff + k]) return false;
    const c = m.conflicts[i];
    for (let j = 0; j < c.length; j++) if (c[j] !== without && this.assignment[c[j]] === b) return false;
    return true;
  }

  place(i: number, b: number): void {
    const d = this.m.d;
    const r = this.residual[b];
    for (let k = 0; k < d; k++) r[k] -= this.m.size[i * d + k];
    this.pos[i] = this.items[b].length;
    this.items[b].push(i);
    this.assignment[i] = b;
    if (this.logging) this.log.push(i, -1, b);
  }

  remove(i: number): void {
    const b = this.assignment[i];
    if (b < 0) return;
    const d = this.m.d;
    const r = this.residual[b];
    for (let k = 0; k < d; k++) r[k] += this.m.size[i * d + k];
    const list = this.items[b];
    const p = this.pos[i];
    const last = list[list.length - 1];
    list[p] = last;
    this.pos[last] = p;
    list.pop();
    this.assignment[i] = -1;
    this.pos[i] = -1;
    if (this.logging) this.log.push(i, b, -1);
  }

  /** Starts recording moves so `rollback()` can undo them. */
  mark(): void {
    this.log = [];
    this.logging = true;
  }

  commit(): void {
    this.log = [];
    this.logging = false;
  }

  rollback(): void {
    this.logging = false;
    for (let p = this.log.length - 3; p >= 0; p -= 3) {
      const i = this.log[p];
      const from = this.log[p + 1];
      const to = this.log[p + 2];
      if (to >= 0) this.remove(i);
      if (from >= 0) this.place(i, from);
    }
    this.log = [];
  }

  /** Normalised load of bin b: sum over dimensions of used / capacity. */
  load(b: number): number {
    const m = this.m;
    const t = this.binType[b];
    let s = 0;
    for (let k = 0; k < m.d; k++) {
      const c = m.cap[t * m.d + k];
      if (c > 0) s += (c - this.residual[b][k]) / c;
    }
    return s;
  }

  liveBins(): number[] {
    const out: number[] = [];
    for (let b = 0; b < this.alive.length; b++) if (this.alive[b] && this.items[b].length > 0) out.push(b);
    return out;
  }

  cost(): number {
    let c = 0;
    for (const b of this.liveBins()) c += this.m.costs[this.binType[b]];
    return c;
  }

  /**
   * Re-types every bin to the cheapest type that holds its items (capacity, count, permissions), cheaper first.
   * This is what turns a one-model packing into a mix: the half-empty last hosts move to a smaller model.
   */
  downgrade(): void {
    const m = this.m;
    const order = m.costs.map((c, t) => t).sort((a, b) => m.costs[a] - m.costs[b] || a - b);
    for (const b of this.liveBins()) {
      const cur = this.binType[b];
      const load = new Float64Array(m.d);
      for (let k = 0; k < m.d; k++) load[k] = m.cap[cur * m.d + k] - this.residual[b][k];
      for (const t of order) {
        if (m.costs[t] >= m.costs[cur]) break;
        if (this.items[b].length > m.maxItems[t]) continue;
        if (!this.canOpen(t)) continue;
        const a = m.allowed[t];
        if (a && this.items[b].some((i) => !a[i])) continue;
        let ok = true;
        for (let k = 0; k < m.d && ok; k++) if (load[k] > m.cap[t * m.d + k] + m.tol[t * m.d + k]) ok = false;
        if (!ok) continue;
        this.typeCount[cur]--;
        this.typeCount[t]++;
        this.binType[b] = t;
        for (let k = 0; k < m.d; k++) this.residual[b][k] = m.cap[t * m.d + k] - load[k];
        break;
      }
    }
  }

  /** Compacts live non-empty bins in their current order into a PackSolution. */
  toSolution(algorithm: string, iterations: number): PackSolution {
    const live = this.liveBins();
    const remap = new Map<number, number>();
    live.forEach((b, idx) => remap.set(b, idx));
    const assignment = Array.from(this.assignment, (b) => (b >= 0 ? remap.get(b) ?? -1 : -1));
    const bins = live.map((b) => ({ type: this.binType[b], items: [...this.items[b]].sort((x, y) => x - y) }));
    const cost = live.reduce((s, b) => s + this.m.costs[this.binType[b]], 0);
    return { assignment, bins, cost, algorithm, iterations };
  }

  static fromSolution(m: PackModel, sol: PackSolution): Packing {
    const p = new Packing(m);
    for (const bin of sol.bins) {
      const b = p.openBin(bin.type);
      for (const i of bin.items) p.place(i, b);
    }
    return p;
  }
}
