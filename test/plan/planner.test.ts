import * as path from 'path';
import { AssessmentConfig, loadConfig, parseConfigText } from '../../src/config';
import { estateInventory } from '../helpers/estate/inventory';
import { planConsolidation } from '../../src/plan/planner';
import { Plan } from '../../src/plan/types';
import { verifyPlan } from '../../src/verify';
import { repoRoot } from '../helpers/cli';
import { host, inventory, vm } from './estate';

const fixture = loadConfig(path.join(repoRoot, 'test', 'fixtures', 'plan', 'assessment.yaml')).config!;
const hostOf = (plan: Plan, name: string) => plan.hosts.find((h) => h.workloads.includes(name))!;
// fixture models at target 0.8, f = 1.25: big = 64,000 MHz / 419,430.4 MiB; small = 16,000 MHz / 104,857.6 MiB
const small = (name: string, extra = {}) => vm({ name, vcpus: 2, cpuMhz: 2500, cpuP95: 10, memGib: 4, memP95: 50, ...extra });

function config(yaml: string): AssessmentConfig {
  const r = parseConfigText(yaml, 'inline.yaml');
  if (!r.config) throw new Error(JSON.stringify(r.problems));
  return r.config;
}

describe('planner constraints', () => {
  test('anti-affinity keeps dc01 and dc02 apart; affinity keeps the ERP group on one host; exclusions listed', async () => {
    const inv = inventory([
      small('dc01'),
      small('dc02'),
      small('erp-app', { application: 'erp' }),
      small('erp-db', { application: 'erp' }),
      small('erp-web', { application: 'erp' }),
      small('web01'),
      small('test-01'),
    ]);
    const plan = await planConsolidation(inv, fixture);
    expect(hostOf(plan, 'dc01').id).not.toBe(hostOf(plan, 'dc02').id);
    const erp = hostOf(plan, 'erp-app');
    expect(erp.workloads).toEqual(expect.arrayContaining(['erp-app', 'erp-db', 'erp-web']));
    expect(plan.unplaced).toEqual([{ name: 'test-01', id: 't/test-01', code: 'excluded', reason: 'excluded by constraints.exclude pattern "test-*"' }]);
    expect(verifyPlan(plan, inv, fixture).ok).toBe(true);
  });

  test('DRS rule names without types (older inventories): "anti" names separate, other names are listed, not enforced', async () => {
    const inv = inventory([
      small('a1', { drsRules: ['separate-dcs'] }),
      small('a2', { drsRules: ['separate-dcs'] }),
      small('b1', { drsRules: ['web-rule'] }),
      small('b2', { drsRules: ['web-rule'] }),
    ]);
    const plan = await planConsolidation(inv, fixture);
    expect(hostOf(plan, 'a1').id).not.toBe(hostOf(plan, 'a2').id);
    expect(plan.problems.find((p) => p.code === 'drs-rule-not-enforced')!.message).toContain('DRS rule "web-rule" (2 VM(s)): the export gives its name only, not its type');
  });

  test('an affinity group that holds an anti-affinity pair is blocked with both rule names', async () => {
    const inv = inventory([small('dc01', { application: 'erp' }), small('dc02', { application: 'erp' }), small('x')]);
    const plan = await planConsolidation(inv, fixture);
    expect(plan.unplaced.map((u) => [u.name, u.code])).toEqual([
      ['dc01', 'constraint-conflict'],
      ['dc02', 'constraint-conflict'],
    ]);
    expect(plan.unplaced[0].reason).toBe('affinity "erp" keeps dc01 and dc02 together, but anti-affinity "domain-controllers" keeps them apart');
  });

  test('the SQL pool gets its own hosts; licence cost by hand: 2 small hosts × max(8, 16) cores × 1,000', async () => {
    const sql = (n: string) => vm({ name: n, vcpus: 4, cpuMhz: 2500, cpuP95: 25, memGib: 16, memP95: 50, os: 'Windows Server 2019 SQL Server' });
    const inv = inventory([sql('sql1'), sql('sql2'), sql('sql3'), small('app1'), small('app2')]);
    const plan = await planConsolidation(inv, fixture);
    const sqlHosts = plan.hosts.filter((h) => h.pool === 'sql');
    // 3 × 3,125 MHz and 3 × 10,240 MiB fit one small host; plus its N+1 spare
    expect(sqlHosts.map((h) => [h.model, h.reserve, h.workloads])).toEqual([
      ['small', false, ['sql1', 'sql2', 'sql3']],
      ['small', true, []],
    ]);
    expect(sqlHosts[0].load).toEqual({ cpuMhz: 9375, memoryMib: 30720 });
    for (const h of plan.hosts.filter((x) => x.pool !== 'sql')) expect(h.workloads.some((w) => w.startsWith('sql'))).toBe(false);
    expect(plan.summary.licenceCores).toBe(32);
    expect(plan.summary.licenceCost).toBe(32000);
    expect(verifyPlan(plan, inv, fixture).ok).toBe(true);
  });
});

