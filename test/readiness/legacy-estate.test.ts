import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadRules, Scorecard, scoreReadiness } from '../../src/readiness';
import { runCli } from '../helpers/cli';
import { sharedPath } from '../helpers/shared';
import { buildInventory, InventorySpec } from './build';

/** An estate holding AIX, HP-UX, Solaris SPARC, OS/2 and a busy physical server (issue 15). */
const spec = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'readiness', 'legacy-estate.json'), 'utf8')) as InventorySpec;
const rules = loadRules().rules!;
const inventory = buildInventory(spec);
const x86 = rules.platforms.filter((p) => p.era === 'current').map((p) => p.id);

function byRule(sc: Scorecard, rule: string): string[] {
  return sc.findings.filter((f) => f.rule === rule).map((f) => (f.platform ? `${f.workload}@${f.platform}` : f.workload)).sort();
}

test('AIX, HP-UX and Solaris SPARC get a critical re-platform finding on every current x86 platform', () => {
  const sc = scoreReadiness({ rules, inventory, asOf: '2026-12-02' });
  const expected = ['billing-hpux', 'erp-aix', 'legacy-sparc'].flatMap((w) => x86.map((p) => `${w}@${p}`)).sort();
  expect(byRule(sc, 'guest-not-x86')).toEqual(expected);
  const aix = sc.findings.find((f) => f.rule === 'guest-not-x86' && f.workload === 'erp-aix' && f.platform === 'proxmox-ve')!;
  expect(aix.severity).toBe('critical');
  expect(aix.message).toBe(
    'erp-aix runs AIX 7.2 (IBM AIX, built for IBM Power hardware): it cannot run on Proxmox VE (KVM), an x86 hypervisor; the application must be re-platformed.',
  );
  // The old gap: AIX counted as "unix" and passed every platform's guest-family check.
  expect(byRule(sc, 'os-unsupported-by-platform').filter((f) => f.startsWith('erp-aix'))).toEqual(
    // AHV and OpenShift Virtualization do not run the unix family at all, so they say so too.
    ['erp-aix@nutanix-ahv', 'erp-aix@openshift-virtualization'],
  );
});

test('OS/2 gets its own legacy finding; the 92 % physical server is flagged; the one without CPU data is listed as not judged', () => {
  const sc = scoreReadiness({ rules, inventory, asOf: '2026-12-02' });
  expect(byRule(sc, 'guest-legacy-unsupported')).toEqual(['lan-os2']);
  expect(sc.findings.find((f) => f.rule === 'guest-legacy-unsupported')!.message).toBe(
    'lan-os2 runs IBM OS/2 Warp Server for e-business 4.5 (IBM OS/2), which no current virtualization platform supports as a guest.',
  );
  expect(byRule(sc, 'physical-too-busy')).toEqual(['db-busy']);
  expect(sc.findings.find((f) => f.rule === 'physical-too-busy')!.message).toBe('db-busy is a physical server at CPU avg 92 % > 70 %.');
  expect(sc.checksNotRun).toContainEqual({
    rule: 'physical-too-busy',
    reason: '1 workload(s) with no CPU p95 / peak / avg in percent, not judged: file-nodata',
  });
});

