/**
 * perfmon `\Memory\Available MBytes` as memory used = installed memory (from the inventory) − available (issue 11.5):
 * own fixture test/fixtures/series/available-mbytes (SRV01 8192 MiB installed, SRV02 given 512 MiB, less than it has
 * available), plus the public perfmon sample that logs Available MBytes only.
 */
import * as path from 'path';
import { collectFiles } from '../../../src/collect/pipeline';
import { percentileSorted } from '../../../src/collect/series/profile/quantile';
import { sharedPath } from '../../helpers/shared';
import { codes, collectSeries } from './helpers';

const dir = path.join(__dirname, '..', '..', 'fixtures', 'series', 'available-mbytes');
const perfmon = path.join(dir, 'perfmon.csv');
const servers = path.join(dir, 'servers.csv');
const collect = async (files: string[]) => (await collectFiles(files, { includePoweredOff: false, series: { window: 'all' } })).inventory;

test('the collector keeps −Available MBytes apart from the memory it knows (no total in a perfmon log)', async () => {
  const { out } = await collectSeries(perfmon, { window: 'all' });
  const srv01 = out.utilizationUpdates!.find((u) => u.serverName === 'SRV01')!;
  expect(srv01.utilization.memory).toBeUndefined();
  expect(srv01.memoryBelowTotal).toMatchObject({ unit: 'MiB', basis: 'series', samples: 4, peak: -2048, avg: -4352 });
  expect(codes(out)).toContain('info:memory-available-only');
});

test('with the inventory: used = installed − available, every statistic and shape value shifted by the installed memory', async () => {
  const inv = await collect([servers, perfmon]);
  const srv01 = inv.workloads.find((w) => w.name === 'SRV01')!;
  const used = [8192 - 6144, 8192 - 4096, 8192 - 2048, 8192 - 5120]; // computed from the file by hand
  const sorted = Float64Array.from(used).sort();
  const m = srv01.utilization.memory!;
  expect(m.unit).toBe('MiB');
  expect(m.avg).toBe(3840);
  expect(m.peak).toBe(6144);
  expect(m.p95).toBeCloseTo(percentileSorted(sorted, 95), 4);
  expect(m.p50).toBeCloseTo(percentileSorted(sorted, 50), 4);
  expect(m.shape!.values[0]).toBeCloseTo(percentileSorted(sorted, 95), 4); // every sample is in the 00:00 UTC slot
  expect(m.source).toMatch(/8192 MiB installed \(inventory\) − Available MBytes/);
  expect(srv01.utilization.cpu?.peak).toBe(40);
  // SRV02: 1000 MiB available but only 512 MiB installed per the inventory: left out, said so
  const srv02 = inv.workloads.find((w) => w.name === 'SRV02')!;
  expect(srv02.utilization.memory).toBeUndefined();
  const p = (code: string) => inv.problems.find((x) => x.code === code);
  expect(p('memory-total-too-small')?.message).toMatch(/SRV02 \(512 MiB installed, up to 1000 MiB available\)/);
  expect(p('memory-from-available')?.message).toMatch(/SRV01 \(8192 MiB\)/);
});

test('without an inventory the total is unknown: a warning, no memory series, never a guess', async () => {
  const inv = await collect([perfmon]);
  const w = inv.problems.find((x) => x.code === 'memory-capacity-unknown')!;
  expect(w.severity).toBe('warning');
  expect(w.message).toMatch(/^2 server\(s\) log only \\Memory\\Available MBytes .*: SRV01, SRV02\.$/);
});

test('the public perfmon sample (Available MBytes only): memory kept as −available, 11,520 samples', async () => {
  const { out } = await collectSeries(sharedPath('datasets', 'windows-perfmon-csv', 'rajitharul-time-series-sensors-timetable', 'perfmon.csv'), { window: 'all' });
  const u = out.utilizationUpdates![0];
  expect(u.memoryBelowTotal?.samples).toBe(11520);
  expect(u.memoryBelowTotal!.peak!).toBeLessThan(0);
});
