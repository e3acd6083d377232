import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { emptyWorkload } from '../../src/inventory/workload';
import { buildInventory, collectFiles } from '../../src/collect/pipeline';
import { probeFile, sheetNamesFromWorkbookXml } from '../../src/collect/read/probe';
import { CollectorOutput } from '../../src/collect/types';
import { UserError } from '../../src/diagnostics';
import { readInventory, writeInventory } from '../../src/inventory/io';
import { Workload } from '../../src/inventory/schema';
import { sharedPath } from '../helpers/shared';

const dir = path.join(__dirname, '..', 'fixtures', 'collect');
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-collect-'));

function vm(name: string, file: string, row: number, extra: Partial<Workload> = {}): Workload {
  return emptyWorkload({ id: `${file}/${name}`, name, vcpus: 2, memoryMib: 4096, provenance: [{ file, row }], powerState: 'on', ...extra });
}

function output(file: string, workloads: Workload[], extra: Partial<CollectorOutput> = {}): { file: string; out: CollectorOutput } {
  return { file, out: { format: 'generic-csv', rowsRead: workloads.length, workloads, hosts: [], clusters: [], excluded: [], problems: [], ...extra } };
}

describe('probeFile tells kinds from content, not extensions', () => {
  it.each([
    ['report.xlsx', 'pdf'],
    ['empty.csv', 'empty'],
    ['binary.csv', 'binary'],
    ['old-excel.xls', 'ole2'],
    ['utf16le-bom.csv', 'text'],
  ])('%s → %s', async (name, kind) => {
    expect((await probeFile(path.join(dir, name), name)).kind).toBe(kind);
  });

  it('a truncated zip is a user error naming the file and what was expected', async () => {
    const err = await probeFile(path.join(dir, 'truncated.xlsx'), 'truncated.xlsx').catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.problems.map((p: { code: string; file: string }) => [p.code, p.file])).toEqual([['corrupt-zip', 'truncated.xlsx']]);
    expect(err.problems[0].message).toContain('expected an Excel workbook (.xlsx)');
  });

  it('text: encoding, delimiter and header row', async () => {
    const p = await probeFile(path.join(dir, 'semicolon-decimal-comma.csv'), 'x.csv');
    expect([p.encoding, p.delimiter, p.headers]).toEqual([
      'utf8',
      ';',
      ['name', 'vcpus', 'memory_gib', 'storage_gib', 'cpu_util_pct', 'memory_util_pct', 'os'],
    ]);
  });

  it('xlsx: sheet names from xl/workbook.xml of a real RVTools export', async () => {
    const p = await probeFile(sharedPath('datasets', 'rvtools-kubev2v-migration-planner', 'example1.xlsx'), 'example1.xlsx');
    expect(p.kind).toBe('xlsx');
    expect(p.sheetNames?.slice(0, 3)).toEqual(['vInfo', 'vCPU', 'vMemory']);
  });

  it('reads on past the head for a header longer than 64 KiB (perfmon log with 1,104 counters)', async () => {
    const p = await probeFile(sharedPath('datasets', 'windows-perfmon-csv', 'waflia-PDH_Converter', 'DataCollector01.csv'), 'dc.csv');
    expect([p.kind, p.delimiter, p.headers?.length]).toEqual(['text', ',', 1105]);
    expect(p.headers?.[0]).toMatch(/^\(PDH-CSV 4\.0\)/);
  });

  it('decodes entities in sheet names', () => {
    expect(sheetNamesFromWorkbookXml('<sheets><sheet name="R&amp;D" sheetId="1"/><x:sheet name="a&lt;b"/></sheets>')).toEqual(['R&D', 'a<b']);
  });

  it('a directory lists its entries sorted', async () => {
    const d = tmpDir();
    fs.writeFileSync(path.join(d, 'b.csv'), 'x');
    fs.writeFileSync(path.join(d, 'a.csv'), 'x');
    const p = await probeFile(d, 'folder');
    expect([p.kind, p.entries]).toEqual(['directory', ['a.csv', 'b.csv']]);
  });
});

