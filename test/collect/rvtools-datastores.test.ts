import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rvtoolsCsvCollector, rvtoolsXlsxCollector } from '../../src/collect/collectors/rvtools';
import { datastoreOfPath } from '../../src/collect/collectors/rvtools/datastores';
import { TabSink } from '../../src/collect/collectors/rvtools/tabs';
import { mergeEstates } from '../../src/collect/merge';
import { collectFiles } from '../../src/collect/pipeline';
import { probeFile } from '../../src/collect/read/probe';
import { summarizeInventory } from '../../src/collect/summary';
import { CollectorOutput } from '../../src/collect/types';
import { readInventory, writeInventory } from '../../src/inventory/io';
import { Datastore } from '../../src/inventory/schema';
import { runCli } from '../helpers/cli';

const dir = path.join('test', 'fixtures', 'rvtools', 'datastores');
const dsFile = path.join(dir, 'RVTools_tabvDatastore.csv');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-ds-'));

/** The fields a consultant reads, one array per datastore, in export order. */
const brief = (ds: readonly Datastore[]) =>
  ds.map((d) => [d.id, d.datacenter, d.type, d.capacityGib, d.provisionedGib, d.usedGib, d.freeGib, d.hosts, d.vms, d.accessible]);

describe('vDatastore in a per-tab CSV export with old (MB) headers and two vCenters (test/fixtures/rvtools/datastores)', () => {
  let out: CollectorOutput;
  beforeAll(async () => {
    const probe = await probeFile(dir, dir);
    out = await rvtoolsCsvCollector.collect(probe, { includePoweredOff: false });
  });

  it('reads every named row; the second vCenter is named from its UUID; datacenters come from the hosts that mount them', () => {
    expect(brief(out.datastores!)).toEqual([
      ['vcenter-a.example.com/ds-a-vmfs01', 'DC-A', 'VMFS', 2048, 1536, 1024, 1024, 2, 2, true],
      ['vcenter-a.example.com/ds-a-nfs01', 'DC-A', 'NFS', 1000, 500, 250, 750, 2, 1, true],
      ['vcenter-b.example.com/ds-b-vsan', 'DC-B', 'vsan', 8192, undefined, 3072, 5120, 1, 1, true],
      ['vcenter-b.example.com/datastore1', 'DC-B', 'VMFS', 400, 0, 2, 398, 1, 0, true],
      ['vcenter-b.example.com/datastore1#8', 'DC-B2', 'VMFS', 200, undefined, undefined, undefined, 1, 0, false],
    ]);
    expect(out.datastores![0]).toEqual({
      id: 'vcenter-a.example.com/ds-a-vmfs01',
      name: 'ds-a-vmfs01',
      vcenter: 'vcenter-a.example.com',
      datacenter: 'DC-A',
      type: 'VMFS',
      capacityGib: 2048,
      provisionedGib: 1536,
      usedGib: 1024,
      freeGib: 1024,
      hosts: 2,
      vms: 2,
      accessible: true,
      url: 'ds:///vmfs/volumes/5f1a0001-aaaaaaaa/',
      provenance: [{ file: dsFile, sheet: 'vDatastore', row: 2 }],
    });
  });

  it('the empty row is counted, the nameless row is listed in excluded, the bad number is named by file, row and column', () => {
    expect(out.excluded).toEqual([
      { kind: 'row', code: 'rvtools-row-without-name', reason: 'no datastore name', provenance: { file: dsFile, sheet: 'vDatastore', row: 5 } },
    ]);
    expect(out.problems.find((p) => p.code === 'rvtools-bad-value')).toEqual({
      code: 'rvtools-bad-value',
      severity: 'warning',
      message: '"12x4" is not a number; expected MiB. The value is ignored.',
      file: dsFile,
      sheet: 'vDatastore',
      row: 6,
      column: 'Provisioned MB',
    });
    expect(out.problems.find((p) => p.code === 'rvtools-empty-rows')!.message).toBe(
      'Ignored empty formatted rows (not counted as skipped): vDatastore 1.',
    );
    expect(out.problems.find((p) => p.code === 'rvtools-tabs')!.message).toBe(
      'Read vInfo (3 rows), vDisk (5 rows), vHost (4 rows), vDatastore (6 rows).',
    );
  });

  it('a name repeated within one vCenter keeps both datastores with distinct ids and a warning', () => {
    const dup = out.problems.filter((p) => p.code === 'rvtools-duplicate-datastore');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({
      severity: 'warning',
      file: dsFile,
      row: 8,
      message: 'Datastore datastore1 is listed twice in vCenter vcenter-b.example.com (rows 7 and 8); both are kept, this one as vcenter-b.example.com/datastore1#8.',
    });
  });

  it('each disk names the datastore its vDisk path gives; a datastore vDatastore does not list is noted', () => {
    expect(out.workloads.map((w) => [w.name, w.disks.map((d) => d.datastore)])).toEqual([
      ['vm-a1', ['ds-a-vmfs01', 'ds-a-nfs01']],
      ['vm-a2', ['ds-a-vmfs01']],
      ['vm-b1', ['ds-b-vsan', 'local-b9']],
    ]);
    expect(out.problems.find((p) => p.code === 'rvtools-disk-datastore-unknown')!.message).toBe(
      '1 disk(s) sit on 1 datastore(s) that vDatastore does not list: local-b9 (1 disk). The disks keep the datastore name.',
    );
  });
});

