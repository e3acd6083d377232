import { AssessmentConfig, parseConfigText } from '../../src/config';
import { Inventory, Workload } from '../../src/inventory/schema';
import { emptyWorkload } from '../../src/inventory/workload';
import { Plan, PlannedHost, PLAN_SCHEMA } from '../../src/plan/types';

/** A workload with the fields the verifier reads; CPU and memory utilisation at P95 in percent. */
export function workload(name: string, vcpus: number, memoryMib: number, cpuPct: number, memPct: number, extra: Partial<Workload> = {}): Workload {
  return emptyWorkload({
    id: `t/${name}`,
    name,
    powerState: 'on',
    vcpus,
    cpuMhz: 2500,
    memoryMib,
    utilization: {
      cpu: { unit: 'pct', basis: 'percentile', p95: cpuPct },
      memory: { unit: 'pct', basis: 'percentile', p95: memPct },
    },
    os: { family: 'linux' },
    provenance: [{ file: 'test' }],
    ...extra,
  });
}

export function inventory(workloads: Workload[]): Inventory {
  return {
    schema: 'dcplan.inventory/v1',
    generatedBy: { tool: 'dcplan', version: 'test' },
    sources: [],
    workloads,
    hosts: [],
    clusters: [],
    excluded: [],
    coverage: { workloads: workloads.length, withCpuUtilization: 0, withMemoryUtilization: 0, withStorage: 0, withSeries: 0, withHostJoined: 0, byFlag: {} },
    problems: [],
  };
}

export function config(yaml: string): AssessmentConfig {
  const r = parseConfigText(yaml, 'test.yaml');
  if (!r.config) throw new Error(JSON.stringify(r.problems));
  return r.config;
}

export function host(id: string, model: string, cluster: string, names: string[], extra: Partial<PlannedHost> = {}): PlannedHost {
  return {
    id,
    model,
    cluster,
    reserve: names.length === 0,
    workloads: names,
    workloadIds: names.map((n) => `t/${n}`),
    load: {},
    capacity: {},
    utilization: {},
    binding: null,
    ...extra,
  };
}

/**
 * A plan of these hosts whose summary agrees with them (verify recomputes it): counts by model, placed / unplaced, the
 * ratio, hardware cost at `hostCost` per host; the test configs state no power, rack units or licences (all 0).
 */
export function plan(hosts: PlannedHost[], unplaced: Plan['unplaced'] = [], hostCost = 0): Plan {
  const placed = hosts.reduce((n, h) => n + h.workloads.length, 0);
  const hostsByModel: Record<string, number> = {};
  for (const h of hosts) hostsByModel[h.model] = (hostsByModel[h.model] ?? 0) + 1;
  return {
    schema: PLAN_SCHEMA,
    generatedBy: { tool: 'dcplan', version: 'test' },
    policy: { defaultsApplied: [] },
    hostModels: [],
    formulas: [],
    dimensions: ['cpuMhz', 'memoryMib'],
    hosts,
    unplaced,
    summary: {
      hosts: hosts.length,
      hostsBefore: 0,
      hostsByModel,
      reserveHosts: hosts.filter((h) => h.reserve).length,
      lowerBound: 0,
      gap: 0,
      placed,
      unplaced: unplaced.length,
      consolidationRatio: hosts.length > 0 ? Math.round((100 * placed) / hosts.length) / 100 : 0,
      utilizationBefore: {},
      utilizationAfter: {},
      limitingDimension: null,
      powerKwAfter: 0,
      energyKwhPerYearAfter: 0,
      rackUnitsAfter: 0,
      hardwareCost: hosts.length * hostCost,
      licenceCost: 0,
      licenceCores: 0,
      currency: 'EUR',
    },
    solver: { algorithm: 'by hand', seconds: 0, lowerBound: 0, lowerBoundMethod: 'none', gap: 0, provenOptimal: false, iterations: 0 },
    problems: [],
  };
}
