/**
 * planConsolidation(inventory, config) → Plan: scope → size → constraints → per pool (pack, exact for small pools,
 * bounds) → clusters with N+K reserve → summary. Pure apart from the clock read for `solver.seconds`.
 *
 * Scope: templates and SRM placeholders are not running workloads and are listed unplaced; powered-off VMs are planned
 * (the collector kept them because it was asked to) unless the config says `collect.includePoweredOff: false`.
 */
import { AssessmentConfig } from '../config/defaults';
import { info, Problem, warning } from '../diagnostics';
import { Host, Inventory, Workload } from '../inventory/schema';
import { VERSION } from '../version';
import { CatalogModel, catalogModel, existingHostModels } from './catalog';
import { clusterCount, splitClusters, ActiveHost } from './clusters';
import { buildConstraints } from './constraints';
import { plannedDrsRules } from './drs';
import { buildPoolProblem, Licence, solvePool } from './pool-solve';
import { Demand, round, sizeWorkload, sizingFormulas } from './sizing';
import { summarize } from './summary';
import { Dimension, Plan, PLAN_SCHEMA, PlannedHost, PoolStorage, UnplacedWorkload, WorkloadSizing } from './types';
import { hciDemand, poolKind, policyFacts, poolStorage, sizeArray, storageFormulas } from './storage';
import { clustersBefore } from './ha';
import { memorySizing } from './memory-basis';
import { reconcileClusters } from './reconcile';
import { rightsizedWorkload, rightsizeFormulas, rightsizeScope } from './rightsize';
import { cpuConversion } from './cpu-performance';
import { cpuPerformanceFacts } from './cpu-facts';
import { solveWithSpares } from './ha-mix';
import { diversityOf, newSeriesTally, seriesPlanNote, seriesPoolHook } from './series/pool-hook';
import { businessCaseOf, decommissionReason, objectiveExtra } from '../business/plan-hook';
import { unmatchedConstraints } from './unmatched';

const ALL_DIMS: Dimension[] = ['cpuMhz', 'memoryMib', 'storageGib', 'iops', 'networkMbps'];

