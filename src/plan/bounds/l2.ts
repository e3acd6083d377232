import { PackInstance } from '../solver/instance';

/**
 * Martello–Toth L2 bound on the number of bins, applied to each dimension's one-dimensional projection (a relaxation of
 * vector packing), with the largest capacity of any type in that dimension. For a threshold a ≤ C/2:
 *   J1 = items > C − a, J2 = items in (C/2, C − a], J3 = items in [a, C/2];
 *   L(a) = |J1| + |J2| + max(0, ⌈(ΣJ3 − (|J2|·C − ΣJ2)) / C⌉)
 * (no J3 item fits beside a J1 item; J3 items may only use J2 bins' free space or new bins). The best a over all item sizes.
 */
export function l2Bound(instance: PackInstance): { value: number; dim: number } {
  const d = instance.dims.length;
  let best = 0;
  let bestDim = -1;
  for (let k = 0; k < d; k++) {
    let cap = 0;
    for (const bt of instance.binTypes) cap = Math.max(cap, bt.capacity[k]);
    if (cap <= 0) continue;
    const s = instance.items.map((it) => it.size[k]).filter((x) => x > 0);
    if (s.length === 0) continue;
    s.sort((a, b) => a - b);
    const pre = new Array<number>(s.length + 1).fill(0);
    for (let i = 0; i < s.length; i++) pre[i + 1] = pre[i] + s[i];
    // first index with value > x / >= x in the ascending array
    const upper = (x: number): number => {
      let lo = 0, hi = s.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (s[m] > x) hi = m;
        else lo = m + 1;
      }
      return lo;
    };
    const lower = (x: number): number => {
      let lo = 0, hi = s.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (s[m] >= x) hi = m;
        else lo = m + 1;
      }
      return lo;
    };
    const half = cap / 2;
    const iHalf = upper(half); // items > C/2 start here
    const alphas = [0];
    for (let i = 0; i < iHalf; i++) if (i === 0 || s[i] !== s[i - 1]) alphas.push(s[i]);
    for (const a of alphas) {
      const iJ1 = upper(cap - a); // items > C - a
      const n1 = s.length - iJ1;
      const n2 = iJ1 - iHalf;
      const sum2 = pre[iJ1] - pre[iHalf];
      const iJ3 = lower(a);
      const sum3 = pre[iHalf] - pre[iJ3];
      const free = n2 * cap - sum2;
      const extra = Math.max(0, Math.ceil((sum3 - free) / cap - 1e-9));
      const v = n1 + n2 + extra;
      if (v > best) {
        best = v;
        bestDim = k;
      }
    }
  }
  return { value: best, dim: bestDim };
}
