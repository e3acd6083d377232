/**
 * The planner's single time-series call site (issue 6), used by `planConsolidation` per pool when
 * `policy.timeSeries !== 'off'`:
 *
 *   const ts = policy.timeSeries !== 'off' ? await seriesPoolHook(pp, comps, scope, demands, config, tally) : undefined;
 *   const ps = ts ? ts.solution : await solvePool(pp, config);
 *
 * The hook solves the pool twice: the flat (peak-sum) instance as the planner would, counted into the tally for
 * `plan.diversity`, and the slot instance (see slots.ts), whose solution the planner keeps. Host loads of the
 * time-varying dimensions become the slot peak (the largest slot sum, which is what must fit).
 */
import { AssessmentConfig } from '../../config/defaults';
import { info, Problem, warning } from '../../diagnostics';
import { Workload } from '../../inventory/schema';
import { clusterCount } from '../clusters';
import { Component } from '../constraints';
import { PoolProblem, PoolSolution, solvePool } from '../pool-solve';
import { Demand } from '../sizing';
import { Dimension } from '../types';
import { PackInstance } from '../solver/instance';
import { expandToSlots, SlotDemand, slotPeak, SlotGranularity, sumSlotDemands, TIME_DIMENSIONS, workloadSlotDemand } from './slots';

/** Running totals over pools, for `plan.diversity`. */
export interface SeriesPlanTally {
  basis: SlotGranularity;
  /** Hosts (active + reserve) when each workload is packed at the peak of its own slot demand. */
  peakSumHosts: number;
  /** Hosts (active + reserve) of the ordinary plan on flat percentiles. */
  flatPercentileHosts: number;
  /** Workloads that had at least one shape used. */
  shaped: number;
  considered: number;
  /** The policy percentile of the flat plan (for the note). */
  percentile?: number;
  /** Placed-in-scope workloads per confidence rating ('-' = no rating). */
  confidence: Record<string, number>;
  /** Shape percentiles that differ from the policy percentile, with how many workloads use each. */
  otherPercentiles: Record<string, number>;
}

export function newSeriesTally(basis: SlotGranularity): SeriesPlanTally {
  return { basis, peakSumHosts: 0, flatPercentileHosts: 0, shaped: 0, considered: 0, confidence: {}, otherPercentiles: {} };
}

export interface SeriesPoolResult {
  solution: PoolSolution;
  /** Slot peak per time-varying dimension over some members (indices into scope). */
  slotPeak(members: number[]): Partial<Record<Dimension, number>>;
  /** The host load to report: flat sums, with time-varying dimensions replaced by their slot peak. */
  load(members: number[], flatLoad: Partial<Record<Dimension, number>>): Partial<Record<Dimension, number>>;
  /** Slot demand of one member (for charts). */
  slotDemand(member: number): SlotDemand;
  /** Items (instance indices) whose demand in some slot exceeds every allowed model, with the exact reason. */
  oversized: Map<number, string>;
}

export async function seriesPoolHook(
  pp: PoolProblem,
  comps: Component[],
  scope: Workload[],
  demands: Demand[],
  config: AssessmentConfig,
  tally: SeriesPlanTally,
): Promise<SeriesPoolResult> {
  const policy = config.policy;
  const g = tally.basis;
  tally.percentile = policy.percentile;
  const dims = pp.instance.dims.filter((d) => TIME_DIMENSIONS[d as Dimension]) as Dimension[];
  const cache = new Map<number, SlotDemand>();
  const slotOf = (m: number): SlotDemand => {
    let s = cache.get(m);
    if (!s) {
      s = workloadSlotDemand(scope[m], demands[m], dims, policy, g);
      cache.set(m, s);
    }
    return s;
  };

  const spares = config.constraints.pools.find((p) => p.name === pp.pool)?.haSpareHosts ?? policy.haSpareHosts;
  const maxPer = config.constraints.pools.find((p) => p.name === pp.pool)?.maxHostsPerCluster ?? policy.maxHostsPerCluster;
  const withReserve = (active: number) => active + spares * clusterCount(active, maxPer, spares);
  // the ordinary plan on flat percentiles, for comparison
  const flat = await solvePool(pp, config);
  tally.flatPercentileHosts += withReserve(flat.solution.bins.length);

  const compOfItem = new Map<number, number>();
  for (const [ci, it] of pp.itemOf) compOfItem.set(it, ci);
  for (const [, it] of pp.itemOf) {
    for (const m of comps[compOfItem.get(it)!].members) {
      tally.considered++;
      const c = String(scope[m].utilization.confidence ?? '-');
      tally.confidence[c] = (tally.confidence[c] ?? 0) + 1;
      const shapes = Object.values(TIME_DIMENSIONS).map((k) => scope[m].utilization[k]?.shape).filter((x) => x !== undefined);
      if (shapes.length > 0) tally.shaped++;
      for (const sh of shapes) {
        if (sh.percentile !== policy.percentile) {
          tally.otherPercentiles[String(sh.percentile)] = (tally.otherPercentiles[String(sh.percentile)] ?? 0) + 1;
          break;
        }
      }
    }
  }
  const itemSlots = (i: number) => sumSlotDemands(comps[compOfItem.get(i)!].members.map(slotOf));
  const instance = expandToSlots(pp.instance, itemSlots, g);
  // the peak-sum plan beside it: the same slot demand, each item at its own peak slot (nothing stacked)
  const peakInstance = {
    ...pp.instance,
    items: pp.instance.items.map((it, i) => {
      const sd = itemSlots(i);
      return { ...it, size: pp.instance.dims.map((d, k) => { const a = sd[d as Dimension]; return a ? Math.max(...a) : it.size[k]; }) };
    }),
  };
  tally.peakSumHosts += withReserve((await solvePool({ ...pp, instance: peakInstance }, config)).solution.bins.length);
  const oversized = slotOversized(instance, pp, g);
  const solution = await solvePool({ ...pp, instance }, config);
  return {
    oversized,
    solution,
    slotPeak: (members) => slotPeak(members.map(slotOf)),
    load: (members, flatLoad) => ({ ...flatLoad, ...slotPeak(members.map(slotOf)) }),
    slotDemand: slotOf,
  };
}