export async function planConsolidation(inventory: Inventory, config: AssessmentConfig): Promise<Plan> {
  const started = process.hrtime.bigint();
  const problems: Problem[] = [];
  const policy = config.policy;
  const unplaced: UnplacedWorkload[] = [];

  // scope
  const explicitPoweredOffOut = !config.collect.includePoweredOff && !config.defaultsApplied.includes('collect.includePoweredOff');
  const scope: Workload[] = [];
  const decommissioned: Workload[] = [];
  for (const w of inventory.workloads) {
    const retire = decommissionReason(config.businessCase, w);
    if (retire && !w.flags.includes('template')) {
      decommissioned.push(w);
      unplaced.push(out(w, 'decommissioned', retire));
    } else if (w.flags.includes('template')) unplaced.push(out(w, 'template', 'a template is not a running workload'));
    else if (w.flags.includes('srm-placeholder')) unplaced.push(out(w, 'srm-placeholder', 'an SRM placeholder is not a running workload'));
    else if (explicitPoweredOffOut && (w.powerState === 'off' || w.flags.includes('powered-off')))
      unplaced.push(out(w, 'powered-off', 'powered off, and the config sets collect.includePoweredOff: false'));
    else scope.push(w);
  }

  // catalog, then sizing: CPU demand moves to the new hosts by per-core performance (cpu-performance.ts)
  const hostsById = new Map<string, Host>(inventory.hosts.map((h) => [h.id, h]));
  const hostModels = [...config.hostModels, ...(policy.reuseExistingHosts ? existingHostModels(inventory, config.hostModels, problems, policy.existingHosts) : [])];
  const conversion = cpuConversion(policy.cpuComparison, inventory.hosts, hostModels);
  const catalog: CatalogModel[] = hostModels.map((m) => catalogModel(m, policy, m.id.startsWith('existing-'), conversion.modelFactor(m)));
  // (issue 19.1) policy.rightsize: each VM planned at its recommended vCPUs and memory, see rightsize.ts
  const rightsizing = policy.rightsize ? rightsizeScope(scope, policy, policy.rightsize, hostsById) : undefined;
  const today = new Map(scope.map((w) => [w.id, w]));
  if (rightsizing) rightsizing.workloads.forEach((row, i) => (scope[i] = rightsizedWorkload(scope[i], row)));
  const demands: Demand[] = scope.map((w) => sizeWorkload(w, policy, hostsById, conversion));
  reportSizingBasis(scope, demands, policy, problems);
  const reconciliation = reconcileClusters(inventory, scope, demands, policy, problems);
  const cpuPerformance = cpuPerformanceFacts(conversion, inventory, scope, hostModels, problems);
  const dims = chooseDimensions(demands, catalog, problems);
  // (issue 6) correlation-aware packing on demand shapes, see src/plan/series/pool-hook.ts
  const seriesTally = policy.timeSeries !== 'off' ? newSeriesTally(policy.timeSeries) : undefined;

  // constraints
  const cm = buildConstraints(scope, config, inventory.drsRules);
  problems.push(...cm.problems);
  const poolOfScope = scope.map(() => '');
  for (const comp of cm.components) for (const m of comp.members) poolOfScope[m] = comp.pool;
  problems.push(...unmatchedConstraints(config, scope, poolOfScope.filter((p) => p !== ''), inventory.workloads, inventory.drsRules));
  const drsRules = plannedDrsRules(cm.drs);
  for (const [i, why] of [...cm.excluded].sort((a, b) => a[0] - b[0])) unplaced.push(out(scope[i], why.code, why.reason));

  // pools
  const hosts: PlannedHost[] = [];
  const modelCounter = new Map<string, number>();
  const licenceOfPool = new Map<string, Licence | undefined>();
  const storagePools: PoolStorage[] = [];
  const externalIdx: number[] = [];
  const haReserve: { pool: string; spareHosts: number; reservePct: number }[] = [];
  const algorithms: string[] = [];
  const boundMethods: string[] = [];
  let lowerBoundTotal = 0;
  let provenAll = true;
  let iterations = 0;
  let costBound = 0;
  let costActive = 0;
  const placedIdx: number[] = [];
  const nextId = (model: string) => {
    const n = (modelCounter.get(model) ?? 0) + 1;
    modelCounter.set(model, n);
    return `${model}-${String(n).padStart(3, '0')}`;
  };
  for (const pool of cm.poolNames) {
    const poolCfg = config.constraints.pools.find((p) => p.name === pool);
    licenceOfPool.set(pool, poolCfg?.licence);
    const compIdx = cm.components.map((_, ci) => ci).filter((ci) => cm.components[ci].pool === pool && !cm.excluded.has(cm.components[ci].members[0]));
    if (compIdx.length === 0) continue;
    const local = new Map(compIdx.map((ci, k) => [ci, k]));
    const comps = compIdx.map((ci) => cm.components[ci]);
    const conflicts = cm.conflicts
      .filter((c) => local.has(c.a) && local.has(c.b))
      .map((c) => ({ a: local.get(c.a)!, b: local.get(c.b)! }));
    const models = oneStorageKind(pool, poolCfg?.hostModels ? catalog.filter((m) => poolCfg.hostModels!.includes(m.id)) : catalog, problems);
    const reservePct = poolCfg?.haReservePct ?? policy.haReservePct;
    const spares = poolCfg?.haSpareHosts ?? (poolCfg?.haReservePct ? 0 : policy.haSpareHosts);
    const maxPerCluster = poolCfg?.maxHostsPerCluster ?? policy.maxHostsPerCluster;
    haReserve.push({ pool, spareHosts: spares, reservePct });
    // storage: packed on HCI hosts (policy multiplier, swap), left to the array otherwise
    const kind = poolKind(models);
    const facts = policyFacts(poolCfg?.storagePolicy ?? policy.storagePolicy);
    const poolDims = kind === 'hci' ? dims : dims.filter((d) => d !== 'storageGib');
    const minHosts = kind === 'hci' ? facts.minHosts : 1;
    let swap = 0;
    for (const c of comps)
      for (const m of c.members) {
        if (kind === 'external') continue;
        const h = hciDemand(scope[m], policy, facts);
        if (!h) continue;
        demands[m] = { ...demands[m], storageGib: h.gib };
        swap += h.swapGib;
      }
    const pp = buildPoolProblem(pool, comps, conflicts, demands, poolDims, models, config, poolCfg?.licence, (m) => scope[m].name, reservePct, objectiveExtra(config.businessCase, pool));
    for (const [ci, reason] of pp.oversized) for (const m of comps[ci].members) unplaced.push(out(scope[m], 'exceeds-host-capacity', reason));
    if (pp.instance.items.length === 0) continue;
    // issue 6: with time series on, the pool is packed on hourly/weekly slot vectors (the peak-sum plan is kept beside)
    const ts = seriesTally ? await seriesPoolHook(pp, comps, scope, demands, config, seriesTally) : undefined;
    // (issue 10) the N+K spares are priced inside the model-mix decision, see ha-mix.ts
    const choice = ts ? undefined : await solveWithSpares(pp, config, spares, maxPerCluster, (p) => solvePool(p, config));
    const ps = ts ? ts.solution : choice!.ps;
    iterations += ps.iterations;
    algorithms.push(`${pool}: ${ps.solution.algorithm}${choice?.note ? ` (${choice.note})` : ''}`);
    // a proof of optimality for a count objective (objective hosts, or one model) is itself the tightest bound
    const countBound = choice?.countBound ?? ps.countBound;
    const countProven = ps.provenOptimal && (policy.objective === 'hosts' || models.length === 1) && ps.solution.bins.length > countBound.value;
    const activeBound = countProven ? ps.solution.bins.length : countBound.value;
    boundMethods.push(`${pool}: ${countProven ? 'exact MIP (optimality proven)' : countBound.method}`);
    const cc = clusterCount(activeBound, maxPerCluster, spares);
    lowerBoundTotal += Math.max(activeBound + spares * cc, minHosts * cc);
    provenAll = provenAll && (choice ? choice.proven : ps.provenOptimal);
    costBound += choice ? choice.totalBound : ps.costBound.value + spares * cheapestSpareCost(pp) * cc;
    // unplaced by the solver: only when a model's maxCount ran out
    const itemToComp = new Map([...pp.itemOf].map(([ci, it]) => [it, ci]));
    ps.solution.assignment.forEach((b, it) => {
      if (b >= 0) return;
      const slotReason = ts?.oversized.get(it); // (issue 6) a demand shape that exceeds every model in some slot
      for (const m of comps[itemToComp.get(it)!].members)
        if (slotReason) unplaced.push(out(scope[m], 'exceeds-host-capacity', slotReason));
        else unplaced.push(out(scope[m], 'host-limit-reached', `every host model allowed in pool "${pool}" is at its maxCount in this plan`));
    });
    const active: ActiveHost[] = ps.solution.bins.map((bin) => {
      const members = bin.items.flatMap((it) => comps[itemToComp.get(it)!].members).sort((a, b) => a - b);
      const load: Partial<Record<Dimension, number>> = {};
      for (const d of poolDims) load[d] = members.reduce((s, m) => s + (demands[m][d] ?? 0), 0);
      placedIdx.push(...members);
      if (kind === 'external') externalIdx.push(...members);
      return { model: models[bin.type], load: ts ? ts.load(members, load) : load, members };
    });
    const poolHosts: PlannedHost[] = [];
    for (const cl of splitClusters(pool, active, models, poolDims, maxPerCluster, spares, problems, minHosts, choice?.spareModel)) {
      for (const h of cl.active) {
        const ph = plannedHost(nextId(h.model.id), h.model, cl.name, pool, false, h.members, h.load, poolDims, scope);
        if (ts) ph.slotPeak = ts.slotPeak(h.members);
        poolHosts.push(ph);
      }
      for (const m of cl.reserve) poolHosts.push(plannedHost(nextId(m.id), m, cl.name, pool, true, [], {}, poolDims, scope));
      for (const m of cl.floor) poolHosts.push({ ...plannedHost(nextId(m.id), m, cl.name, pool, true, [], {}, poolDims, scope), reserveFor: 'storage-policy' });
      if (cl.floor.length > 0)
        problems.push(
          info('hci-min-hosts', `cluster "${cl.name}": storage policy ${facts.label} needs at least ${facts.minHosts} hosts; ${cl.floor.length} empty host(s) added to the ${cl.active.length} active + ${cl.reserve.length} spare`),
        );
    }
    hosts.push(...poolHosts);
    const typeCost = new Map(pp.instance.binTypes.map((b) => [b.id, b.cost]));
    costActive += poolHosts.reduce((sum, h) => sum + (typeCost.get(h.model) ?? 0), 0);
    storagePools.push(poolStorage(pool, kind, facts, poolHosts, new Map(models.map((m) => [m.id, m])), swap, policy));
  }
  placedIdx.sort((a, b) => a - b);
  const placed = placedIdx.map((i) => scope[i]);
  const summary = summarize({
    inventory,
    placed,
    unplacedCount: unplaced.length,
    hosts,
    models: new Map(catalog.map((m) => [m.id, m])),
    licenceOfPool,
    dims,
    lowerBound: lowerBoundTotal,
    currency: config.report.currency,
    existingHost: policy.existingHosts,
  });
  const businessCase = config.businessCase
    ? businessCaseOf(config.businessCase, inventory, placed, decommissioned, hosts, new Map(catalog.map((m) => [m.id, m])), summary, placed.map((w) => today.get(w.id)!))
    : undefined;
  if (unplaced.length > 0)
    problems.push(warning('workloads-unplaced', `${unplaced.length} workload(s) are not in the plan; each is listed under unplaced with its reason`));
  if (seriesTally) problems.push(seriesPlanNote(seriesTally, summary.hosts));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    schema: PLAN_SCHEMA,
    generatedBy: { tool: 'dcplan', version: VERSION },
    policy: { ...policy, defaultsApplied: config.defaultsApplied },
    hostModels: catalog.map((m) => ({ ...m.model, cores: m.cores, rawCapacity: m.raw, capacity: m.capacity, existing: m.existing })),
    formulas: [...sizingFormulas(policy), ...rightsizeFormulas(policy), ...storageFormulas(policy)],
    dimensions: dims,
    hosts,
    unplaced,
    summary,
    solver: {
      algorithm: algorithms.join('; ') || 'none (nothing to place)',
      seconds: round(seconds, 3),
      lowerBound: summary.lowerBound,
      lowerBoundMethod: boundMethods.join('; ') || 'none',
      gap: summary.gap,
      provenOptimal: provenAll,
      iterations,
      objective: policy.objective,
      ...(policy.objective === 'cost'
        ? { costLowerBound: round(costBound, 2), costGap: costBound > 0 ? round((costActive - costBound) / costBound, 4) : 0 }
        : {}),
    },
    ...(seriesTally ? { diversity: diversityOf(seriesTally, summary.hosts) } : {}),
    storage: {
      pools: storagePools,
      ...(storagePools.some((p) => p.storage === 'external')
        ? { array: sizeArray(inventory, externalIdx.sort((a, b) => a - b).map((i) => scope[i]), policy) }
        : {}),
    },
    ha: { reserve: haReserve, clustersBefore: clustersBefore(inventory) },
    ...(businessCase ? { businessCase } : {}),
    ...(drsRules.length > 0 ? { drsRules } : {}),
    memory: memorySizing(scope, demands, policy),
    cpuPerformance,
    reconciliation,
    ...(rightsizing ? { rightsizing } : {}),
    problems,
    sizing: scope.map((w, i) => workloadSizing(w, demands[i], dims)),
  };
}

