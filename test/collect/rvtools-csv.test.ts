import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rvtoolsCsvCollector, rvtoolsXlsxCollector } from '../../src/collect/collectors/rvtools';
import { collectFiles } from '../../src/collect/pipeline';
import { readCsvAll } from '../../src/collect/read/csv';
import { probeFile } from '../../src/collect/read/probe';
import { CollectOptions, CollectorOutput } from '../../src/collect/types';
import { Workload } from '../../src/inventory/schema';
import { runCli } from '../helpers/cli';

const fx = (...p: string[]) => path.join('test', 'fixtures', 'rvtools', ...p);
const opts = (): CollectOptions => ({ includePoweredOff: false });

async function collectCsv(p: string, options: CollectOptions = opts()): Promise<CollectorOutput> {
  const probe = await probeFile(p, p);
  expect(rvtoolsCsvCollector.detect(probe)).toBeGreaterThanOrEqual(0.9);
  return rvtoolsCsvCollector.collect(probe, options);
}

const byId = (ws: readonly Workload[], id: string) => ws.find((w) => w.id === id)!;
const codes = (out: CollectorOutput) => out.problems.map((p) => p.code).sort();

describe('RVTools per-tab CSV export, RVTools 4.x headers, two vCenters (test/fixtures/rvtools/new-export)', () => {
  let out: CollectorOutput;
  beforeAll(async () => {
    out = await collectCsv(fx('new-export'));
  });

  it('reads every vInfo row with a name; the nameless row and the unjoinable vCPU row are listed, blank rows ignored', () => {
    expect(out.rowsRead).toBe(9);
    expect(out.workloads.map((w) => w.name)).toEqual(['web01', 'app01', 'app01', 'sql01', 'tmpl-linux', 'srm-ph', 'old01']);
    expect(out.excluded.map((e) => [e.code, e.provenance.sheet, e.provenance.row, e.name])).toEqual([
      ['rvtools-row-without-name', 'vInfo', 8, undefined],
      ['rvtools-unjoined-row', 'vCPU', 6, 'ghost01'],
      ['rvtools-missing-size', 'vInfo', 10, 'bad01'],
    ]);
    expect(codes(out)).toEqual([
      'rvtools-bad-value',
      'rvtools-empty-rows',
      'rvtools-host-fuzzy-join',
      'rvtools-missing-size',
      'rvtools-row-without-name',
      'rvtools-tabs',
      'rvtools-unjoined-row',
    ]);
    expect(out.problems.find((p) => p.code === 'rvtools-tabs')!.message).toBe(
      'Read vInfo (9 rows), vCPU (5 rows), vMemory (4 rows), vDisk (6 rows), vHost (4 rows), vCluster (2 rows), vNetwork (1 row).',
    );
    expect(out.problems.find((p) => p.code === 'rvtools-bad-value')).toEqual({
      code: 'rvtools-bad-value',
      severity: 'warning',
      message: '"abc" is not a number; expected a number of vCPUs. The value is ignored.',
      file: fx('new-export', 'RVTools_tabvInfo.csv'),
      sheet: 'vInfo',
      row: 10,
      column: 'CPUs',
    });
    expect(out.problems.find((p) => p.code === 'rvtools-empty-rows')!.message).toBe(
      'Ignored empty formatted rows (not counted as skipped): vInfo 2.',
    );
  });

  it('keeps the two app01 VMs of two vCenters apart (same VM ID vm-200), joining tabs by VI SDK UUID / server', () => {
    const a = byId(out.workloads, 'vc-a.corp.local/4201aaaa-0000-0000-0000-000000000200');
    const b = byId(out.workloads, 'vc-b.corp.local/4201bbbb-0000-0000-0000-000000000200');
    expect([a.vcpus, a.memoryMib, a.disks.length, a.config.cpuReservationMhz, a.config.memoryReservationMib]).toEqual([4, 8192, 2, 500, 8192]);
    expect([b.vcpus, b.memoryMib, b.disks.length, b.config.cpuReservationMhz, b.config.memoryReservationMib]).toEqual([2, 2048, 1, 0, 0]);
    expect(a.location).toEqual({ vcenter: 'vc-a.corp.local', datacenter: 'DC-A', cluster: 'ClusterA', host: 'ESX02.corp.local', vmUuid: '4201aaaa-0000-0000-0000-000000000200', vmId: 'vm-200', hostId: 'vc-a.corp.local/esx02.corp.local' });
    expect(b.location).toEqual({ vcenter: 'vc-b.corp.local', datacenter: 'DC-B', cluster: 'ClusterB', host: 'esx11', vmUuid: '4201bbbb-0000-0000-0000-000000000200', vmId: 'vm-200', hostId: 'vc-b.corp.local/esx11.corp.local' });
    // vCPU Overall as % of vCPUs × the joined host's clock: 960 / (4 × 2400), 520 / (2 × 2600).
    expect([a.utilization.cpu!.avg, b.utilization.cpu!.avg]).toEqual([10, 10]);
    expect([a.cpuMhz, b.cpuMhz]).toEqual([2400, 2600]);
    expect(a.drsRules).toEqual(['app-anti-affinity', 'app-db-pair']);
  });

  it('keeps custom attributes and the annotation as labels; the empty-header column is ignored', () => {
    const web = byId(out.workloads, 'vc-a.corp.local/4201aaaa-0000-0000-0000-000000000101');
    expect(web.labels).toEqual({ Annotation: 'Web frontend', Owner: 'alice', 'Backup Policy': 'gold' });
    expect(web.config).toEqual({
      firmware: 'efi', secureBoot: false, hwVersion: 'vmx-19', ftState: 'notConfigured',
      cpuReservationMhz: 0, memoryReservationMib: 0, hotAddCpu: false, hotAddMemory: false,
    });
    expect(web).toMatchObject({ provisionedGib: 54, usedGib: 20, cpuSockets: 2, coresPerSocket: 1, nics: 1 });
  });

  it('reads RDM and shared (multi-writer) disks from vDisk', () => {
    const sql = byId(out.workloads, 'vc-b.corp.local/4201bbbb-0000-0000-0000-000000000300');
    expect(sql.disks).toEqual([
      { label: 'Hard disk 1', capacityGib: 100, thin: false, raw: false, sharing: 'sharingNone', mode: 'persistent' },
      { label: 'Hard disk 2', capacityGib: 500, thin: false, raw: true, sharing: 'sharingMultiWriter', mode: 'independent_persistent' },
    ]);
    expect(sql.utilization.cpu).toMatchObject({ unit: 'pct', basis: 'snapshot', avg: 20 }); // 4160 / (8 × 2600)
    expect(sql.utilization.memory).toMatchObject({ unit: 'pct', basis: 'snapshot', avg: 97.66 }); // Consumed 32000 / 32768
    expect(sql.utilization.memoryActive).toMatchObject({ unit: 'pct', basis: 'snapshot', avg: 50 }); // Active 16384 / 32768
  });

  it('flags the template, the SRM placeholder and the powered-off VM', () => {
    const flags = Object.fromEntries(out.workloads.map((w) => [w.name, w.flags]));
    expect(flags).toEqual({ web01: [], app01: [], sql01: [], 'tmpl-linux': ['template', 'powered-off'], 'srm-ph': ['srm-placeholder', 'powered-off'], old01: ['powered-off'] });
  });

  it('reads hosts and vCluster per vCenter (TotalMemory in bytes)', () => {
    expect(out.hosts.map((h) => [h.id, h.cores, h.threads, h.cpuMhz, h.maxEvc])).toEqual([
      ['vc-a.corp.local/esx01.corp.local', 40, 80, 2400, 'intel-cascadelake'],
      ['vc-a.corp.local/esx02.corp.local', 40, 80, 2400, 'intel-cascadelake'],
      ['vc-b.corp.local/esx11.corp.local', 16, 16, 2600, 'amd-zen2'],
      ['vc-b.corp.local/esx12.corp.local', 16, 16, 2600, 'amd-zen2'],
    ]);
    expect(out.clusters.map(({ provenance: _p, ...c }) => c)).toEqual([
      { name: 'ClusterA', vcenter: 'vc-a.corp.local', datacenter: 'DC-A', hostCount: 2, totalCpuMhz: 192000, totalMemoryMib: 1572864, cores: 80, haEnabled: true, failoverLevel: 1, admissionControl: true, drsEnabled: true },
      { name: 'ClusterB', vcenter: 'vc-b.corp.local', datacenter: 'DC-B', hostCount: 2, totalCpuMhz: 83200, totalMemoryMib: 1048576, cores: 32, haEnabled: true, failoverLevel: 1, admissionControl: false, drsEnabled: false },
    ]);
  });

  it('given one tab file, reads its siblings: the same output as the folder', async () => {
    const one = await collectCsv(fx('new-export', 'RVTools_tabvHost.csv'));
    expect(one.workloads).toEqual(out.workloads);
    expect(one.hosts).toEqual(out.hosts);
  });

  it('every tab file of one export on the command line is read once (a shell glob)', async () => {
    const files = fs.readdirSync(fx('new-export')).sort().map((f) => fx('new-export', f));
    const { inventory } = await collectFiles(files, opts());
    expect(inventory.workloads.map((w) => w.name)).toEqual(['web01', 'app01 (vc-a)', 'app01 (vc-b)', 'sql01']);
    expect(inventory.problems.filter((p) => p.code === 'rvtools-already-read')).toHaveLength(files.length - 1);
    expect(inventory.excluded.map((e) => e.code)).toEqual([
      'rvtools-row-without-name', 'rvtools-unjoined-row', 'rvtools-missing-size', 'template', 'srm-placeholder', 'powered-off',
    ]);
  });

  it('the same tabs as an xlsx workbook give the same workloads', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-rvtools-'));
    const wb = new ExcelJS.Workbook();
    for (const f of fs.readdirSync(fx('new-export')).sort()) {
      const { headers, rows } = await readCsvAll(fx('new-export', f));
      const ws = wb.addWorksheet(f.replace(/^RVTools_tab|\.csv$/g, ''));
      ws.addRow(headers);
      for (const r of rows) ws.addRow(r.fields.map((v) => (v !== '' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
    }
    const xlsx = path.join(dir, 'export.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const probe = await probeFile(xlsx, xlsx);
    const fromXlsx = await rvtoolsXlsxCollector.collect(probe, opts());
    const strip = (ws: Workload[]) =>
      ws.map((w) => ({
        ...w,
        provenance: w.provenance.map((p) => p.row),
        utilization: JSON.parse(JSON.stringify(w.utilization).replace(/"source":"[^"]*"/g, '"source":""')),
      }));
    expect(strip(fromXlsx.workloads)).toEqual(strip(out.workloads));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('RVTools per-tab CSV export, older RVTools (MB, vCenter UUID, semicolons, BOM, CRLF)', () => {
  let out: CollectorOutput;
  beforeAll(async () => {
    out = await collectCsv(fx('old-export'));
  });

  it('reads MB columns as MiB and names the vCenter by server although vHost only carries its UUID', () => {
    expect(out.workloads.map((w) => [w.name, w.vcpus, w.memoryMib, w.provisionedGib, w.usedGib, w.location.vcenter, w.location.datacenter])).toEqual([
      ['file01', 2, 6144, 81, 40, 'vcenter55.dc.example.com', 'Zürich'],
      ['lnx01', 1, 2048, 20, 12, 'vcenter55.dc.example.com', 'Zürich'],
      ['lnx02', 1, 1024, 10, 8, 'vcenter55.dc.example.com', 'Zürich'],
    ]);
    expect(out.hosts.map((h) => [h.id, h.memoryMib])).toEqual([
      ['vcenter55.dc.example.com/esx-a1', 262144],
      ['vcenter55.dc.example.com/esx-a2', 262144],
    ]);
    expect(out.clusters.map((c) => [c.name, c.vcenter, c.hostCount])).toEqual([['Prod', 'vcenter55.dc.example.com', 2]]);
  });

  it('keeps "Department" as a label but not the standard disk.EnableUUID column', () => {
    expect(out.workloads.map((w) => w.labels)).toEqual([{ Department: 'Finance' }, { Department: 'IT' }, { Department: 'IT' }]);
  });

  it('joins FQDN host names to short vHost names and reports the VM whose host is missing', () => {
    expect(out.workloads.map((w) => w.location.hostId)).toEqual(['vcenter55.dc.example.com/esx-a1', 'vcenter55.dc.example.com/esx-a2', undefined]);
    expect(out.problems.find((p) => p.code === 'rvtools-host-not-joined')!.message).toMatch(
      /^1 VM\(s\) run on 1 host\(s\) that match no vHost row: esx-b9\.dc\.example\.com \(1 VM\)\./,
    );
  });
});

describe('RVTools -DBColumnNames export (vInfoVMName, vHostCpuMhz, ...)', () => {
  it('matches the database-style column names', async () => {
    const out = await collectCsv(fx('dbnames', 'RVTools_tabvInfo.csv'));
    expect(out.workloads.map((w) => [w.id, w.name, w.vcpus, w.memoryMib, w.provisionedGib, w.usedGib, w.os.name, w.location.hostId, w.labels])).toEqual([
      ['vc.lab/4222-0001', 'db-web', 2, 4096, 30, 10, 'Ubuntu Linux (64-bit)', 'vc.lab/host1.lab', { Annotation: 'frontend', vInfo_tags_Team: 'web' }],
      ['vc.lab/4222-0002', 'db-api', 4, 8192, 60, 20, 'Red Hat Enterprise Linux 9 (64-bit)', 'vc.lab/host2.lab', { vInfo_tags_Team: 'api' }],
    ]);
    expect(out.hosts.map((h) => [h.name, h.sockets, h.coresPerSocket, h.cores, h.cpuMhz, h.memoryMib, h.cpuUsagePct, h.vcpuCount])).toEqual([
      ['host1.lab', 2, 12, 24, 2200, 393216, 15, 10],
      ['host2.lab', 2, 12, 24, 2200, 393216, 25, 14],
    ]);
    expect(out.problems.map((p) => p.message)).toEqual(['Read vInfo (2 rows), vHost (2 rows).']);
  });
});

describe('dcplan collect on RVTools exports (CLI)', () => {
  it('prints the summary for a per-tab CSV folder', () => {
    const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-rvtools-')), 'inventory.json');
    const r = runCli(['collect', fx('new-export'), '--out', outFile]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Collected 4 workload(s), 4 host(s), 2 cluster(s)');
    expect(r.stderr).toContain('vInfo row 8 has data but no VM name; it is skipped.');
    const inv = JSON.parse(fs.readFileSync(outFile, 'utf8'));
    expect(inv.sources).toEqual([{ file: fx('new-export'), format: 'rvtools-csv', sheets: fs.readdirSync(fx('new-export')).sort(), rowsRead: 9, workloads: 4, hosts: 4, excluded: 6 }]);
  });

  it('an export without a vInfo tab stops with exit code 2 naming what is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-rvtools-'));
    fs.copyFileSync(fx('new-export', 'RVTools_tabvHost.csv'), path.join(dir, 'RVTools_tabvHost.csv'));
    const r = runCli(['collect', path.join(dir, 'RVTools_tabvHost.csv'), '--out', path.join(dir, 'inv.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('rvtools-no-vinfo');
    expect(r.stderr).toContain('No vInfo tab found (tabs seen: RVTools_tabvHost.csv).');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
