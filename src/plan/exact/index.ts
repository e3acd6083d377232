/**
 * Exact method for small estates: the representative assignment MIP (see model.ts) solved by HiGHS under a NODE limit
 * (never wall-clock, so a slower machine proves the same thing). It starts from the caller's heuristic solution: when that
 * already meets the combinatorial lower bound it is returned as proven without a solve; otherwise the MIP is asked for a
 * solution strictly cheaper than the incumbent (objective <= incumbent − 1 with integral costs), so "infeasible" proves the
 * incumbent optimal and any solution found is an improvement.
 */
import { lowerBound, placeablePart } from '../bounds';
import { PackedBin, PackInstance, PackSolution } from '../solver/instance';
import { loadHighs } from './highs';
import { buildRepModel } from './model';

export interface ExactOptions {
  /** Branch-and-bound node budget for HiGHS (default 1,000: about 1-20 s at 40 items, depending on how tight the LP is). */
  nodeLimit?: number;
  /** Cost of a known solution (e.g. the heuristic's); `incumbent` supplies the solution itself. */
  upperBound?: number;
  incumbent?: PackSolution;
  /** HiGHS random seed (default 0); fixed so runs are reproducible. */
  seed?: number;
  /**
   * Wall-clock cap in seconds, for benchmarks only: it makes results depend on the machine, so the planner never sets it
   * (plans are bounded by `nodeLimit`).
   */
  timeLimitSeconds?: number;
}

export interface ExactResult {
  /** Best solution known at the end (the incumbent when the MIP found nothing better), null if none. */
  solution: PackSolution | null;
  provenOptimal: boolean;
  /** Proven lower bound on the objective. */
  bound: number;
  /** HiGHS nodes spent. */
  nodes: number;
  /** What ended the search: `bound-met`, `optimal`, `incumbent-optimal`, `node-limit`, `infeasible`. */
  status: string;
}

const REL = 1 + 1e-9;

/** Checks a decoded solution against the instance with a tight tolerance (the MIP's tolerances are looser). */
export function isFeasiblePacking(instance: PackInstance, bins: PackedBin[]): boolean {
  const n = instance.items.length;
  const conflict = new Set<number>();
  for (const [a, b] of instance.conflicts ?? []) conflict.add(a * n + b).add(b * n + a);
  for (const bin of bins) {
    const bt = instance.binTypes[bin.type];
    if (bt.maxItems !== undefined && bin.items.length > bt.maxItems) return false;
    for (let k = 0; k < instance.dims.length; k++) {
      let load = 0;
      for (const i of bin.items) load += instance.items[i].size[k];
      if (load > bt.capacity[k] * REL + 1e-9) return false;
    }
    for (const i of bin.items) {
      const a = instance.items[i].allowedBinTypes;
      if (a && a.length > 0 && !a.includes(bin.type)) return false;
      for (const j of bin.items) if (i < j && conflict.has(i * n + j)) return false;
    }
  }
  const counts = new Map<number, number>();
  for (const b of bins) counts.set(b.type, (counts.get(b.type) ?? 0) + 1);
  return instance.binTypes.every((bt, t) => bt.maxCount === undefined || (counts.get(t) ?? 0) <= bt.maxCount);
}

function toSolution(instance: PackInstance, bins: PackedBin[], nodes: number): PackSolution {
  const assignment = new Array<number>(instance.items.length).fill(-1);
  bins.forEach((b, bi) => b.items.forEach((i) => (assignment[i] = bi)));
  const cost = bins.reduce((s, b) => s + instance.binTypes[b.type].cost, 0);
  return { assignment, bins, cost, algorithm: 'exact (HiGHS representative model)', iterations: nodes };
}

/**
 * Items that fit no allowed bin type alone are left unplaced (assignment -1) and the result never claims optimality for
 * the whole instance then; everything else is solved on the placeable part.
 */
export async function solveExact(instance: PackInstance, opts: ExactOptions = {}): Promise<ExactResult> {
  const { sub, keep } = placeablePart(instance);
  if (sub === instance) return solvePlaceable(instance, opts);
  const at = new Map(keep.map((i, k) => [i, k]));
  const inc = opts.incumbent;
  const subIncumbent =
    inc && inc.assignment.every((b, i) => at.has(i) === b >= 0)
      ? { ...inc, assignment: keep.map((i) => inc.assignment[i]), bins: inc.bins.map((b) => ({ type: b.type, items: b.items.map((i) => at.get(i)!) })) }
      : undefined;
  const r = await solvePlaceable(sub, { ...opts, incumbent: subIncumbent, upperBound: subIncumbent ? undefined : opts.upperBound });
  if (!r.solution) return { ...r, provenOptimal: false };
  const assignment = new Array<number>(instance.items.length).fill(-1);
  keep.forEach((i, k) => (assignment[i] = r.solution!.assignment[k]));
  const bins = r.solution.bins.map((b) => ({ type: b.type, items: b.items.map((k) => keep[k]) }));
  return { ...r, provenOptimal: false, solution: { ...r.solution, assignment, bins } };
}