function workloadSizing(w: Workload, d: Demand, dims: Dimension[]): WorkloadSizing {
  const demand: Partial<Record<Dimension, number>> = {};
  for (const k of dims) if (d[k] !== undefined) demand[k] = round(d[k], 3);
  const out: WorkloadSizing = { name: w.name, id: w.id, demand, basis: { ...d.basis }, clockGhz: d.clockGhz, clockSource: d.clockSource };
  if (d.sourceCpuMhz !== d.cpuMhz) out.sourceCpuMhz = round(d.sourceCpuMhz, 3);
  if (d.cpuCappedFromPct !== undefined) out.cpuCappedFromPct = d.cpuCappedFromPct;
  return out;
}

function out(w: Workload, code: string, reason: string): UnplacedWorkload {
  return { name: w.name, id: w.id, code, reason };
}

function plannedHost(
  id: string,
  model: CatalogModel,
  cluster: string,
  pool: string,
  reserve: boolean,
  members: number[],
  load: Partial<Record<Dimension, number>>,
  dims: Dimension[],
  scope: Workload[],
): PlannedHost {
  const capacity: Partial<Record<Dimension, number>> = {};
  const utilization: Partial<Record<Dimension, number>> = {};
  const l: Partial<Record<Dimension, number>> = {};
  let binding: Dimension | null = null;
  for (const d of dims) {
    capacity[d] = round(model.capacity[d] ?? 0, 3);
    l[d] = round(load[d] ?? 0, 3);
    utilization[d] = capacity[d] > 0 ? round((load[d] ?? 0) / model.capacity[d]!, 4) : 0;
    if (!reserve && (binding === null || utilization[d] > utilization[binding]!)) binding = d;
  }
  return {
    id,
    model: model.id,
    cluster,
    pool,
    reserve,
    workloads: members.map((m) => scope[m].name),
    workloadIds: members.map((m) => scope[m].id),
    load: l,
    capacity,
    utilization,
    binding,
  };
}

