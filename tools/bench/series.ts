/**
 * `npm run bench:series` — time-series ingestion and correlation-aware planning at scale (issue 6). Prints figures;
 * never a test.
 *
 * 1. Generates a 1,000-server × 30-day × 5-minute perf set (8,640 samples per server and metric, cpu and memory:
 *    17.3 million samples) as a generic series CSV (`timestamp,server,cpu_pct,memory_pct`) in a temp folder, seeded.
 * 2. Ingests it through the `generic-series-csv` collector (streaming parse → resampling store → profiles with
 *    weekly shapes) and prints samples/s and the process's peak RSS (target ≥ 1 million samples/s).
 * 3. Plans 5,000 workloads with weekly CPU shapes through `planConsolidation` (policy.timeSeries: weekly: 168 slots ×
 *    cpu and memory = 336 pack dimensions, plus the flat and peak-sum plans beside it) and prints the hosts of each, the
 *    lower bound and seconds (target < 30 s).
 *
 * Options: `--servers N` `--days N` `--workloads N` `--long` (one sample per row: timestamp,server,metric,value; default
 * one row per server and time with a column per metric), `--keep` (keep the generated file), `--skip-ingest`, `--skip-plan`.
 */
import { loadNote } from './load';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { probeFile } from '../../src/collect/read/probe';
import { resolveConfig } from '../../src/config/defaults';
import { Inventory, INVENTORY_SCHEMA, Workload } from '../../src/inventory/schema';
import { emptyWorkload } from '../../src/inventory/workload';
import { planConsolidation } from '../../src/plan/planner';
import { genericSeriesCollector } from '../../src/collect/collectors/series';
import { Random } from '../../src/util/random';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

const T0 = Date.UTC(2024, 0, 1); // a Monday
const STEP = 300_000;

/** Daily/weekly pattern of server i at time t, 0-100 %. */
function pattern(kind: number, t: number): number {
  const hour = Math.floor((t % 86_400_000) / 3_600_000);
  const dow = (Math.floor(t / 86_400_000) + 3) % 7; // 0 = Monday
  switch (kind) {
    case 0: // business hours, weekdays
      return dow < 5 && hour >= 8 && hour < 18 ? 60 : 8;
    case 1: // nightly batch
      return hour < 6 ? 70 : 6;
    case 2: // weekend jobs
      return dow >= 5 ? 55 : 10;
    default: // flat
      return 25;
  }
}

async function generate(file: string, servers: number, days: number, long: boolean): Promise<number> {
  const rng = new Random(42);
  const kinds = Array.from({ length: servers }, () => rng.int(0, 3));
  const names = Array.from({ length: servers }, (_, i) => `srv-${String(i + 1).padStart(5, '0')}`);
  const out = fs.createWriteStream(file);
  const write = (s: string) => new Promise<void>((res) => (out.write(s) ? res() : out.once('drain', () => res())));
  await write(long ? 'timestamp,server,metric,value\n' : 'timestamp,server,cpu_pct,memory_pct\n');
  const steps = (days * 86_400_000) / STEP;
  let rows = 0;
  for (let k = 0; k < steps; k++) {
    const t = T0 + k * STEP;
    const ts = new Date(t).toISOString();
    const parts: string[] = [];
    for (let i = 0; i < servers; i++) {
      const cpu = Math.min(100, Math.max(0, pattern(kinds[i], t) + rng.normal() * 4));
      const mem = 40 + kinds[i] * 5 + rng.next() * 5;
      if (long) parts.push(`${ts},${names[i]},cpu,${cpu.toFixed(1)}\n${ts},${names[i]},memory,${mem.toFixed(1)}\n`);
      else parts.push(`${ts},${names[i]},${cpu.toFixed(1)},${mem.toFixed(1)}\n`);
    }
    rows += servers;
    await write(parts.join(''));
  }
  await new Promise<void>((res) => out.end(() => res()));
  return rows;
}

