import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../helpers/cli';

const fixtures = path.join(__dirname, '..', 'fixtures', 'collect');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-cli-collect-'));

describe('dcplan collect (CLI)', () => {
  it.each([
    ['report.xlsx', 'report.xlsx is a PDF document; expected an Excel workbook (.xlsx).'],
    ['truncated.xlsx', 'truncated.xlsx is a damaged or truncated zip archive'],
    ['empty.csv', 'empty.csv is empty (0 bytes); expected a CSV text file.'],
    ['binary.csv', 'binary.csv is a binary file, not text; expected a CSV text file.'],
    ['old-excel.xls', 'old-excel.xls is an old-format Excel (.xls)'],
    ['blank-lines.csv', 'blank-lines.csv holds only blank lines; expected a CSV text file.'],
    ['unknown-columns.csv', 'unknown-columns.csv: no collector recognises this file. Headers seen: "hostname_x", "cpu_count", "ram".'],
  ])('%s → exit 2, the file named, no stack trace', (name, message) => {
    const out = path.join(tmp(), 'inventory.json');
    const r = runCli(['collect', name, '--out', out], { cwd: fixtures });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(`at ${name}`);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('writes the inventory and prints the summary; warnings keep exit 0', () => {
    const d = tmp();
    const r = runCli(['collect', path.join(fixtures, 'bad-rows.csv'), path.join(fixtures, 'azure-migrate.csv'), '--out', path.join(d, 'inv.json')], {
      cwd: d,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Collected 6 workload(s), 0 host(s), 0 cluster(s)');
    expect(r.stdout).toContain('Totals: 17 vCPU, 49 GiB memory, 640 GiB storage');
    expect(r.stdout).toContain('Excluded: bad-value 2, duplicate-name 1, missing-name 1, powered-off 1');
    expect(r.stdout).toMatch(/By OS family:\n\s+unknown\s+4\n\s+linux\s+1\n\s+windows\s+1/);
    expect(r.stderr).toContain('WARNING row-skipped at');
    expect(r.stderr).toContain('bad-rows.csv › row 3 › column "vcpus"');
    const inv = JSON.parse(fs.readFileSync(path.join(d, 'inv.json'), 'utf8'));
    expect(inv.workloads).toHaveLength(6);
  });

  it('--json returns the typed summary on stdout; the same input gives the same bytes', () => {
    const d = tmp();
    const run = (out: string) =>
      runCli(['collect', 'semicolon-decimal-comma.csv', 'aws-import.csv', '--out', path.join(d, out), '--json'], { cwd: fixtures });
    const r = run('a.json');
    expect(r.status).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.status).toBe('ok');
    expect(res.summary).toEqual({
      workloads: 4,
      hosts: 0,
      clusters: 0,
      datastores: 0,
      bySource: [
        { file: 'semicolon-decimal-comma.csv', format: 'generic-csv', rowsRead: 2, workloads: 2, hosts: 0, datastores: 0, excluded: 0 },
        { file: 'aws-import.csv', format: 'aws-import-csv', rowsRead: 3, workloads: 2, hosts: 0, datastores: 0, excluded: 1 },
      ],
      byCluster: { '(no cluster)': 4 },
      byOsFamily: { linux: 2, windows: 2 },
      totals: { vcpus: 26, memoryGib: 47.5, storageGib: 1144.8 },
      datastoreTotals: { capacityGib: 0, usedGib: 0, freeGib: 0 },
      datastoresByType: {},
      excluded: { 'missing-value': 1 },
      systemVms: { byKind: {}, names: [] },
      drsRules: { byType: {}, rules: [] },
      coverage: {
        workloads: 4,
        withCpuUtilization: 4,
        withMemoryUtilization: 4,
        withStorage: 2,
        withSeries: 0,
        withHostJoined: 0,
        byFlag: { idle: 2 },
      },
      problems: { error: 0, warning: 2, info: 0 },
    });
    run('b.json');
    expect(fs.readFileSync(path.join(d, 'a.json'), 'utf8')).toBe(fs.readFileSync(path.join(d, 'b.json'), 'utf8'));
  });

  it('--map renames customer columns', () => {
    const d = tmp();
    const r = runCli(['collect', 'customer-columns.csv', '--map', 'customer-map.yaml', '--out', path.join(d, 'i.json'), '--json'], {
      cwd: fixtures,
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.totals).toEqual({ vcpus: 12, memoryGib: 80, storageGib: 1200 });
  });

  it('an --out that is a directory is a user error, not a crash', () => {
    const d = tmp();
    const r = runCli(['collect', 'utf8-bom-crlf.csv', '--out', d], { cwd: fixtures });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Cannot write ${d}: it is a folder.`);
  });

  it('--json on an error prints the problems as JSON with exit 2', () => {
    const r = runCli(['collect', 'empty.csv', '--json'], { cwd: fixtures });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      status: 'error',
      problems: [
        {
          code: 'unreadable-file',
          severity: 'error',
          message: 'empty.csv is empty (0 bytes); expected a CSV text file.',
          file: 'empty.csv',
          hint: 'Copy the file again from its source.',
        },
      ],
    });
  });
});

describe('dcplan template inventory (CLI)', () => {
  it('writes the generic CSV header, which collect then recognises', () => {
    const d = tmp();
    const file = path.join(d, 'servers.csv');
    const r = runCli(['template', 'inventory', '--out', file]);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      'name,vcpus,memory_gib,storage_gib,storage_used_gib,cpu_ghz,cpu_util_pct,cpu_util_p95_pct,memory_util_pct,' +
        'memory_util_p95_pct,iops,network_mbps,os,os_version,environment,application,datacenter,cluster,host,power_state,kind,tags\r\n',
    );
    fs.appendFileSync(file, 'new-01,2,8,,,,,,,,,,Ubuntu 24.04,,,,,,,on,physical,\r\n');
    const c = runCli(['collect', file, '--out', path.join(d, 'inv.json'), '--json']);
    expect(c.status).toBe(0);
    expect(JSON.parse(c.stdout).summary.bySource[0].format).toBe('generic-csv');
    // Refuses to overwrite without --force.
    const again = runCli(['template', 'inventory', '--out', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists; not overwritten');
  });
});