/** The cheapest spare the pool could buy (objective cost per host): the spares' share of the cost lower bound. */
function cheapestSpareCost(pp: { models: CatalogModel[]; instance: { binTypes: { cost: number }[] } }): number {
  const costs = pp.models.map((m, t) => (m.existing ? Number.POSITIVE_INFINITY : pp.instance.binTypes[t].cost));
  const min = Math.min(...costs);
  return Number.isFinite(min) ? min : 0;
}

/** A pool's models share one storage kind (the config refuses mixed explicit pools); the default pool keeps the first model's. */
function oneStorageKind(pool: string, models: CatalogModel[], problems: Problem[]): CatalogModel[] {
  const kind = models[0]?.model.storage;
  const other = models.filter((m) => m.model.storage !== kind);
  if (other.length === 0) return models;
  problems.push(
    warning(
      'pool-storage-mixed',
      `pool "${pool}" would mix host models on an external array and HCI models; it uses the ${kind} model(s) ${models.filter((m) => m.model.storage === kind).map((m) => m.id).join(', ')} and leaves out ${other.map((m) => m.id).join(', ')}`,
      {},
      'give every pool hostModels of one storage kind, with a catch-all pool for the rest',
    ),
  );
  return models.filter((m) => m.model.storage === kind);
}

/**
 * cpu and memory always; IOPS / network when workloads have figures and every host model states a capacity; storage
 * when workloads have figures and some model keeps it locally (HCI) — external-array models have no storage dimension.
 */