describe('datastore names in vDisk paths', () => {
  it('takes the bracketed name, and nothing from other values', () => {
    expect(datastoreOfPath('[ds-a 01] vm/vm.vmdk')).toBe('ds-a 01');
    expect(datastoreOfPath(' [vsanDatastore] 5f1e-aa/vm_1.vmdk')).toBe('vsanDatastore');
    expect(datastoreOfPath('[] vm.vmdk')).toBeUndefined();
    expect(datastoreOfPath('/vmfs/devices/disks/naa.600')).toBeUndefined();
    expect(datastoreOfPath(undefined)).toBeUndefined();
  });
});

describe('vDatastore with -DBColumnNames headers', () => {
  it('finds vDatastoreName / vDatastoreCapacityMiB / vDatastoreFreeMiB', () => {
    const sink = new TabSink();
    expect(sink.begin('vDatastore', { file: 'x.csv' }, ['vDatastoreName', 'vDatastoreType', 'vDatastoreCapacityMiB', 'vDatastoreFreeMiB', 'vDatastoreNumHosts'])).toBe(true);
    sink.row(['nfs-01', 'NFS41', '1048576', '524288', '4'], 2);
    expect(sink.data.vDatastore).toEqual([
      expect.objectContaining({ row: 2, name: 'nfs-01', type: 'NFS41', capacityMib: 1048576, freeMib: 524288, hosts: 4 }),
    ]);
    expect(sink.problems).toEqual([]);
  });

  it('a vDatastore tab without a name column is reported and read no further', () => {
    const sink = new TabSink();
    expect(sink.begin('vDatastore', { file: 'x.csv' }, ['Capacity MiB', 'Free MiB'])).toBe(false);
    expect(sink.problems.map((p) => [p.code, p.message])).toEqual([
      ['rvtools-tab-ignored', 'Tab vDatastore has no "Name" column; no datastores are read.'],
    ]);
  });
});

/** A small RVTools 4.x workbook (MiB headers, `# VMs total`, `VI SDK UUID`, vDisk `Disk Path`), written with exceljs. */
async function writeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, rows: unknown[][]) => {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  };
  const vc = ['vc8.example.com', '52c1aaaa-0000-0000-0000-000000000001'];
  sheet('vInfo', [
    ['VM', 'Powerstate', 'CPUs', 'Memory', 'Provisioned MiB', 'In Use MiB', 'Datacenter', 'Cluster', 'Host', 'VM ID', 'VI SDK Server', 'VI SDK UUID'],
    ['db01', 'poweredOn', 8, 32768, 307200, 204800, 'DC1', 'Gold', 'esx01.example.com', 'vm-101', ...vc],
  ]);
  sheet('vDisk', [
    ['VM', 'Disk', 'Disk Key', 'Disk Path', 'Capacity MiB', 'Thin', 'Path', 'VM ID', 'VI SDK Server', 'VI SDK UUID'],
    ['db01', 'Hard disk 1', 2000, '[gold-vmfs-01] db01/db01.vmdk', 102400, false, null, 'vm-101', ...vc],
    ['db01', 'Hard disk 2', 2001, '[gold-vvol] rfc4122.1a2b/db01_1.vmdk', 204800, true, null, 'vm-101', ...vc],
  ]);
  sheet('vHost', [
    ['Host', 'Datacenter', 'Cluster', 'Speed', '# CPU', 'Cores per CPU', '# Cores', '# Memory', 'VI SDK Server', 'VI SDK UUID'],
    ['esx01.example.com', 'DC1', 'Gold', 2900, 2, 24, 48, 1048576, ...vc],
  ]);
  sheet('vDatastore', [
    ['Name', 'Config status', 'Address', 'Accessible', 'Type', '# VMs total', '# VMs', 'Capacity MiB', 'Provisioned MiB', 'In Use MiB', 'Free MiB', 'Free %',
      '# Hosts', 'Hosts', 'Cluster name', 'Cluster capacity MiB', 'URL', 'VI SDK Server', 'VI SDK UUID'],
    ['gold-vmfs-01', 'green', null, true, 'VMFS', 3, 1, 4194048, 2621440, 1572864, 2621184, 62, 1, 'esx01.example.com', 'Gold-SDRS', 8388096,
      'ds:///vmfs/volumes/64a1-0001/', ...vc],
    ['gold-vvol', 'green', null, true, 'VVOL', 1, 1, 10485760, 204800, 51200, 10434560, 99, 1, 'esx01.example.com', null, null,
      'ds:///vmfs/volumes/vvol:7f0a/', ...vc],
    [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  ]);
  await wb.xlsx.writeFile(file);
}

