import { execFileSync } from 'child_process';
import { ffd } from '../helpers/vbp/baselines';
import { parseVbp } from '../helpers/vbp/format';
import { isFeasiblePacking, solveExact } from '../../src/plan/exact';
import { priceAndBranch } from '../../src/plan/exact/price-and-branch';
import { PackInstance, PackSolution } from '../../src/plan/solver/instance';
import { sharedPath } from '../helpers/shared';

/** One instance out of the shared benchmark archive (system tar, no temp files). */
function benchInstance(archive: string, member: string): PackInstance {
  const text = execFileSync('tar', ['-xzf', sharedPath('bench', 'vectorpack', archive), '-O', member], { encoding: 'utf8' });
  return parseVbp(text, member);
}

function asSolution(inst: PackInstance, assignment: number[]): PackSolution {
  const n = Math.max(...assignment) + 1;
  const bins = Array.from({ length: n }, () => ({ type: 0, items: [] as number[] }));
  assignment.forEach((b, i) => bins[b].items.push(i));
  return { assignment, bins, cost: n * inst.binTypes[0].cost, algorithm: 'ffd', iterations: 0 };
}

describe('exact method (HiGHS, representative model)', () => {
  it('proves the published optimum of class1_20_3_1 (OPT 6) where FFD needs 7', async () => {
    const inst = benchInstance('Panigrahy_instances.tar.gz', 'Panigrahy_instances_multidim/class1/class1_20_3_1.vbp');
    const start = asSolution(inst, ffd(inst));
    expect(start.cost).toBe(7);
    const r = await solveExact(inst, { incumbent: start, nodeLimit: 5000 });
    expect(r.solution!.cost).toBe(6);
    expect(r.provenOptimal).toBe(true);
    expect(r.bound).toBe(6);
    expect(isFeasiblePacking(inst, r.solution!.bins)).toBe(true);
    expect(r.solution!.assignment.every((b) => b >= 0 && b < 6)).toBe(true);
  });

  it('proves an incumbent optimal when no cheaper packing exists (class9_40_3_0, OPT 22 = FFD)', async () => {
    const inst = benchInstance('Panigrahy_instances.tar.gz', 'Panigrahy_instances_multidim/class9/class9_40_3_0.vbp');
    const start = asSolution(inst, ffd(inst));
    expect(start.cost).toBe(22);
    const r = await solveExact(inst, { incumbent: start, nodeLimit: 5000 });
    expect(r).toEqual(expect.objectContaining({ provenOptimal: true, bound: 22, status: 'incumbent-optimal' }));
    expect(r.solution).toBe(start);
  });

  it('returns an incumbent that meets the lower bound without solving', async () => {
    const inst: PackInstance = { dims: ['a'], items: [{ id: '0', size: [6] }, { id: '1', size: [6] }], binTypes: [{ id: 'b', capacity: [10], cost: 1 }] };
    const start = asSolution(inst, [0, 1]);
    expect(await solveExact(inst, { incumbent: start })).toEqual({ solution: start, provenOptimal: true, bound: 2, nodes: 0, status: 'bound-met' });
  });

  it('honours conflicts and maxItems', async () => {
    // five unit items; 0-1-2 pairwise in conflict, at most 2 items per bin: optimum 3 bins
    const inst: PackInstance = {
      dims: ['a'],
      items: [0, 1, 2, 3, 4].map((i) => ({ id: String(i), size: [1] })),
      binTypes: [{ id: 'b', capacity: [10], cost: 1, maxItems: 2 }],
      conflicts: [[0, 1], [1, 2], [0, 2]],
    };
    const r = await solveExact(inst, {});
    expect(r.provenOptimal).toBe(true);
    expect(r.solution!.cost).toBe(3);
    expect(isFeasiblePacking(inst, r.solution!.bins)).toBe(true);
  });

  it('chooses the cheaper bin mix with several types, and respects maxCount', async () => {
    const inst: PackInstance = {
      dims: ['cpu', 'mem'],
      items: [10, 10, 10, 10].map((s, i) => ({ id: String(i), size: [s, 1] })),
      binTypes: [
        { id: 'small', capacity: [10, 10], cost: 3 },
        { id: 'large', capacity: [20, 10], cost: 5 },
      ],
    };
    const r = await solveExact(inst, {});
    expect(r.solution!.cost).toBe(10);
    expect(r.solution!.bins.map((b) => b.type)).toEqual([1, 1]);
    expect(r.provenOptimal).toBe(true);
    const capped = await solveExact({ ...inst, binTypes: [inst.binTypes[0], { ...inst.binTypes[1], maxCount: 1 }] }, {});
    expect(capped.solution!.cost).toBe(11);
    expect(capped.solution!.bins.map((b) => b.type).sort()).toEqual([0, 0, 1]);
  });

  it('packs negative sizes (benchmark data) correctly: they make room for others', async () => {
    const inst: PackInstance = { dims: ['a'], items: [60, 60, 60, -30].map((v, i) => ({ id: String(i), size: [v] })), binTypes: [{ id: 'b', capacity: [100], cost: 1 }] };
    const r = await solveExact(inst, { incumbent: asSolution(inst, [0, 1, 2, 2]) });
    expect(r.solution!.cost).toBe(2);
    expect(r.provenOptimal).toBe(true);
    expect(isFeasiblePacking(inst, r.solution!.bins)).toBe(true);
  });

  it('leaves an item that fits no bin type unplaced and does not claim optimality', async () => {
    const inst: PackInstance = { dims: ['a'], items: [{ id: '0', size: [4] }, { id: '1', size: [40] }], binTypes: [{ id: 'b', capacity: [10], cost: 1 }] };
    const r = await solveExact(inst, {});
    expect(r.solution!.assignment).toEqual([0, -1]);
    expect(r.provenOptimal).toBe(false);
  });
});

describe('price-and-branch over generated patterns', () => {
  it('finds the 2-bin cover among patterns and rejects covers no cheaper than the upper bound', async () => {
    const inst: PackInstance = { dims: ['a'], items: [60, 40, 60, 40].map((v, i) => ({ id: String(i), size: [v] })), binTypes: [{ id: 'b', capacity: [100], cost: 1 }] };
    const patterns = [[0], [1], [2], [3], [1, 3], [0, 1], [2, 3], [0, 3]].map((items) => ({ type: 0, items }));
    const r = await priceAndBranch(inst, patterns, { upperBound: 3 });
    expect(r!.cost).toBe(2);
    expect(isFeasiblePacking(inst, r!.bins)).toBe(true);
    expect(r!.assignment.every((b) => b >= 0)).toBe(true);
    expect(await priceAndBranch(inst, patterns, { upperBound: 2 })).toBeNull();
  });
});