function chooseDimensions(demands: Demand[], catalog: CatalogModel[], problems: Problem[]): Dimension[] {
  const dims: Dimension[] = [];
  for (const d of ALL_DIMS) {
    if (d === 'cpuMhz' || d === 'memoryMib') {
      dims.push(d);
      continue;
    }
    const withData = demands.filter((x) => x[d] !== undefined).length;
    if (withData === 0) continue;
    const relevant = d === 'storageGib' ? catalog.filter((m) => m.model.storage === 'hci') : catalog;
    if (relevant.length === 0) {
      problems.push(
        info('storage-external', `storage of ${withData} workload(s) is on an external array (host models with storage: external); the array is sized per datastore type, not packed on the hosts`),
      );
      continue;
    }
    const missing = relevant.filter((m) => m.capacity[d] === undefined).map((m) => m.id);
    if (missing.length > 0) {
      problems.push(
        warning('dimension-not-planned', `${withData} workload(s) have ${d} figures, but host model(s) ${missing.join(', ')} state no capacity for it; ${d} is not planned`),
      );
      continue;
    }
    if (withData < demands.length)
      problems.push(info('dimension-partial', `${d}: ${demands.length - withData} of ${demands.length} workload(s) have no figure and count as 0`));
    dims.push(d);
  }
  return dims;
}

function reportSizingBasis(scope: Workload[], demands: Demand[], policy: AssessmentConfig['policy'], problems: Problem[]): void {
  if (scope.length === 0) return;
  for (const metric of ['cpu', 'memory'] as const) {
    const counts = new Map<string, number>();
    for (const d of demands) {
      const k = metric === 'memory' && d.basis.memoryBasis !== 'allocated' ? `${d.basis.memoryBasis} ${d.basis.memory}` : d.basis[metric];
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const parts = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en-US')).map(([k, v]) => `${v} on ${k}`);
    const asked = metric === 'memory' ? policy.memoryBasis !== 'allocated' : true;
    const fellBack = policy.sizing === 'performance' && asked ? counts.get('allocated') ?? 0 : 0;
    const what = metric === 'memory' ? `${policy.memoryBasis} memory figure` : 'cpu utilisation';
    if (fellBack > 0)
      problems.push(
        warning(
          'sizing-fallback',
          `${metric}: ${fellBack} of ${scope.length} workload(s) have no ${what} and are sized on allocation (${parts.join(', ')})`,
          {},
          metric === 'memory' && policy.memoryBasis === 'consumed'
            ? 'export the RVTools vMemory tab (Consumed), or add monitoring data with memory used'
            : 'add performance data (perfmon, sar, monitoring export) for a tighter plan',
        ),
      );
    else problems.push(info('sizing-basis', `${metric} sized for ${scope.length} workload(s): ${parts.join(', ')}`));
  }
  const capped = demands.filter((d) => d.cpuCappedFromPct !== undefined);
  if (capped.length > 0) {
    const names = capped.slice(0, 5).map((d) => `${scope[demands.indexOf(d)].name} ${d.cpuCappedFromPct} %`);
    problems.push(
      warning(
        'cpu-over-100',
        `${capped.length} workload(s) measure more than 100 % of their vCPUs (${names.join(', ')}${capped.length > 5 ? ', …' : ''}); kept as measured in the inventory, sized at 100 %`,
        {},
        'a figure over 100 % is turbo or a clock above the nominal one; check the source if many VMs show it',
      ),
    );
  }
  const defClock = demands.filter((d) => d.clockSource === 'default').length;
  if (defClock > 0) problems.push(info('default-clock', `${defClock} workload(s) have no known CPU clock; sized at the policy's defaultCpuGhz`));
}
