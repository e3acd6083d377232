/** Own fixtures for the formats without a public sample: UTF-16 perfmon, Migration Center perfInfo, generic long CSV. */
import * as path from 'path';
import { codes, collectSeries, sampleSummary } from './helpers';

const fx = (...p: string[]) => path.join(__dirname, '..', '..', 'fixtures', 'series', ...p);

describe('perfmon in UTF-16LE with a BOM (relog / typeperf default on some systems)', () => {
  test('bias (-60) → UTC+1, network summed over interfaces, a non-numeric cell reported with row and column', async () => {
    const { id, out } = await collectSeries(fx('perfmon-utf16le.csv'), { window: 'all' });
    expect(id).toBe('perfmon-csv');
    expect(out.rowsRead).toBe(6);
    const u = out.utilizationUpdates![0];
    expect(u.serverName).toBe('WEB01');
    // row 5 has "abc" for CPU; row 2 is the blank first sample of the rate counters
    expect(sampleSummary(u.utilization)).toEqual(['cpu=3 pct', 'memory=5 pct', 'diskIops=4 IOPS', 'networkMbps=4 Mbps']);
    expect(u.utilization.cpu!.peak).toBe(60);
    // 09:10 local → 08:10 UTC: eth0 2,000,000 + eth1 500,000 B/s = 20 Mbps
    expect(u.utilization.networkMbps!.peak).toBe(20);
    expect(u.utilization.cpu!.from).toBe('2024-03-04T08:05:00.000Z');
    const bad = out.problems.find((p) => p.code === 'bad-number')!;
    expect([bad.row, bad.column, bad.severity]).toEqual([5, '\\\\WEB01\\Processor(_Total)\\% Processor Time', 'warning']);
  });
});

describe('Google Migration Center perfInfo.csv', () => {
  test('names from vmInfo.csv, disk read+write ops, network bytes → Mbps, blank and bad cells handled', async () => {
    const { id, out } = await collectSeries(fx('mc', 'perfInfo.csv'), { window: 'all', resampleSeconds: 3600 });
    expect(id).toBe('migration-center-perf');
    const byName = new Map(out.utilizationUpdates!.map((u) => [u.serverName, u.utilization]));
    expect([...byName.keys()]).toEqual(['app01', 'db01', 'm-003']);
    const app = byName.get('app01')!;
    expect(sampleSummary(app)).toEqual(['cpu=3 pct', 'memory=3 pct', 'diskIops=3 IOPS', 'networkMbps=3 Mbps']);
    expect([app.cpu!.peak, app.diskIops!.peak, app.networkMbps!.peak]).toEqual([30, 300, 24]);
    // db01: the blank CPU cell is no sample; the row with "not-a-time" is skipped and listed
    expect(sampleSummary(byName.get('db01')!)).toEqual(['cpu=1 pct', 'memory=2 pct', 'diskIops=2 IOPS', 'networkMbps=2 Mbps']);
    expect(codes(out)).toContain('warning:bad-timestamp@7');
    expect(out.excluded.map((e) => [e.code, e.provenance.row])).toEqual([['bad-timestamp', 7]]);
  });
});

describe('generic long CSV with --map', () => {
  const columnMap = { Zeit: 'timestamp', Rechner: 'server', Kennzahl: 'metric', Wert: 'value', Einheit: 'unit' };

  test('is detected only through the map', async () => {
    await expect(collectSeries(fx('long-mapped.csv'))).rejects.toThrow(/no series collector detects/);
  });

  test('semicolons, units (GB → MiB, Gbps → Mbps), zone-less times as UTC, unknown metric and bad value listed', async () => {
    const { id, out } = await collectSeries(fx('long-mapped.csv'), { window: 'all' }, { columnMap });
    expect(id).toBe('generic-series-csv');
    const byName = new Map(out.utilizationUpdates!.map((u) => [u.serverName, u.utilization]));
    const a = byName.get('srv-a')!;
    expect(sampleSummary(a)).toEqual(['cpu=2 pct', 'memory=2 MiB']);
    expect([a.cpu!.peak, a.memory!.peak]).toEqual([30, 3072]);
    expect(byName.get('srv-b')!.networkMbps!.peak).toBe(1500);
    expect(codes(out)).toEqual(
      expect.arrayContaining(['warning:unknown-metric@6', 'warning:bad-number@7', 'info:timezone-assumed']),
    );
    expect(out.excluded.map((e) => `${e.code}@${e.provenance.row}`)).toEqual(['unknown-metric@6', 'bad-number@7']);
  });
});

describe('a folder of files of one format is one source', () => {
  test('a perfmon log split into two files gives the same series as the whole file; other files are listed as skipped', async () => {
    const { sharedPath } = await import('../../helpers/shared');
    const fs = await import('fs');
    const os = await import('os');
    const whole = sharedPath('datasets', 'windows-perfmon-csv', 'rajitharul-time-series-sensors-timetable', 'perfmon.csv');
    const lines = fs.readFileSync(whole, 'utf8').split('\n');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-perfmon-folder-'));
    fs.writeFileSync(path.join(dir, 'a.csv'), lines.slice(0, 5000).join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'b.csv'), [lines[0], ...lines.slice(5000)].join('\n'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'collected by J. on site\n');
    const folder = await collectSeries(dir, { window: 'all' });
    const single = await collectSeries(whole, { window: 'all' });
    expect(folder.id).toBe('perfmon-csv');
    const [f, s] = [folder.out.utilizationUpdates![0].utilization.cpu!, single.out.utilizationUpdates![0].utilization.cpu!];
    expect([f.samples, f.p95, f.peak, f.from, f.to]).toEqual([s.samples, s.p95, s.peak, s.from, s.to]);
    expect(folder.out.problems.find((p) => p.code === 'files-skipped')!.message).toMatch(/^1 file\(s\) .* notes\.txt/);
  });
});

test('relog tab-separated output (PDH-TSV 4.0) reads like the CSV form', async () => {
  const { id, out } = await collectSeries(fx('relog.tsv'), { window: 'all', resampleSeconds: 15 });
  expect(id).toBe('perfmon-csv');
  const u = out.utilizationUpdates![0];
  expect([u.serverName, ...sampleSummary(u.utilization)]).toEqual(['APP02', 'cpu=2 pct']);
  expect([u.utilization.cpu!.p50, u.utilization.cpu!.from]).toEqual([25, '2024-01-08T09:00:15.000Z']);
});