describe('collectFiles gathers every file problem before stopping', () => {
  it('reports all unreadable files at once', async () => {
    const names = ['report.xlsx', 'truncated.xlsx', 'empty.csv', 'binary.csv', 'old-excel.xls', 'missing.csv'];
    const err = await collectFiles(
      names.map((n) => ({ path: path.join(dir, n), displayName: n })),
      { includePoweredOff: false },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.problems.map((p: { code: string; file: string }) => [p.code, p.file])).toEqual([
      ['unreadable-file', 'report.xlsx'],
      ['corrupt-zip', 'truncated.xlsx'],
      ['unreadable-file', 'empty.csv'],
      ['unreadable-file', 'binary.csv'],
      ['unreadable-file', 'old-excel.xls'],
      ['file-not-found', 'missing.csv'],
    ]);
    expect(err.problems[0].message).toBe('report.xlsx is a PDF document; expected an Excel workbook (.xlsx).');
  });

  it('a missing required column stops with the file, row 1 and the column', async () => {
    const d = tmpDir();
    fs.writeFileSync(path.join(d, 'no-memory.csv'), 'name,vcpus,os\nx,2,Linux\n');
    const err = await collectFiles([{ path: path.join(d, 'no-memory.csv'), displayName: 'no-memory.csv' }], {
      includePoweredOff: false,
      format: 'generic-csv',
    }).catch((e) => e);
    expect(err.problems).toEqual([
      expect.objectContaining({ code: 'missing-column', file: 'no-memory.csv', row: 1, column: 'memory_gib' }),
    ]);
  });
});

describe('merging files into one estate', () => {
  it('keeps a server seen in two files once (FQDN = short name) and lists the duplicate', () => {
    const inv = buildInventory(
      [
        output('a.csv', [vm('web01', 'a.csv', 2), vm('db01', 'a.csv', 3)]),
        output('b.csv', [vm('WEB01.corp.example.com', 'b.csv', 2), vm('app01', 'b.csv', 3)]),
      ],
      { includePoweredOff: false },
    );
    expect(inv.workloads.map((w) => w.name)).toEqual(['web01', 'db01', 'app01']);
    expect(inv.excluded).toEqual([
      {
        name: 'WEB01.corp.example.com',
        kind: 'workload',
        code: 'duplicate',
        reason: 'Also in a.csv row 2; the first one is kept.',
        provenance: { file: 'b.csv', row: 2 },
      },
    ]);
    expect(inv.problems.map((p) => [p.code, p.file, p.row])).toEqual([['duplicate-workload', 'b.csv', 2]]);
    expect(inv.sources.map((s) => [s.file, s.workloads, s.excluded])).toEqual([
      ['a.csv', 2, 0],
      ['b.csv', 1, 1],
    ]);
  });

  it('two servers of the same name in ONE file are both kept (two vCenters), ids made unique', () => {
    const a = vm('dup', 'a.csv', 2);
    const b = vm('dup', 'a.csv', 3);
    const inv = buildInventory([output('a.csv', [a, b])], { includePoweredOff: false });
    expect(inv.workloads.map((w) => w.id)).toEqual(['a.csv/dup', 'a.csv/dup#2']);
  });

  it('applies utilisation updates by name: exact, then short name; reports ambiguous and unmatched', () => {
    const series = (serverName: string, avg: number) => ({
      serverName,
      utilization: { cpu: { unit: 'pct' as const, basis: 'series' as const, avg, p95: avg * 2, samples: 288 } },
      provenance: { file: 'perf.csv' },
    });
    const inv = buildInventory(
      [
        output('inv.csv', [
          vm('web01.corp.example.com', 'inv.csv', 2, { utilization: { cpu: { unit: 'pct', basis: 'avg', avg: 50 } } }),
          vm('DB01', 'inv.csv', 3),
          vm('app.x.example', 'inv.csv', 4),
          vm('app.y.example', 'inv.csv', 5),
        ]),
        output('perf.csv', [], { utilizationUpdates: [series('WEB01', 10), series('db01', 20), series('app', 1), series('ghost01', 1)] }),
      ],
      { includePoweredOff: false },
    );
    const [web, db] = inv.workloads;
    expect(web.utilization.cpu).toEqual({ unit: 'pct', basis: 'series', avg: 10, p95: 20, samples: 288 });
    expect(web.provenance).toEqual([{ file: 'inv.csv', row: 2 }, { file: 'perf.csv' }]);
    expect(db.utilization.cpu?.avg).toBe(20);
    expect(inv.coverage.withSeries).toBe(2);
    expect(inv.problems.map((p) => p.code)).toEqual(['utilization-ambiguous', 'utilization-unmatched']);
    expect(inv.problems[1].message).toBe('1 server(s) with utilisation data match no workload in the inventory: "ghost01".');
  });

  it('flags and excludes templates and SRM placeholders always, powered-off by default', () => {
    const inv = buildInventory(
      [
        output('rv.xlsx', [
          vm('tpl', 'rv.xlsx', 2, { flags: ['template'], powerState: 'off' }),
          vm('srm', 'rv.xlsx', 3, { flags: ['srm-placeholder'] }),
          vm('off', 'rv.xlsx', 4, { powerState: 'off' }),
          vm('on', 'rv.xlsx', 5),
        ]),
      ],
      { includePoweredOff: true },
    );
    expect(inv.workloads.map((w) => [w.name, w.flags])).toEqual([
      ['off', ['powered-off', 'missing-utilization']],
      ['on', ['missing-utilization']],
    ]);
    expect(inv.excluded.map((e) => [e.name, e.code])).toEqual([
      ['tpl', 'template'],
      ['srm', 'srm-placeholder'],
    ]);
  });

  it('idle is judged on CPU and memory under 5 % and network under 2 % of 1 Gbps; MHz and MiB are converted', () => {
    const util = (cpu: number, mem: number, net?: number) => ({
      cpu: { unit: 'pct' as const, basis: 'avg' as const, avg: cpu },
      memory: { unit: 'pct' as const, basis: 'avg' as const, avg: mem },
      ...(net === undefined ? {} : { networkMbps: { unit: 'Mbps' as const, basis: 'avg' as const, avg: net } }),
    });
    const inv = buildInventory(
      [
        output('f.csv', [
          vm('a', 'f.csv', 2, { utilization: util(4.9, 4.9, 19) }),
          vm('b', 'f.csv', 3, { utilization: util(4.9, 4.9, 21) }),
          vm('c', 'f.csv', 4, { utilization: util(5, 1) }),
          vm('d', 'f.csv', 5, {
            cpuMhz: 2000,
            utilization: { cpu: { unit: 'MHz', basis: 'snapshot', avg: 100 }, memory: { unit: 'MiB', basis: 'snapshot', avg: 100 } },
          }),
        ]),
      ],
      { includePoweredOff: false },
    );
    expect(inv.workloads.map((w) => w.flags)).toEqual([['idle'], [], [], ['idle']]);
  });
});

