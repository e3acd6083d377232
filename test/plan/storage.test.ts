import * as fs from 'fs';
import * as path from 'path';
import { collectFiles } from '../../src/collect/pipeline';
import { defaultConfig, parseConfigText } from '../../src/config';
import { AssessmentConfig } from '../../src/config/defaults';
import { STORAGE_POLICIES } from '../../src/config/storage-policy';
import { Inventory } from '../../src/inventory/schema';
import { planConsolidation } from '../../src/plan/planner';
import { Plan } from '../../src/plan/types';
import { verifyPlan } from '../../src/verify';
import { VERIFY_STORAGE_POLICIES } from '../../src/verify/storage';
import { sharedPath } from '../helpers/shared';

const SAN = path.join(__dirname, '..', 'fixtures', 'rvtools', 'san-estate');

async function sanEstate(): Promise<Inventory> {
  const files = fs.readdirSync(SAN).sort().map((f) => ({ path: path.join(SAN, f) }));
  return (await collectFiles(files, { includePoweredOff: false })).inventory;
}

function cfg(yaml: string): AssessmentConfig {
  const r = parseConfigText(yaml, 'test.yaml');
  if (!r.config) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.config;
}

const HCI = (policy: string, extra = '') => `
hostModels:
  - { id: hci-node, sockets: 2, coresPerSocket: 16, cpuGhz: 2.6, memoryGib: 768, storageGib: 30720, cost: 30000 }
policy:
  storagePolicy: ${policy}
  exactMaxWorkloads: 0
${extra}`;

describe('external storage (the default): the array is sized, hosts are not storage-bound', () => {
  let inv: Inventory;
  let plan: Plan;
  beforeAll(async () => {
    inv = await sanEstate();
    plan = await planConsolidation(inv, defaultConfig());
  });

  test('the fixture reads vDatastore types, vMemory reservations and vCluster HA settings', () => {
    expect(new Set(inv.datastores!.map((d) => d.type))).toEqual(new Set(['VMFS', 'NFS', 'NFS41', 'vsan']));
    expect(inv.workloads.filter((w) => (w.config.memoryReservationMib ?? 0) > 0).length).toBeGreaterThan(0);
    const prod = inv.clusters.find((c) => c.name === 'Prod')!;
    expect(prod).toMatchObject({ haEnabled: true, failoverLevel: 1, admissionControl: true, drsEnabled: true });
  });

  test('storage is no packing dimension and does not limit', () => {
    expect(plan.dimensions).not.toContain('storageGib');
    expect(plan.summary.limitingDimension).not.toBe('storageGib');
    expect(plan.hosts.every((h) => h.capacity.storageGib === undefined)).toBe(true);
    expect(plan.storage?.pools).toEqual([{ pool: 'general', storage: 'external', hosts: plan.hosts.length }]);
  });

  test('array sizing: per datastore type, on the configured basis, every figure from the stated formula', () => {
    const a = plan.storage!.array!;
    expect(a.basis).toBe('provisioned');
    expect(a.factor).toBe(1.2);
    expect(a.targetUtilization).toBe(0.85);
    const types = a.byType.map((r) => r.type).sort();
    expect(types).toEqual(['NFS', 'NFS 4.1', 'VMFS', 'vSAN']);
    // Σ over types = Σ of the workloads' provisioned GiB (split by disk size), and needed = GiB × f / target
    const prov = inv.workloads.reduce((s, w) => s + (w.provisionedGib ?? 0), 0);
    expect(a.total.provisionedGib).toBeCloseTo(prov, 0);
    expect(a.total.neededGib).toBeCloseTo((prov * 1.2) / 0.85, 0);
    expect(a.total.neededUsedGib).toBeLessThan(a.total.neededProvisionedGib);
    // the vSAN rows are exactly the Dev cluster's VMs (all their disks are on vsanDatastore)
    const dev = inv.workloads.filter((w) => w.location.cluster === 'Dev');
    const vsan = a.byType.find((r) => r.type === 'vSAN')!;
    expect(vsan.workloads).toBe(dev.length);
    expect(vsan.provisionedGib).toBeCloseTo(dev.reduce((s, w) => s + w.provisionedGib!, 0), 0);
    // today's datastores beside it
    expect(a.total.datastores).toBe(inv.datastores!.length);
    expect(vsan.currentCapacityGib).toBe(12288);
  });

  test('HA settings of today\'s clusters are in the plan', () => {
    expect(plan.ha?.clustersBefore).toEqual([
      { name: 'Dev', hosts: 2, haEnabled: false, failoverLevel: 0, admissionControl: false, drsEnabled: false },
      { name: 'Prod', hosts: 4, haEnabled: true, failoverLevel: 1, admissionControl: true, drsEnabled: true },
    ]);
  });

  test('verify passes the default plan', () => {
    const r = verifyPlan(plan, inv, defaultConfig());
    expect(r.violations).toEqual([]);
  });
});

