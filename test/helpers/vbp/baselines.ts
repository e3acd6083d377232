/**
 * The two classic baselines the benchmark compares against, written plainly (not tuned):
 *  - FFD: items by decreasing sum of normalised sizes (the "L1-Avg" variant of the literature), first bin that fits.
 *  - dot-product (bin-centric, "BCS-DP1"): open a bin, repeatedly add the fitting item with the largest dot product of its
 *    normalised size and the bin's normalised residual capacity, until nothing fits; then open the next bin.
 * One bin type only (the benchmark's case).
 */
import { PackInstance } from '../../../src/plan/solver/instance';

function fits(size: number[], load: number[], cap: number[]): boolean {
  for (let k = 0; k < cap.length; k++) if (load[k] + size[k] > cap[k]) return false;
  return true;
}

export function ffd(instance: PackInstance): number[] {
  const cap = instance.binTypes[0].capacity;
  const key = instance.items.map((it) => it.size.reduce((s, v, k) => s + v / cap[k], 0));
  const order = instance.items.map((_, i) => i).sort((a, b) => key[b] - key[a] || a - b);
  const loads: number[][] = [];
  const assignment = new Array<number>(instance.items.length).fill(-1);
  for (const i of order) {
    const s = instance.items[i].size;
    let b = loads.findIndex((l) => fits(s, l, cap));
    if (b < 0) {
      loads.push(new Array<number>(cap.length).fill(0));
      b = loads.length - 1;
    }
    for (let k = 0; k < cap.length; k++) loads[b][k] += s[k];
    assignment[i] = b;
  }
  return assignment;
}

export function dotProduct(instance: PackInstance): number[] {
  const cap = instance.binTypes[0].capacity;
  const n = instance.items.length;
  const assignment = new Array<number>(n).fill(-1);
  let left = n;
  let bin = 0;
  while (left > 0) {
    const load = new Array<number>(cap.length).fill(0);
    let added = 0;
    for (;;) {
      let best = -1;
      let bestScore = -1;
      for (let i = 0; i < n; i++) {
        if (assignment[i] >= 0) continue;
        const s = instance.items[i].size;
        if (!fits(s, load, cap)) continue;
        let score = 0;
        for (let k = 0; k < cap.length; k++) score += (s[k] / cap[k]) * ((cap[k] - load[k]) / cap[k]);
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best < 0) break;
      assignment[best] = bin;
      for (let k = 0; k < cap.length; k++) load[k] += instance.items[best].size[k];
      added++;
      left--;
    }
    if (added === 0) {
      // an item larger than the bin: give it its own (infeasible) bin so the count stays honest
      const i = assignment.indexOf(-1);
      assignment[i] = bin;
      left--;
    }
    bin++;
  }
  return assignment;
}

export function binsUsed(assignment: number[]): number {
  return new Set(assignment.filter((a) => a >= 0)).size;
}
