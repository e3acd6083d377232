/**
 * CPU generations (issue 10): the reference table, matching RVTools vHost "CPU Model" strings, the conversion by hand,
 * and the planner and verify using the same rule.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AssessmentConfig, parseConfigText } from '../../src/config';
import { cpuConversion, loadCpuTable, matchCpu } from '../../src/plan/cpu-performance';
import { planConsolidation } from '../../src/plan/planner';
import { verifyPlan } from '../../src/verify';
import { host, inventory, vm } from './estate';

function config(yaml: string): AssessmentConfig {
  const r = parseConfigText(yaml, 'inline.yaml');
  if (!r.config) throw new Error(JSON.stringify(r.problems));
  return r.config;
}

const table = loadCpuTable();

describe('the reference table', () => {
  test('validates at load, every row with a source URL and a stated accuracy', () => {
    expect(table.rows.length).toBeGreaterThanOrEqual(30);
    for (const r of table.rows) {
      expect(r.source).toMatch(/^https:\/\/www\.spec\.org\//);
      expect(['measured', 'approximate', 'estimated']).toContain(r.accuracy);
    }
  });

  test('a malformed table is refused naming the file, line and field', () => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpu-')), 'bad.yaml');
    fs.writeFileSync(f, 'description: x\nsource: { title: t, url: "https://www.spec.org/" }\nmetric: m\nrows:\n  - { id: a, family: f, match: "(", representative: r, perCore: 4, accuracy: approximate, source: "https://www.spec.org/" }\n');
    expect(() => loadCpuTable(f)).toThrow(/bad\.yaml, line 5, rows\.0\.match: a valid regular expression/);
  });

  test.each([
    ['Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz', 'xeon-e5-v4'],
    ['Intel(R) Xeon(R) CPU E5-2667 v3 @ 3.20GHz', 'xeon-e5-v3'],
    ['Intel(R) Xeon(R) CPU E5-2650 v2 @ 2.60GHz', 'xeon-e5-v2'],
    ['Intel(R) Xeon(R) CPU E5-2680 0 @ 2.70GHz', 'xeon-e5-v1'],
    ['Intel(R) Xeon(R) CPU           X5690  @ 3.47GHz', 'xeon-5600'],
    ['Intel(R) Xeon(R) Gold 6138 CPU @ 2.00GHz', 'xeon-sp1-gold6'],
    ['Intel(R) Xeon(R) Gold 5218 CPU @ 2.30GHz', 'xeon-sp2-gold5'],
    ['Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz', 'xeon-sp3-silver'],
    ['Intel(R) Xeon(R) Platinum 8480+', 'xeon-sp4-platinum'],
    ['Intel Xeon Gold 6548Y+', 'xeon-sp5-gold6'],
    ['Intel(R) Xeon(R) 6980P', 'xeon-6-p'],
    ['AMD EPYC 7763 64-Core Processor', 'epyc-7003'],
    ['AMD EPYC 7601 32-Core Processor', 'epyc-7001'],
    ['AMD EPYC 9654 96-Core Processor', 'epyc-9004'],
    ['AMD EPYC 9754 128-Core Processor', 'epyc-9004c'],
  ])('%s → %s', (model, id) => {
    expect(matchCpu(table, model)?.id).toBe(id);
  });

  test('an unknown model is not guessed', () => {
    expect(matchCpu(table, 'Quad-Core AMD Opteron(tm) Processor 2389')).toBeUndefined();
  });
});

describe('the conversion', () => {
  // source: E5-2680 v4 (index 4.0) at 2.4 GHz; target: perfIndex 8 at 2.0 GHz
  const src = host('old', { cpuModel: 'Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz', cpuMhz: 2400, cluster: 'c1' });
  const models = [{ id: 'new', cpuGhz: 2.0, perfIndex: 8 }];
  test('source MHz × (S / C) × (C_ref / S_ref); model MHz × (S_m / C_m) × (C_ref / S_ref)', () => {
    const c = cpuConversion('perf-index', [src], models, table);
    const w = vm({ name: 'a', hostId: 'old' });
    // (4.0 / 2.4) × (2.0 / 8) = 0.41667: one source MHz is 0.417 MHz of the new 2 GHz cores
    expect(c.workloadFactor(w, 2.4)).toBeCloseTo((4.0 / 2.4) * (2.0 / 8), 12);
    expect(c.modelFactor(models[0])).toBeCloseTo(1, 12);
    // a second model (index 6 at 3 GHz) in reference units: (6 / 3) × (2 / 8) = 0.5
    const two = cpuConversion('perf-index', [src], [...models, { id: 'b', cpuGhz: 3, perfIndex: 6 }], table);
    expect(two.modelFactor({ id: 'b', cpuGhz: 3, perfIndex: 6 })).toBeCloseTo(0.5, 12);
  });
  test('the cluster\'s one CPU model when the VM joins no host; unknown → raw MHz', () => {
    const c = cpuConversion('perf-index', [src], models, table);
    const inCluster = { ...vm({ name: 'b' }), location: { cluster: 'c1' } };
    expect(c.sourceOf(inCluster)).toMatchObject({ via: 'cluster', row: { id: 'xeon-e5-v4' } });
    expect(c.workloadFactor({ ...vm({ name: 'c' }), location: { cluster: 'elsewhere' } }, 2.4)).toBe(1);
  });
  test('a target model without perfIndex or a known cpuModel: nothing converted', () => {
    const c = cpuConversion('perf-index', [src], [...models, { id: 'x', cpuGhz: 2 }], table);
    expect(c.basis).toBe('mhz');
    expect(c.mhzReason).toMatch(/host model\(s\) x have no perfIndex/);
    expect(c.workloadFactor(vm({ name: 'a', hostId: 'old' }), 2.4)).toBe(1);
  });
});

describe('planner and verify', () => {
  const hosts = [
    host('old1', { cpuModel: 'Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz', cpuMhz: 2400 }),
    host('odd', { cpuModel: 'Some CPU nobody lists', cpuMhz: 2000 }),
  ];
  // 8 vCPU × 2.4 GHz × 50 % = 9,600 source MHz → × (4.0 / 2.4) × (2.0 / 8) = 4,000 target MHz; f = 1
  const ws = [
    vm({ name: 'a', vcpus: 8, cpuMhz: 2400, cpuP95: 50, hostId: 'old1' }),
    vm({ name: 'b', vcpus: 8, cpuMhz: 2000, cpuP95: 50, hostId: 'odd' }),
  ];
  const cfg = 'policy: { headroom: 0, haSpareHosts: 0 }\nhostModels: [ { id: new, sockets: 1, coresPerSocket: 8, cpuGhz: 2.0, perfIndex: 8, memoryGib: 512, cost: 1 } ]\n';

  test('demand moves in index units, the unknown model as raw MHz with a warning, and verify agrees', async () => {
    const c = config(cfg);
    const inv = inventory(ws, hosts);
    const plan = await planConsolidation(inv, c);
    expect(plan.sizing![0].demand.cpuMhz).toBeCloseTo(4000, 3);
    expect(plan.sizing![1].demand.cpuMhz).toBeCloseTo(8000, 3);
    expect(plan.cpuPerformance).toMatchObject({ basis: 'perf-index', reference: { model: 'new', index: 8, ghz: 2 }, workloadsOnMhz: 1, unknownModels: ['Some CPU nobody lists'] });
    expect(plan.cpuPerformance!.sources.find((s) => s.cpuModel.includes('E5-2680'))).toMatchObject({ index: 4, ratio: 0.4167, workloads: 1, hosts: 1 });
    expect(plan.problems.find((p) => p.code === 'cpu-model-unknown')!.message).toMatch(/Some CPU nobody lists/);
    expect(verifyPlan(plan, inv, c).violations).toEqual([]);
  });

  test('verify recomputes with the same rule: a plan packed on raw MHz overloads once the conversion says otherwise', async () => {
    const inv = inventory(ws, hosts);
    const c = config(cfg);
    // raw MHz: 2 × ~9,600 on a host of 16,000 × 0.8 = 12,800 → two hosts; move both onto one to break it
    const mhzPlan = await planConsolidation(inv, config(cfg.replace('haSpareHosts: 0', 'haSpareHosts: 0, cpuComparison: mhz')));
    expect(mhzPlan.cpuPerformance?.basis).toBe('mhz');
    // with the conversion the same two VMs need 4,000 + 8,000 = 12,000 ≤ 12,800: one host
    const idxPlan = await planConsolidation(inv, c);
    expect(idxPlan.hosts.length).toBe(1);
    expect(mhzPlan.hosts.length).toBe(2);
    // the one-host plan checked as if on raw MHz fails
    const asMhz = config(cfg.replace('haSpareHosts: 0', 'haSpareHosts: 0, cpuComparison: mhz'));
    expect(verifyPlan(idxPlan, inv, asMhz).violations.map((v) => v.code)).toContain('over-capacity');
  });
});