describe('a real SAN/NFS export with no config is not storage-limited', () => {
  test('SizingWorkshop sample: CPU or memory decides, verify passes', async () => {
    const inv = (await collectFiles([{ path: sharedPath('datasets', 'rvtools-samples', 'SizingWorkshop-RVTools.xlsx') }], { includePoweredOff: false })).inventory;
    const plan = await planConsolidation(inv, defaultConfig());
    expect(plan.dimensions).not.toContain('storageGib');
    expect(['cpuMhz', 'memoryMib']).toContain(plan.summary.limitingDimension);
    // the workbook has no vDatastore tab: the array is sized, its type is not known
    expect(plan.storage!.array!.byType.map((r) => r.type)).toEqual(['unknown']);
    expect(plan.storage!.array!.total.neededGib).toBeGreaterThan(0);
    expect(verifyPlan(plan, inv, defaultConfig()).violations).toEqual([]);
  });
});

describe('HCI: policy multiplier, swap, slack and minimum hosts', () => {
  let inv: Inventory;
  beforeAll(async () => {
    inv = await sanEstate();
  });

  test('the verifier\'s policy table equals the planner\'s', () => {
    for (const p of Object.values(STORAGE_POLICIES)) expect(VERIFY_STORAGE_POLICIES[p.id]).toEqual({ multiplier: p.multiplier, minHosts: p.minHosts });
    expect(Object.keys(VERIFY_STORAGE_POLICIES).sort()).toEqual(Object.keys(STORAGE_POLICIES).sort());
  });

  test.each([
    ['ftt1-raid1', 3],
    ['ftt1-raid5', 4],
    ['ftt2-raid1', 5],
    ['ftt2-raid6', 6],
    ['ftt3-raid1', 7],
  ])('%s: every cluster has at least %i hosts, storage packed at the multiplier, verify passes', async (policy, min) => {
    const c = cfg(HCI(policy));
    const plan = await planConsolidation(inv, c);
    expect(plan.dimensions).toContain('storageGib');
    const clusters = new Map<string, number>();
    for (const h of plan.hosts) clusters.set(h.cluster, (clusters.get(h.cluster) ?? 0) + 1);
    for (const n of clusters.values()) expect(n).toBeGreaterThanOrEqual(min);
    expect(plan.summary.lowerBound).toBeGreaterThanOrEqual(min);
    const pool = plan.storage!.pools[0];
    expect(pool).toMatchObject({ storage: 'hci', policy, minHostsPerCluster: min, slack: 0.25 });
    expect(pool.demandGib!).toBeLessThanOrEqual(pool.usableGib! + 1);
    expect(plan.storage!.array).toBeUndefined();
    expect(verifyPlan(plan, inv, c).violations).toEqual([]);
  });

  test('HCI demand = max(provisioned, disks + swap) × multiplier × f; a reserved VM has no swap', async () => {
    const c = cfg(HCI('ftt1-raid1'));
    const plan = await planConsolidation(inv, c);
    const byName = new Map(plan.sizing!.map((s) => [s.name, s]));
    for (const w of inv.workloads) {
      const disks = w.disks.reduce((s, d) => s + d.capacityGib, 0);
      const swap = (w.memoryMib - (w.config.memoryReservationMib ?? 0)) / 1024;
      const expected = Math.max(w.provisionedGib!, disks + swap) * 2 * 1.2;
      expect(byName.get(w.name)!.demand.storageGib).toBeCloseTo(expected, 2);
    }
    const reserved = inv.workloads.find((w) => w.config.memoryReservationMib === w.memoryMib)!;
    const noSwap = cfg(HCI('ftt1-raid1', '  storageSwap: false'));
    const p2 = await planConsolidation(inv, noSwap);
    const s2 = new Map(p2.sizing!.map((s) => [s.name, s]));
    expect(s2.get(reserved.name)!.demand.storageGib).toBeCloseTo(byName.get(reserved.name)!.demand.storageGib!, 6);
  });

  test('verify fails RAID-6 on fewer than 6 hosts, FTT=1 on 2 hosts, and storage over the slack', async () => {
    const c1 = cfg(HCI('ftt1-raid1'));
    const plan = await planConsolidation(inv, c1);
    // RAID-6 claimed for a plan built for RAID-1 (3+ hosts per cluster): too few hosts, and over capacity at ×1.5 vs ×2 no
    const raid6 = verifyPlan(plan, inv, cfg(HCI('ftt2-raid6')));
    if (plan.hosts.length < 6) expect(raid6.violations.map((v) => v.code)).toContain('hci-min-hosts');
    // FTT=1 on 2 hosts: drop every empty host but one
    const two: Plan = JSON.parse(JSON.stringify(plan));
    const loaded = two.hosts.filter((h) => h.workloads.length > 0);
    if (loaded.length === 1) {
      two.hosts = [...loaded, two.hosts.find((h) => h.workloads.length === 0)!];
      const r = verifyPlan(two, inv, c1);
      expect(r.violations.map((v) => v.code)).toContain('hci-min-hosts');
    } else {
      two.hosts = loaded.slice(0, 2);
      expect(verifyPlan(two, inv, c1).ok).toBe(false);
    }
    // over slack: the same plan checked with 90 % slack
    const over = verifyPlan(plan, inv, cfg(HCI('ftt1-raid1', '  storageSlack: 0.9')));
    const slack = over.violations.filter((v) => v.code === 'hci-slack');
    expect(slack.length).toBeGreaterThan(0);
    expect(slack[0].message).toContain('90 % slack space');
  });

  test('verify fails a hand-built RAID-6 cluster of 5 hosts', async () => {
    const c = cfg(HCI('ftt2-raid6'));
    const plan = await planConsolidation(inv, c);
    const broken: Plan = JSON.parse(JSON.stringify(plan));
    const cluster = broken.hosts[0].cluster;
    const inCluster = broken.hosts.filter((h) => h.cluster === cluster);
    expect(inCluster.length).toBeGreaterThanOrEqual(6);
    const drop = new Set(inCluster.slice(5).map((h) => h.id));
    broken.hosts = broken.hosts.filter((h) => !drop.has(h.id));
    expect(broken.hosts.filter((h) => h.cluster === cluster).length).toBe(5);
    const r = verifyPlan(broken, inv, c);
    expect(r.violations.find((v) => v.code === 'hci-min-hosts')?.message).toBe(`cluster ${cluster} has 5 host(s); storage policy ftt2-raid6 needs at least 6`);
  });
});

