import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { sharedPath } from '../helpers/shared';
import { Scorecard } from '../../src/readiness';
import { buildInventory } from './build';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-score-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('dcplan score --platforms seed prints the seed\'s table', () => {
  const r = runCli(['score', '--platforms', 'seed', '--as-of', '2026-01-01']);
  expect(r.status).toBe(0);
  const lines = r.stdout.split('\n');
  expect(lines[0]).toBe('Criterion                           ESX 3i (2008)    XenServer 2008    Hyper-V 2008      Virtuozzo 2008');
  expect(lines).toContain('Hardware-Level Virtualization       Yes              Yes               Yes               No');
  expect(lines).toContain('Scalability/Performance             Medium to High   Medium to High    Medium to High    High');
  expect(lines).toContain('Weighted total                      97.5             72.5              72.5              65.0');
  expect(r.stdout).toContain('Recommendation: VMware ESX Server 3i');
  expect(r.stdout).toContain('Workload rules not run: no inventory given (21 rules; pass --inventory inventory.json).');
});

test('dcplan score --platforms all without an inventory recommends vSphere 8, not ESX 3i, and says why', () => {
  const r = runCli(['score', '--platforms', 'all', '--as-of', '2026-12-02']);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('Recommendation: VMware vSphere 8 (ESXi 8)');
  expect(r.stdout).toContain('Not recommended (scored for comparison only):');
  expect(r.stdout).toMatch(/ESX 3i \(2008\): historical product .*2010-05-21/);
  expect(r.stdout.split('\n').find((l) => l.startsWith('Lifecycle'))).toMatch(/^Lifecycle\s+historical\s+to 2027-10-11\s+to 2031-10-14/);
});

test('dcplan score --platforms all with an inventory: historical platforms scored, a current one recommended', () => {
  const inv = path.join(tmp, 'small-inventory.json');
  fs.writeFileSync(inv, JSON.stringify(buildInventory({ workloads: [{ name: 'app1', os: { family: 'linux', name: 'Red Hat Enterprise Linux 9 (64-bit)' } }] })));
  const r = runCli(['score', '-i', inv, '--platforms', 'all', '--as-of', '2026-12-02', '--json']);
  expect(r.status).toBe(0);
  const sc = (JSON.parse(r.stdout) as { scorecard: Scorecard }).scorecard;
  expect(sc.platforms).toHaveLength(10);
  expect(sc.recommendation.platform).toBe('vmware-vsphere-8');
  expect(sc.platforms.find((p) => p.platform === 'vmware-esx-server-3i')!.notRecommended).toMatch(/^historical product/);
});

test('dcplan score on the RVTools sizing-workshop export, collected first, as a user would', () => {
  const inv = path.join(tmp, 'inventory.json');
  const c = runCli(['collect', sharedPath('datasets', 'rvtools-samples', 'SizingWorkshop-RVTools.xlsx'), '--out', inv]);
  expect(c.status).toBe(0);
  const inventory = JSON.parse(fs.readFileSync(inv, 'utf8'));
  const cfg = path.join(tmp, 'assessment.yaml');
  fs.writeFileSync(
    cfg,
    'hostModels:\n  - { id: small-1x8, sockets: 1, coresPerSocket: 8, cpuGhz: 2.4, memoryGib: 64 }\n' +
      'readiness:\n  profile: availability-first\n  platforms: [vmware-vsphere-8, proxmox-ve, microsoft-hyper-v-2022]\n',
  );
  const out1 = path.join(tmp, 'scorecard-1.json');
  const out2 = path.join(tmp, 'scorecard-2.json');
  const r = runCli(['score', '-i', inv, '--config', cfg, '--as-of', '2026-11-22', '--out', out1, '--json']);
  expect(r.status).toBe(0);
  const result = JSON.parse(r.stdout) as { status: string; out: string; scorecard: Scorecard };
  const sc = result.scorecard;
  expect(result.out).toBe(out1);
  expect(JSON.parse(fs.readFileSync(out1, 'utf8'))).toEqual(sc);
  expect(sc.profile.id).toBe('availability-first');
  expect(sc.platforms.map((p) => p.platform).sort()).toEqual(['microsoft-hyper-v-2022', 'proxmox-ve', 'vmware-vsphere-8']);
  const counted = inventory.workloads.filter((w: { flags: string[] }) => !w.flags.includes('template') && !w.flags.includes('srm-placeholder'));
  expect(sc.estate).toEqual({ workloads: counted.length, hosts: inventory.hosts.length, clusters: inventory.clusters.length });
  // Xeon hosts: the VT-x requirement costs this estate nothing, and the scorecard says the estate moved the rating.
  const hw = sc.platforms.find((p) => p.platform === 'vmware-vsphere-8')!.ratings.find((x) => x.criterion === 'hardware-independence')!;
  expect([hw.ratingWithoutEstate, hw.rating]).toEqual(['No', 'Yes']);
  // The host-model rule ran because the config lists host models; it flags exactly the VMs above 8 vCPUs or 64 GiB.
  expect(sc.checksNotRun.map((x) => x.rule)).not.toContain('exceeds-host-models');
  const tooBig = counted.filter((w: { vcpus: number; memoryMib: number }) => w.vcpus > 8 || w.memoryMib / 1024 > 64).map((w: { name: string }) => w.name).sort();
  expect(sc.findings.filter((f) => f.rule === 'exceeds-host-models').map((f) => f.workload).sort()).toEqual(tooBig);
  expect(sc.findingCounts.critical + sc.findingCounts.warning + sc.findingCounts.info).toBe(sc.findings.length);
  // Same input, same bytes.
  const again = runCli(['score', '-i', inv, '--config', cfg, '--as-of', '2026-11-22', '--out', out2]);
  expect(again.stderr).toBe('');
  expect(again.status).toBe(0);
  expect(fs.readFileSync(out2, 'utf8')).toBe(fs.readFileSync(out1, 'utf8'));
});

test('dcplan rules list --json lists criteria, platforms, profiles and workload rules', () => {
  const r = runCli(['rules', 'list', '--json']);
  expect(r.status).toBe(0);
  const l = JSON.parse(r.stdout);
  expect(l.criteria.map((c: { id: string }) => c.id)).toEqual([
    'hardware-virtualization',
    'hardware-independence',
    'os-independence',
    'security',
    'distributed-virtualization',
    'priority-resource-allocation',
    'scalability',
    'on-demand-capacity',
    'availability',
    'manageability-extensibility',
    'migration-effort',
    'cost-for-estate',
  ]);
  expect(l.platforms).toHaveLength(10);
  expect(l.profiles.map((p: { id: string }) => p.id)).toEqual(['availability-first', 'cost-first', 'default', 'security-first']);
  expect(l.workloadRules).toHaveLength(21);
});
