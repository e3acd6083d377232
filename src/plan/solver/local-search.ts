/**
 * Improvement phase: try to empty bins one at a time, least-loaded first.
 *
 * An attempt takes every item out of the target bin ("pending"), then
 *  1. inserts each pending item (largest first) best-fit into another bin's residual;
 *  2. while items are still pending, makes an ejection move: put a pending item `a` into a bin after taking out one item
 *     (a swap) or two items (a short ejection chain) whose total weight is below `a`'s, which go to pending and are tried
 *     for direct insertion again. Pending weight strictly falls with every move, so an attempt always ends;
 *  3. succeeds when nothing is pending (one bin fewer), otherwise rolls every move back.
 *  3b. when no such move is left, a short tabu phase allows moves that eject more weight than they place, scored by
 *     Σ weight² (big items placed, small ones pending), with recently placed items tabu so the search does not cycle;
 * This follows the consistent neighbourhood search of Buljubašić & Vasquez for vector packing.
 * The budget counts fit tests (each O(d)), never wall-clock, so a slower machine gives the same packing.
 */
import { Random } from '../../util/random';
import { Packing } from './packing';

export interface LocalSearchResult {
  /** Fit tests spent. */
  iterations: number;
  binsRemoved: number;
}

const W_EPS = 1e-12;

export function improvePacking(p: Packing, opts: { budget: number; rng: Random }): LocalSearchResult {
  const m = p.m;
  let work = 0;
  let removed = 0;
  const failed = new Set<number>();
  for (;;) {
    if (work >= opts.budget) break;
    const live = p.liveBins();
    if (live.length <= 1) break;
    const loads = new Map(live.map((b) => [b, p.load(b) * (1 / Math.max(m.costs[p.binType[b]], 1e-9))]));
    const targets = live.filter((b) => !failed.has(b)).sort((a, b) => loads.get(a)! - loads.get(b)! || a - b);
    if (targets.length === 0) break;
    const target = targets[0];
    const spent = { work: 0 };
    const ok = tryEmpty(p, target, live, opts.budget - work, opts.rng, spent);
    work += spent.work;
    if (ok) {
      removed++;
      failed.clear();
    } else failed.add(target);
  }
  return { iterations: work, binsRemoved: removed };
}

function tryEmpty(p: Packing, target: number, live: number[], budget: number, rng: Random, spent: { work: number }): boolean {
  const m = p.m;
  const others = live.filter((b) => b !== target);
  // scan bins in a seeded order so equal choices do not always favour the same hosts
  rng.shuffle(others);
  p.mark();
  const pending: number[] = [...p.items[target]];
  for (const i of pending) p.remove(i);
  p.closeBin(target);

  const insertDirect = (i: number): boolean => {
    let best = -1;
    let bestSlack = Number.POSITIVE_INFINITY;
    const t0 = m.d;
    for (const b of others) {
      spent.work++;
      if (!p.fits(i, b)) continue;
      const t = p.binType[b];
      let slack = 0;
      for (let k = 0; k < t0; k++) slack += (p.residual[b][k] - m.size[i * t0 + k]) / (m.cap[t * t0 + k] || 1);
      if (slack < bestSlack) {
        bestSlack = slack;
        best = b;
      }
    }
    if (best < 0) return false;
    p.place(i, best);
    return true;
  };

  const byWeight = (a: number, b: number) => m.weight[b] - m.weight[a] || a - b;
  let queue = pending.sort(byWeight).filter((i) => !insertDirect(i));
  while (queue.length > 0) {
    if (spent.work >= budget) break;
    let moved = false;
    for (let qi = 0; qi < queue.length && !moved; qi++) {
      const a = queue[qi];
      const move = bestEjection(p, a, others, spent);
      if (!move) continue;
      for (const x of move.out) p.remove(x);
      p.place(a, move.bin);
      queue.splice(qi, 1);
      for (const x of move.out) if (!insertDirect(x)) queue.push(x);
      queue.sort(byWeight);
      moved = true;
    }
    if (!moved) break;
  }
  // the tabu phase scans every pending item against every bin's items: worth it for benchmark-sized instances, not for
  // estates of many small workloads where the balancing heuristics already sit next to the bound
  if (queue.length > 0 && spent.work < budget && m.n <= TABU_MAX_ITEMS) queue = tabuPhase(p, queue, others, budget, rng, spent, insertDirect);
  if (queue.length === 0) {
    p.commit();
    return true;
  }
  p.rollback();
  p.reopenBin(target);
  return false;
}