test('dcplan score on the estate, as a user would: the re-platform blockers are printed', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-legacy-'));
  try {
    const file = path.join(dir, 'inventory.json');
    fs.writeFileSync(file, JSON.stringify(inventory));
    const r = runCli(['score', '-i', file, '--as-of', '2026-12-02']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/CRITICAL guest-not-x86 on vSphere 8: 3 workloads, e\.g\. billing-hpux runs HP-UX 11i v3 \(Itanium\)/);
    expect(r.stdout).toContain('CRITICAL guest-legacy-unsupported: lan-os2 runs IBM OS/2');
    expect(r.stdout).toContain('WARNING  physical-too-busy: db-busy is a physical server at CPU avg 92 % > 70 %.');
    expect(r.stdout).toContain('physical-too-busy: 1 workload(s) with no CPU p95 / peak / avg in percent, not judged: file-nodata');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('migration effort onto vSphere 8: routes, points and the counts behind them, re-platform cases apart', () => {
  const sc = scoreReadiness({ rules, inventory, platforms: ['vmware-vsphere-8'], asOf: '2026-12-02' });
  const m = sc.migration!.find((x) => x.platform === 'vmware-vsphere-8')!;
  // Physical servers: vCenter Converter (warm, 1 point); the two VMs' source is not known (manual, 4 points);
  // OS/2 adds its legacy finding (4), app01 its snapshots (0.5): 5 + 1 + 1 + 4 + 4.5 = 15.5 over 5 workloads.
  expect(m).toMatchObject({ workloads: 5, routine: 3, handsOn: 2, replatform: 3, appliances: 0, points: 15.5, pointsPerWorkload: 3.1 });
  expect(m.routes.map((r) => [r.from, r.tool, r.mode, r.workloads])).toEqual([
    ['physical server', 'VMware vCenter Converter Standalone (hot clone)', 'warm', 3],
    ['unknown', 'no vendor tool: rebuild or copy disk images by hand', 'manual', 2],
  ]);
  expect(m.factors).toEqual([
    { factor: 'guest-legacy-unsupported', workloads: 1, points: 4 },
    { factor: 'snapshots-present', workloads: 1, points: 0.5 },
  ]);
  const r = sc.platforms[0].ratings.find((x) => x.criterion === 'migration-effort')!;
  expect(r.rating).toBe('High');
  expect(r.rationale).toContain('3.1 points per workload over 5 workload(s), 2 hands-on, 3 to re-platform');
});

test('cost for this estate: rated where the business case prices the platform, else "not rated" and out of every total', () => {
  const businessCase = {
    currency: 'EUR',
    years: 5,
    licences: [{ name: 'VMware VVF', unit: 'core' as const, unitsAfter: 64, purchase: 0, yearlyAfter: 8960 }],
  };
  const config = { readiness: { licences: { 'vmware-vsphere-8': ['VMware VVF'] } } };
  const sc = scoreReadiness({ rules, inventory, platforms: ['vmware-vsphere-8', 'proxmox-ve'], asOf: '2026-12-02', config, businessCase });
  expect(sc.costs).toEqual([
    { platform: 'vmware-vsphere-8', total: 44800, currency: 'EUR', years: 5, schemes: [{ name: 'VMware VVF', units: 64, unit: 'core', purchase: 0, yearly: 8960, total: 44800 }] },
    { platform: 'proxmox-ve', schemes: [], why: 'readiness.licences assigns no licence scheme to proxmox-ve (an empty list means no licence cost)' },
  ]);
  const cost = (id: string) => sc.platforms.find((p) => p.platform === id)!.ratings.find((x) => x.criterion === 'cost-for-estate')!;
  expect([cost('vmware-vsphere-8').rating, cost('vmware-vsphere-8').inTotal]).toEqual(['Low', false]);
  expect([cost('proxmox-ve').rating, cost('proxmox-ve').inTotal]).toEqual(['not rated', false]);
  // With Proxmox priced at nothing (an empty list), both are rated and the cost counts.
  const both = scoreReadiness({
    rules, inventory, platforms: ['vmware-vsphere-8', 'proxmox-ve'], asOf: '2026-12-02', businessCase,
    config: { readiness: { licences: { 'vmware-vsphere-8': ['VMware VVF'], 'proxmox-ve': [] } } },
  });
  const c2 = (id: string) => both.platforms.find((p) => p.platform === id)!.ratings.find((x) => x.criterion === 'cost-for-estate')!;
  expect([c2('proxmox-ve').rating, c2('proxmox-ve').inTotal, c2('vmware-vsphere-8').rating]).toEqual(['Low', undefined, 'High']);
});

test('appliance portability on the real ovf-cot descriptors: Hyper-V cannot import them, MTV refuses the VirtualBox one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-ovf-'));
  try {
    const inv = path.join(dir, 'inventory.json');
    const d = (f: string) => sharedPath('datasets', 'ovf-cot', f);
    const c = runCli(['collect', d('iosv.ovf'), d('ubuntu.2.0.ovf'), d('vmware.ovf'), '--out', inv]);
    expect(c.status).toBe(0);
    const r = runCli(['score', '-i', inv, '--as-of', '2026-12-02', '--json']);
    expect(r.status).toBe(0);
    const sc = (JSON.parse(r.stdout) as { scorecard: Scorecard }).scorecard;
    const names = sc.findings.filter((f) => f.rule === 'appliance-no-import').map((f) => `${f.workload}@${f.platform}`).sort();
    expect(names).toEqual(['Cisco IOSv@microsoft-hyper-v-2022', 'ubuntu@microsoft-hyper-v-2022', 'ubuntu@openshift-virtualization', 'vmw@microsoft-hyper-v-2022']);
    expect(sc.findings.filter((f) => f.rule === 'appliance-manifest-unchecked').map((f) => f.platform)).toEqual(['proxmox-ve', 'proxmox-ve', 'proxmox-ve']);
    expect(sc.migration!.every((m) => m.appliances === 3 && m.workloads === 0)).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