describe('inventory.json io and JSON Schema', () => {
  it('writes and reads back an inventory unchanged', async () => {
    const { inventory } = await collectFiles([{ path: path.join(dir, 'azure-migrate.csv'), displayName: 'azure-migrate.csv' }], {
      includePoweredOff: false,
    });
    const file = path.join(tmpDir(), 'inventory.json');
    writeInventory(file, inventory);
    expect(readInventory(file)).toEqual(inventory);
    // Streamed item by item, yet byte-identical to one JSON.stringify.
    expect(fs.readFileSync(file, 'utf8')).toBe(JSON.stringify(inventory, null, 2) + '\n');
  });

  it('a broken inventory names the file and the JSON path of each problem', () => {
    const file = path.join(tmpDir(), 'bad.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        schema: 'dcplan.inventory/v1',
        generatedBy: { tool: 'dcplan', version: '0' },
        sources: [],
        workloads: [{ id: 'x' }],
        hosts: [],
        clusters: [],
        excluded: [],
        coverage: { workloads: 0, withCpuUtilization: 0, withMemoryUtilization: 0, withStorage: 0, withSeries: 0, withHostJoined: 0, byFlag: {} },
        problems: [],
      }),
    );
    const err = (() => {
      try {
        readInventory(file, 'bad.json');
      } catch (e) {
        return e as UserError;
      }
    })()!;
    expect(err).toBeInstanceOf(UserError);
    expect(err.problems.every((p) => p.file === 'bad.json' && p.code === 'invalid-inventory')).toBe(true);
    expect(err.problems.map((p) => p.path?.join('.'))).toContain('workloads.0.name');
  });

  it('another schema version is refused with a pointer', () => {
    const file = path.join(tmpDir(), 'old.json');
    fs.writeFileSync(file, '{"schema":"dcplan.inventory/v0"}');
    expect(() => readInventory(file, 'old.json')).toThrow('old.json is a "dcplan.inventory/v0" document; this dcplan reads "dcplan.inventory/v1".');
  });
});
