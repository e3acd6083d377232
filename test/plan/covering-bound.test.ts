import type { Highs } from 'highs';
import { continuousBound, coveringBound, coveringModel, lowerBound } from '../../src/plan/bounds';
import { loadHighs } from '../../src/plan/exact/highs';
import { PackInstance } from '../../src/plan/solver/instance';

/** Deterministic PRNG (mulberry32) so every run checks the same instances. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInstance(seed: number, items: number): PackInstance {
  const r = rng(seed);
  const dims = 2 + Math.floor(r() * 2);
  const types = 2 + Math.floor(r() * 3);
  const binTypes = Array.from({ length: types }, (_, t) => ({
    id: `m${t}`,
    capacity: Array.from({ length: dims }, () => 40 + Math.floor(r() * 80)),
    cost: 5 + Math.floor(r() * 20),
    ...(r() < 0.3 ? { maxCount: 1 + Math.floor(r() * 3) } : {}),
  }));
  return {
    dims: Array.from({ length: dims }, (_, k) => `d${k}`),
    items: Array.from({ length: items }, (_, i) => ({
      id: `i${i}`,
      size: Array.from({ length: dims }, () => 1 + Math.floor(r() * 30)),
      ...(r() < 0.25 ? { allowedBinTypes: [Math.floor(r() * types)] } : {}),
    })),
    binTypes,
  };
}

/** Cheapest feasible packing by enumerating every partition of the items and every model per bin (tiny instances only). */
function bruteForceOptimum(inst: PackInstance): number | undefined {
  const n = inst.items.length;
  const fits = (members: number[], t: number) => {
    const bt = inst.binTypes[t];
    if (members.some((i) => !(inst.items[i].allowedBinTypes ?? [t]).includes(t))) return false;
    return bt.capacity.every((c, k) => members.reduce((s, i) => s + inst.items[i].size[k], 0) <= c);
  };
  let best = Number.POSITIVE_INFINITY;
  const groups: number[][] = [];
  const chooseTypes = (g: number, used: number[], cost: number) => {
    if (cost >= best) return;
    if (g === groups.length) {
      best = cost;
      return;
    }
    inst.binTypes.forEach((bt, t) => {
      if (bt.maxCount !== undefined && used[t] >= bt.maxCount) return;
      if (!fits(groups[g], t)) return;
      used[t]++;
      chooseTypes(g + 1, used, cost + bt.cost);
      used[t]--;
    });
  };
  const partition = (i: number) => {
    if (i === n) {
      chooseTypes(0, inst.binTypes.map(() => 0), 0);
      return;
    }
    for (const g of groups) {
      g.push(i);
      partition(i + 1);
      g.pop();
    }
    groups.push([i]);
    partition(i + 1);
    groups.pop();
  };
  partition(0);
  return Number.isFinite(best) ? best : undefined;
}

/** The same covering ILP written directly in CPLEX LP format for HiGHS. */
function highsOptimum(highs: Highs, instance: PackInstance, costs: number[]): number | undefined {
  const m = coveringModel(instance, costs, true);
  const vars = Object.keys(m.variables);
  const lp: string[] = ['Minimize', ` obj: ${vars.map((v) => `${m.variables[v].cost} ${v}`).join(' + ')}`, 'Subject To'];
  for (const [row, bound] of Object.entries(m.constraints)) {
    const terms = vars.filter((v) => m.variables[v][row] !== undefined).map((v) => `${m.variables[v][row]} ${v}`);
    if (terms.length === 0) continue;
    const b = bound as { min?: number; max?: number };
    lp.push(` ${row}: ${terms.join(' + ')} ${b.min !== undefined ? `>= ${b.min}` : `<= ${b.max}`}`);
  }
  lp.push('General', ` ${vars.join(' ')}`, 'End');
  const sol = highs.solve(lp.join('\n'), { output_flag: false, random_seed: 0 });
  if (sol.Status !== 'Optimal') return undefined;
  return sol.ObjectiveValue;
}

describe('capacity covering bound across host models (javascript-lp-solver)', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('buys one mix for all dimensions: higher than pricing each dimension on its own cheapest model', () => {
    // m0 is cheap per CPU and poor in memory, m1 the opposite: per-dimension pricing uses each where it is cheapest
    const inst: PackInstance = {
      dims: ['cpu', 'mem'],
      items: Array.from({ length: 10 }, (_, i) => ({ id: `v${i}`, size: [10, 10] })),
      binTypes: [
        { id: 'cpu-heavy', capacity: [100, 20], cost: 10 },
        { id: 'mem-heavy', capacity: [20, 100], cost: 10 },
      ],
    };
    const costs = inst.binTypes.map((b) => b.cost);
    expect(continuousBound(inst, costs).value).toBeCloseTo(10, 6); // 100 cpu at 0.1 per unit
    const cover = coveringBound(inst, costs)!;
    expect(cover.integer).toBe(true);
    // 100 cpu and 100 mem: one bin of each offers 120 of both, and no single bin covers both, so 2 bins (cost 20)
    expect(cover.value).toBeCloseTo(20, 6);
    expect(cover.mix).toEqual([1, 1]);
    const lb = lowerBound(inst);
    expect(lb.value).toBe(20);
    expect(lb.method).toContain('capacity covering ILP');
  });

  it('is skipped for a single model without count limits (it would equal the continuous bound)', () => {
    const inst: PackInstance = {
      dims: ['cpu'],
      items: [{ id: 'a', size: [5] }],
      binTypes: [{ id: 'b', capacity: [10], cost: 1 }],
    };
    expect(coveringBound(inst, [1])).toBeUndefined();
  });

  it('honours count limits and the items pinned to a subset of models', () => {
    const inst: PackInstance = {
      dims: ['cpu'],
      items: [
        { id: 'a', size: [60], allowedBinTypes: [1] },
        { id: 'b', size: [60], allowedBinTypes: [1] },
        { id: 'c', size: [10] },
      ],
      binTypes: [
        { id: 'cheap', capacity: [100], cost: 1 },
        { id: 'dear', capacity: [100], cost: 10 },
      ],
    };
    // a and b may only use "dear": 120 units there need two dear bins (20), whatever the cheap ones do
    expect(coveringBound(inst, [1, 10])!.value).toBeCloseTo(20, 6);
    const limited: PackInstance = { ...inst, binTypes: [inst.binTypes[0], { ...inst.binTypes[1], maxCount: 1 }] };
    expect(coveringBound(limited, [1, 10])).toBeUndefined(); // infeasible: the limit cannot hold a and b
  });

  it('agrees with HiGHS on the same integer programme (60 seeded instances)', () => {
    let compared = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const inst = randomInstance(seed, 12 + (seed % 20));
      const costs = inst.binTypes.map((b) => b.cost);
      const ours = coveringBound(inst, costs);
      const theirs = highsOptimum(highs, inst, costs);
      if (theirs === undefined) {
        expect(ours).toBeUndefined();
        continue;
      }
      expect(ours).toBeDefined();
      expect(ours!.value).toBeCloseTo(theirs * (1 - 1e-9), 4);
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('never exceeds the optimum of a small packing found by brute force', () => {
    let checked = 0;
    for (let seed = 100; seed < 140; seed++) {
      const inst = randomInstance(seed, 6);
      const best = bruteForceOptimum(inst);
      if (best === undefined) continue;
      expect(lowerBound(inst).value).toBeLessThanOrEqual(best + 1e-9);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
