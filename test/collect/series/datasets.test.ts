/**
 * Every public time-series sample in ../shared/datasets: counts of servers and samples, units, and the quirks each
 * README lists, handled and reported.
 */
import * as fs from 'fs';
import * as path from 'path';
import { sharedPath } from '../../helpers/shared';
import { percentileSorted } from '../../../src/collect/series/profile/quantile';
import { codes, collectSeries, sampleSummary } from './helpers';

const perfmon = (f: string) => sharedPath('datasets', 'windows-perfmon-csv', f);

describe('Windows perfmon samples', () => {
  test('rajitharul perfmon.csv: one host, 11,519 CPU samples, UTC bias -330, blank first sample, memory left out', async () => {
    const file = perfmon('rajitharul-time-series-sensors-timetable/perfmon.csv');
    const { id, out } = await collectSeries(file, { window: 'all' });
    expect(id).toBe('perfmon-csv');
    expect(out.rowsRead).toBe(11521);
    expect(out.utilizationUpdates!.map((u) => u.serverName)).toEqual(['DESKTOP-FUOCR3U']);
    const u = out.utilizationUpdates![0].utilization;
    expect(sampleSummary(u)).toEqual(['cpu=11519 pct']);
    // 04/28/2023 05:55:48 local at UTC+5:30 → 00:25:48 UTC (bucket 00:25); last 04/30 05:57:13.537 → 00:27:13.537 UTC
    expect(u.cpu!.from).toBe('2023-04-28T00:25:00.000Z');
    expect(u.cpu!.to).toBe('2023-04-30T00:27:13.537Z');
    expect(u.cpu!.coverage).toBe(1);
    expect(u.confidence).toBe(5);
    expect(u.cpu!.shape!.granularity).toBe('hourly');
    expect(u.cpu!.shape!.values).toHaveLength(24);
    expect(codes(out)).toEqual(
      expect.arrayContaining(['info:blank-samples', 'info:memory-available-only', 'info:counters-ignored']),
    );
    expect(out.problems.find((p) => p.code === 'blank-samples')!.message).toMatch(/^3 blank/);

    // independent check of P95: 5-minute bucket maxima of the CPU column, recomputed here from the raw text
    const buckets = new Map<number, number>();
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const f = line.split('","').map((x) => x.replace(/"/g, ''));
      if (f.length < 2 || f[1].trim() === '') continue;
      const [d, t] = f[0].split(' ');
      const [mo, da, yr] = d.split('/').map(Number);
      const [hh, mi, ss] = t.split(':').map(Number);
      const ms = Date.UTC(yr, mo - 1, da, hh, mi, 0) + ss * 1000 - 330 * 60000;
      const b = Math.floor(ms / 300000);
      buckets.set(b, Math.max(buckets.get(b) ?? -Infinity, Math.fround(Number(f[1]))));
    }
    const sorted = Float64Array.from(buckets.values()).sort();
    expect(sorted.length).toBe(577);
    expect(u.cpu!.p95).toBeCloseTo(percentileSorted(sorted, 95), 3);
    expect(u.cpu!.peak).toBeCloseTo(sorted[sorted.length - 1], 3);
  });

  test('waflia DataCollector01.csv: Windows-1251, 1,104 localised process counters, truncated zone header, 833 blanks', async () => {
    const { id, out } = await collectSeries(perfmon('waflia-PDH_Converter/DataCollector01.csv'));
    expect(id).toBe('perfmon-csv');
    expect(out.rowsRead).toBe(27);
    expect(out.utilizationUpdates!.map((u) => u.serverName)).toEqual(['DESKTOP-LRPVSK4']);
    const u = out.utilizationUpdates![0].utilization;
    // CPU from Process(Idle) / Process(_Total): the first row is blank; working set of _Total has all 26 rows
    expect(sampleSummary(u)).toEqual(['cpu=25 pct', 'memory=26 MiB']);
    expect(codes(out)).toEqual(
      expect.arrayContaining(['warning:timezone-unknown@1', 'info:blank-samples', 'info:localised-counters', 'info:cpu-from-process-counters']),
    );
    const msg = (c: string) => out.problems.find((p) => p.code === c)!.message;
    expect(msg('blank-samples')).toMatch(/^833 blank/);
    expect(msg('localised-counters')).toMatch(/^1104 localised/);
    expect(msg('counters-ignored')).toMatch(/of 1104 columns/);
    expect(u.cpu!.from).toBe('2021-09-20T16:45:00.000Z');
  });
});

describe('sysstat sadf samples', () => {
  const sadf = (f: string) => sharedPath('datasets', 'sysstat-sadf', 'tests', f);
  const cases: [string, string[], string[]][] = [
    ['expected.sadf-d', ['cpu=5 pct', 'memory=5 pct', 'diskIops=5 IOPS', 'networkMbps=5 Mbps'], ['info:restarts', 'info:comments']],
    ['expected.sadf-j', ['cpu=5 pct', 'memory=5 pct', 'diskIops=5 IOPS', 'networkMbps=5 Mbps'], ['info:restarts']],
    ['expected.sadf-dh', ['cpu=5 pct'], ['info:restarts']],
    ['expected.sadf-d-qu', ['cpu=5 pct'], ['info:restarts', 'info:activities-ignored']],
    ['expected.sadf-d-tz', ['cpu=2 pct'], []],
    ['expected.sadf-d-T-tz', ['cpu=2 pct'], ['info:timezone-converted']],
    ['expected.sadf-d-t-tz', ['cpu=2 pct'], ['info:timezone-converted']],
    ['expected.sadf-U-se-epoch', ['cpu=2 pct'], ['info:restarts']],
    ['expected.sadf-T-s-epoch', ['cpu=1 pct'], ['info:restarts', 'info:timezone-converted']],
    ['expected.sadf-se', ['diskIops=1 IOPS', 'networkMbps=1 Mbps'], ['info:activities-ignored']],
  ];
  test.each(cases)('%s: one host, samples %j', async (file, samples, expectCodes) => {
    const { id, out } = await collectSeries(sadf(file), { window: 'all' });
    expect(id).toBe('sadf');
    expect(out.utilizationUpdates!.map((u) => u.serverName)).toEqual(['SYSSTAT.TEST']);
    expect(sampleSummary(out.utilizationUpdates![0].utilization)).toEqual(samples);
    expect(codes(out)).toEqual(expect.arrayContaining(expectCodes));
  });

  test('the three time-zone renderings of the same samples give the same UTC instants (sadf prints EST/CET also in summer)', async () => {
    const froms = [];
    for (const f of ['expected.sadf-d-tz', 'expected.sadf-d-T-tz', 'expected.sadf-d-t-tz']) {
      const { out } = await collectSeries(sadf(f), { window: 'all', resampleSeconds: 10 });
      const cpu = out.utilizationUpdates![0].utilization.cpu!;
      froms.push([cpu.from, cpu.to, cpu.p50]);
    }
    // 13:20:19 → 100 − 82.88 = 17.12 and 13:20:29 → 100 − 95.31 = 4.69, in two 10-second buckets: median 10.905
    expect(froms[0]).toEqual(['2019-04-18T13:20:10.000Z', '2019-04-18T13:20:29.000Z', 10.905]);
    expect(froms[1]).toEqual(froms[0]);
    expect(froms[2]).toEqual(froms[0]);
  });

  test('sadf -d: CPU = 100 − %idle of CPU -1; %memused; -b tps; network Σ rx+tx kB/s without lo; restarts 9 → 10 CPU', async () => {
    const { out } = await collectSeries(sadf('expected.sadf-d'), { window: 'all', resampleSeconds: 60 });
    const u = out.utilizationUpdates![0].utilization;
    // first sample 13:20:19: %idle 82.88 → 17.12; the 13:20 minute bucket holds 13:20:19..49, peak 100 − 71.68 = 28.32
    expect(u.cpu!.peak).toBe(28.32);
    expect(u.memory!.p50).toBe(46.11);
    expect(u.diskIops!.peak).toBe(32405.1992); // the -b tps after the restart (float32)
    expect(out.problems.find((p) => p.code === 'restarts')!.message).toBe(
      '2 LINUX-RESTART records (CPU count 9 → 10); the series continue across them',
    );
  });

  test('files with no sizing activity (FAN/TEMP/IN, CPU frequency) are read and reported, not failed', async () => {
    for (const f of ['expected.data-11.6.5-sadf-d', 'expected.data-wghfreq-sadf-d']) {
      const { id, out } = await collectSeries(sadf(f));
      expect(id).toBe('sadf');
      expect(out.utilizationUpdates).toEqual([]);
      expect(codes(out)).toEqual(expect.arrayContaining(['info:activities-ignored', 'warning:no-series']));
    }
  });
});

describe('Bitbrains GWA-T-12 samples', () => {
  test('rnd/2013-7 folder: 100 VM files, 88 workloads sized from the trace, 12 zero-capacity VMs excluded', async () => {
    const { id, out } = await collectSeries(sharedPath('datasets', 'bitbrains-gwa-t-12-rnd', 'rnd', '2013-7'));
    expect(id).toBe('bitbrains');
    expect(out.rowsRead).toBe(100 * 289);
    expect(out.workloads).toHaveLength(88);
    expect(out.excluded.filter((e) => e.code === 'zero-capacity').map((e) => e.name)).toEqual([
      '38', '44', '45', '46', '47', '48', '49', '50', '51', '52', '53', '54',
    ]);
    const w1 = out.workloads.find((w) => w.name === '1')!;
    expect([w1.vcpus, w1.cpuMhz, w1.memoryMib, w1.kind]).toEqual([2, 2926, 8026, 'vm']);
    expect(sampleSummary(w1.utilization)).toEqual(['cpu=288 MHz', 'memory=288 MiB', 'networkMbps=288 Mbps']);
    // first row: 2013-06-30 22:03:24 UTC (the "[ms]" column holds seconds)
    expect(w1.utilization.cpu!.from).toBe('2013-06-30T22:00:00.000Z');
    const notes = out.problems.filter((p) => p.row === undefined);
    expect(notes.find((p) => p.code === 'timestamp-unit-mislabelled')!.message).toMatch(/^in 100 files/);
    expect(notes.find((p) => p.code === 'zero-capacity-rows')!.message).toMatch(/^in 13 files/);
    expect(notes.find((p) => p.code === 'usage-above-capacity')!.message).toMatch(/^in 23 files/);
  });

  test('full-month 44.csv: zero-capacity rows and CPU usage above provisioned, kept and counted', async () => {
    const { out } = await collectSeries(sharedPath('datasets', 'bitbrains-gwa-t-12-rnd', 'full-month', 'rnd', '2013-7', '44.csv'));
    expect(out.rowsRead).toBe(8250);
    const w = out.workloads[0];
    expect(sampleSummary(w.utilization)).toEqual(['cpu=8249 MHz', 'memory=8249 MiB', 'networkMbps=8249 Mbps']);
    const msg = (c: string) => out.problems.find((p) => p.code === c)!.message;
    // counted independently with awk: 1,266 rows with 0 cores / MHz / KB; 1,832 with usage MHz > provisioned MHz
    expect(msg('zero-capacity-rows')).toMatch(/^1266 of 8249 rows report 0 cores/);
    expect(msg('usage-above-capacity')).toMatch(/^1832 rows use more CPU MHz than provisioned/);
    expect(msg('series-gaps')).toMatch(/longest 1885 min/);
    expect(codes(out)).toEqual(expect.arrayContaining(['info:series-gaps']));
  });
});

describe('PlanetLab traces', () => {
  test('20110303: 1,052 files of 288 values, dated by the folder, names with spaces kept', async () => {
    const dir = sharedPath('datasets', 'planetlab-cloudsim', 'planetlab', '20110303');
    const { id, out } = await collectSeries(dir, { window: 'day' });
    expect(id).toBe('planetlab');
    const ups = out.utilizationUpdates!;
    expect(ups).toHaveLength(1052);
    expect(ups.filter((u) => u.serverName.includes(' '))).toHaveLength(50);
    expect(ups.reduce((s, u) => s + u.utilization.cpu!.samples!, 0)).toBe(302976);
    const spaced = ups.find((u) => u.serverName === 'planetlab1_nrl_dcs_qmul_ac_uk_ rnp_dcc_ufjf')!;
    expect(spaced.utilization.cpu!.from).toBe('2011-03-03T00:00:00.000Z');
    expect(spaced.utilization.cpu!.to).toBe('2011-03-03T23:55:00.000Z');
    expect(spaced.utilization.confidence).toBe(5);
    expect(codes(out)).toEqual(expect.arrayContaining(['warning:interval-assumed', 'info:start-from-folder']));
    expect(out.problems.find((p) => p.code === 'start-from-folder')!.message).toBe("first lines taken at the folder's date: 2011-03-03T00:00:00.000Z (1052 file(s))");
    const lines = fs.readFileSync(path.join(dir, spaced.serverName), 'utf8').trim().split('\n').map(Number);
    expect(spaced.utilization.cpu!.peak).toBe(Math.max(...lines));
  });

  test('--capacity-mhz turns traces into 1-vCPU workloads with a clock', async () => {
    const file = sharedPath('datasets', 'planetlab-cloudsim', 'planetlab', '20110303', 'planetlab1_nrl_dcs_qmul_ac_uk_ rnp_dcc_ufjf');
    const { out } = await collectSeries(file, { capacityMhz: 2500, intervalSeconds: 300 });
    expect(out.workloads.map((w) => [w.name, w.vcpus, w.cpuMhz])).toEqual([['planetlab1_nrl_dcs_qmul_ac_uk_ rnp_dcc_ufjf', 1, 2500]]);
    expect(codes(out)).not.toContain('warning:interval-assumed');
  });
});

describe('sadf with several hosts in one file', () => {
  test('two hosts concatenated (as `sadf -d` of two machines appended): two servers, series kept apart', async () => {
    const fs2 = await import('fs');
    const os = await import('os');
    const text = fs2.readFileSync(sharedPath('datasets', 'sysstat-sadf', 'tests', 'expected.sadf-d-qu'), 'utf8');
    const dir = fs2.mkdtempSync(path.join(os.tmpdir(), 'dcplan-sadf-'));
    const file = path.join(dir, 'two-hosts.sadf');
    fs2.writeFileSync(file, text + text.replace(/SYSSTAT\.TEST/g, 'db02.example.com'));
    const { out } = await collectSeries(file, { window: 'all' });
    expect(out.utilizationUpdates!.map((u) => [u.serverName, ...sampleSummary(u.utilization)])).toEqual([
      ['SYSSTAT.TEST', 'cpu=5 pct'],
      ['db02.example.com', 'cpu=5 pct'],
    ]);
    expect(out.problems.find((p) => p.code === 'restarts')!.message).toMatch(/^4 LINUX-RESTART records/);
  });
});