describe('config: storage keys', () => {
  test('the old storageFttMultiplier is mapped to its policy with a deprecation warning; other values are refused', () => {
    const ok = parseConfigText('policy:\n  storageFttMultiplier: 1.5\n', 'a.yaml');
    expect(ok.config!.policy.storagePolicy).toBe('ftt2-raid6');
    expect(ok.problems.find((p) => p.code === 'config-deprecated')?.message).toContain('read as storagePolicy ftt2-raid6');
    const bad = parseConfigText('policy:\n  storageFttMultiplier: 1.7\n', 'a.yaml');
    expect(bad.config).toBeNull();
    expect(bad.problems[0].message).toContain('storageFttMultiplier 1.7 matches no storage policy');
  });

  test('a model with storageGib is HCI, one without is external; the built-in model is external', () => {
    const c = cfg('hostModels:\n  - { id: a, sockets: 1, coresPerSocket: 8, cpuGhz: 2, memoryGib: 64, storageGib: 1000 }\n  - { id: b, sockets: 1, coresPerSocket: 8, cpuGhz: 2, memoryGib: 64 }\nconstraints:\n  pools:\n    - { name: p, match: { name: "x*" }, hostModels: [a] }\n    - { name: q, match: { name: "*" }, hostModels: [b] }\n');
    expect(c.hostModels.map((m) => m.storage)).toEqual(['hci', 'external']);
    expect(defaultConfig().hostModels[0].storage).toBe('external');
    expect(defaultConfig().hostModels[0].storageGib).toBeUndefined();
  });

  test('refused: an HCI model without capacity, a pool mixing array and HCI models, RAID-6 in clusters of 5', () => {
    const noCap = parseConfigText('hostModels:\n  - { id: a, sockets: 1, coresPerSocket: 8, cpuGhz: 2, memoryGib: 64, storage: hci }\n', 'a.yaml');
    expect(noCap.problems.map((p) => p.message)).toContain('host model "a": storage hci needs storageGib (raw local capacity per host)');
    const mixed = parseConfigText(
      'hostModels:\n  - { id: a, sockets: 1, coresPerSocket: 8, cpuGhz: 2, memoryGib: 64, storageGib: 1000 }\n  - { id: b, sockets: 1, coresPerSocket: 8, cpuGhz: 2, memoryGib: 64 }\nconstraints:\n  pools:\n    - { name: p, match: { name: "*" } }\n',
      'a.yaml',
    );
    expect(mixed.config).toBeNull();
    expect(mixed.problems.find((p) => p.severity === 'error')?.message).toContain('pool "p" mixes host models on an external array and HCI models');
    const small = parseConfigText('hostModels:\n  - { id: a, sockets: 1, coresPerSocket: 8, cpuGhz: 2, memoryGib: 64, storageGib: 1000 }\npolicy:\n  storagePolicy: ftt2-raid6\n  maxHostsPerCluster: 5\n', 'a.yaml');
    expect(small.config).toBeNull();
    expect(small.problems.find((p) => p.severity === 'error')?.message).toContain('needs at least 6 hosts per cluster, but maxHostsPerCluster is 5');
  });
});
