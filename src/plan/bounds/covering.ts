import solver, { Model } from 'javascript-lp-solver';
import { PackInstance } from '../solver/instance';
import { allowedTypes, EPS } from './common';

/**
 * Capacity-covering bound across host models, solved as a small integer programme with javascript-lp-solver.
 *
 * Whatever the packing, the bins it opens must together offer at least the total demand in every dimension at once:
 *     min Σ_t cost_t · x_t   s.t.  Σ_t cap_tk · x_t ≥ Σ_i s_ik  (every dimension k),  0 ≤ x_t ≤ maxCount_t,  x_t integer.
 * Items restricted to some models add the same rows over subsets: for every distinct allowed set S, the bins of S must hold
 * the items that may only use models in S. The continuous bound prices each dimension separately (a CPU-cheap model for
 * the CPU, a memory-cheap one for the memory) and takes the larger; this one must buy one mix that covers all dimensions,
 * so it is never lower and is higher exactly when the cheapest model differs by dimension — the case of a host-model mix.
 *
 * With one model and no count limit it equals the continuous bound, so it is skipped (no solver call on the hot path of
 * single-model pools and the VBP benchmark). The model has one variable per host model and a few rows per dimension,
 * small enough for javascript-lp-solver's branch and bound; test/plan/covering-bound.test.ts checks it against HiGHS.
 */

/** Above this many distinct allowed sets only the whole-estate rows are used (keeps the model small; still a valid bound). */
const MAX_SUBSET_GROUPS = 32;
/** Integer variables only while branch and bound stays trivially small; beyond, the LP relaxation (still a valid bound). */
const MAX_INTEGER_TYPES = 12;

export interface CoveringBound {
  value: number;
  /** Opened bins per type in the covering solution (fractional when the LP relaxation was used). */
  mix: number[];
  integer: boolean;
}

/** Whether the covering model can say more than the per-dimension continuous bound. */
export function coveringApplies(instance: PackInstance): boolean {
  return instance.binTypes.length > 1 || instance.binTypes.some((b) => b.maxCount !== undefined);
}

/** Demand each group of types must hold: the items whose allowed types all lie in the group. */
function groupDemands(instance: PackInstance): { types: number[]; demand: number[] }[] {
  const all = instance.binTypes.map((_, t) => t);
  const d = instance.dims.length;
  const sets = new Map<string, number[]>();
  sets.set(all.join(','), all);
  for (let i = 0; i < instance.items.length; i++) {
    if (sets.size > MAX_SUBSET_GROUPS) break;
    const a = [...allowedTypes(instance, i)].sort((x, y) => x - y);
    sets.set(a.join(','), a);
  }
  const groups = sets.size > MAX_SUBSET_GROUPS ? [all] : [...sets.values()];
  return groups.map((types) => {
    const inGroup = new Set(types);
    const demand = new Array<number>(d).fill(0);
    for (let i = 0; i < instance.items.length; i++) {
      if (!allowedTypes(instance, i).every((t) => inGroup.has(t))) continue;
      const s = instance.items[i].size;
      for (let k = 0; k < d; k++) demand[k] += s[k];
    }
    return { types, demand };
  });
}

/** The covering model as javascript-lp-solver reads it (exported for the HiGHS cross-check in the tests). */
export function coveringModel(instance: PackInstance, costs: readonly number[], integer: boolean): Model {
  const constraints: Model['constraints'] = {};
  const variables: Model['variables'] = {};
  instance.binTypes.forEach((bt, t) => {
    variables[`x${t}`] = { cost: costs[t] };
    if (bt.maxCount !== undefined) {
      constraints[`max${t}`] = { max: bt.maxCount };
      variables[`x${t}`][`max${t}`] = 1;
    }
  });
  groupDemands(instance).forEach((g, gi) => {
    g.demand.forEach((need, k) => {
      if (need <= 0) return;
      const row = `g${gi}d${k}`;
      constraints[row] = { min: need * (1 - EPS) };
      for (const t of g.types) {
        const cap = instance.binTypes[t].capacity[k];
        if (cap > 0) variables[`x${t}`][row] = cap;
      }
    });
  });
  const model: Model = { optimize: 'cost', opType: 'min', constraints, variables };
  if (integer) model.ints = Object.fromEntries(instance.binTypes.map((_, t) => [`x${t}`, 1]));
  return model;
}

/**
 * The covering bound in objective units, or undefined when the model says nothing (one model, no limits) or is infeasible
 * (the count limits cannot hold the demand: the packing then leaves items unplaced, and other bounds apply).
 */
export function coveringBound(instance: PackInstance, costs: readonly number[]): CoveringBound | undefined {
  if (instance.items.length === 0 || !coveringApplies(instance)) return undefined;
  const integer = instance.binTypes.length <= MAX_INTEGER_TYPES;
  const result = solver.Solve(coveringModel(instance, costs, integer)) as Record<string, number | boolean | undefined>;
  if (result.feasible !== true || typeof result.result !== 'number' || !Number.isFinite(result.result)) return undefined;
  const mix = instance.binTypes.map((_, t) => {
    const v = result[`x${t}`];
    return typeof v === 'number' ? v : 0;
  });
  // The solver reports the objective rounded to its own precision; recompute it from the mix so the bound is what the
  // mix costs, then step back by EPS so float noise never claims more than the model proves.
  const value = mix.reduce((s, x, t) => s + x * costs[t], 0) * (1 - EPS);
  return { value: Math.max(0, value), mix, integer };
}
