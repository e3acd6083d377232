/**
 * Price-and-branch: after column generation, the set-covering MIP over the patterns it generated (HiGHS, node limit)
 * often finds a packing the constructive heuristics miss. Items covered twice are kept in their first chosen pattern
 * (dropping an item from a bin keeps it feasible when sizes are non-negative; instances with negative sizes are skipped).
 * A heuristic: it proves nothing by itself (the patterns are a subset of all patterns).
 */
import { Pattern } from '../bounds/colgen';
import { PackedBin, PackInstance, PackSolution } from '../solver/instance';
import { loadHighs } from './highs';
import { isFeasiblePacking } from './index';

export interface PriceAndBranchOptions {
  nodeLimit?: number;
  /** Only look for packings strictly cheaper than this (integral costs). */
  upperBound?: number;
  /** Benchmarks only: wall-clock cap (results then depend on the machine). */
  timeLimitSeconds?: number;
}

export async function priceAndBranch(instance: PackInstance, patterns: Pattern[], opts: PriceAndBranchOptions = {}): Promise<PackSolution | null> {
  const n = instance.items.length;
  if (patterns.length === 0 || instance.items.some((it) => it.size.some((v) => v < 0))) return null;
  const covered = new Set(patterns.flatMap((p) => p.items));
  if (covered.size < n) return null;
  const highs = await loadHighs();
  const model = highs.createModel();
  try {
    model.options.set({
      output_flag: false,
      random_seed: 0,
      mip_max_nodes: opts.nodeLimit ?? 1000,
      ...(opts.timeLimitSeconds !== undefined ? { time_limit: Math.max(0.01, opts.timeLimitSeconds) } : {}),
    });
    for (let i = 0; i < n; i++) model.addRow(1, highs.infinity, { indices: [], values: [] });
    patterns.forEach((p, j) => {
      model.addCol(instance.binTypes[p.type].cost, 0, 1, { indices: p.items, values: p.items.map(() => 1) });
      model.changeColIntegrality(j, highs.constants.variableType.integer);
    });
    const integral = instance.binTypes.every((b) => Number.isInteger(b.cost));
    if (opts.upperBound !== undefined && integral) {
      model.addRow(-highs.infinity, opts.upperBound - 1, { indices: patterns.map((_, j) => j), values: patterns.map((p) => instance.binTypes[p.type].cost) });
    }
    model.run();
    const x = model.getSolution().colValue;
    if (!x || x.length !== patterns.length) return null;
    const assignment = new Array<number>(n).fill(-1);
    const bins: PackedBin[] = [];
    patterns.forEach((p, j) => {
      if (!(x[j] > 0.5)) return;
      const items = p.items.filter((i) => assignment[i] < 0);
      if (items.length === 0) return;
      for (const i of items) assignment[i] = bins.length;
      bins.push({ type: p.type, items });
    });
    if (assignment.some((a) => a < 0) || !isFeasiblePacking(instance, bins)) return null;
    const cost = bins.reduce((s, b) => s + instance.binTypes[b.type].cost, 0);
    if (opts.upperBound !== undefined && cost >= opts.upperBound) return null;
    return { assignment, bins, cost, algorithm: 'price-and-branch (HiGHS over generated patterns)', iterations: Number(model.info.get('mip_node_count')) };
  } finally {
    model.dispose();
  }
}
