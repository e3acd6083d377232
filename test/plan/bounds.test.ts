import { binCountLowerBound, cliqueBound, columnGenerationBound, continuousBound, l2Bound, lowerBound, lowerBoundWithLp } from '../../src/plan/bounds';
import { PackInstance } from '../../src/plan/solver/instance';

function oneType(cap: number[], sizes: number[][], conflicts?: [number, number][]): PackInstance {
  return {
    dims: cap.map((_, k) => `d${k}`),
    items: sizes.map((size, i) => ({ id: `i${i}`, size })),
    binTypes: [{ id: 'b', capacity: cap, cost: 1 }],
    conflicts,
  };
}

describe('lower bounds', () => {
  it('continuous bound is the max over dimensions of ceil(sum / capacity)', () => {
    const inst = oneType([10, 10], [[5, 1], [5, 1], [5, 1], [1, 9]]);
    expect(continuousBound(inst, [1]).value).toBeCloseTo(1.6, 6);
    expect(lowerBound(inst)).toEqual({ value: 2, method: 'continuous (d0)' });
  });

  it('large-item clique: three items over half the capacity need three bins', () => {
    const inst = oneType([10], [[6], [6], [6]]);
    expect(cliqueBound(inst, [1]).clique).toEqual([0, 1, 2]);
    expect(lowerBound(inst)).toEqual({ value: 3, method: 'large-item clique (3 items)' });
  });

  it('clique across dimensions: items that clash in different dimensions', () => {
    // 0 and 1 clash in d0, 0 and 2 in d1, 1 and 2 in d1: a 3-clique though no item exceeds half in both dimensions
    const inst = oneType([10, 10], [[6, 6], [6, 5], [1, 5]]);
    expect(cliqueBound(inst, [1]).clique.length).toBe(2);
    const inst2 = oneType([10, 10], [[6, 6], [6, 6], [1, 6]]);
    expect(lowerBound(inst2).value).toBe(3);
  });

  it('anti-affinity conflicts form a clique even for tiny items', () => {
    const inst = oneType([10], [[1], [1], [1], [1]], [[0, 1], [0, 2], [1, 2]]);
    expect(lowerBound(inst)).toEqual({ value: 3, method: 'large-item clique (3 items)' });
  });

  it('Martello-Toth L2 beats both the volume and the clique bound', () => {
    // optimum 4: 60 | 60 | 45+45 | 45
    const inst = oneType([100], [[60], [60], [45], [45], [45]]);
    expect(continuousBound(inst, [1]).value).toBeCloseTo(2.55, 6);
    expect(cliqueBound(inst, [1]).value).toBe(3);
    expect(l2Bound(inst).value).toBe(4);
    expect(lowerBound(inst)).toEqual({ value: 4, method: 'Martello-Toth L2 (d0)' });
  });

  it('several bin types: bounds the cost with the cheapest cost per unit of capacity', () => {
    const inst: PackInstance = {
      dims: ['cpu'],
      items: [4, 8, 12, 16].map((s, i) => ({ id: `i${i}`, size: [s] })),
      binTypes: [
        { id: 'small', capacity: [10], cost: 3 },
        { id: 'large', capacity: [20], cost: 5 },
      ],
    };
    // 40 units at 5/20 = 0.25 per unit -> 10
    expect(lowerBound(inst)).toEqual({ value: 10, method: 'continuous (cpu)' });
    expect(binCountLowerBound(inst).value).toBe(2);
  });

  it('respects allowed bin types: an item allowed only on the dear type is priced there', () => {
    const inst: PackInstance = {
      dims: ['cpu'],
      items: [
        { id: 'a', size: [10], allowedBinTypes: [0] },
        { id: 'b', size: [20], allowedBinTypes: [1] },
      ],
      binTypes: [
        { id: 'dear', capacity: [10], cost: 10 },
        { id: 'cheap', capacity: [20], cost: 4 },
      ],
    };
    // a: 10 units at 1.0 = 10; b: 20 at 0.2 = 4 -> 14 (and disjoint types make a 2-clique worth 10 + 4)
    expect(lowerBound(inst).value).toBe(14);
  });

  it('negative sizes (some benchmark items have them) keep only the volume bound, counting them', () => {
    // 60 + 60 + 60 - 30 = 150 -> 2 bins of 100; pairwise the three 60s clash, but the -30 item makes room
    const inst = oneType([100], [[60], [60], [60], [-30]]);
    expect(lowerBound(inst)).toEqual({ value: 2, method: 'continuous (d0), negative sizes: clique and L2 bounds not valid' });
  });

  it('items no bin can hold are left out of the bound', () => {
    expect(lowerBound(oneType([10], [[4], [40]])).value).toBe(1);
  });

  it('an empty instance has bound 0', () => {
    expect(lowerBound(oneType([10], [])).value).toBe(0);
  });
});

describe('column-generation LP bound', () => {
  it('beats every combinatorial bound on a 5-cycle of conflicts (fractional colouring 2.5 -> 3)', async () => {
    const inst = oneType([10], [[1], [1], [1], [1], [1]], [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0]]);
    expect(lowerBound(inst).value).toBe(2);
    const cg = (await columnGenerationBound(inst))!;
    expect(cg.value).toBe(3);
    // it stops as soon as the bound reaches the ceiling of the master LP (2.5 <= master <= 3)
    expect(cg.masterValue).toBeGreaterThanOrEqual(2.5 - 1e-6);
    expect(cg.masterValue).toBeLessThanOrEqual(3 + 1e-6);
    expect(cg.method).toMatch(/^column-generation LP \((LP solved|Farley), \d+ master solves\)$/);
    expect(await lowerBoundWithLp(inst)).toEqual({ value: 3, method: cg.method });
  });

  it('is a valid bound on the Martello-Toth example (optimum 4) and skips instances with negative sizes', async () => {
    const cg = (await columnGenerationBound(oneType([100], [[60], [60], [45], [45], [45]])))!;
    expect(cg.value).toBe(4);
    expect(await columnGenerationBound(oneType([100], [[60], [-30]]))).toBeNull();
  });
});
