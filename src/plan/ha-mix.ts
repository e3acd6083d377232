/**
 * HA inside the model-mix decision (issue 10). Every target cluster holds K empty spares, and a spare must cover the
 * load of every host of its cluster, so the spare's model is part of the price of a packing: a mix of large hosts can be
 * cheapest for the active hosts and still lose once a large spare is added, to a mix of smaller hosts whose spare is
 * small. Choosing the spare after the active hosts misses that plan.
 *
 * So, with objective `cost`, K > 0 and two or more new models: for every candidate spare model s, the pool is packed
 * with every host's load capped at s's plannable capacity (s then covers any host), and priced as
 *   active cost + K × cost(s) × clusters(active hosts)
 * The cheapest total wins (the uncapped packing, priced with its own spare, is the starting incumbent). A candidate is
 * skipped when its lower bound (LP/continuous bound of the capped instance + its spares on the bound's host count) cannot
 * beat the incumbent. The minimum of those per-candidate bounds is a lower bound on the total cost of any plan whose
 * spares cover every host — the plan's cost lower bound.
 */
import { AssessmentConfig } from '../config/defaults';
import { binCountLowerBound, lowerBound } from './bounds';
import { CatalogModel } from './catalog';
import { clusterCount } from './clusters';
import { PoolProblem, PoolSolution } from './pool-solve';
import { PackInstance, PackSolution } from './solver/instance';

export interface SpareChoice {
  ps: PoolSolution;
  /** The spare model the winning packing was priced with (undefined when K = 0). */
  spareModel?: CatalogModel;
  /** Active + spare cost of the chosen packing, and a lower bound on it over every spare model. */
  totalCost: number;
  totalBound: number;
  /** Spares inside the decision: whether the total is proven minimal over every candidate spare model. */
  proven: boolean;
  /** Lower bound on active hosts of the uncapped pool (a capped instance's bound is no bound on other plans). */
  countBound: { value: number; method: string };
  /** Candidates evaluated, for the solver line. */
  note?: string;
}

const EPS = 1e-9;

/** The cheapest new model whose capacity covers every bin's load (the spare a cluster of these hosts needs). */
function coveringSpare(inst: PackInstance, sol: PackSolution, models: CatalogModel[]): number | undefined {
  const loads = sol.bins.map((b) => inst.dims.map((_, k) => b.items.reduce((s, it) => s + inst.items[it].size[k], 0)));
  const order = models.map((_, t) => t).filter((t) => !models[t].existing).sort((a, b) => inst.binTypes[a].cost - inst.binTypes[b].cost || models[a].id.localeCompare(models[b].id, 'en-US'));
  return order.find((t) => loads.every((l) => l.every((v, k) => v <= inst.binTypes[t].capacity[k] * (1 + EPS))));
}

/** Every bin type's capacity capped at the spare's, so that the spare covers any host; undefined if an item cannot fit. */
function capped(inst: PackInstance, s: number): PackInstance | undefined {
  const cap = inst.binTypes[s].capacity;
  if (inst.items.some((it) => it.size.some((v, k) => v > cap[k] * (1 + EPS)))) return undefined;
  return { ...inst, binTypes: inst.binTypes.map((b) => ({ ...b, capacity: b.capacity.map((c, k) => Math.min(c, cap[k])) })) };
}

export async function solveWithSpares(
  pp: PoolProblem,
  config: AssessmentConfig,
  spares: number,
  maxPerCluster: number,
  solve: (p: PoolProblem) => Promise<PoolSolution>,
): Promise<SpareChoice> {
  const inst = pp.instance;
  const base = await solve(pp);
  const cc = (bins: number) => clusterCount(bins, maxPerCluster, spares);
  const spareCost = (t: number, bins: number) => spares * inst.binTypes[t].cost * cc(bins);
  const newModels = pp.models.map((_, t) => t).filter((t) => !pp.models[t].existing);
  const baseSpare = spares > 0 ? coveringSpare(inst, base.solution, pp.models) : undefined;
  const baseTotal = base.solution.cost + (baseSpare !== undefined ? spareCost(baseSpare, base.solution.bins.length) : 0);
  const cheapestSpare = Math.min(...newModels.map((t) => inst.binTypes[t].cost), Number.POSITIVE_INFINITY);
  const plainBound = base.costBound.value + (spares > 0 && Number.isFinite(cheapestSpare) ? spares * cheapestSpare * cc(base.countBound.value) : 0);
  const single: SpareChoice = { ps: base, totalCost: baseTotal, totalBound: plainBound, proven: base.provenOptimal, countBound: base.countBound };
  if (baseSpare !== undefined) single.spareModel = pp.models[baseSpare];
  const allPlaced = (s: PackSolution) => s.assignment.every((b) => b >= 0);
  if (spares === 0 || config.policy.objective !== 'cost' || newModels.length < 2 || !allPlaced(base.solution)) return single;

  let best: { ps: PoolSolution; spare: number; total: number } = { ps: base, spare: baseSpare ?? newModels[0], total: baseTotal };
  const bounds = new Map<number, number>();
  const evaluated = new Map<number, { total: number; proven: boolean }>();
  const sorted = [...newModels].sort((a, b) => inst.binTypes[a].cost - inst.binTypes[b].cost || pp.models[a].id.localeCompare(pp.models[b].id, 'en-US'));
  for (const s of sorted) {
    const ci = capped(inst, s);
    if (!ci) continue;
    const lb = lowerBound(ci).value + spares * inst.binTypes[s].cost * cc(binCountLowerBound(ci).value);
    bounds.set(s, lb);
    if (lb >= best.total - EPS) continue;
    const ps = await solve({ ...pp, instance: ci });
    if (!allPlaced(ps.solution)) continue;
    const total = ps.solution.cost + spareCost(s, ps.solution.bins.length);
    evaluated.set(s, { total, proven: ps.provenOptimal });
    if (total < best.total - EPS) best = { ps, spare: s, total };
  }
  const totalBound = Math.min(...[...bounds.values()], best.total);
  // proven: the winner is optimal in its capped instance and no other spare model can do better
  const proven =
    best.ps.provenOptimal &&
    [...bounds].every(([s, lb]) => s === best.spare || lb >= best.total - EPS || (evaluated.get(s)?.proven === true && evaluated.get(s)!.total >= best.total - EPS));
  const note = best.ps === base ? undefined : `spare ${pp.models[best.spare].id} priced in (saves ${Math.round(baseTotal - best.total)} vs choosing the spare after the mix)`;
  const out: SpareChoice = { ps: best.ps, spareModel: pp.models[best.spare], totalCost: best.total, totalBound, proven, countBound: base.countBound };
  if (note) out.note = note;
  return out;
}
