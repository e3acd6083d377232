/**
 * Reader for the VPSolver `.vbp` vector-packing format used by the benchmark instances:
 *   d / C_1..C_d / m / m lines of "w_1..w_d q" (q = multiplicity, expanded here in file order).
 */
import * as path from 'path';
import { PackInstance } from '../../../src/plan/solver/instance';

export function parseVbp(text: string, name: string): PackInstance {
  const nums = text
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map((t) => {
      const v = Number(t);
      if (!Number.isFinite(v)) throw new Error(`${name}: not a number: "${t}"`);
      return v;
    });
  let p = 0;
  const take = (): number => {
    if (p >= nums.length) throw new Error(`${name}: file ends early (after ${p} numbers)`);
    return nums[p++];
  };
  const d = take();
  const capacity = Array.from({ length: d }, take);
  const m = take();
  const items: PackInstance['items'] = [];
  for (let line = 0; line < m; line++) {
    const size = Array.from({ length: d }, take);
    const q = take();
    for (let r = 0; r < q; r++) items.push({ id: String(items.length), size: [...size] });
  }
  return {
    dims: capacity.map((_, k) => `d${k + 1}`),
    items,
    binTypes: [{ id: 'bin', capacity, cost: 1 }],
  };
}

/** `class1_20_3_0.vbp` -> instance name `class1_20_3_0`, class `class1`, d = 3. */
export function instanceName(file: string): { name: string; cls: string; d: number } {
  const name = path.basename(file).replace(/\.vbp$/i, '');
  const parts = name.split('_');
  return { name, cls: parts[0], d: Number(parts[2]) };
}
