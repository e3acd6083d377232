import { loadRules, scoreReadiness, Scorecard } from '../../src/readiness';
import { buildInventory, InventorySpec, WorkloadSpec } from './build';

const rules = loadRules().rules!;

/** platform → criterion → rating, for every platform in the rules. */
function ratingsFor(spec?: InventorySpec): Record<string, Record<string, string>> {
  const sc: Scorecard = scoreReadiness({
    rules,
    platforms: ['all'],
    asOf: '2026-01-01',
    inventory: spec ? buildInventory(spec) : undefined,
  });
  return Object.fromEntries(sc.platforms.map((p) => [p.platform, Object.fromEntries(p.ratings.map((r) => [r.criterion, r.rating]))]));
}

/** Every (platform, criterion) whose rating differs between two runs, as "platform/criterion: from → to". */
function diff(a: ReturnType<typeof ratingsFor>, b: ReturnType<typeof ratingsFor>): string[] {
  const out: string[] = [];
  for (const p of Object.keys(a).sort())
    for (const c of Object.keys(a[p]).sort()) if (a[p][c] !== b[p][c]) out.push(`${p}/${c}: ${a[p][c]} → ${b[p][c]}`);
  return out;
}

const vt = [{ name: 'esx01', cpuModel: 'Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz' }];
const linux = (n: number): WorkloadSpec[] =>
  Array.from({ length: n }, (_, i) => ({ name: `lnx${String(i + 1).padStart(2, '0')}`, os: { family: 'linux' as const, name: 'Red Hat Enterprise Linux 9 (64-bit)' } }));
const windows = (n: number): WorkloadSpec[] =>
  Array.from({ length: n }, (_, i) => ({ name: `win${String(i + 1).padStart(2, '0')}`, os: { family: 'windows' as const, name: 'Microsoft Windows Server 2022 (64-bit)' } }));

test('a mixed Windows/Linux estate against an all-Linux one moves only the container platform\'s OS independence', () => {
  const allLinux = ratingsFor({ workloads: linux(20), hosts: vt });
  const mixed = ratingsFor({ workloads: [...linux(14), ...windows(6)], hosts: vt });
  expect(diff(allLinux, mixed)).toEqual(['parallels-virtuozzo-containers/os-independence: Yes → No']);
});

test('the OS-mix rationale and evidence say how much of the estate would need separate pools', () => {
  const sc = scoreReadiness({
    rules,
    platforms: ['parallels-virtuozzo-containers'],
    asOf: '2026-01-01',
    inventory: buildInventory({ workloads: [...linux(14), ...windows(6)], hosts: vt }),
  });
  const r = sc.platforms[0].ratings.find((x) => x.criterion === 'os-independence')!;
  expect(r.rating).toBe('No');
  expect(r.ratingWithoutEstate).toBe('No');
  expect(r.rationale).toBe(
    'Parallels Virtuozzo Containers cannot mix guest OS families on one host, so a mixed estate splits into separate per-OS pools; 30 % of the estate is not linux and would need separate pools.',
  );
  expect(r.evidence.filter((e) => e.kind === 'inventory')).toEqual([
    { kind: 'inventory', key: 'guest OS families', value: 'linux 14, windows 6' },
    { kind: 'inventory', key: 'share outside the largest OS family', value: '30 %' },
  ]);
});

test('hosts without VT-x/AMD-V move only the hardware independence of platforms that need the assists', () => {
  const workloads = [...linux(5), ...windows(5)];
  const withVt = ratingsFor({ workloads, hosts: [...vt, { name: 'esx02', cpuModel: 'AMD EPYC 7543 32-Core Processor' }] });
  const withoutVt = ratingsFor({
    workloads,
    hosts: [...vt, { name: 'old01', cpuModel: 'Intel(R) Xeon(TM) CPU 3.00GHz' }],
  });
  expect(diff(withVt, withoutVt)).toEqual([
    'citrix-xenserver/hardware-independence: Yes → No',
    'microsoft-hyper-v-2008/hardware-independence: Yes → No',
    'microsoft-hyper-v-2022/hardware-independence: Yes → No',
    'nutanix-ahv/hardware-independence: Yes → No',
    'openshift-virtualization/hardware-independence: Yes → No',
    'proxmox-ve/hardware-independence: Yes → No',
    'vmware-vsphere-8/hardware-independence: Yes → No',
    'xcp-ng/hardware-independence: Yes → No',
  ]);
});