describe('N+K reserve and clusters', () => {
  test('15 one-host workloads, maxHostsPerCluster 8, K=1 → 3 clusters of 5 active + 1 spare = 18 hosts, at the bound', async () => {
    // 16 vCPU × 2.5 GHz × 100 % × 1.25 = 50,000 MHz: one per big host, too large for small
    const inv = inventory(Array.from({ length: 15 }, (_, i) => vm({ name: `big${i + 1}`, vcpus: 16, cpuMhz: 2500, cpuP95: 100, memGib: 64, memP95: 50 })));
    const plan = await planConsolidation(inv, fixture);
    const clusters = [...new Set(plan.hosts.map((h) => h.cluster))];
    expect(clusters).toEqual(['general-1', 'general-2', 'general-3']);
    for (const c of clusters) {
      const hs = plan.hosts.filter((h) => h.cluster === c);
      expect([hs.filter((h) => !h.reserve).length, hs.filter((h) => h.reserve).length]).toEqual([5, 1]);
      expect(hs.filter((h) => h.reserve)[0]).toMatchObject({ model: 'big', workloads: [], reserve: true });
    }
    expect(plan.summary).toMatchObject({ hosts: 18, reserveHosts: 3, lowerBound: 18, gap: 0, hostsByModel: { big: 18 } });
    expect(plan.solver.provenOptimal).toBe(true);
  });
});

describe('unplaced workloads carry the exact reason', () => {
  test('a 64 vCPU monster exceeds CPU of every model: both named with their usable capacity', async () => {
    const inv = inventory([vm({ name: 'monster', vcpus: 64, cpuMhz: 2500, cpuP95: 100, memGib: 64, memP95: 50 }), small('ok')]);
    const plan = await planConsolidation(inv, fixture);
    expect(plan.unplaced).toEqual([
      {
        name: 'monster',
        id: 't/monster',
        code: 'exceeds-host-capacity',
        reason:
          'needs 200,000 MHz CPU, more than the 64,000 usable on big (80,000 × target 0.8); ' +
          'needs 200,000 MHz CPU, more than the 16,000 usable on small (20,000 × target 0.8)',
      },
    ]);
    expect(plan.summary.placed).toBe(1);
    expect(plan.summary.unplaced).toBe(1);
  });
});

describe('host-model choice', () => {
  const models =
    'hostModels:\n' +
    '  - { id: large, sockets: 2, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 512, cost: 30000 }\n' +
    '  - { id: medium, sockets: 1, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 512, cost: 17000 }\n';
  const policy = (objective: string) =>
    `policy: { headroom: 0, haSpareHosts: 0, objective: ${objective}, targetUtilization: { cpu: 0.8, memory: 1 } }\n`;
  // 12 vCPU × 2.5 GHz × 100 % = 30,000 MHz; large holds two (64,000), medium one (32,000)
  const inv = inventory([1, 2, 3].map((i) => vm({ name: `w${i}`, vcpus: 12, cpuMhz: 2500, cpuP95: 100, memGib: 16, memP95: 50 })));

  test('objective cost picks the cheapest mix: large + medium (47,000) beats 2 large (60,000) and 3 medium (51,000)', async () => {
    const plan = await planConsolidation(inv, config(policy('cost') + models));
    expect(plan.summary.hostsByModel).toEqual({ large: 1, medium: 1 });
    expect(plan.summary.hardwareCost).toBe(47000);
    expect(plan.solver.costLowerBound).toBeLessThanOrEqual(47000);
  });

  test('objective hosts uses the fewest hosts (2), cheapest among them', async () => {
    const plan = await planConsolidation(inv, config(policy('hosts') + models));
    expect(plan.summary.hosts).toBe(2);
    expect(plan.summary.hardwareCost).toBe(47000);
  });
});

