import { ResidualTree } from '../../src/plan/solver/residual-tree';
import { continuousBins, decreasingOrder, demandWeights, itemMeasure, multiBinWorstFit } from '../../src/plan/solver/heuristics';
import { PackModel } from '../../src/plan/solver/packing';
import { PackInstance } from '../../src/plan/solver/instance';
import { Random } from '../../src/util/random';

/** Random residuals of `bins` bins in d dimensions, some cleared (full bins). */
function randomTree(rng: Random, bins: number, d: number): { tree: ResidualTree; res: (Float64Array | null)[] } {
  const tree = new ResidualTree(d, 4); // small start: exercises growth
  const res: (Float64Array | null)[] = [];
  for (let b = 0; b < bins; b++) {
    const r = Float64Array.from({ length: d }, () => rng.next());
    if (rng.next() < 0.1) {
      tree.set(b, r);
      tree.clear(b);
      res.push(null);
    } else {
      tree.set(b, r);
      res.push(r);
    }
  }
  return { tree, res };
}

const noTol = (d: number) => new Float64Array(d);

describe('ResidualTree', () => {
  test('firstFit returns the lowest bin a linear first-fit scan returns, honouring accept', () => {
    const rng = new Random(7);
    for (let round = 0; round < 40; round++) {
      const d = 1 + (round % 4);
      const { tree, res } = randomTree(rng, 1 + rng.int(0, 300), d);
      const size = Float64Array.from({ length: d }, () => rng.next() * 0.9);
      const banned = new Set(Array.from({ length: 20 }, () => rng.int(0, res.length)));
      const accept = (b: number) => !banned.has(b);
      const linear = res.findIndex((r, b) => r !== null && accept(b) && r.every((v, k) => v >= size[k]));
      expect(tree.firstFit(size, 0, noTol(d), accept)).toBe(linear);
    }
  });

  test('leastLoaded returns the bin a linear worst-fit scan returns (lowest max load after placement, then sum)', () => {
    const rng = new Random(11);
    for (let round = 0; round < 40; round++) {
      const d = 1 + (round % 4);
      const { tree, res } = randomTree(rng, 1 + rng.int(0, 300), d);
      const size = Float64Array.from({ length: d }, () => rng.next() * 0.5);
      const cap = Float64Array.from({ length: d }, () => 1);
      const banned = new Set(Array.from({ length: 20 }, () => rng.int(0, res.length)));
      const accept = (b: number) => !banned.has(b);
      let linear = -1;
      let bestMax = Infinity;
      res.forEach((r, b) => {
        if (!r || !accept(b) || !r.every((v, k) => v >= size[k])) return;
        const mx = Math.max(...Array.from(r, (v, k) => 1 - (v - size[k])));
        if (mx < bestMax) {
          bestMax = mx;
          linear = b;
        }
      });
      expect(tree.leastLoaded(size, 0, cap, 0, noTol(d), accept)).toBe(linear);
    }
  });
});

describe('multi-bin balancing at scale (residual tree path)', () => {
  test('30,000 small items: every item placed, within capacity, within 1 % of the continuous bound', () => {
    const rng = new Random(3);
    const inst: PackInstance = {
      dims: ['cpu', 'mem'],
      items: Array.from({ length: 30_000 }, (_, i) => ({ id: String(i), size: [rng.logNormal(2, 0.8), rng.logNormal(8, 0.7)] })),
      binTypes: [{ id: 'h', capacity: [100, 400], cost: 1 }],
    };
    const m = new PackModel(inst);
    const order = decreasingOrder(itemMeasure(m, 'weighted', demandWeights(m)));
    const m0 = continuousBins(m, 0);
    expect(m.n * m0).toBeGreaterThan(2e7); // the tree path, not the linear scan
    const p = multiBinWorstFit(m, order, m0, 0);
    expect(Array.from(p.assignment).every((b) => b >= 0)).toBe(true);
    for (const b of p.liveBins()) for (let k = 0; k < 2; k++) expect(p.residual[b][k]).toBeGreaterThanOrEqual(-1e-6);
    expect(p.liveBins().length).toBeLessThanOrEqual(Math.ceil(m0 * 1.01));
  });
});
