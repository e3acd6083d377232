import { verifyPlan, workloadDemand, modelCapacity } from '../../src/verify';
import { config, host, inventory, plan as planOf, workload } from './fixture';

// m4: 1 × 4 cores × 2.5 GHz = 10,000 MHz raw, 8,000 MHz at the default 80 % target; 64 GiB = 65,536 MiB, 58,982.4 at 90 %.
const CONFIG = `
policy: { sizing: performance, percentile: 95, headroom: 0.2, haSpareHosts: 1 }
hostModels:
  - { id: m4, sockets: 1, coresPerSocket: 4, cpuGhz: 2.5, memoryGib: 64, cost: 1000 }
constraints:
  antiAffinity: [ { name: domain-controllers, workloads: [dc01, dc02] } ]
`;
// the config's m4 costs 1000: the plans' summaries state that (verify recomputes them)
const plan = (hosts: Parameters<typeof planOf>[0], unplaced: Parameters<typeof planOf>[1] = []) => planOf(hosts, unplaced, 1000);
// big: 4 vCPU × 2.5 GHz × 50 % × 1.2 = 6,000 MHz; dc: 1 vCPU × 2.5 GHz × 20 % × 1.2 = 600 MHz
const inv = inventory([
  workload('big1', 4, 8192, 50, 50),
  workload('big2', 4, 8192, 50, 50),
  workload('dc01', 1, 4096, 20, 50),
  workload('dc02', 1, 4096, 20, 50),
]);
const cfg = config(CONFIG);

describe('verify: sizing written again from the issue', () => {
  it('computes demand and capacity by the formulas', () => {
    const p = { ...cfg.policy };
    expect(workloadDemand(inv.workloads[0], p, new Map())).toEqual({ cpuMhz: 6000, memoryMib: 4915.2 });
    expect(modelCapacity(cfg.hostModels[0], p)).toEqual({ cpuMhz: 8000, memoryMib: 58982.4 });
    // allocated basis: vcpus × clock × 1000 / oversubscription × f, memory / overcommit × f
    const alloc = { ...p, sizing: 'allocated' as const, cpuOversubscription: 4, memoryOvercommit: 2 };
    expect(workloadDemand(inv.workloads[0], alloc, new Map())).toEqual({ cpuMhz: 3000, memoryMib: 4915.2 });
  });
});

describe('verify: memory basis, per-metric percentile and the CPU cap, written again', () => {
  it('consumed by default, active when asked, allocation without the figure; CPU above 100 % sized at 100 %', () => {
    const w = workload('m', 2, 8192, 150, 90);
    w.utilization.memoryActive = { unit: 'pct', basis: 'percentile', p95: 10 };
    const p = { ...cfg.policy };
    // CPU 2 × 2.5 GHz × min(150, 100) % × 1.2; memory 8192 × 90 % × 1.2 (consumed)
    expect(workloadDemand(w, p, new Map())).toEqual({ cpuMhz: 6000, memoryMib: 8847.36 });
    expect(workloadDemand(w, { ...p, memoryBasis: 'active' }, new Map()).memoryMib).toBeCloseTo(983.04, 9);
    expect(workloadDemand(w, { ...p, memoryBasis: 'allocated' }, new Map()).memoryMib).toBeCloseTo(9830.4, 9);
    const noHeld = { ...w, utilization: { cpu: w.utilization.cpu, memoryActive: w.utilization.memoryActive } };
    expect(workloadDemand(noHeld, p, new Map()).memoryMib).toBeCloseTo(9830.4, 9);
    const series = { ...w, utilization: { ...w.utilization, memory: { unit: 'pct' as const, basis: 'percentile' as const, p95: 50, p99: 80 } } };
    expect(workloadDemand(series, { ...p, percentiles: { memory: 99 } }, new Map()).memoryMib).toBeCloseTo(8192 * 0.8 * 1.2, 9);
  });
});

describe('verify: a good plan passes', () => {
  it('reports hosts, workloads and checks', () => {
    const good = plan([
      host('m4-01', 'm4', 'general', ['big1', 'dc01']),
      host('m4-02', 'm4', 'general', ['big2', 'dc02']),
      host('m4-03', 'm4', 'general', []),
    ]);
    const r = verifyPlan(good, inv, cfg);
    expect(r.violations).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.hosts).toBe(3);
    expect(r.workloads).toBe(4);
    expect(r.checks).toBeGreaterThan(10);
  });
});

