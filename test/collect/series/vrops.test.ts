/**
 * vRealize / Aria Operations view exports as time series (issue 11.4): own fixtures in the export's format
 * (test/fixtures/series/vrops): `|` inside quoted headers, `12:00 AM 1 July 2026` times, thousands separators,
 * units converted, one column per metric chosen and the others listed.
 */
import * as path from 'path';
import { collectFiles } from '../../../src/collect/pipeline';
import { vropsColumn, vropsLayout } from '../../../src/collect/collectors/series/vrops';
import { codes, collectSeries } from './helpers';

const fixture = (f: string) => path.join(__dirname, '..', '..', 'fixtures', 'series', 'vrops', f);

test('headers: object type and transformation stripped, units converted, unitless and unknown metrics not read', () => {
  expect(vropsColumn('VM|CPU|Demand (MHz)|Avg', 2)).toMatchObject({ metric: 'cpu', unit: 'MHz', scale: 1 });
  expect(vropsColumn('CPU|Demand (GHz)', 2)).toMatchObject({ metric: 'cpu', unit: 'MHz', scale: 1000 });
  expect(vropsColumn('Virtual Machine|Memory|Consumed (KB)', 3)).toMatchObject({ metric: 'memory', unit: 'MiB', scale: 1 / 1024 });
  expect(vropsColumn('Memory|Usage (%)', 3)).toMatchObject({ metric: 'memory', unit: 'pct' });
  expect(vropsColumn('Cluster|CPU|Demand|Avg', 4)).toEqual({ header: 'Cluster|CPU|Demand|Avg', skip: expect.stringMatching(/^no unit/) });
  expect(vropsColumn('VM|CPU|Ready (%)|Max', 4)).toMatchObject({ skip: 'not a CPU or memory metric dcplan sizes on' });
  expect(vropsColumn('VM|CPU|Demand (MHz)|Min', 4)).toMatchObject({ skip: expect.stringMatching(/transformation "Min"/) });
  expect(vropsColumn('Memory|Consumed (MHz)', 4)).toMatchObject({ skip: expect.stringMatching(/unit "MHz" is not one/) });
  expect(vropsColumn('Name', 0)).toBeUndefined();
  // Demand before Usage, the average before Max
  const l = vropsLayout(['Name', 'Time', 'CPU|Usage (MHz)|Avg', 'CPU|Demand (MHz)|Max', 'CPU|Demand (MHz)|Avg'])!;
  expect(l.columns.map((c) => c.header)).toEqual(['CPU|Demand (MHz)|Avg']);
  expect(l.skipped.map((s) => s.header)).toEqual(['CPU|Usage (MHz)|Avg', 'CPU|Demand (MHz)|Max']);
});

test('an hourly VM view: CPU demand MHz and memory consumed KB → MiB per VM, problems named', async () => {
  const { id, out } = await collectSeries(fixture('vm-hourly.csv'), { window: 'all' });
  expect(id).toBe('vrops-csv');
  const byName = new Map(out.utilizationUpdates!.map((u) => [u.serverName, u.utilization]));
  expect([...byName.keys()]).toEqual(['db01', 'web01']);
  const web = byName.get('web01')!;
  expect(web.cpu).toMatchObject({ unit: 'MHz', basis: 'series', samples: 3, peak: 1546.6 });
  expect(web.cpu!.avg).toBeCloseTo((162.52 + 1546.6 + 400) / 3, 3);
  expect(web.memory).toMatchObject({ unit: 'MiB', samples: 2, peak: 6144, avg: 5120 }); // 4,194,304 and 6,291,456 KB
  expect(byName.get('db01')!.cpu).toMatchObject({ samples: 1, peak: 3000 });
  expect(codes(out)).toEqual(
    expect.arrayContaining(['info:vrops-columns', 'info:vrops-columns-skipped@1', 'warning:vrops-column-without-unit@1', 'info:timezone-assumed', 'warning:bad-number@6']),
  );
  const read = out.problems.find((p) => p.code === 'vrops-columns')!.message;
  expect(read).toBe('read cpu from "VM|CPU|Demand (MHz)|Avg" in MHz; memory from "VM|Memory|Consumed (KB)|Avg" in MiB (× 1/1024)');
  expect(out.problems.find((p) => p.code === 'vrops-column-without-unit')!.message).toMatch(/"Cluster\|CPU\|Demand\|Avg"/);
});

test('semicolons, decimal commas and GHz; ISO times', async () => {
  const { id, out } = await collectSeries(fixture('semicolon-ghz.csv'), { window: 'all' });
  expect(id).toBe('vrops-csv');
  const u = out.utilizationUpdates![0].utilization;
  expect(u.cpu).toMatchObject({ unit: 'MHz', peak: 2250, avg: 1875 });
  expect(u.memory).toMatchObject({ unit: 'pct', peak: 50, avg: 45.25 });
  expect(codes(out)).not.toContain('info:timezone-assumed');
});

test('collected with an inventory: the VMs get the series by name', async () => {
  const inv = (await collectFiles([fixture('inventory.csv'), fixture('vm-hourly.csv')], { includePoweredOff: false, series: { window: 'all' } })).inventory;
  const web = inv.workloads.find((w) => w.name === 'web01')!;
  expect(web.utilization.cpu).toMatchObject({ unit: 'MHz', basis: 'series', peak: 1546.6 });
  expect(inv.sources.map((s) => s.format)).toEqual(['generic-csv', 'vrops-csv']);
});