async function ingest(servers: number, days: number, keep: boolean, long: boolean): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-bench-series-'));
  const file = path.join(dir, 'perf-long.csv');
  let t = Date.now();
  const rows = await generate(file, servers, days, long);
  const mb = fs.statSync(file).size / 1e6;
  console.log(`generated ${(long ? rows * 2 : rows).toLocaleString('en-US')} ${long ? 'long' : 'wide'} rows (${(rows * 2).toLocaleString('en-US')} samples, ${mb.toFixed(0)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s → ${file}`);
  const rssBefore = process.memoryUsage().rss;
  t = Date.now();
  const cpu0 = process.cpuUsage();
  const probe = await probeFile(file, file);
  const out = await genericSeriesCollector.collect(probe, { includePoweredOff: false, series: { window: 'month' } });
  const secs = (Date.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  const samples = rows * 2;
  const ups = out.utilizationUpdates ?? [];
  const peakRss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `ingest: ${ups.length} servers, ${samples.toLocaleString('en-US')} samples in ${secs.toFixed(2)} s = ` +
      `${Math.round(samples / secs).toLocaleString('en-US')} samples/s wall-clock, ` +
      `${Math.round(samples / cpuSecs).toLocaleString('en-US')} samples/s of CPU time (target ≥ 1,000,000; the two differ on a busy machine); ` +
      `peak RSS ${peakRss.toFixed(0)} MiB (${(rssBefore / 1048576).toFixed(0)} MiB before ingest)`,
  );
  const first = ups[0]?.utilization;
  if (first) {
    console.log(
      `  e.g. ${ups[0].serverName}: cpu P95 ${first.cpu?.p95} % (${first.cpu?.shape?.granularity} shape), coverage ${first.cpu?.coverage}, confidence ${first.confidence}`,
    );
  }
  if (keep) console.log(`kept ${file}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

/** 5,000 workloads with weekly CPU shapes (business hours, nightly batch, weekend jobs, flat) as an inventory. */
function shapedEstate(workloads: number): Inventory {
  const rng = new Random(7);
  const ws: Workload[] = [];
  for (let i = 0; i < workloads; i++) {
    const kind = rng.int(0, 3);
    const jitter = Array.from({ length: 168 }, () => 0.8 + rng.next() * 0.4);
    const values = Array.from({ length: 168 }, (_, s) => Math.round(Math.min(100, pattern(kind, T0 + s * 3_600_000) * jitter[s]) * 100) / 100);
    const sorted = [...values].sort((a, b) => a - b);
    const name = `vm-${String(i + 1).padStart(5, '0')}`;
    ws.push(
      emptyWorkload({
        id: `bench/${name}`,
        name,
        powerState: 'on',
        vcpus: rng.pick([1, 2, 2, 4, 4, 8, 16]),
        cpuMhz: 2800,
        memoryMib: Math.round(rng.logNormal(8192, 0.8)),
        utilization: {
          cpu: { unit: 'pct', basis: 'series', p95: sorted[Math.floor(0.95 * 167)], peak: sorted[167], shape: { granularity: 'weekly', percentile: 95, values } },
          memory: { unit: 'pct', basis: 'series', p95: 50 + kind * 5, peak: 50 + kind * 5 },
          confidence: 5,
        },
        os: { family: 'linux' },
        provenance: [{ file: 'bench' }],
      }),
    );
  }
  return {
    schema: INVENTORY_SCHEMA,
    generatedBy: { tool: 'dcplan', version: 'bench' },
    sources: [],
    workloads: ws,
    hosts: [],
    clusters: [],
    excluded: [],
    coverage: { workloads: workloads, withCpuUtilization: workloads, withMemoryUtilization: workloads, withStorage: 0, withSeries: workloads, withHostJoined: 0, byFlag: {} },
    problems: [],
  };
}

async function plan(workloads: number): Promise<void> {
  const inv = shapedEstate(workloads);
  const config = resolveConfig({ policy: { timeSeries: 'weekly' } });
  const t = Date.now();
  const c0 = process.cpuUsage();
  const p = await planConsolidation(inv, config);
  const secs = (Date.now() - t) / 1000;
  const cu = process.cpuUsage(c0);
  const cpuSecs = (cu.user + cu.system) / 1e6;
  const d = p.diversity!;
  console.log(
    `plan: ${workloads} workloads × 168 weekly slots × ${p.dimensions.length} dimensions through planConsolidation (three solves: ` +
      `flat percentile, peak-sum, slots): ${secs.toFixed(2)} s wall-clock, ${cpuSecs.toFixed(2)} s CPU (target < 30 s; ${loadNote()})`,
  );
  console.log(
    `  hosts: time-series ${d.seriesHosts}, peak-sum ${d.peakSumHosts} (diversity benefit ${d.hostsSaved}), flat P95 ${d.flatPercentileHosts}; ` +
      `lower bound ${p.summary.lowerBound} (${p.solver.lowerBoundMethod}), gap ${(p.summary.gap * 100).toFixed(1)} %`,
  );
}

async function main(): Promise<void> {
  const servers = arg('servers', 1000);
  const days = arg('days', 30);
  if (!flag('skip-ingest')) await ingest(servers, days, flag('keep'), flag('long'));
  if (!flag('skip-plan')) await plan(arg('workloads', 5000));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