test('a Max EVC mode counts as proof of the assists even when the CPU model is unknown', () => {
  const sc = scoreReadiness({
    rules,
    platforms: ['proxmox-ve'],
    asOf: '2026-01-01',
    inventory: buildInventory({ workloads: linux(2), hosts: [{ name: 'h1', maxEvc: 'intel-broadwell' }, { name: 'h2' }] }),
  });
  const r = sc.platforms[0].ratings.find((x) => x.criterion === 'hardware-independence')!;
  expect(r.rating).toBe('Yes');
  expect(r.ratingWithoutEstate).toBe('No');
  expect(r.evidence).toContainEqual({ kind: 'inventory', key: 'hosts whose CPU could not be classified', value: 'h2' });
});

test('a 2 TiB VM moves only scalability, and only on platforms whose per-VM limits it exceeds', () => {
  const base: WorkloadSpec[] = [...linux(10), ...windows(10)];
  const small = ratingsFor({ workloads: base, hosts: vt });
  const big = ratingsFor({ workloads: [...base, { name: 'sap-hana', vcpus: 64, memoryMib: 2 * 1024 * 1024, os: { family: 'linux' } }], hosts: vt });
  // 1 of 21 workloads (4.8 %) over the limit: Medium (at most 10 % over), not Low.
  expect(diff(small, big)).toEqual([
    'citrix-xenserver/scalability: Medium to High → Medium',
    'microsoft-hyper-v-2008/scalability: Medium to High → Medium',
    'vmware-esx-server-3i/scalability: Medium to High → Medium',
    'xcp-ng/scalability: Medium to High → Medium',
  ]);
});

test('availability weighs how much of the estate needs HA', () => {
  const dev = ratingsFor({
    workloads: linux(20).map((w) => ({ ...w, environment: 'dev' })),
    hosts: vt,
    clusters: [{ name: 'c1', haEnabled: false }],
  });
  const prod = ratingsFor({
    workloads: linux(20).map((w) => ({ ...w, environment: 'production' })),
    hosts: vt,
    clusters: [{ name: 'c1', haEnabled: false }],
  });
  // With almost nothing needing HA, a platform with HA restart loses nothing to its parent-OS or shared-kernel weakness.
  expect(diff(prod, dev)).toEqual([
    'citrix-xenserver/availability: Moderate → High',
    'microsoft-hyper-v-2008/availability: Moderate → High',
    'microsoft-hyper-v-2022/availability: Moderate → High',
    'nutanix-ahv/availability: Moderate → High',
    'openshift-virtualization/availability: Moderate → High',
    'parallels-virtuozzo-containers/availability: Moderate → High',
    'proxmox-ve/availability: Moderate → High',
    'xcp-ng/availability: Moderate → High',
  ]);
});

test('scoring is deterministic and independent of the order of workloads and hosts', () => {
  const workloads = [...linux(7), ...windows(5), { name: 'big', vcpus: 16, memoryMib: 131072, os: { family: 'windows' as const } }];
  const hosts = [...vt, { name: 'old01', cpuModel: 'Intel(R) Xeon(TM) CPU 3.00GHz' }];
  const a = scoreReadiness({ rules, platforms: ['all'], asOf: '2026-01-01', inventory: buildInventory({ workloads, hosts }) });
  const b = scoreReadiness({
    rules,
    platforms: ['all'],
    asOf: '2026-01-01',
    inventory: buildInventory({ workloads: [...workloads].reverse(), hosts: [...hosts].reverse() }),
  });
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
});
