import * as path from 'path';
import { collectFiles } from '../../src/collect/pipeline';
import { loadColumnMap } from '../../src/collect/column-map';
import { Inventory } from '../../src/inventory/schema';

const dir = path.join(__dirname, '..', 'fixtures', 'collect');
const input = (name: string) => ({ path: path.join(dir, name), displayName: name });

async function collect(names: string[], opts: Partial<Parameters<typeof collectFiles>[1]> = {}): Promise<Inventory> {
  return (await collectFiles(names.map(input), { includePoweredOff: false, ...opts })).inventory;
}

const byName = (inv: Inventory, name: string) => inv.workloads.find((w) => w.name === name)!;

describe('generic CSV collector', () => {
  it('reads a semicolon file with decimal commas into canonical units', async () => {
    const inv = await collect(['semicolon-decimal-comma.csv']);
    expect(inv.sources).toEqual([
      { file: 'semicolon-decimal-comma.csv', format: 'generic-csv', rowsRead: 2, workloads: 2, hosts: 0, excluded: 0 },
    ]);
    const app01 = byName(inv, 'app01');
    expect([app01.vcpus, app01.memoryMib, app01.provisionedGib]).toEqual([2, 7680, 120.5]);
    expect(app01.utilization.cpu).toEqual({ unit: 'pct', basis: 'avg', avg: 12.5 });
    expect(app01.os).toEqual({ family: 'windows', name: 'Windows Server 2019' });
    const app02 = byName(inv, 'app02');
    expect([app02.memoryMib, app02.provisionedGib, app02.flags]).toEqual([16384, 1024.25, ['idle']]);
    expect(app02.provenance).toEqual([{ file: 'semicolon-decimal-comma.csv', row: 3 }]);
  });

  it('reads UTF-16, Windows-1252 and UTF-8 BOM files alike', async () => {
    const inv = await collect(['utf16le-bom.csv', 'windows-1252.csv', 'utf8-bom-crlf.csv']);
    expect(inv.workloads.map((w) => w.name)).toEqual(['Ünïcode-01', 'srv-02', 'café-web', 'müller-db', 'bom-01', 'bom-02']);
    expect(inv.workloads.map((w) => w.os.family)).toEqual(['linux', 'unix', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(byName(inv, 'müller-db').application).toBe('Lohnbüro');
    expect(inv.sources.map((s) => s.format)).toEqual(['generic-csv', 'generic-csv', 'generic-csv']);
  });

  it('maps customer column names with --map and keeps unknown columns as labels', async () => {
    const { columns: columnMap, units } = loadColumnMap(path.join(dir, 'customer-map.yaml'));
    expect(columnMap).toEqual({ Computer: 'name', 'Logical CPUs': 'vcpus', RAM: 'memory_gib', 'Disk GB': 'storage_gib' });
    expect(units).toEqual({});
    const inv = await collect(['customer-columns.csv'], { columnMap });
    expect(inv.workloads.map((w) => [w.name, w.vcpus, w.memoryMib, w.provisionedGib, w.labels])).toEqual([
      ['cust-01', 4, 16384, 200, { 'Business Unit': 'Finance' }],
      ['cust-02', 8, 65536, 1000, { 'Business Unit': 'Sales' }],
    ]);
  });

  it('--map converts a column given with its unit (RAM (MB) in MiB → memory_gib; decimal GB → GiB)', async () => {
    const map = loadColumnMap(path.join(dir, 'customer-map-units.yaml'));
    expect(map.units).toEqual({ 'RAM (MB)': 'MiB', 'Disk GB': 'GB' });
    const inv = await collect(['customer-columns-mib.csv'], { columnMap: map.columns, columnUnits: map.units });
    // 16,384 MiB = 16 GiB (not 16,384 GiB); 200 GB = 200e9 / 2^30 GiB
    expect(inv.workloads.map((w) => [w.name, w.memoryMib, w.provisionedGib])).toEqual([['cust-11', 16384, 200e9 / 2 ** 30]]);
  });

  it('a map target that is not a generic column is reported and the column kept as a label', async () => {
    const inv = await collect(['customer-columns.csv'], {
      columnMap: { Computer: 'name', 'Logical CPUs': 'vcpus', RAM: 'memory_gib', 'Disk GB': 'disk_size' },
    });
    expect(inv.problems).toEqual([
      {
        code: 'map-target-unknown',
        severity: 'warning',
        message: '--map sends "Disk GB" to "disk_size", which is not a generic-csv column; it is kept as a label.',
        file: 'customer-columns.csv',
        column: 'Disk GB',
      },
    ]);
    expect(inv.workloads[0].labels).toEqual({ 'Disk GB': '200', 'Business Unit': 'Finance' });
  });

  it('without the map the customer file is not recognised, and the headers seen are listed', async () => {
    await expect(collect(['customer-columns.csv'])).rejects.toMatchObject({
      name: 'UserError',
      problems: [
        expect.objectContaining({
          code: 'unknown-format',
          file: 'customer-columns.csv',
          message: expect.stringContaining('Headers seen: "Computer", "Logical CPUs", "RAM", "Disk GB", "Business Unit".'),
        }),
      ],
    });
  });

  it('skips bad rows, counts and lists each with row, column and reason', async () => {
    const inv = await collect(['bad-rows.csv']);
    expect(inv.sources[0]).toEqual({ file: 'bad-rows.csv', format: 'generic-csv', rowsRead: 8, workloads: 4, hosts: 0, excluded: 4 });
    expect(inv.excluded).toEqual([
      {
        name: 'bad-01',
        kind: 'row',
        code: 'bad-value',
        reason: '"abc" is not a number; expected a number of vCPUs (e.g. 4).',
        provenance: { file: 'bad-rows.csv', row: 3 },
      },
      { kind: 'row', code: 'missing-name', reason: 'No server name; the row cannot be identified.', provenance: { file: 'bad-rows.csv', row: 4 } },
      {
        name: 'ok-01',
        kind: 'row',
        code: 'duplicate-name',
        reason: '"ok-01" already appears on row 2; this row is left out.',
        provenance: { file: 'bad-rows.csv', row: 5 },
      },
      {
        name: 'off-01',
        kind: 'workload',
        code: 'powered-off',
        reason: 'Powered off; use --include-powered-off to keep powered-off VMs in the estate.',
        // what the left-out VM holds (issue 14: sprawl is counted without planning it)
        held: { powerState: 'off', vcpus: 2, memoryMib: 4096 },
        provenance: { file: 'bad-rows.csv', row: 8 },
      },
    ]);
    const skipped = inv.problems.filter((p) => p.code === 'row-skipped');
    expect(skipped.map((p) => [p.row, p.column])).toEqual([
      [3, 'vcpus'],
      [4, undefined],
      [5, undefined],
    ]);
    expect(inv.problems.find((p) => p.code === 'bad-number')).toEqual({
      code: 'bad-number',
      severity: 'warning',
      message: '150 is out of range; expected a percentage between 0 and 100. The value is ignored.',
      file: 'bad-rows.csv',
      row: 6,
      column: 'cpu_util_pct',
    });
    expect(inv.problems.find((p) => p.code === 'rows-skipped')?.message).toBe(
      '3 of 8 data row(s) in bad-rows.csv were skipped; each is listed with its reason.',
    );
    expect(inv.workloads.map((w) => [w.name, w.flags])).toEqual([
      ['ok-01', []],
      ['ok-02', []],
      ['idle-01', ['idle']],
      ['zombie-01', ['zombie']],
    ]);
    expect(inv.coverage).toEqual({
      workloads: 4,
      withCpuUtilization: 3,
      withMemoryUtilization: 4,
      withStorage: 0,
      withSeries: 0,
      withHostJoined: 0,
      byFlag: { idle: 1, zombie: 1 },
    });
  });

  it('keeps powered-off servers when asked, still flagged', async () => {
    const inv = await collect(['bad-rows.csv'], { includePoweredOff: true });
    expect(byName(inv, 'off-01').flags).toEqual(['powered-off', 'missing-utilization']);
    expect(inv.excluded.map((e) => e.code)).toEqual(['bad-value', 'missing-name', 'duplicate-name']);
  });

  it('keeps a quoted field with a newline whole, and numbers rows by record', async () => {
    const inv = await collect(['quoted-newlines.csv']);
    expect(byName(inv, 'nl-01').application).toBe('Payroll\nand HR, phase 2');
    expect(byName(inv, 'nl-03').application).toBe('He said "hi"');
    expect(byName(inv, 'nl-03').provenance[0].row).toBe(4);
    expect(inv.excluded.map((e) => [e.name, e.provenance.row, e.code])).toEqual([['nl-02', 3, 'bad-value']]);
  });

  it('the same file given twice is read once, with a warning', async () => {
    const inv = (
      await collectFiles([input('utf8-bom-crlf.csv'), { path: path.join(dir, '.', 'utf8-bom-crlf.csv'), displayName: './utf8-bom-crlf.csv' }], {
        includePoweredOff: false,
      })
    ).inventory;
    expect(inv.workloads.map((w) => w.id)).toEqual(['generic-csv:utf8-bom-crlf.csv/bom-01', 'generic-csv:utf8-bom-crlf.csv/bom-02']);
    expect(inv.problems.map((p) => [p.code, p.message])).toEqual([
      ['duplicate-input', './utf8-bom-crlf.csv is given more than once (also as utf8-bom-crlf.csv); read once.'],
    ]);
  });
});

describe('Azure Migrate CSV collector', () => {
  it('reads the import template: MB as MiB, disks, throughput in Mbps, averages', async () => {
    const inv = await collect(['azure-migrate.csv']);
    expect(inv.sources[0]).toMatchObject({ format: 'azure-migrate-csv', rowsRead: 3, workloads: 2, excluded: 1 });
    const sql = byName(inv, 'AZ-SQL01');
    expect(sql).toEqual({
      id: 'azure-migrate-csv:azure-migrate.csv/4210a8f2-0000-1111-2222-333344445555',
      name: 'AZ-SQL01',
      kind: 'vm',
      powerState: 'unknown',
      vcpus: 8,
      memoryMib: 32768,
      provisionedGib: 600,
      usedGib: 300,
      disks: [
        { label: 'Disk 1', capacityGib: 100 },
        { label: 'Disk 2', capacityGib: 500 },
      ],
      nics: 2,
      utilization: {
        cpu: { unit: 'pct', basis: 'avg', avg: 35 },
        memory: { unit: 'pct', basis: 'avg', avg: 70 },
        diskIops: { unit: 'IOPS', basis: 'avg', avg: 660 },
        networkMbps: { unit: 'Mbps', basis: 'avg', avg: 16 },
      },
      os: { family: 'windows', name: 'Microsoft Windows Server 2019 Datacenter', version: '10.0.17763', arch: 'x64' },
      location: {},
      application: 'SQL Server',
      tags: [],
      labels: { ipAddresses: '10.0.0.5;10.0.0.6', hypervisor: 'VMware', vmId: '4210a8f2-0000-1111-2222-333344445555' },
      drsRules: [],
      config: { firmware: 'efi' },
      flags: [],
      provenance: [{ file: 'azure-migrate.csv', row: 2 }],
    });
    const web = byName(inv, 'az-web02');
    expect([web.kind, web.config.firmware, web.os.family, web.flags]).toEqual(['physical', 'bios', 'linux', ['idle']]);
    expect(web.utilization.networkMbps).toEqual({ unit: 'Mbps', basis: 'avg', avg: 1.2 });
    expect(inv.excluded).toEqual([
      {
        name: 'az-bad03',
        kind: 'row',
        code: 'bad-value',
        reason: '"two" is not a number; expected a whole number of cores.',
        provenance: { file: 'azure-migrate.csv', row: 4 },
      },
    ]);
    expect(inv.problems.find((p) => p.code === 'row-skipped')?.column).toBe('*Cores');
  });
});

describe('AWS Migration Hub import collector', () => {
  it('disk ops written without .Avg / .Max become the IOPS average, not labels', async () => {
    const inv = await collect(['aws-import-plain-ops.csv']);
    const w = byName(inv, 'aws-web11');
    expect(w.utilization.diskIops).toMatchObject({ unit: 'IOPS', avg: 200 });
    expect(w.utilization.networkMbps?.avg).toBeGreaterThan(0);
    expect(Object.keys(w.labels)).toEqual(['externalId']);
  });

  it('reads avg and max, memory used as a percentage, tags as labels', async () => {
    const inv = await collect(['aws-import.csv']);
    expect(inv.sources[0]).toMatchObject({ format: 'aws-import-csv', rowsRead: 3, workloads: 2, excluded: 1 });
    const app = byName(inv, 'aws-app01.corp.example.com');
    expect(app.id).toBe('aws-import-csv:aws-import.csv/srv-001');
    expect([app.vcpus, app.cpuSockets, app.coresPerSocket, app.memoryMib]).toEqual([16, 2, 4, 16384]);
    expect(app.utilization).toEqual({
      cpu: { unit: 'pct', basis: 'avg', avg: 25, peak: 80 },
      memory: { unit: 'pct', basis: 'avg', avg: 50, peak: 75 },
      diskIops: { unit: 'IOPS', basis: 'avg', avg: 50, peak: 150 },
      networkMbps: { unit: 'Mbps', basis: 'avg', avg: 12, peak: 60 },
    });
    expect(app.tags).toEqual(['env:prod', 'owner:ops']);
    expect(app.labels).toEqual({
      env: 'prod',
      owner: 'ops',
      externalId: 'srv-001',
      ipAddress: '10.1.0.10',
      vmwareMoRefId: 'vm-101',
      applicationWave: 'Wave 1',
    });
    expect([app.location.vcenter, app.application, app.os.family]).toEqual(['vc-1', 'Billing', 'linux']);
    // No host name: named by its IP address; cores without logical cores.
    const second = inv.workloads[1];
    expect([second.name, second.vcpus, second.flags]).toEqual(['10.1.0.11', 4, ['idle']]);
    expect(second.utilization.memory).toEqual({ unit: 'pct', basis: 'avg', avg: 4.883 });
    expect(inv.excluded.map((e) => [e.name, e.code, e.provenance.row])).toEqual([['aws-db01', 'missing-value', 4]]);
  });
});