/** The move that places `a` while ejecting the least weight (one item, else two), strictly less than `a`'s weight. */
function bestEjection(
  p: Packing,
  a: number,
  bins: number[],
  spent: { work: number },
): { bin: number; out: number[] } | null {
  const m = p.m;
  const wa = m.weight[a] - W_EPS;
  let best: { bin: number; out: number[] } | null = null;
  let bestW = wa;
  for (const b of bins) {
    const list = p.items[b];
    for (const x of list) {
      spent.work++;
      if (m.weight[x] >= bestW) continue;
      if (p.fitsReplacing(a, b, x)) {
        best = { bin: b, out: [x] };
        bestW = m.weight[x];
      }
    }
  }
  if (best) return best;
  // pairs: only in bins with few items, where the O(k²) scan stays cheap
  for (const b of bins) {
    const list = p.items[b];
    if (list.length > 24 || list.length < 2) continue;
    for (let u = 0; u < list.length; u++) {
      for (let v = u + 1; v < list.length; v++) {
        const x = list[u];
        const y = list[v];
        const w = m.weight[x] + m.weight[y];
        spent.work++;
        if (w >= bestW) continue;
        if (fitsReplacingTwo(p, a, b, x, y)) {
          best = { bin: b, out: [x, y] };
          bestW = w;
        }
      }
    }
  }
  return best;
}

function fitsReplacingTwo(p: Packing, i: number, b: number, x: number, y: number): boolean {
  const m = p.m;
  const t = p.binType[b];
  if (p.items[b].length - 2 >= m.maxItems[t]) return false;
  const al = m.allowed[t];
  if (al && !al[i]) return false;
  const d = m.d;
  const r = p.residual[b];
  for (let k = 0; k < d; k++)
    if (m.size[i * d + k] > r[k] + m.size[x * d + k] + m.size[y * d + k] + m.tol[t * d + k]) return false;
  for (const c of m.conflicts[i]) if (c !== x && c !== y && p.assignment[c] === b) return false;
  return true;
}

const TABU_TENURE = 7;
const TABU_MAX_ITEMS = 5000;

/**
 * Tabu phase of an attempt: each step places one pending item into some bin, ejecting at most two items that are not
 * tabu, choosing the move with the smallest Σ w(ejected)² − w(placed)² (ties seeded). Ends when nothing is pending,
 * no move exists, or the step / work budget runs out. Returns what is still pending.
 */
function tabuPhase(
  p: Packing,
  pending: number[],
  bins: number[],
  budget: number,
  rng: Random,
  spent: { work: number },
  insertDirect: (i: number) => boolean,
): number[] {
  const m = p.m;
  const tabuUntil = new Map<number, number>();
  const w2 = (i: number) => m.weight[i] * m.weight[i];
  const maxSteps = 60 + 12 * pending.length;
  let queue = pending;
  for (let step = 0; step < maxSteps && queue.length > 0 && spent.work < budget; step++) {
    type Move = { a: number; bin: number; out: number[]; score: number };
    const pick: { best: Move | null } = { best: null };
    let ties = 0;
    const isTabu = (x: number) => (tabuUntil.get(x) ?? -1) > step;
    for (const a of queue) {
      for (const b of bins) {
        const list = p.items[b];
        const consider = (out: number[], score: number) => {
          const best = pick.best;
          if (best && score > best.score + 1e-12) return;
          if (best && Math.abs(score - best.score) <= 1e-12) {
            ties++;
            if (rng.next() * ties >= 1) return;
          } else ties = 1;
          pick.best = { a, bin: b, out, score };
        };
        for (const x of list) {
          spent.work++;
          if (isTabu(x)) continue;
          if (p.fitsReplacing(a, b, x)) consider([x], w2(x) - w2(a));
        }
        if (list.length <= 24)
          for (let u = 0; u < list.length; u++)
            for (let v = u + 1; v < list.length; v++) {
              const x = list[u];
              const y = list[v];
              spent.work++;
              if (isTabu(x) || isTabu(y)) continue;
              const score = w2(x) + w2(y) - w2(a);
              if (pick.best && score > pick.best.score + 1e-12) continue;
              if (fitsReplacingTwo(p, a, b, x, y)) consider([x, y], score);
            }
      }
    }
    const mv = pick.best;
    if (!mv) break;
    for (const x of mv.out) p.remove(x);
    p.place(mv.a, mv.bin);
    tabuUntil.set(mv.a, step + TABU_TENURE);
    queue = queue.filter((i) => i !== mv.a);
    for (const x of mv.out) if (!insertDirect(x)) queue.push(x);
  }
  return queue;
}
