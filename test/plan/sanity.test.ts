/**
 * Sanity of the "before" side and of the figures fed in (issue 10, deliverable 5): every existing host counted, reused
 * hosts keep power and rack units, CPU over 100 % capped only in sizing (and counted), the per-cluster reconciliation
 * of sized demand against measured host use.
 */
import { AssessmentConfig, parseConfigText } from '../../src/config';
import { planConsolidation } from '../../src/plan/planner';
import { host, inventory, vm } from './estate';

function config(yaml: string): AssessmentConfig {
  const r = parseConfigText(yaml, 'inline.yaml');
  if (!r.config) throw new Error(JSON.stringify(r.problems));
  return r.config;
}

const CFG = 'policy: { headroom: 0, haSpareHosts: 0 }\nhostModels: [ { id: m, sockets: 2, coresPerSocket: 10, cpuGhz: 2, memoryGib: 256, cost: 1 } ]\n';

describe('hosts before', () => {
  test('every host of the inventory counts, also one without a powered-on VM, plus hosts VMs name that vHost lacks', async () => {
    const hosts = [host('h1'), host('h2'), host('empty')];
    const a = vm({ name: 'a', hostId: 'h1' });
    const b = vm({ name: 'b', hostId: 'h2' });
    const c = { ...vm({ name: 'c' }), location: { host: 'esx-not-in-vhost' } };
    const plan = await planConsolidation(inventory([a, b, c], hosts), config(CFG));
    expect(plan.summary.hostsBefore).toBe(4);
    // 4 hosts at the default 2 U each
    expect(plan.summary.rackUnitsBefore).toBe(8);
  });

  test('an export whose VM-to-host join fails throughout (anonymised per tab): the VMs\' host names are not counted', async () => {
    const hosts = [host('h1'), host('h2')];
    const ws = ['x', 'y', 'z'].map((n, i) => ({ ...vm({ name: n }), location: { host: `10.0.0.${i}` } }));
    const plan = await planConsolidation(inventory(ws, hosts), config(CFG));
    expect(plan.summary.hostsBefore).toBe(2);
  });
});

describe('reused hosts', () => {
  test('keep the assumed power and rack units of policy.existingHosts', async () => {
    const cfg = config(
      'policy: { headroom: 0, haSpareHosts: 0, reuseExistingHosts: true, existingHosts: { powerIdleW: 200, powerMaxW: 600, rackUnits: 1 } }\n' +
        'hostModels: [ { id: m, sockets: 2, coresPerSocket: 10, cpuGhz: 2, memoryGib: 256, cost: 10000, powerIdleW: 100, powerMaxW: 500, rackUnits: 2 } ]\n',
    );
    const plan = await planConsolidation(inventory([vm({ name: 'a', vcpus: 2, cpuMhz: 2000, cpuP95: 50, hostId: 'h1' })], [host('h1')]), cfg);
    const reused = plan.hosts.filter((h) => h.model.startsWith('existing-'));
    expect(reused).toHaveLength(1);
    const model = plan.hostModels.find((m) => m.id === reused[0].model)!;
    expect(model).toMatchObject({ powerIdleW: 200, powerMaxW: 600, rackUnits: 1, cost: 0 });
    expect(plan.summary.rackUnitsAfter).toBe(1);
    // 200 + 400 × 2,000 MHz / 40,000 MHz
    expect(plan.summary.powerKwAfter).toBeCloseTo(0.22, 6);
  });
});

describe('CPU over 100 %', () => {
  test('is sized at 100 % and counted in one warning naming the VMs', async () => {
    const ws = [vm({ name: 'hot', vcpus: 2, cpuMhz: 2000, cpuP95: 140 }), vm({ name: 'ok', vcpus: 2, cpuMhz: 2000, cpuP95: 40 })];
    const plan = await planConsolidation(inventory(ws), config(CFG));
    expect(plan.sizing![0].demand.cpuMhz).toBe(4000);
    expect(plan.sizing![0].cpuCappedFromPct).toBe(140);
    const w = plan.problems.filter((p) => p.code === 'cpu-over-100');
    expect(w).toHaveLength(1);
    expect(w[0].message).toMatch(/^1 workload\(s\) measure more than 100 % of their vCPUs \(hot 140 %\)/);
  });
});

describe('reconciliation per source cluster', () => {
  // cluster c1: 2 hosts × 20 cores × 2,000 MHz at 10 % CPU = 8,000 MHz measured; 2 × 256 GiB at 50 % = 262,144 MiB
  const hosts = [host('h1', { cluster: 'c1', cpuUsagePct: 10, memoryUsagePct: 50 }), host('h2', { cluster: 'c1', cpuUsagePct: 10, memoryUsagePct: 50 })];
  const inCluster = (name: string, cpuP95: number) => {
    const w = vm({ name, vcpus: 8, cpuMhz: 2000, cpuP95, memGib: 128, memP95: 100, hostId: 'h1' });
    return { ...w, location: { ...w.location, cluster: 'c1' } };
  };

  test('sized demand before headroom against the hosts\' measured use; ratio and no warning when within the factor', async () => {
    // 2 VMs × 8 × 2,000 × 25 % = 8,000 MHz sized: ratio 1; memory 2 × 128 GiB = 262,144 MiB: ratio 1
    const plan = await planConsolidation(inventory([inCluster('a', 25), inCluster('b', 25)], hosts), config(CFG.replace('headroom: 0', 'headroom: 0.5')));
    expect(plan.reconciliation).toEqual([
      { cluster: 'c1', workloads: 2, hosts: 2, sizedCpuMhz: 8000, measuredCpuMhz: 8000, cpuHostsMeasured: 2, cpuRatio: 1, sizedMemoryMib: 262144, measuredMemoryMib: 262144, memoryHostsMeasured: 2, memoryRatio: 1, flagged: [] },
    ]);
    expect(plan.problems.some((p) => p.code === 'sizing-vs-hosts')).toBe(false);
  });

  test('beyond policy.reconciliationFactor: a warning with the ratio', async () => {
    // 2 × 8 × 2,000 × 100 % = 32,000 MHz sized against 8,000 measured: 4×
    const plan = await planConsolidation(inventory([inCluster('a', 100), inCluster('b', 100)], hosts), config(CFG));
    expect(plan.reconciliation![0]).toMatchObject({ cpuRatio: 4, flagged: ['cpu'] });
    const w = plan.problems.find((p) => p.code === 'sizing-vs-hosts')!;
    expect(w.message).toMatch(/cluster "c1": the 2 VMs are sized at 4× the measured host cpu .* factor 2 apart/);
    const loose = await planConsolidation(inventory([inCluster('a', 100), inCluster('b', 100)], hosts), config(CFG.replace('haSpareHosts: 0', 'haSpareHosts: 0, reconciliationFactor: 5')));
    expect(loose.reconciliation![0].flagged).toEqual([]);
  });
});
