/**
 * One pool as a packing problem: items (affinity components with summed demand), bin types (the pool's host models with
 * plannable capacity and objective cost), conflicts (anti-affinity). Items no allowed model can hold are taken out first
 * with the exact reason — the dimension and model they exceed — so "does not fit" never rests on a greedy failure.
 */
import { LicenceSchema } from '../config/schema';
import { AssessmentConfig } from '../config/defaults';
import { binCountLowerBound, lowerBound } from './bounds';
import { solveExact } from './exact';
import { CatalogModel } from './catalog';
import { Component } from './constraints';
import { Demand } from './sizing';
import { BinType, PackInstance, PackSolution } from './solver/instance';
import { solvePortfolio } from './solver/portfolio';
import { Dimension } from './types';
import { z } from 'zod';

export type Licence = z.infer<typeof LicenceSchema>;

export const DIM_LABEL: Record<Dimension, string> = {
  cpuMhz: 'MHz CPU',
  memoryMib: 'MiB memory',
  storageGib: 'GiB storage',
  iops: 'IOPS',
  networkMbps: 'Mbps network',
};

/** Integer-ish formatting with thousands separators, independent of the machine's locale. */
export function fmt(x: number): string {
  const r = Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 100) / 100;
  const [int, frac] = String(Math.abs(r)).split('.');
  return `${r < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** Cores a licence counts on one host: max(physical cores, per-host minimum, sockets × per-socket minimum). */
export function licensedCores(m: CatalogModel, licence: Licence | undefined): number {
  if (!licence) return 0;
  return Math.max(m.cores, licence.minCoresPerHost ?? 0, m.model.sockets * (licence.minCoresPerSocket ?? 0));
}

export interface PoolProblem {
  pool: string;
  models: CatalogModel[];
  comps: Component[];
  /** Component index (into `comps`) → item index, for the components that went into the instance. */
  itemOf: Map<number, number>;
  instance: PackInstance;
  /** Whether the instance has the extra `workloads` dimension (max workloads per host with merged affinity groups). */
  countDim: boolean;
  /** Components that fit no allowed model: index into comps → reason. */
  oversized: Map<number, string>;
}

export function buildPoolProblem(
  pool: string,
  comps: Component[],
  conflicts: { a: number; b: number }[],
  demands: Demand[],
  dims: Dimension[],
  models: CatalogModel[],
  config: AssessmentConfig,
  licence: Licence | undefined,
  names: (member: number) => string,
  /** haReservePct: this share of every host's CPU and memory is held back, so the cluster keeps it free (admission control). */
  reservePct = 0,
  /** Issue 12: licences and support of one host of the model over the business case's horizon (0 without one). */
  extraCost: (m: CatalogModel) => number = () => 0,
): PoolProblem {
  const policy = config.policy;
  const held = (d: string) => (d === 'cpuMhz' || d === 'memoryMib' ? 1 - reservePct / 100 : 1);
  const maxW = policy.maxWorkloadsPerHost;
  const countDim = maxW !== undefined && comps.some((c) => c.members.length > 1);
  const packDims: string[] = [...dims, ...(countDim ? ['workloads'] : [])];
  const allCostsZero = models.every((m) => m.model.cost + licensedCores(m, licence) * (licence?.perCore ?? 0) + extraCost(m) === 0);
  const maxCost = Math.max(1, ...models.map((m) => m.model.cost));
  const binTypes: BinType[] = models.map((m) => {
    const hw = m.model.cost + licensedCores(m, licence) * (licence?.perCore ?? 0) + extraCost(m);
    // objective `hosts` (or no prices at all): one per host, hardware cost only breaks ties between models
    const cost = policy.objective === 'hosts' || allCostsZero ? 1 + (1e-6 * m.model.cost) / maxCost : hw;
    const bt: BinType = { id: m.id, capacity: packDims.map((d) => (d === 'workloads' ? maxW! : (m.capacity[d as Dimension] ?? 0) * held(d))), cost };
    if (m.model.maxCount !== undefined) bt.maxCount = m.model.maxCount;
    if (maxW !== undefined && !countDim) bt.maxItems = maxW;
    return bt;
  });
  const items: PackInstance['items'] = [];
  const itemOf = new Map<number, number>();
  const oversized = new Map<number, string>();
  comps.forEach((c, ci) => {
    const size = packDims.map((d) => (d === 'workloads' ? c.members.length : c.members.reduce((s, m) => s + (demands[m][d as Dimension] ?? 0), 0)));
    const allowedIdx = models.map((m, t) => t).filter((t) => c.allowedModels === null || c.allowedModels.includes(models[t].id));
    const why: string[] = [];
    const fitsSome = allowedIdx.some((t) => {
      const over = packDims.map((d, k) => ({ d, k })).filter(({ k }) => size[k] > binTypes[t].capacity[k] * (1 + 1e-9));
      if (over.length === 0) return true;
      const { d, k } = over[0];
      const m = models[t];
      if (d === 'workloads') why.push(`its affinity group has ${size[k]} workloads, more than maxWorkloadsPerHost ${maxW}`);
      else
        why.push(
          `needs ${fmt(size[k])} ${DIM_LABEL[d as Dimension]}, more than the ${fmt(binTypes[t].capacity[k])} usable on ${m.id}` +
            ` (${fmt(m.raw[d as Dimension] ?? 0)} × target ${fmt((binTypes[t].capacity[k] / (m.raw[d as Dimension] ?? 1)))}` +
            `${held(d) < 1 ? `, after the ${reservePct} % HA reserve` : ''})`,
        );
      return false;
    });
    if (!fitsSome) {
      const group = c.members.length > 1 ? `affinity group ${c.affinity.map((a) => `"${a}"`).join(', ')} (${c.members.map(names).join(', ')}) ` : '';
      oversized.set(ci, `${group}${why.join('; ')}`);
      return;
    }
    itemOf.set(ci, items.length);
    const item: PackInstance['items'][number] = { id: names(c.members[0]), size };
    if (allowedIdx.length < models.length) item.allowedBinTypes = allowedIdx;
    items.push(item);
  });
  const packConflicts: [number, number][] = [];
  for (const { a, b } of conflicts) {
    const ia = itemOf.get(a);
    const ib = itemOf.get(b);
    if (ia !== undefined && ib !== undefined) packConflicts.push([ia, ib]);
  }
  const instance: PackInstance = { dims: packDims, items, binTypes };
  if (packConflicts.length) instance.conflicts = packConflicts;
  return { pool, models, comps, itemOf, instance, countDim, oversized };
}

export interface PoolSolution {
  solution: PackSolution;
  /** Lower bound on active hosts (count) and on the objective (cost). */
  countBound: { value: number; method: string };
  costBound: { value: number; method: string };
  provenOptimal: boolean;
  iterations: number;
}

export async function solvePool(p: PoolProblem, config: AssessmentConfig): Promise<PoolSolution> {
  const policy = config.policy;
  const inst = p.instance;
  const opts: { seed: number; iterations?: number } = { seed: policy.seed };
  if (policy.solverIterations !== undefined) opts.iterations = policy.solverIterations;
  let solution = solvePortfolio(inst, opts);
  const countBound = binCountLowerBound(inst);
  const costBound = lowerBound(inst);
  let iterations = solution.iterations;
  const placedAll = solution.assignment.every((b) => b >= 0);
  let provenOptimal = placedAll && solution.cost <= costBound.value * (1 + 1e-9) + 1e-9;
  if (!provenOptimal && placedAll && inst.items.length > 0 && inst.items.length <= policy.exactMaxWorkloads) {
    const ex = await solveExact(inst, { incumbent: solution, upperBound: solution.cost, seed: 0 });
    iterations += ex.nodes;
    if (ex.solution && ex.solution.cost < solution.cost - 1e-9) solution = { ...ex.solution, algorithm: `${solution.algorithm} → exact MIP` };
    provenOptimal = ex.provenOptimal;
    if (ex.provenOptimal && !solution.algorithm.includes('exact')) solution = { ...solution, algorithm: `${solution.algorithm} (proven optimal by MIP)` };
  }
  return { solution, countBound, costBound, provenOptimal, iterations };
}