describe('determinism', () => {
  test('two runs on a 300-VM demo estate give identical JSON apart from solver.seconds', async () => {
    const inv = estateInventory({ vms: 300, seed: 7 });
    const cfg = config(
      'policy: { haSpareHosts: 1, maxHostsPerCluster: 6 }\n' +
        'hostModels:\n  - { id: a, sockets: 2, coresPerSocket: 16, cpuGhz: 2.6, memoryGib: 512, storageGib: 20000, cost: 20000 }\n' +
        '  - { id: b, sockets: 2, coresPerSocket: 24, cpuGhz: 2.4, memoryGib: 768, storageGib: 30000, cost: 27000 }\n' +
        'constraints: { pools: [ { name: sql, match: { name: "sql*" }, licence: { perCore: 500, minCoresPerHost: 16 } } ],\n' +
        '  antiAffinity: [ { name: trio, workloads: [erp-app-01, erp-app-02, erp-app-03] } ] }\n',
    );
    const strip = (p: Plan) => JSON.stringify({ ...p, solver: { ...p.solver, seconds: 0 } });
    const a = await planConsolidation(inv, cfg);
    const b = await planConsolidation(inv, cfg);
    expect(strip(a)).toBe(strip(b));
    expect(a.summary.placed + a.summary.unplaced).toBe(inv.workloads.length);
    expect(inv.workloads.length).toBeGreaterThan(280); // 300 VMs and the physical servers, less templates and powered-off
    expect(a.summary.hosts).toBeGreaterThanOrEqual(a.summary.lowerBound);
    expect(verifyPlan(a, inv, cfg).ok).toBe(true);
  });
});