describe('vDatastore in an xlsx workbook with RVTools 4.x headers', () => {
  let out: CollectorOutput;
  let wbFile: string;
  beforeAll(async () => {
    wbFile = path.join(tmp(), 'RVTools_export_all.xlsx');
    await writeWorkbook(wbFile);
    const probe = await probeFile(wbFile, 'RVTools_export_all.xlsx');
    expect(rvtoolsXlsxCollector.detect(probe)).toBe(1);
    out = await rvtoolsXlsxCollector.collect(probe, { includePoweredOff: false });
  });

  it('reads MiB columns as MiB, "# VMs total" before "# VMs", the datastore cluster from "Cluster name"', () => {
    expect(brief(out.datastores!)).toEqual([
      ['vc8.example.com/gold-vmfs-01', 'DC1', 'VMFS', 4095.75, 2560, 1536, 2559.75, 1, 3, true],
      ['vc8.example.com/gold-vvol', 'DC1', 'VVOL', 10240, 200, 50, 10190, 1, 1, true],
    ]);
    expect(out.datastores!.map((d) => [d.cluster, d.url, d.provenance])).toEqual([
      ['Gold-SDRS', 'ds:///vmfs/volumes/64a1-0001/', [{ file: 'RVTools_export_all.xlsx', sheet: 'vDatastore', row: 2 }]],
      [undefined, 'ds:///vmfs/volumes/vvol:7f0a/', [{ file: 'RVTools_export_all.xlsx', sheet: 'vDatastore', row: 3 }]],
    ]);
    expect(out.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('disks name their datastore from "Disk Path"', () => {
    expect(out.workloads[0].disks.map((d) => [d.label, d.capacityGib, d.datastore])).toEqual([
      ['Hard disk 1', 100, 'gold-vmfs-01'],
      ['Hard disk 2', 200, 'gold-vvol'],
    ]);
  });

  it('merged with the CSV export: both files\' datastores are kept, per-source counts in the inventory', async () => {
    const inv = (await collectFiles([wbFile, dir], { includePoweredOff: false })).inventory;
    expect(inv.datastores!.map((d) => d.id)).toEqual([
      'vc8.example.com/gold-vmfs-01',
      'vc8.example.com/gold-vvol',
      'vcenter-a.example.com/ds-a-vmfs01',
      'vcenter-a.example.com/ds-a-nfs01',
      'vcenter-b.example.com/ds-b-vsan',
      'vcenter-b.example.com/datastore1',
      'vcenter-b.example.com/datastore1#8',
    ]);
    expect(inv.sources.map((s) => [s.format, s.workloads, s.hosts, s.datastores])).toEqual([
      ['rvtools-xlsx', 1, 1, 2],
      ['rvtools-csv', 3, 4, 5],
    ]);
    const s = summarizeInventory(inv);
    expect([s.datastores, s.datastoreTotals, s.datastoresByType]).toEqual([
      7,
      { capacityGib: 26175.8, usedGib: 5934, freeGib: 20041.8 },
      { VMFS: 4, NFS: 1, VVOL: 1, vsan: 1 },
    ]);
  });
});

describe('merging datastores of several files', () => {
  const ds = (id: string, name: string, extra: Partial<Datastore> = {}): Datastore => ({
    id,
    name,
    capacityGib: 100,
    provenance: [{ file: 'f', sheet: 'vDatastore', row: 2 }],
    ...extra,
  });
  const file = (f: string, datastores: Datastore[]) => ({ file: f, workloads: [], hosts: [], clusters: [], datastores });

  it('keeps every datastore of files that do not name their vCenter, ids made unique', () => {
    const m = mergeEstates([file('a.xlsx', [ds('export/datastore1', 'datastore1')]), file('b.xlsx', [ds('export/datastore1', 'datastore1')])]);
    expect(m.datastores.map((d) => d.id)).toEqual(['export/datastore1', 'export/datastore1#2']);
    expect(m.origin.datastores).toEqual([0, 1]);
    expect(m.problems).toEqual([]);
  });

  it('the same datastore in two exports of one vCenter (same URL) is kept once, with a note', () => {
    const url = { vcenter: 'vc1', url: 'ds:///vmfs/volumes/1/' };
    const m = mergeEstates([
      file('cluster1.xlsx', [ds('vc1/shared', 'shared', url), ds('vc1/local1', 'local1', { vcenter: 'vc1', url: 'ds:///vmfs/volumes/2/' })]),
      file('cluster2.xlsx', [ds('vc1/shared', 'shared', url), ds('vc1/local1', 'local1', { vcenter: 'vc1', url: 'ds:///vmfs/volumes/3/' })]),
    ]);
    expect(m.datastores.map((d) => d.id)).toEqual(['vc1/shared', 'vc1/local1', 'vc1/local1#2']);
    expect(m.problems.map((p) => [p.code, p.severity, p.file, p.message])).toEqual([
      ['duplicate-datastore', 'info', 'cluster2.xlsx', 'Datastore "shared" (vc1) is also in cluster1.xlsx; kept once.'],
    ]);
  });

  it('the CSV export collected twice from two folders keeps its datastores once', async () => {
    const copy = path.join(tmp(), 'again');
    fs.mkdirSync(copy);
    for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(copy, f));
    const inv = (await collectFiles([dir, copy], { includePoweredOff: false })).inventory;
    expect(inv.datastores).toHaveLength(5);
    expect(inv.problems.filter((p) => p.code === 'duplicate-datastore')).toHaveLength(5);
  });
});

describe('inventory.json and dcplan collect', () => {
  it('an inventory written before datastores existed (no key) still loads, and summarises as none', async () => {
    const d = tmp();
    const file = path.join(d, 'old.json');
    const inv = (await collectFiles([path.join('test', 'fixtures', 'rvtools', 'old-export')], { includePoweredOff: false })).inventory;
    expect(inv.datastores).toEqual([]);
    const { datastores: _gone, ...old } = inv;
    writeInventory(file, old);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('"datastores"');
    const back = readInventory(file);
    expect(back.datastores).toBeUndefined();
    expect(back.workloads).toHaveLength(inv.workloads.length);
    expect(summarizeInventory(back).datastores).toBe(0);
  });

  it('a datastore that breaks the schema is caught on reading', () => {
    const d = tmp();
    const file = path.join(d, 'bad.json');
    const inv = JSON.parse(fs.readFileSync(path.join(dir, '..', '..', '..', '..', 'schemas', 'inventory.schema.json'), 'utf8'));
    expect(inv.properties.datastores.items.required).toEqual(['id', 'name', 'capacityGib', 'provenance']);
    fs.writeFileSync(
      file,
      JSON.stringify({
        schema: 'dcplan.inventory/v1',
        generatedBy: { tool: 'dcplan', version: '0' },
        sources: [],
        workloads: [],
        hosts: [],
        clusters: [],
        datastores: [{ id: 'x/ds', name: 'ds', capacityGib: '100', provenance: [{ file: 'f' }] }],
        excluded: [],
        coverage: { workloads: 0, withCpuUtilization: 0, withMemoryUtilization: 0, withStorage: 0, withSeries: 0, withHostJoined: 0, byFlag: {} },
        problems: [],
      }),
    );
    expect(() => readInventory(file)).toThrow(/datastores\.0\.capacityGib/);
  });

  it('the summary prints datastores and their capacity; --json carries the same figures', () => {
    const d = tmp();
    const r = runCli(['collect', dir, '--out', path.join(d, 'inv.json')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Collected 3 workload(s), 4 host(s), 3 cluster(s), 5 datastore(s) → ${path.join(d, 'inv.json')}`);
    expect(r.stdout).toContain(`${dir} [rvtools-csv]: 3 rows read, 3 workloads, 4 hosts, 5 datastores, 1 excluded`);
    expect(r.stdout).toContain('Datastores: 5 (VMFS 3, NFS 1, vsan 1): 11,840 GiB capacity, 4,348 GiB in use, 7,292 GiB free');
    const inv = JSON.parse(fs.readFileSync(path.join(d, 'inv.json'), 'utf8'));
    expect(inv.datastores.map((x: Datastore) => x.name)).toEqual(['ds-a-vmfs01', 'ds-a-nfs01', 'ds-b-vsan', 'datastore1', 'datastore1']);
    const j = runCli(['collect', dir, '--out', path.join(d, 'inv2.json'), '--json']);
    expect(j.status).toBe(0);
    const s = JSON.parse(j.stdout).summary;
    expect([s.datastores, s.datastoreTotals, s.datastoresByType, s.bySource[0].datastores]).toEqual([
      5,
      { capacityGib: 11840, usedGib: 4348, freeGib: 7292 },
      { VMFS: 3, NFS: 1, vsan: 1 },
      5,
    ]);
  });
});