async function solvePlaceable(instance: PackInstance, opts: ExactOptions): Promise<ExactResult> {
  const lb = lowerBound(instance).value;
  const incumbent = opts.incumbent ?? null;
  const ub = incumbent ? incumbent.cost : (opts.upperBound ?? Number.POSITIVE_INFINITY);
  const integral = instance.binTypes.every((b) => Number.isInteger(b.cost));
  if (incumbent && incumbent.assignment.every((a) => a >= 0) && ub <= lb + 1e-9) {
    return { solution: incumbent, provenOptimal: true, bound: lb, nodes: 0, status: 'bound-met' };
  }
  const cutoff = Number.isFinite(ub) ? (integral ? ub - 1 : ub - 1e-7 * Math.max(1, Math.abs(ub))) : undefined;
  const model = buildRepModel(instance, lb, cutoff);
  if (model.order.length === 0) {
    const empty = toSolution(instance, [], 0);
    return { solution: empty, provenOptimal: model.unplaceable.length === 0, bound: 0, nodes: 0, status: 'optimal' };
  }
  const highs = await loadHighs();
  const m = highs.createModel({ format: 'lp', data: model.lp });
  try {
    m.options.set({
      output_flag: false,
      mip_max_nodes: opts.nodeLimit ?? 1_000,
      random_seed: opts.seed ?? 0,
      mip_rel_gap: 0,
      ...(opts.timeLimitSeconds !== undefined ? { time_limit: Math.max(0.01, opts.timeLimitSeconds) } : {}),
    });
    m.run();
    const status = m.getModelStatus();
    const codes = highs.constants.modelStatus;
    const nodes = Number(m.info.get('mip_node_count'));
    let found: PackSolution | null = null;
    const primal = m.info.get('primal_solution_status') as number;
    if (status === codes.optimal || primal === 2) {
      const value = m.getSolution().colValue;
      const bins = new Map<string, PackedBin>();
      for (let c = 0; c < value.length; c++) {
        if (value[c] < 0.5) continue;
        const name = m.getColName(c);
        const parts = name.split('_');
        if (parts[0] === 'y') {
          const key = `${parts[1]}_${parts[2]}`;
          const bin = bins.get(key) ?? { type: Number(parts[2]), items: [] };
          bin.items.unshift(model.order[Number(parts[1])]);
          bins.set(key, bin);
        } else if (parts[0] === 'x') {
          const key = `${parts[2]}_${parts[3]}`;
          const bin = bins.get(key) ?? { type: Number(parts[3]), items: [] };
          bin.items.push(model.order[Number(parts[1])]);
          bins.set(key, bin);
        }
      }
      const list = [...bins.entries()]
        .sort((a, b) => Number(a[0].split('_')[0]) - Number(b[0].split('_')[0]))
        .map(([, b]) => ({ type: b.type, items: [...b.items].sort((x, y) => x - y) }));
      if (isFeasiblePacking(instance, list)) found = toSolution(instance, list, nodes);
    }
    const best = found && (!incumbent || found.cost < incumbent.cost) ? found : incumbent;
    if (status === codes.optimal && found) {
      return { solution: found, provenOptimal: model.unplaceable.length === 0, bound: found.cost, nodes, status: 'optimal' };
    }
    if (status === codes.infeasible) {
      if (incumbent) return { solution: incumbent, provenOptimal: true, bound: ub, nodes, status: 'incumbent-optimal' };
      return { solution: null, provenOptimal: false, bound: lb, nodes, status: 'infeasible' };
    }
    // Node limit: the MIP's dual bound is for "objective <= cutoff", so the true optimum is at least min(ub, dual bound).
    let dual = Number(m.info.get('mip_dual_bound'));
    if (!Number.isFinite(dual)) dual = lb;
    if (integral) dual = Math.ceil(dual - 1e-6);
    const bound = Math.max(lb, Math.min(ub, dual));
    const proven = best !== null && best.cost <= bound + 1e-9;
    return { solution: best, provenOptimal: proven, bound, nodes, status: 'node-limit' };
  } finally {
    m.dispose();
  }
}
