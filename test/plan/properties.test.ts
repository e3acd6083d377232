/**
 * Property-based tests (fast-check): random small estates and configs through the planner, checked by the independent
 * verifier; random pure instances through the portfolio, the bounds and the exact method.
 */
import fc from 'fast-check';
import { AssessmentConfig, parseConfigText } from '../../src/config';
import { Inventory, Workload } from '../../src/inventory/schema';
import { lowerBound } from '../../src/plan/bounds';
import { isFeasiblePacking, solveExact } from '../../src/plan/exact';
import { planConsolidation } from '../../src/plan/planner';
import { PackInstance } from '../../src/plan/solver/instance';
import { solvePortfolio } from '../../src/plan/solver/portfolio';
import { verifyPlan } from '../../src/verify';

interface Vm {
  vcpus: number;
  memGib: number;
  cpuPct: number;
  memPct: number;
  windows: boolean;
  diskGib: number;
  off: boolean;
}

const vmArb: fc.Arbitrary<Vm> = fc.record({
  vcpus: fc.constantFrom(1, 2, 2, 4, 4, 8, 16, 48),
  memGib: fc.constantFrom(2, 4, 8, 16, 32, 64, 256, 1200),
  cpuPct: fc.integer({ min: 1, max: 95 }),
  memPct: fc.integer({ min: 5, max: 95 }),
  windows: fc.boolean(),
  diskGib: fc.integer({ min: 20, max: 4000 }),
  off: fc.integer({ min: 0, max: 7 }).map((v) => v === 0), // one in eight powered off
});

function toWorkload(v: Vm, i: number): Workload {
  return {
    id: `p/${i}`,
    name: `vm${i}`,
    kind: 'vm',
    powerState: v.off ? 'off' : 'on',
    vcpus: v.vcpus,
    cpuMhz: 2400,
    memoryMib: v.memGib * 1024,
    provisionedGib: v.diskGib,
    disks: [],
    utilization: {
      cpu: { unit: 'pct', basis: 'percentile', p95: v.cpuPct },
      memory: { unit: 'pct', basis: 'percentile', p95: v.memPct },
    },
    os: { family: v.windows ? 'windows' : 'linux', name: v.windows ? 'Microsoft Windows Server 2019' : 'Ubuntu Linux' },
    location: {},
    tags: [],
    labels: {},
    drsRules: [],
    config: {},
    flags: v.off ? ['powered-off'] : [],
    provenance: [{ file: 'property' }],
  };
}

