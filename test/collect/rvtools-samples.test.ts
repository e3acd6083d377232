import { rvtoolsXlsxCollector } from '../../src/collect/collectors/rvtools';
import { collectFiles } from '../../src/collect/pipeline';
import { probeFile } from '../../src/collect/read/probe';
import { CollectorOutput } from '../../src/collect/types';
import { Inventory, Workload } from '../../src/inventory/schema';
import { sharedPath } from '../helpers/shared';

/** Counts of a key over a list, as a plain object with sorted keys (stable to compare). */
function countBy<T>(items: readonly T[], key: (t: T) => string | undefined): Record<string, number> {
  const m: Record<string, number> = {};
  for (const i of items) {
    const k = key(i) ?? '(none)';
    m[k] = (m[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));
}

async function collectXlsx(file: string): Promise<CollectorOutput> {
  const probe = await probeFile(file, file);
  expect(rvtoolsXlsxCollector.detect(probe)).toBe(1);
  return rvtoolsXlsxCollector.collect(probe, { includePoweredOff: false });
}

const codes = (out: { problems: { code: string }[] }) => countBy(out.problems, (p) => p.code);
const byName = (ws: readonly Workload[], name: string) => ws.find((w) => w.name === name)!;

describe('RVTools SizingWorkshop (older RVTools, MB headers, 2,698 empty rows, FQDN vs short host names)', () => {
  const file = sharedPath('datasets', 'rvtools-samples', 'SizingWorkshop-RVTools.xlsx');
  let out: CollectorOutput;
  let inv: Inventory;
  beforeAll(async () => {
    out = await collectXlsx(file);
    inv = (await collectFiles([file], { includePoweredOff: false })).inventory;
  });

  it('reads 805 VM rows; the empty formatted rows are ignored, not skipped', () => {
    expect(out.sheets).toEqual(['vInfo', 'vPartition', 'vHost']);
    expect(out.rowsRead).toBe(805);
    expect(out.workloads).toHaveLength(805);
    expect(out.excluded).toEqual([]);
    const empty = out.problems.find((p) => p.code === 'rvtools-empty-rows')!;
    expect(empty.severity).toBe('info');
    expect(empty.message).toBe('Ignored empty formatted rows (not counted as skipped): vInfo 2,698.');
  });

  it('flags 10 templates and 42 powered-off VMs; clusters over all 805 rows', () => {
    expect(out.workloads.filter((w) => w.flags.includes('template'))).toHaveLength(10);
    expect(out.workloads.filter((w) => w.powerState === 'off')).toHaveLength(42);
    expect(out.workloads.filter((w) => w.powerState === 'on')).toHaveLength(763);
    expect(countBy(out.workloads, (w) => w.location.cluster)).toEqual({ Cluster1: 47, Cluster2: 695, DMZ: 41, Mgmt: 22 });
  });

  it('reads MB columns as MiB', () => {
    const w = byName(out.workloads, 'wadfs1');
    expect(w.memoryMib).toBe(4096);
    expect(w.vcpus).toBe(1);
    expect(w.provisionedGib).toBe(84.181); // Provisioned MB 86201 / 1024
    expect(w.usedGib).toBe(60.957); // In Use MB 62420 / 1024
    expect(w.os).toEqual({ family: 'windows', name: 'Microsoft Windows Server 2008 R2 (64-bit)', arch: 'x64' });
    expect(out.hosts[0]).toMatchObject({ name: 'vmsp-01', sockets: 2, coresPerSocket: 8, cores: 16, threads: 32, cpuMhz: 2700, memoryMib: 262109 });
  });

  it('reads 34 hosts and derives 4 clusters from vHost (no vCluster tab)', () => {
    expect(out.hosts).toHaveLength(34);
    expect(out.clusters.map((c) => [c.name, c.hostCount])).toEqual([
      ['Cluster1', 5],
      ['Cluster2', 22],
      ['Mgmt', 3],
      ['DMZ', 4],
    ]);
  });

  it('joins 777 VMs to a vHost row (27 host names by suffix), reports the 28 it cannot and the empty host', () => {
    expect(out.workloads.filter((w) => w.location.hostId !== undefined)).toHaveLength(777);
    expect(byName(out.workloads, 'wadfs1').location).toEqual({
      datacenter: 'Datacenter1',
      cluster: 'Cluster1',
      host: 'bovmsp-04.customer.com',
      hostId: 'SizingWorkshop-RVTools/vmsp-04',
    });
    expect(byName(out.workloads, 'wadfs1').cpuMhz).toBe(2700);
    const fuzzy = out.problems.find((p) => p.code === 'rvtools-host-fuzzy-join')!;
    expect(fuzzy.message).toMatch(/^27 VM host name\(s\) were joined to vHost by a unique suffix\/prefix/);
    const notJoined = out.problems.find((p) => p.code === 'rvtools-host-not-joined')!;
    expect(notJoined.severity).toBe('warning');
    expect(notJoined.message).toMatch(
      /^28 VM\(s\) run on 5 host\(s\) that match no vHost row: bovmsp-15\.customer\.com \(8 VMs\), bovmsp-06\.customer\.com \(3 VMs\), bovmsp-14\.customer\.com \(5 VMs\), bovmdmz4-01 \(9 VMs\), bovmdmz4-02 \(3 VMs\)\./,
    );
    const orphan = out.problems.find((p) => p.code === 'rvtools-host-without-vms')!;
    expect(orphan.message).toBe('1 of 34 host(s) in vHost have no VM joined to them: bovmdmz7-02.');
    expect(codes(out)).toEqual({
      'rvtools-empty-rows': 1,
      'rvtools-host-fuzzy-join': 1,
      'rvtools-host-not-joined': 1,
      'rvtools-host-without-vms': 1,
      'rvtools-tabs': 1,
    });
    expect(out.problems.find((p) => p.code === 'rvtools-tabs')!.message).toBe('Read vInfo (805 rows), vPartition (1,618 rows), vHost (34 rows).');
  });

  it('the inventory keeps 763 powered-on VMs and lists the 42 excluded with their reason', () => {
    expect(inv.workloads).toHaveLength(763);
    expect(countBy(inv.excluded, (e) => e.code)).toEqual({ 'powered-off': 32, template: 10 });
    expect(countBy(inv.workloads, (w) => w.location.cluster)).toEqual({ Cluster1: 47, Cluster2: 654, DMZ: 41, Mgmt: 21 });
    expect(inv.sources).toEqual([
      { file, format: 'rvtools-xlsx', sheets: ['vInfo', 'vPartition', 'vHost'], rowsRead: 805, workloads: 763, hosts: 34, excluded: 42 },
    ]);
    // No vCPU / vMemory tabs: no utilisation, and the inventory says so.
    expect(inv.coverage.withCpuUtilization).toBe(0);
    expect(inv.coverage.byFlag['missing-utilization']).toBe(763);
  });

  it('has no vDatastore sheet (nor vDisk): the inventory lists no datastores and no disk names one', () => {
    expect(out.datastores).toBeUndefined();
    expect(inv.datastores).toEqual([]);
    expect(inv.workloads.filter((w) => w.disks.some((d) => d.datastore !== undefined))).toHaveLength(0);
  });
});

describe('RVTools rvtools-small-complete (synthetic, 17 tabs)', () => {
  const file = sharedPath('datasets', 'rvtools-samples', 'rvtools-small-complete.xlsx');
  let out: CollectorOutput;
  beforeAll(async () => {
    out = await collectXlsx(file);
  });

  it('reads each VM\'s network adapters from vNetwork (port group, adapter, connected)', () => {
    expect(out.workloads.map((w) => [w.name, w.networks])).toEqual([
      ['sample-web-01', [{ network: 'sample-app-net', adapter: 'Vmxnet3', connected: true }]],
      ['sample-db-01', [{ network: 'sample-db-net', adapter: 'Vmxnet3', connected: true }, { network: 'sample-backup-net', adapter: 'Vmxnet3', connected: true }]],
      ['sample-archive-01', [{ network: 'sample-app-net', adapter: 'Vmxnet3', connected: true }]],
    ]);
  });

  it('reads 3 VMs from its tabs (sheet names resolved although exceljs cannot name them)', () => {
    expect(out.sheets).toEqual([
      'vInfo', 'vDisk', 'vPartition', 'vCPU', 'vMemory', 'vHost', 'vCluster', 'vNetwork', 'vSnapshot',
      'vTools', 'vCD', 'vUSB', 'vHealth', 'vSwitch', 'dvSwitch', 'vPort', 'dvPort',
    ]);
    expect(out.rowsRead).toBe(3);
    expect(out.workloads.map((w) => [w.name, w.powerState, w.vcpus, w.memoryMib])).toEqual([
      ['sample-web-01', 'on', 2, 8192],
      ['sample-db-01', 'on', 4, 16384],
      ['sample-archive-01', 'off', 2, 4096],
    ]);
  });

  it('picks up vInfo "CPU Usage %", vMemory Consumed and vMemory Active as snapshots', () => {
    const db = byName(out.workloads, 'sample-db-01');
    expect(db.utilization.cpu).toEqual({ unit: 'pct', basis: 'snapshot', avg: 62, peak: 62, samples: 1, source: file });
    // vMemory Consumed 15360 of Size 16384 MiB: what the VM holds (the default memory basis)
    expect(db.utilization.memory).toEqual({ unit: 'pct', basis: 'snapshot', avg: 93.75, peak: 93.75, samples: 1, source: file });
    // vMemory Active 14336 of 16384 MiB: vSphere's estimate, kept beside it
    expect(db.utilization.memoryActive).toEqual({ unit: 'pct', basis: 'snapshot', avg: 87.5, peak: 87.5, samples: 1, source: file });
    // Powered off: its readings are not demand.
    expect(byName(out.workloads, 'sample-archive-01').utilization).toEqual({});
  });

  it('joins vDisk, vPartition (by Disk Key), vSnapshot, vUSB and vTools per VM', () => {
    const db = byName(out.workloads, 'sample-db-01');
    expect(db.disks).toEqual([
      { label: 'Hard disk 1', capacityGib: 100, usedGib: 70 },
      { label: 'Hard disk 2', capacityGib: 220, usedGib: 180 },
    ]);
    expect(db.provisionedGib).toBe(320);
    expect(db.config).toEqual({
      firmware: 'efi', snapshots: 1, usbDevices: 0, memoryReservationMib: 0, hotAddMemory: true, toolsStatus: 'toolsOld',
      snapshotList: [{ name: 'pre-maintenance', sizeMib: 512 }], // vSnapshot has no date column here
    });
    // vUSB lists a USB controller for sample-web-01, which is not a USB device.
    expect(byName(out.workloads, 'sample-web-01').config.usbDevices).toBe(0);
  });

  it('reads vCluster by its "Cluster" column and places the hosts in it through their VMs', () => {
    expect(out.clusters).toEqual([
      { name: 'sample-cluster-a', hostCount: 2, totalCpuMhz: 76800, cores: 32, provenance: [{ file, sheet: 'vCluster', row: 2 }] },
    ]);
    expect(out.hosts.map((h) => [h.name, h.cluster, h.cpuMhz, h.cores])).toEqual([
      ['sample-host-01', 'sample-cluster-a', 2400, 16],
      ['sample-host-02', 'sample-cluster-a', 2600, 16],
    ]);
    expect(codes(out)).toEqual({ 'rvtools-host-incomplete': 2, 'rvtools-tabs': 1 });
    expect(out.problems.find((p) => p.code === 'rvtools-tabs')!.message).toBe(
      'Read vInfo (3 rows), vCPU (3 rows), vMemory (3 rows), vDisk (5 rows), vPartition (5 rows), vHost (2 rows), vCluster (1 row), ' +
        'vSnapshot (1 row), vUSB (1 row), vTools (3 rows), vNetwork (4 rows), vHealth (1 row); not used: vCD, vSwitch, dvSwitch, vPort, dvPort.',
    );
    // vHealth (Name, Message type, Message): the sample's one finding, its kind as written
    expect(out.health).toEqual([
      { entity: 'sample-db-01', kind: 'Warning', message: 'Synthetic sample warning for owner review', provenance: { file, sheet: 'vHealth', row: 2 } },
    ]);
    expect(out.problems[0]).toMatchObject({ sheet: 'vHost', row: 2, message: 'Host sample-host-01 has no "# CPU" (sockets), "Cores per CPU", "# Memory" (MiB); written as 0 (unknown).' });
  });

  it('has no vDatastore sheet and its vDisk has no path column: no datastores, disks without one', () => {
    expect(out.datastores).toBeUndefined();
    const disks = out.workloads.flatMap((w) => w.disks);
    expect(disks).toHaveLength(5);
    expect(disks.filter((d) => d.datastore !== undefined)).toHaveLength(0);
  });
});

describe('RVTools kubev2v example1 (RVTools 4.x, MiB, per-tab anonymised hosts)', () => {
  const file = sharedPath('datasets', 'rvtools-kubev2v-migration-planner', 'example1.xlsx');
  let out: CollectorOutput;
  beforeAll(async () => {
    out = await collectXlsx(file);
  });

  it('keeps a VM whose vMemory Consumed is above its Size (the VM\'s overhead) as measured, in the estate', async () => {
    const inv = (await collectFiles([file], { includePoweredOff: false })).inventory;
    const vm8 = inv.workloads.find((w) => w.name === 'vm-8')!;
    expect(vm8.utilization.memory).toMatchObject({ unit: 'pct', avg: 100.43 });
    expect(inv.excluded.filter((e) => e.code === 'implausible-value')).toEqual([]);
    expect(inv.workloads.map((w) => w.name).sort()).toEqual(['vm-3', 'vm-8', 'vm-9']);
  });

  it('reads 9 VMs, 7 hosts and 1 cluster; the empty-header column and ~990 empty rows per tab are ignored', () => {
    expect(out.rowsRead).toBe(9);
    expect(out.workloads.map((w) => w.name)).toEqual(['vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5', 'vm-6', 'vm-7', 'vm-8', 'vm-9']);
    expect(out.hosts).toHaveLength(7);
    expect(out.clusters.map((c) => [c.name, c.hostCount, c.cores])).toEqual([['Cluster', 7, 224]]);
    expect(out.workloads.every((w) => Object.keys(w.labels).length === 0)).toBe(true);
    expect(out.problems.find((p) => p.code === 'rvtools-empty-rows')!.message).toBe(
      'Ignored empty formatted rows (not counted as skipped): vInfo 990, vCPU 990, vMemory 990, vDisk 990, vPartition 990, vHost 992.',
    );
  });

  it('reads MiB units and the modern columns', () => {
    const vm3 = byName(out.workloads, 'vm-3');
    expect(vm3).toMatchObject({
      id: 'example1/500b4793-2a7b-f692-073b-a400ac8fccce',
      vcpus: 3,
      memoryMib: 3526,
      provisionedGib: 518.89, // 531343 MiB
      usedGib: 8.541, // 8746 MiB
      cpuSockets: 2,
      coresPerSocket: 2,
    });
    expect(vm3.config).toEqual({
      firmware: 'bios', secureBoot: false, hwVersion: 'vmx-10', ftState: 'notConfigured',
      cpuReservationMhz: 0, memoryReservationMib: 0, hotAddCpu: false, hotAddMemory: false,
      createdOn: '2025-04-01', poweredOnOn: '2025-04-16', // Excel serial numbers in the workbook
    });
    // vCPU Overall 91 MHz of Max 9180 MHz (no host joined: vCenter's own maximum is the denominator).
    expect(vm3.utilization.cpu).toMatchObject({ unit: 'pct', basis: 'snapshot', avg: 0.99 });
    // vMemory Consumed 3103 of Size 4096 MiB; Active 286 of 4096 MiB.
    expect(vm3.utilization.memory).toMatchObject({ unit: 'pct', avg: 75.76 });
    expect(vm3.utilization.memoryActive).toMatchObject({ unit: 'pct', avg: 6.98 });
    // Tools OS preferred over the configuration file's.
    expect(vm3.os.name).toBe('Debian GNU/Linux 9 (64-bit)');
  });

  it('joins tabs by VM ID, not by name or host; vm-2 gets no disk (vInfo says 0 disks)', () => {
    expect(out.workloads.map((w) => w.disks.length)).toEqual([1, 0, 1, 1, 1, 1, 1, 2, 1]);
    const mismatch = out.problems.find((p) => p.code === 'rvtools-join-name-mismatch')!;
    expect(mismatch.sheet).toBe('vDisk');
    expect(mismatch.message).toMatch(/^vDisk: 6 row\(s\) were joined to their VM by VM ID/);
  });

  it('vm-9 (name and power state only in vInfo) is completed from vCPU and vMemory, with a warning', () => {
    const vm9 = byName(out.workloads, 'vm-9');
    expect(vm9).toMatchObject({ id: 'example1/vm-9', powerState: 'on', vcpus: 18, memoryMib: 40960 });
    expect(vm9.location).toEqual({ datacenter: 'Datacenter', cluster: 'Cluster' });
    expect(vm9.os).toEqual({ family: 'linux', name: 'Red Hat Enterprise Linux 8 (64-bit)', arch: 'x64' });
    const w = out.problems.find((p) => p.code === 'rvtools-incomplete-vinfo')!;
    expect(w).toMatchObject({ severity: 'warning', sheet: 'vInfo', row: 10 });
    expect(w.message).toBe(
      'VM vm-9 has an incomplete vInfo row; taken vCPUs from vCPU row 10; memory from vMemory row 10; ' +
        'datacenter, cluster, OS (configuration file), OS (VMware Tools) from vMemory.',
    );
  });

  it('no VM host matches vHost: every VM is reported, and so are the 7 orphan hosts', () => {
    expect(out.workloads.filter((w) => w.location.hostId !== undefined)).toHaveLength(0);
    expect(out.problems.find((p) => p.code === 'rvtools-host-not-joined')!.message).toMatch(
      /^8 VM\(s\) run on 3 host\(s\) that match no vHost row: 10\.185\.26\.9 \(1 VM\), 10\.5\.126\.198 \(6 VMs\), 10\.41\.187\.30 \(1 VM\)\./,
    );
    expect(out.problems.find((p) => p.code === 'rvtools-vm-without-host')!.message).toBe('1 VM(s) have no Host value in vInfo: vm-9 (row 10).');
    expect(codes(out)).toEqual({
      'rvtools-empty-rows': 1,
      'rvtools-host-not-joined': 1,
      'rvtools-host-without-vms': 1,
      'rvtools-incomplete-vinfo': 1,
      'rvtools-join-name-mismatch': 1,
      'rvtools-tabs': 1,
      'rvtools-vm-without-host': 1,
    });
    expect(out.problems.find((p) => p.code === 'rvtools-host-without-vms')!.message).toMatch(/^7 of 7 host\(s\) in vHost have no VM joined to them: 10\.17\.135\.71 \(vHost says 11 VMs\)/);
  });

  it('has no vDatastore sheet; its vDisk "Disk Path" column is empty on every row, so no disk names a datastore', () => {
    expect(out.datastores).toBeUndefined();
    const disks = out.workloads.flatMap((w) => w.disks);
    expect(disks).toHaveLength(9);
    expect(disks.filter((d) => d.datastore !== undefined)).toHaveLength(0);
  });
});
