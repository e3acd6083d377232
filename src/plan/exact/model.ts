/**
 * The symmetry-broken "representative" assignment model for vector bin packing with bin types, conflicts and maxItems.
 *
 * Items are sorted (largest first, by max of demand / largest capacity; ties by index). Bin j can only be opened by item j
 * (its representative, the largest item in it), and only items after j in that order may join it. This removes the
 * bin-permutation symmetry of the plain assignment model, which is what makes small instances provable.
 *   y[j,t] = 1  item j opens a bin of type t           x[i,j,t] = 1  item i (i after j) joins j's bin of type t
 *   each item:      Σ_t y[i,t] + Σ_{j<i,t} x[i,j,t] = 1
 *   capacity:       Σ_i s_ik x[i,j,t] <= (C_tk − s_jk) y[j,t]       for every dimension k
 *   linking:        x[i,j,t] <= y[j,t]                              (tightens the LP relaxation)
 *   maxItems:       Σ_i x[i,j,t] <= (maxItems_t − 1) y[j,t]
 *   conflicts:      x[i,j,t] + x[i',j,t] <= y[j,t] for conflicting i, i' (a conflict with j itself: no x variable)
 *   maxCount:       Σ_j y[j,t] <= maxCount_t
 *   objective:      min Σ cost_t y[j,t]   (>= the combinatorial lower bound, given as a cut)
 * Pairs that cannot share a bin of type t (too big together, a conflict, type not allowed) get no variable at all.
 */
import { PackInstance } from '../solver/instance';

const REL = 1 + 1e-9;

export interface RepModel {
  lp: string;
  /** Sorted position -> item index. */
  order: number[];
  /** Items that fit no allowed type alone: left out of the model, reported unplaced. */
  unplaceable: number[];
}

function fmt(v: number): string {
  // LP text needs plain decimal numbers; 15 significant digits keep the data exact enough for the verifier's tolerance.
  return Number.isInteger(v) ? String(v) : v.toPrecision(15).replace(/\.?0+$/, '');
}

function allowed(instance: PackInstance, i: number): number[] {
  const a = instance.items[i].allowedBinTypes;
  return a && a.length > 0 ? a : instance.binTypes.map((_, t) => t);
}

export function buildRepModel(instance: PackInstance, lowerBound: number, cutoff?: number): RepModel {
  const n = instance.items.length;
  const d = instance.dims.length;
  const types = instance.binTypes;
  const maxCap = new Array<number>(d).fill(0);
  for (const bt of types) for (let k = 0; k < d; k++) maxCap[k] = Math.max(maxCap[k], bt.capacity[k]);
  const measure = instance.items.map((it) => {
    let m = 0;
    let s = 0;
    for (let k = 0; k < d; k++) {
      if (maxCap[k] > 0) {
        m = Math.max(m, it.size[k] / maxCap[k]);
        s += it.size[k] / maxCap[k];
      }
    }
    return m + 1e-6 * s;
  });
  const fitsAlone = (i: number, t: number): boolean =>
    instance.items[i].size.every((v, k) => v <= types[t].capacity[k] * REL);
  const unplaceable: number[] = [];
  const placeable: number[] = [];
  for (let i = 0; i < n; i++) {
    if (allowed(instance, i).some((t) => fitsAlone(i, t))) placeable.push(i);
    else unplaceable.push(i);
  }
  const order = placeable.sort((a, b) => measure[b] - measure[a] || a - b);
  const conflict = new Set<number>();
  for (const [a, b] of instance.conflicts ?? []) {
    conflict.add(a * n + b);
    conflict.add(b * n + a);
  }
  // A negative size (benchmark data) can make room for others, so pairwise pruning is only safe in dimensions without one.
  const negativeDim = Array.from({ length: d }, (_, k) => instance.items.some((it) => it.size[k] < 0));
  const openable: boolean[][] = order.map((j) => types.map((_, t) => allowed(instance, j).includes(t) && fitsAlone(j, t)));

  const obj: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const joins: string[][] = order.map(() => []); // per sorted item: its x variables
  for (let pj = 0; pj < order.length; pj++) {
    const j = order[pj];
    for (let t = 0; t < types.length; t++) {
      if (!openable[pj][t]) continue;
      const y = `y_${pj}_${t}`;
      binaries.push(y);
      obj.push(`${fmt(types[t].cost)} ${y}`);
      const members: { pi: number; x: string }[] = [];
      const cap = types[t].capacity.map((c, k) => c - instance.items[j].size[k]);
      const maxItems = types[t].maxItems;
      if (maxItems === undefined || maxItems >= 2) {
        for (let pi = pj + 1; pi < order.length; pi++) {
          const i = order[pi];
          if (!allowed(instance, i).includes(t) || conflict.has(i * n + j)) continue;
          if (!instance.items[i].size.every((v, k) => negativeDim[k] || v <= cap[k] * REL + 1e-12)) continue;
          const x = `x_${pi}_${pj}_${t}`;
          binaries.push(x);
          members.push({ pi, x });
          joins[pi].push(x);
          rows.push(` l_${pi}_${pj}_${t}: ${x} - ${y} <= 0`);
        }
      }
      if (members.length === 0) continue;
      for (let k = 0; k < d; k++) {
        const terms = members
          .filter((m) => instance.items[order[m.pi]].size[k] !== 0)
          .map((m) => `${fmt(instance.items[order[m.pi]].size[k])} ${m.x}`);
        if (terms.length === 0) continue;
        const total = members.reduce((s, m) => s + Math.max(0, instance.items[order[m.pi]].size[k]), 0);
        if (total <= cap[k]) continue; // never binding
        rows.push(` c_${pj}_${t}_${k}: ${terms.join(' + ').replace(/\+ -/g, '- ')} - ${fmt(cap[k])} ${y} <= 0`);
      }
      if (maxItems !== undefined && members.length > maxItems - 1) {
        rows.push(` m_${pj}_${t}: ${members.map((m) => m.x).join(' + ')} - ${maxItems - 1} ${y} <= 0`);
      }
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          if (conflict.has(order[members[a].pi] * n + order[members[b].pi])) {
            rows.push(` f_${members[a].pi}_${members[b].pi}_${pj}_${t}: ${members[a].x} + ${members[b].x} - ${y} <= 0`);
          }
        }
      }
    }
  }
  for (let pi = 0; pi < order.length; pi++) {
    const own = types.map((_, t) => t).filter((t) => openable[pi][t]).map((t) => `y_${pi}_${t}`);
    rows.push(` a_${pi}: ${[...own, ...joins[pi]].join(' + ')} = 1`);
  }
  types.forEach((bt, t) => {
    if (bt.maxCount === undefined) return;
    const ys = order.map((_, pj) => pj).filter((pj) => openable[pj][t]).map((pj) => `y_${pj}_${t}`);
    if (ys.length > bt.maxCount) rows.push(` n_${t}: ${ys.join(' + ')} <= ${bt.maxCount}`);
  });
  if (obj.length > 0 && lowerBound > 0) rows.push(` lb: ${obj.join(' + ')} >= ${fmt(lowerBound)}`);
  if (obj.length > 0 && cutoff !== undefined) rows.push(` ub: ${obj.join(' + ')} <= ${fmt(cutoff)}`);
  const lp = [
    'Minimize',
    ` obj: ${obj.length > 0 ? obj.join(' + ') : '0 dummy'}`,
    'Subject To',
    ...(rows.length > 0 ? rows : [' dummyrow: dummy >= 0']),
    'Binary',
    ` ${binaries.join(' ')}`,
    'End',
  ].join('\n');
  return { lp, order, unplaceable };
}