interface Scenario {
  vms: Vm[];
  spares: number;
  twoModels: boolean;
  maxPerHost: number | null;
  maxHostsPerCluster: number | null;
  windowsPool: boolean;
  anti: number[][];
  affinity: number[];
  exclude: number | null;
  sizing: 'performance' | 'allocated';
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.array(vmArb, { minLength: 1, maxLength: 18 }).chain((vms) => {
  const idx = fc.integer({ min: 0, max: vms.length - 1 });
  return fc.record({
    vms: fc.constant(vms),
    spares: fc.integer({ min: 0, max: 2 }),
    twoModels: fc.boolean(),
    maxPerHost: fc.option(fc.integer({ min: 2, max: 6 }), { nil: null }),
    maxHostsPerCluster: fc.option(fc.integer({ min: 3, max: 6 }), { nil: null }),
    windowsPool: fc.boolean(),
    // a unique array needs as many distinct values as its minimum length (fast-check would spin forever otherwise)
    anti: vms.length >= 2 ? fc.array(fc.uniqueArray(idx, { minLength: 2, maxLength: Math.min(4, vms.length) }), { maxLength: 2 }) : fc.constant([]),
    affinity: fc.uniqueArray(idx, { maxLength: 3 }),
    exclude: fc.option(idx, { nil: null }),
    sizing: fc.constantFrom('performance' as const, 'allocated' as const),
  });
});

function inventoryOf(ws: Workload[]): Inventory {
  return {
    schema: 'dcplan.inventory/v1',
    generatedBy: { tool: 'dcplan', version: 'test' },
    sources: [],
    workloads: ws,
    hosts: [],
    clusters: [],
    excluded: [],
    coverage: { workloads: ws.length, withCpuUtilization: ws.length, withMemoryUtilization: ws.length, withStorage: ws.length, withSeries: 0, withHostJoined: 0, byFlag: {} },
    problems: [],
  };
}

function configOf(s: Scenario): AssessmentConfig {
  const lines = [
    'policy:',
    `  sizing: ${s.sizing}`,
    `  haSpareHosts: ${s.spares}`,
    ...(s.maxPerHost !== null ? [`  maxWorkloadsPerHost: ${s.maxPerHost}`] : []),
    ...(s.maxHostsPerCluster !== null ? [`  maxHostsPerCluster: ${s.maxHostsPerCluster}`] : []),
    '  exactMaxWorkloads: 12',
    'hostModels:',
    '  - { id: small, sockets: 1, coresPerSocket: 16, cpuGhz: 2.4, memoryGib: 256, storageGib: 8000, cost: 9000 }',
    ...(s.twoModels ? ['  - { id: large, sockets: 2, coresPerSocket: 32, cpuGhz: 2.8, memoryGib: 1024, storageGib: 16000, cost: 26000 }'] : []),
    'constraints:',
    `  antiAffinity: [${s.anti.map((g, k) => `{ name: apart${k}, workloads: [${g.map((i) => `vm${i}`).join(', ')}] }`).join(', ')}]`,
    `  affinity: [${s.affinity.length >= 2 ? `{ name: together, workloads: [${s.affinity.map((i) => `vm${i}`).join(', ')}] }` : ''}]`,
    `  pools: [${s.windowsPool ? '{ name: win, match: { os: "windows" } }' : ''}]`,
    `  exclude: [${s.exclude !== null ? `vm${s.exclude}` : ''}]`,
  ];
  const r = parseConfigText(lines.join('\n') + '\n', 'property.yaml');
  if (!r.config) throw new Error(`bad generated config: ${JSON.stringify(r.problems)}\n${lines.join('\n')}`);
  return r.config;
}

describe('properties: random estates through the planner pass the independent verifier', () => {
  it('every plan verifies, every workload is placed or listed with a reason, hosts >= lower bound', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const inv = inventoryOf(s.vms.map(toWorkload));
        const cfg = configOf(s);
        const plan = await planConsolidation(inv, cfg);
        const r = verifyPlan(plan, inv, cfg);
        if (!r.ok) throw new Error(`violations: ${JSON.stringify(r.violations, null, 1)}`);
        const placed = new Set(plan.hosts.flatMap((h) => h.workloadIds));
        for (const w of inv.workloads) {
          const u = plan.unplaced.find((x) => x.id === w.id);
          expect(placed.has(w.id) !== (u !== undefined)).toBe(true);
          if (u) expect(u.reason.length).toBeGreaterThan(0);
        }
        expect(plan.summary.hosts).toBeGreaterThanOrEqual(plan.summary.lowerBound);
      }),
      { numRuns: 100, seed: Number(process.env.DCPLAN_PROP_SEED ?? 20261122) },
    );
  });
});

const instanceArb: fc.Arbitrary<PackInstance> = fc
  .record({
    d: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 1, max: 12 }),
    conflicts: fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 4 }),
    maxItems: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  })
  .chain(({ d, n, conflicts, maxItems }) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }).map((sizes) => ({
      dims: Array.from({ length: d }, (_, k) => `d${k}`),
      items: sizes.map((size, i) => ({ id: String(i), size })),
      binTypes: [{ id: 'bin', capacity: Array.from({ length: d }, () => 100), cost: 1, ...(maxItems !== undefined ? { maxItems } : {}) }],
      conflicts: conflicts.filter(([a, b]) => a < n && b < n && a !== b),
    })),
  );

describe('properties: pure instances', () => {
  it('portfolio packings are feasible, use at least the lower bound, and the exact optimum is no worse', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, async (inst) => {
        const sol = solvePortfolio(inst, { seed: 1, iterations: 20000 });
        expect(sol.assignment.every((a) => a >= 0)).toBe(true);
        expect(isFeasiblePacking(inst, sol.bins)).toBe(true);
        sol.bins.forEach((b, bi) => b.items.forEach((i) => expect(sol.assignment[i]).toBe(bi)));
        const lb = lowerBound(inst).value;
        expect(sol.bins.length).toBeGreaterThanOrEqual(lb);
        const ex = await solveExact(inst, { incumbent: sol, nodeLimit: 2000 });
        expect(ex.solution).not.toBeNull();
        expect(isFeasiblePacking(inst, ex.solution!.bins)).toBe(true);
        expect(ex.solution!.cost).toBeLessThanOrEqual(sol.cost);
        expect(ex.bound).toBeGreaterThanOrEqual(lb);
        expect(ex.solution!.cost).toBeGreaterThanOrEqual(ex.bound);
        expect(ex.provenOptimal).toBe(true);
      }),
      { numRuns: 60, seed: Number(process.env.DCPLAN_PROP_SEED ?? 7) },
    );
  });
});