/** `plan.diversity` from the tally and the time-series plan's host count. */
export function diversityOf(tally: SeriesPlanTally, seriesHosts: number) {
  return {
    basis: tally.basis,
    peakSumHosts: tally.peakSumHosts,
    seriesHosts,
    hostsSaved: tally.peakSumHosts - seriesHosts,
    flatPercentileHosts: tally.flatPercentileHosts,
  };
}

/** The note the plan carries about time-series packing: hosts saved, and how many workloads had shapes. */
export function seriesPlanNote(tally: SeriesPlanTally, seriesHosts: number): Problem {
  const d = diversityOf(tally, seriesHosts);
  const flatShare = tally.considered - tally.shaped;
  const msg =
    `time-series packing (${tally.basis}, ${tally.basis === 'hourly' ? 24 : 168} slots): ${d.seriesHosts} hosts against ` +
    `${d.peakSumHosts} when each workload's peak slot is added up — ${d.hostsSaved} saved by stacking complementary shapes` +
    ` (diversity benefit); ${tally.shaped} of ${tally.considered} workloads have demand shapes` +
    (flatShare > 0 ? `, ${flatShare} use their flat figure in every slot` : '') +
    `. The ordinary plan on each workload's flat P${tally.percentile ?? '?'} needs ${d.flatPercentileHosts} hosts` +
    (d.flatPercentileHosts < d.seriesHosts ? ': fewer, because a shape holds the percentile of every hour (or hour of the week), which is stricter than one percentile over the whole window' : '') +
    `. Data confidence of the workloads: ${['5', '4', '3', '2', '1', '-']
      .filter((k) => tally.confidence[k])
      .map((k) => `${tally.confidence[k]} × ${k === '-' ? 'unrated' : `${k}/5`}`)
      .join(', ')}`;
  const others = Object.entries(tally.otherPercentiles);
  if (others.length > 0) {
    return warning(
      'time-series-percentile-mismatch',
      msg + `. Shapes of ${others.map(([p, n]) => `${n} workload(s) hold P${p}`).join(', ')}, not the policy's P${tally.percentile}`,
      {},
      `collect again with --percentile ${tally.percentile}, or set policy.percentile to the shapes' percentile`,
    );
  }
  if (tally.shaped === 0) {
    return warning('time-series-no-shapes', msg, {}, 'collect perf time series (perfmon, sar, traces) so workloads get hourly/weekly shapes');
  }
  return info('time-series-plan', msg);
}

/**
 * Items that no allowed model can hold in some slot (a burst hour above a host's plannable capacity, while the flat
 * percentile fits): the solver leaves them unplaced, and this says exactly why.
 */
function slotOversized(instance: PackInstance, pp: PoolProblem, g: SlotGranularity): Map<number, string> {
  const out = new Map<number, string>();
  instance.items.forEach((it, i) => {
    const types = it.allowedBinTypes ?? instance.binTypes.map((_, t) => t);
    const why: string[] = [];
    const fits = types.some((t) => {
      const cap = instance.binTypes[t].capacity;
      const k = it.size.findIndex((v, d) => v > cap[d] * (1 + 1e-9));
      if (k < 0) return true;
      const [dim, slot] = instance.dims[k].split('@');
      const when = slot === undefined ? '' : ` in ${g} slot ${slot}${g === 'hourly' ? ` (${slot.padStart(2, '0')}:00 UTC)` : ''}`;
      why.push(`its demand shape needs ${Math.round(it.size[k])} ${dim}${when}, more than the ${Math.round(cap[k])} usable on ${pp.models[t].id}`);
      return false;
    });
    if (!fits) out.set(i, why.join('; '));
  });
  return out;
}
