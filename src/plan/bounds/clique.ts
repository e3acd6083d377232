import { PackInstance } from '../solver/instance';
import { allowedTypes, conflictKeys, fitsAlone, incompatible } from './common';

/** Pair checks the greedy clique may spend; keeps the bound cheap on 100,000-item estates (deterministic: a count). */
export const CLIQUE_PAIR_BUDGET = 3_000_000;

/**
 * Large-item / incompatibility bound. Items that pairwise cannot share a bin (too big together in some dimension on every
 * type both may use, disjoint allowed types, or an anti-affinity conflict) form a clique, and each needs its own bin; so
 * the objective is at least Σ over the clique of the cheapest type each item fits. Maximum clique is NP-hard, so the clique
 * is built greedily, largest item first (size = max over dimensions of demand / largest capacity), ties by index.
 */
export function cliqueBound(
  instance: PackInstance,
  costs: readonly number[],
  pairBudget = CLIQUE_PAIR_BUDGET,
): { value: number; clique: number[] } {
  const n = instance.items.length;
  if (n === 0) return { value: 0, clique: [] };
  const d = instance.dims.length;
  const maxCap = new Array<number>(d).fill(0);
  for (const bt of instance.binTypes) for (let k = 0; k < d; k++) maxCap[k] = Math.max(maxCap[k], bt.capacity[k]);
  const size = instance.items.map((it) => {
    let m = 0;
    for (let k = 0; k < d; k++) if (maxCap[k] > 0) m = Math.max(m, it.size[k] / maxCap[k]);
    return m;
  });
  const order = instance.items.map((_, i) => i).sort((a, b) => size[b] - size[a] || a - b);
  // In a "simple" instance two items each within half of every capacity always fit together, so once the clique holds one
  // such item no later (smaller) item can join: stop there instead of scanning the whole estate.
  const simple =
    instance.binTypes.length === 1 &&
    (instance.binTypes[0].maxItems ?? 2) >= 2 &&
    (instance.conflicts?.length ?? 0) === 0 &&
    instance.items.every((it) => it.allowedBinTypes === undefined);
  let holdsSmall = false;
  const conflicts = conflictKeys(instance);
  const clique: number[] = [];
  let spent = 0;
  for (const i of order) {
    if (simple && holdsSmall && size[i] <= 0.5) break;
    if (spent + clique.length > pairBudget) break;
    spent += clique.length;
    let ok = true;
    for (const j of clique) {
      if (!incompatible(instance, i, j, conflicts)) {
        ok = false;
        break;
      }
    }
    if (ok) {
      clique.push(i);
      if (size[i] <= 0.5) holdsSmall = true;
    }
  }
  let value = 0;
  for (const i of clique) {
    let c = Number.POSITIVE_INFINITY;
    for (const t of allowedTypes(instance, i)) if (fitsAlone(instance, i, t)) c = Math.min(c, costs[t]);
    if (Number.isFinite(c)) value += c;
  }
  return { value, clique };
}
