import { PackInstance, PackSolution } from '../../src/plan/solver/instance';
import { solvePortfolio } from '../../src/plan/solver/portfolio';

/** Recomputes loads from scratch: capacities, item counts, allowed types and conflicts. */
function assertFeasible(inst: PackInstance, sol: PackSolution): void {
  sol.bins.forEach((bin, b) => {
    const t = inst.binTypes[bin.type];
    inst.dims.forEach((_, k) => {
      const load = bin.items.reduce((s, i) => s + inst.items[i].size[k], 0);
      expect(load).toBeLessThanOrEqual(t.capacity[k] * (1 + 1e-9));
    });
    if (t.maxItems !== undefined) expect(bin.items.length).toBeLessThanOrEqual(t.maxItems);
    for (const i of bin.items) {
      expect(sol.assignment[i]).toBe(b);
      const allowed = inst.items[i].allowedBinTypes;
      if (allowed) expect(allowed).toContain(bin.type);
    }
  });
  for (const [a, b] of inst.conflicts ?? []) if (sol.assignment[a] >= 0) expect(sol.assignment[a]).not.toBe(sol.assignment[b]);
}

const oneDim = (sizes: number[], cap = 10, extra: Partial<PackInstance> = {}): PackInstance => ({
  dims: ['x'],
  items: sizes.map((s, i) => ({ id: String(i), size: [s] })),
  binTypes: [{ id: 'bin', capacity: [cap], cost: 1 }],
  ...extra,
});

describe('solvePortfolio', () => {
  test('finds the perfect packing 6+4, 5+5, 3+7 (3 bins)', () => {
    const inst = oneDim([6, 4, 5, 5, 3, 7]);
    const sol = solvePortfolio(inst);
    expect(sol.bins.length).toBe(3);
    expect(sol.cost).toBe(3);
    assertFeasible(inst, sol);
  });

  test('a vector instance where FFD by sum needs 3 bins and the optimum is 2', () => {
    // complementary pairs: (0.6,0.2)+(0.4,0.8) fill a bin exactly
    const inst: PackInstance = {
      dims: ['cpu', 'mem'],
      items: [[6, 2], [5, 3], [4, 8], [5, 7]].map((s, i) => ({ id: String(i), size: s })),
      binTypes: [{ id: 'b', capacity: [10, 10], cost: 1 }],
    };
    const sol = solvePortfolio(inst);
    expect(sol.bins.length).toBe(2);
    assertFeasible(inst, sol);
  });

  test('conflicts, maxItems and allowed types are honoured; an item no type can take gets -1', () => {
    const inst: PackInstance = {
      dims: ['x'],
      items: [
        { id: 'a', size: [1] },
        { id: 'b', size: [1] },
        { id: 'c', size: [1] },
        { id: 'd', size: [1], allowedBinTypes: [1] },
        { id: 'huge', size: [50] },
      ],
      binTypes: [
        { id: 'cheap', capacity: [10], cost: 1, maxItems: 2 },
        { id: 'other', capacity: [10], cost: 5 },
      ],
      conflicts: [[0, 1]],
    };
    const sol = solvePortfolio(inst);
    assertFeasible(inst, sol);
    expect(sol.assignment[4]).toBe(-1);
    expect(sol.assignment[0]).not.toBe(sol.assignment[1]);
    expect(sol.bins[sol.assignment[3]].type).toBe(1);
    // d needs an `other` bin (5); a and b may not share; the optimum rides b along with d: {a, c} cheap + {b, d} other = 6
    expect(sol.cost).toBe(6);
    expect(sol.bins.length).toBe(2);
  });

  test('same seed, same solution; the work counter is reported', () => {
    const sizes = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 97) / 10 + 0.5);
    const inst = oneDim(sizes, 25);
    const a = solvePortfolio(inst, { seed: 3 });
    const b = solvePortfolio(inst, { seed: 3 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.iterations).toBeGreaterThan(0);
    assertFeasible(inst, a);
    const total = sizes.reduce((s, x) => s + x, 0);
    expect(a.bins.length).toBeLessThanOrEqual(Math.ceil(total / 25) + 1);
  });

  test('an empty instance gives an empty solution', () => {
    expect(solvePortfolio(oneDim([]))).toEqual({ assignment: [], bins: [], cost: 0, algorithm: 'empty', iterations: 0 });
  });
});
