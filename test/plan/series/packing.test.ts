/**
 * Correlation-aware packing: an estate built so that complementary workloads must share hosts. Eight day-peak and eight
 * night-peak VMs of 8 vCPU at 2 GHz, 80 % at their peak hours and 5 % otherwise; hosts of 10 cores at 2 GHz with an
 * 80 % CPU ceiling (16,000 MHz). Flat P95 sizing: 12,800 MHz each, one per host → 16 hosts. On hourly slots a day VM
 * and a night VM share a host (12,800 + 800 = 13,600 MHz in every slot) → 8 hosts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resolveConfig } from '../../../src/config/defaults';
import { Inventory, INVENTORY_SCHEMA, Workload } from '../../../src/inventory/schema';
import { emptyWorkload } from '../../../src/inventory/workload';
import { planConsolidation } from '../../../src/plan/planner';
import { PackInstance } from '../../../src/plan/solver/instance';
import { expandToSlots, slotLowerBound, slotPeak } from '../../../src/plan/series/slots';
import { runCli } from '../../helpers/cli';

const hourly = (peakHours: (h: number) => boolean, hi: number, lo: number) =>
  Array.from({ length: 24 }, (_, h) => (peakHours(h) ? hi : lo));

function vm(name: string, shape: number[]): Workload {
  return emptyWorkload({
    id: `test/${name}`,
    name,
    powerState: 'on',
    vcpus: 8,
    cpuMhz: 2000,
    memoryMib: 16384,
    utilization: {
      cpu: { unit: 'pct', basis: 'series', p50: 5, p90: 80, p95: 80, p99: 80, peak: 80, shape: { granularity: 'hourly', percentile: 95, values: shape } },
      memory: { unit: 'pct', basis: 'series', p95: 50, peak: 50 },
      confidence: 5,
    },
    os: { family: 'linux' },
    provenance: [{ file: 'test' }],
  });
}

function estate(): Inventory {
  const day = hourly((h) => h >= 8 && h < 20, 80, 5);
  const night = hourly((h) => h < 8 || h >= 20, 80, 5);
  const workloads = [
    ...Array.from({ length: 8 }, (_, i) => vm(`day-${i + 1}`, day)),
    ...Array.from({ length: 8 }, (_, i) => vm(`night-${i + 1}`, night)),
  ];
  return {
    schema: INVENTORY_SCHEMA,
    generatedBy: { tool: 'dcplan', version: 'test' },
    sources: [],
    workloads,
    hosts: [],
    clusters: [],
    excluded: [],
    coverage: { workloads: 16, withCpuUtilization: 16, withMemoryUtilization: 16, withStorage: 0, withSeries: 16, withHostJoined: 0, byFlag: {} },
    problems: [],
  };
}

const configInput = (timeSeries: 'off' | 'hourly' | 'weekly') => ({
  policy: { timeSeries, headroom: 0, growth: 0, haSpareHosts: 0 },
  hostModels: [{ id: 'small-10c', sockets: 1, coresPerSocket: 10, cpuGhz: 2, memoryGib: 256, cost: 10000 }],
});

describe('complementary workloads', () => {
  test('the hourly time-series plan uses 8 hosts where the peak-sum plan needs 16, each host pairing day and night', async () => {
    const plan = await planConsolidation(estate(), resolveConfig(configInput('hourly')));
    expect(plan.diversity).toEqual({ basis: 'hourly', peakSumHosts: 16, seriesHosts: 8, hostsSaved: 8, flatPercentileHosts: 16 });
    expect(plan.summary.hosts).toBe(8);
    expect(plan.unplaced).toEqual([]);
    for (const h of plan.hosts) {
      expect(h.workloads.map((w) => w.split('-')[0]).sort()).toEqual(['day', 'night']);
      // 12,800 MHz at the pair's peak hours + 800 MHz from the partner; the flat sum would be 25,600
      expect(h.slotPeak!.cpuMhz).toBe(13600);
      expect(h.load.cpuMhz).toBe(13600);
      expect(h.slotPeak!.cpuMhz!).toBeLessThanOrEqual(h.capacity.cpuMhz!);
    }
    expect(plan.problems.find((p) => p.code === 'time-series-plan')!.message).toMatch(/8 hosts against 16 .* 8 saved.*Data confidence of the workloads: 16 × 5\/5$/);
    expect(plan.summary.lowerBound).toBeLessThanOrEqual(8);
  });

  test('with time series off the same estate needs 16 hosts and has no diversity figure', async () => {
    const plan = await planConsolidation(estate(), resolveConfig(configInput('off')));
    expect(plan.summary.hosts).toBe(16);
    expect(plan.diversity).toBeUndefined();
  });

  test('weekly basis repeats hourly shapes every day: same 8 hosts', async () => {
    const plan = await planConsolidation(estate(), resolveConfig(configInput('weekly')));
    expect(plan.diversity).toEqual({ basis: 'weekly', peakSumHosts: 16, seriesHosts: 8, hostsSaved: 8, flatPercentileHosts: 16 });
  });

  test('dcplan verify checks every slot of the time-series plan and passes; a broken pairing fails on a named slot', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-series-'));
    const inv = path.join(dir, 'inventory.json');
    const cfg = path.join(dir, 'assessment.yaml');
    const planFile = path.join(dir, 'plan.json');
    fs.writeFileSync(inv, JSON.stringify(estate(), null, 2));
    fs.writeFileSync(
      cfg,
      'policy: { timeSeries: hourly, headroom: 0, growth: 0, haSpareHosts: 0 }\n' +
        'hostModels:\n  - { id: small-10c, sockets: 1, coresPerSocket: 10, cpuGhz: 2, memoryGib: 256, cost: 10000 }\n',
    );
    fs.writeFileSync(planFile, JSON.stringify(await planConsolidation(estate(), resolveConfig(configInput('hourly'))), null, 2));
    const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
    expect(plan.diversity.hostsSaved).toBe(8);
    const v = runCli(['verify', planFile, '--inventory', inv, '--config', cfg]);
    expect(v.stdout + v.stderr).toMatch(/plan verified: 8 hosts, 16 workloads/);
    expect(v.status).toBe(0);

    // a hand-broken plan: two day VMs on one host overflow the 08:00-19:00 slots, and verify names a slot
    plan.hosts[0].workloads = ['day-1', 'day-2'];
    plan.hosts[0].workloadIds = ['test/day-1', 'test/day-2'];
    plan.hosts[1].workloads = ['night-1', 'night-2'];
    plan.hosts[1].workloadIds = ['test/night-1', 'test/night-2'];
    fs.writeFileSync(planFile, JSON.stringify(plan));
    const bad = runCli(['verify', planFile, '--inventory', inv, '--config', cfg]);
    expect(bad.status).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(/hourly slot \d+ exceeds capacity/);
  });
});

describe('slot instance and bounds', () => {
  test('expandToSlots keeps storage flat, turns cpu into 24 dimensions, and the slot bound is the peak of the sum', () => {
    const flat: PackInstance = {
      dims: ['cpuMhz', 'storageGib'],
      items: [
        { id: 'a', size: [10, 5] },
        { id: 'b', size: [10, 5] },
      ],
      binTypes: [{ id: 'h', capacity: [12, 100], cost: 1 }],
    };
    const a = Float64Array.from({ length: 24 }, (_, h) => (h < 12 ? 10 : 1));
    const b = Float64Array.from({ length: 24 }, (_, h) => (h < 12 ? 1 : 10));
    const inst = expandToSlots(flat, (i) => ({ cpuMhz: i === 0 ? a : b }), 'hourly');
    expect(inst.dims).toHaveLength(25);
    expect(inst.dims[0]).toBe('cpuMhz@0');
    expect(inst.dims[24]).toBe('storageGib');
    expect(inst.items[1].size.slice(11, 13)).toEqual([1, 10]);
    expect(inst.binTypes[0].capacity).toEqual([...Array(24).fill(12), 100]);
    // sum of peaks 20 > 12 would need 2 hosts; the peak of the sum is 11 → 1 host
    expect(slotLowerBound([{ cpuMhz: a }, { cpuMhz: b }], { cpuMhz: 12 })).toBe(1);
    expect(slotPeak([{ cpuMhz: a }, { cpuMhz: b }])).toEqual({ cpuMhz: 11 });
  });
});

describe('report data', () => {
  test('per host stacked hourly CPU load: a day and a night layer, total 13,600 MHz at every peak hour', async () => {
    const { hostLoadSeries, hostHeatmap, confidenceSummary } = await import('../../../src/report/model/series-data');
    const inv = estate();
    const plan = await planConsolidation(inv, resolveConfig(configInput('hourly')));
    const series = hostLoadSeries(plan, inv, 'cpuMhz');
    expect(series).toHaveLength(8);
    const s = series[0];
    expect(s.granularity).toBe('hourly');
    expect(s.layers.map((l) => l.workload.split('-')[0]).sort()).toEqual(['day', 'night']);
    expect(s.total).toEqual(Array(24).fill(13600));
    expect([s.peak, s.peakSlot, s.capacity]).toEqual([13600, 0, 16000]);
    const day = s.layers.find((l) => l.workload.startsWith('day'))!;
    expect([day.values[0], day.values[8]]).toEqual([800, 12800]);
    const heat = hostHeatmap(plan, inv, 'cpuMhz');
    expect(heat.utilization[0]).toEqual(Array(24).fill(0.85));
    expect(confidenceSummary(inv)).toEqual({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 16, unrated: 0 });
  });
});

describe('report hooks', () => {
  test('chart.js config of a host and the executive-summary sentence', async () => {
    const { hostLoadSeries, stackedAreaChartConfig, diversitySentence } = await import('../../../src/report/model/series-data');
    const inv = estate();
    const plan = await planConsolidation(inv, resolveConfig(configInput('hourly')));
    const cfg = stackedAreaChartConfig(hostLoadSeries(plan, inv)[0]) as { type: string; data: { labels: string[]; datasets: { label: string; data: number[] }[] } };
    expect(cfg.type).toBe('line');
    expect(cfg.data.labels[8]).toBe('08:00');
    expect(cfg.data.datasets.map((d) => d.label.split('-')[0])).toEqual(['day', 'night', 'capacity']);
    expect(cfg.data.datasets[2].data[0]).toBe(16000);
    expect(diversitySentence(plan)).toBe(
      "Packing on hourly demand shapes needs 8 hosts; adding up each workload's peak would need 16 — 8 host(s) saved by placing workloads that peak at different times together (the plan on flat percentiles needs 16).",
    );
  });
});

test('shapes at another percentile than the policy are planned and flagged', async () => {
  const cfg = resolveConfig({ ...configInput('hourly'), policy: { ...configInput('hourly').policy, percentile: 99 } });
  const plan = await planConsolidation(estate(), cfg);
  const p = plan.problems.find((x) => x.code === 'time-series-percentile-mismatch')!;
  expect(p.severity).toBe('warning');
  expect(p.message).toMatch(/Shapes of 16 workload\(s\) hold P95, not the policy's P99$/);
});

test('a workload whose hourly shape exceeds every model in some slot is unplaced with the slot named', async () => {
  const inv = estate();
  const burst = vm('burst', hourly((h) => h === 3, 90, 10));
  burst.vcpus = 10;
  burst.utilization.cpu!.p95 = 60;
  inv.workloads.push(burst);
  const plan = await planConsolidation(inv, resolveConfig(configInput('hourly')));
  expect(plan.unplaced).toEqual([
    {
      name: 'burst',
      id: 'test/burst',
      code: 'exceeds-host-capacity',
      reason: 'its demand shape needs 18000 cpuMhz in hourly slot 3 (03:00 UTC), more than the 16000 usable on small-10c',
    },
  ]);
  expect(plan.diversity!.seriesHosts).toBe(8);
});

test('time-series chart specs for the report render to PNG', async () => {
  const { seriesCharts } = await import('../../../src/report/model/series-charts');
  const { renderChartPng } = await import('../../../src/report/charts/render');
  const inv = estate();
  const plan = await planConsolidation(inv, resolveConfig(configInput('hourly')));
  const charts = seriesCharts(inv, plan, '#1f6feb');
  expect(charts.map((c) => c.id)).toEqual(['series-estate-load', 'series-busiest-host']);
  const estateData = (charts[0].config.data as { datasets: { data: number[] }[] }).datasets;
  expect(estateData[0].data).toEqual(Array(24).fill(8 * 13600));
  expect(estateData[1].data[0]).toBe(8 * 16000);
  for (const c of charts) {
    const png = renderChartPng(c);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  }
  if (process.env.DCPLAN_KEEP_CHARTS) for (const c of charts) fs.writeFileSync(`/tmp/${c.id}.png`, renderChartPng(c));
  expect(seriesCharts(inv, await planConsolidation(inv, resolveConfig(configInput('off'))), '#1f6feb')).toEqual([]);
});