describe('summary figures by hand', () => {
  const cfg = () =>
    config(
      'policy: { headroom: 0, haSpareHosts: 1, targetUtilization: { cpu: 0.8, memory: 1 } }\n' +
        'hostModels: [ { id: m, sockets: 2, coresPerSocket: 10, cpuGhz: 2, memoryGib: 256, cost: 10000, powerIdleW: 100, powerMaxW: 500, rackUnits: 2 } ]\n',
    );
  const hosts = [host('h1', { cpuUsagePct: 20, memoryUsagePct: 50 }), host('h2', { cpuUsagePct: 40, memoryUsagePct: 70 })];
  // 8 vCPU × 2.0 GHz × 50 % = 8,000 MHz each; 16 GiB × 50 % = 8,192 MiB each
  const w = (name: string, hostId: string) => vm({ name, vcpus: 8, cpuMhz: 2000, cpuP95: 50, memGib: 16, memP95: 50, hostId });

  test('power = idle + (max − idle) × CPU share per host, reserve idles; kWh/year, rack units, cost, before/after', async () => {
    const plan = await planConsolidation(inventory([w('a', 'h1'), w('b', 'h2')], hosts), cfg());
    expect(plan.summary).toEqual({
      hosts: 2,
      hostsBefore: 2,
      hostsByModel: { m: 2 },
      reserveHosts: 1,
      lowerBound: 2,
      gap: 0,
      placed: 2,
      unplaced: 0,
      consolidationRatio: 1,
      utilizationBefore: { cpuMhz: 0.3, memoryMib: 0.6 },
      utilizationAfter: { cpuMhz: 0.4, memoryMib: 0.0625 },
      limitingDimension: 'cpuMhz',
      // active: 100 + 400 × 16,000 / 40,000 = 260 W; reserve 100 W
      powerKwAfter: 0.36,
      energyKwhPerYearAfter: 3154,
      rackUnitsAfter: 4,
      // before, at the default 150 / 450 W and 2 U per current host: (150 + 300 × 0.2) + (150 + 300 × 0.4) = 480 W
      powerKwBefore: 0.48,
      energyKwhPerYearBefore: 4205,
      rackUnitsBefore: 4,
      hardwareCost: 20000,
      licenceCost: 0,
      licenceCores: 0,
      currency: 'EUR',
    });
    expect(plan.sizing![0]).toEqual({ name: 'a', id: 't/a', demand: { cpuMhz: 8000, memoryMib: 8192 }, basis: { cpu: 'p95', memory: 'p95', memoryBasis: 'consumed' }, clockGhz: 2, clockSource: 'workload' });
  });

  test('workloads without utilisation are counted in a sizing-fallback warning', async () => {
    const plan = await planConsolidation(inventory([w('a', 'h1'), vm({ name: 'nodata', vcpus: 4 })], hosts), cfg());
    const p = plan.problems.find((x) => x.code === 'sizing-fallback' && x.message.startsWith('cpu'))!;
    expect(p.message).toBe('cpu: 1 of 2 workload(s) have no cpu utilisation and are sized on allocation (1 on allocated, 1 on p95)');
  });

  test('maxWorkloadsPerHost caps each host; an affinity group larger than the cap is unplaced with that reason', async () => {
    const c = config(
      'policy: { haSpareHosts: 0, maxWorkloadsPerHost: 2 }\n' +
        'hostModels: [ { id: m, sockets: 2, coresPerSocket: 10, cpuGhz: 2, memoryGib: 256, cost: 1 } ]\n' +
        'constraints: { affinity: [ { name: trio, workloads: ["g*"] } ] }\n',
    );
    const tiny = (n: string) => vm({ name: n, vcpus: 1, cpuP95: 5, memGib: 1, memP95: 10 });
    const plan = await planConsolidation(inventory(['a', 'b', 'c', 'd', 'e', 'g1', 'g2', 'g3'].map(tiny)), c);
    expect(plan.hosts.map((h) => h.workloads.length)).toEqual([2, 2, 1]);
    expect(plan.unplaced.map((u) => u.name)).toEqual(['g1', 'g2', 'g3']);
    expect(plan.unplaced[0].reason).toBe('affinity group "trio" (g1, g2, g3) its affinity group has 3 workloads, more than maxWorkloadsPerHost 2');
  });

  test('a pinned workload goes to its model; existing hosts are reused at zero cost, spares are bought new', async () => {
    const pinned = await planConsolidation(inventory([small('p1'), small('p2')]), config(
      'hostModels:\n  - { id: big, sockets: 2, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 512, cost: 20000 }\n' +
        '  - { id: small, sockets: 1, coresPerSocket: 8, cpuGhz: 2.5, memoryGib: 128, cost: 6000 }\n' +
        'constraints: { pinned: [ { workload: p1, hostModel: big } ] }\n',
    ));
    expect(hostOf(pinned, 'p1').model).toBe('big');
    const reuse = await planConsolidation(inventory([w('a', 'h1'), w('b', 'h2')], hosts), config(
      'policy: { headroom: 0, haSpareHosts: 1, reuseExistingHosts: true }\n' +
        'hostModels: [ { id: new, sockets: 2, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 512, cost: 20000 } ]\n',
    ));
    expect(reuse.summary.hostsByModel).toEqual({ 'existing-2x10@2000/262144': 1, new: 1 });
    expect(reuse.hosts.find((h) => h.reserve)!.model).toBe('new');
    expect(reuse.summary.hardwareCost).toBe(20000);
  });
});

describe('scope', () => {
  test('templates are out; powered-off VMs are planned unless the config says collect.includePoweredOff: false', async () => {
    const off = { ...small('off1'), powerState: 'off' as const, flags: ['powered-off' as const] };
    const inv = inventory([small('on1'), off, small('tpl', { flags: ['template'] })]);
    const base = 'hostModels: [ { id: m, sockets: 2, coresPerSocket: 10, cpuGhz: 2, memoryGib: 256, cost: 1 } ]\n';
    const kept = await planConsolidation(inv, config(base));
    expect(kept.unplaced.map((u) => [u.name, u.code])).toEqual([['tpl', 'template']]);
    const dropped = await planConsolidation(inv, config(base + 'collect: { includePoweredOff: false }\n'));
    expect(dropped.unplaced.map((u) => [u.name, u.code])).toEqual([
      ['off1', 'powered-off'],
      ['tpl', 'template'],
    ]);
  });
});