describe('verify: hand-broken plans name each violation', () => {
  it('an overloaded host: host, dimension, load vs capacity', () => {
    const bad = plan([
      host('m4-01', 'm4', 'general', ['big1', 'big2']),
      host('m4-02', 'm4', 'general', ['dc01']),
      host('m4-03', 'm4', 'general', ['dc02']),
      host('m4-04', 'm4', 'general', []),
    ]);
    const r = verifyPlan(bad, inv, cfg);
    expect(r.ok).toBe(false);
    const over = r.violations.filter((v) => v.code === 'over-capacity');
    expect(over).toEqual([
      expect.objectContaining({ host: 'm4-01', dimension: 'cpuMhz', load: 12000, capacity: 8000 }),
    ]);
    expect(over[0].message).toBe('host m4-01 (m4): cpuMhz load 12000 exceeds capacity 8000 (150 %)');
  });

  it('a split anti-affinity pair sharing a host', () => {
    const bad = plan([
      host('m4-01', 'm4', 'general', ['big1', 'dc01', 'dc02']),
      host('m4-02', 'm4', 'general', ['big2']),
      host('m4-03', 'm4', 'general', []),
    ]);
    const r = verifyPlan(bad, inv, cfg);
    expect(r.violations.map((v) => v.code)).toEqual(['anti-affinity']);
    expect(r.violations[0].message).toBe('anti-affinity "domain-controllers": dc01 and dc02 share host m4-01');
  });

  it('a missing N+1 reserve', () => {
    const bad = plan([
      host('m4-01', 'm4', 'general', ['big1', 'dc01']),
      host('m4-02', 'm4', 'general', ['big2', 'dc02']),
    ]);
    const r = verifyPlan(bad, inv, cfg);
    expect(r.violations.map((v) => v.code)).toEqual(['ha-reserve']);
    expect(r.violations[0].message).toBe(
      'cluster general N+1: if m4-01 fails, their workloads need cpuMhz 6600 but the surviving hosts have only 1400 free',
    );
  });

  it('a reserve spread as free room on loaded hosts is accepted when every failure can be re-placed', () => {
    const spread = plan([
      host('m4-01', 'm4', 'general', ['dc01']),
      host('m4-02', 'm4', 'general', ['dc02']),
      host('m4-03', 'm4', 'general', ['big1']),
      host('m4-04', 'm4', 'general', ['big2']),
    ]);
    expect(verifyPlan(spread, inv, cfg).violations).toEqual([]);
  });

  it('free room that adds up but fits no single host: the reserve is not demonstrated', () => {
    // mid: 4 vCPU × 2.5 GHz × 35 % × 1.2 = 4,200 MHz; if the 6,000 MHz host fails, 2 × 3,800 MHz free is enough in sum only
    const i2 = inventory([workload('big1', 4, 8192, 50, 50), workload('mid1', 4, 8192, 35, 50), workload('mid2', 4, 8192, 35, 50)]);
    const r = verifyPlan(
      plan([host('m4-01', 'm4', 'general', ['big1']), host('m4-02', 'm4', 'general', ['mid1']), host('m4-03', 'm4', 'general', ['mid2'])]),
      i2,
      cfg,
    );
    expect(r.violations.map((v) => v.message)).toEqual([
      "cluster general N+1: if m4-01 fails, no re-placement of big1 into the survivors' free capacity was found (first-fit); the reserve is not demonstrated",
    ]);
  });

  it('a reported load is accepted within the plan\'s 3-decimal rounding, and refused beyond it', () => {
    // tiny: 1 vCPU × 2.5 GHz × 2 % × 1.2 = 60 MHz, where 1e-6 relative alone would allow 0.00006
    const small = inventory([workload('tiny', 1, 1024, 2, 10)]);
    const at = (cpuMhz: number) =>
      verifyPlan(plan([host('m4-01', 'm4', 'general', ['tiny'], { load: { cpuMhz } }), host('m4-02', 'm4', 'general', [])]), small, cfg)
        .violations.filter((v) => v.code === 'load-mismatch' && v.dimension === 'cpuMhz');
    expect(at(60.0004)).toEqual([]);
    expect(at(60.002)).toHaveLength(1);
  });

  it('missing, unknown, twice-placed workloads, a loaded reserve and a wrong reported load', () => {
    const bad = plan(
      [
        host('m4-01', 'm4', 'general', ['big1', 'ghost'], { load: { cpuMhz: 1 } }),
        host('m4-02', 'm4', 'general', ['big2', 'big1']),
        host('m4-03', 'm4', 'general', ['dc01'], { reserve: true }),
      ],
      [],
    );
    const r = verifyPlan(bad, inv, cfg);
    const codes = r.violations.map((v) => v.code).sort();
    expect(codes).toEqual(['ha-reserve', 'load-mismatch', 'over-capacity', 'placed-twice', 'reserve-not-empty', 'unknown-workload', 'workload-missing']);
    expect(r.violations.find((v) => v.code === 'workload-missing')!.workload).toBe('dc02');
  });

  it('pools, pins, exclusions, affinity and max workloads per host', () => {
    const c = config(`
policy: { haSpareHosts: 0, maxWorkloadsPerHost: 2 }
hostModels:
  - { id: m4, sockets: 1, coresPerSocket: 4, cpuGhz: 2.5, memoryGib: 64 }
  - { id: m8, sockets: 2, coresPerSocket: 4, cpuGhz: 2.5, memoryGib: 64 }
constraints:
  pools: [ { name: win, match: { os: "windows*" }, hostModels: [m8] } ]
  pinned: [ { workload: dc01, hostModel: m8 } ]
  exclude: [ "big2" ]
  affinity: [ { name: pair, workloads: [dc01, dc02] } ]
`);
    const i2 = inventory([
      workload('big1', 4, 8192, 50, 50, { os: { family: 'windows', name: 'Windows Server 2019' } }),
      workload('big2', 4, 8192, 50, 50),
      workload('dc01', 1, 4096, 20, 50),
      workload('dc02', 1, 4096, 20, 50),
      workload('small', 1, 1024, 10, 10),
    ]);
    const bad = planOf(
      [
        host('m4-01', 'm4', 'general', ['big1', 'dc01', 'small']),
        host('m4-02', 'm4', 'general', ['big2', 'dc02']),
      ],
      [],
    );
    const r = verifyPlan(bad, i2, c);
    expect(r.violations.map((v) => `${v.code} ${v.workload ?? v.host}`).sort()).toEqual([
      'affinity dc01, dc02',
      'excluded-placed big2',
      'max-workloads-per-host m4-01',
      'pinned dc01',
      'pool big1',
    ]);
  });
});
