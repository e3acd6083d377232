import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { buildInventory, chooseCollector } from '../../src/collect/pipeline';
import { writeInventory } from '../../src/inventory/io';
import { probeFile } from '../../src/collect/read/probe';
import { buildDemoEstate } from '../../test/helpers/estate/estate';
import { rvtoolsCsvFiles } from '../../test/helpers/estate/rvtools-csv';

/**
 * `npm run bench:collect [-- --vms 200000] [--runs 3] [--all-tabs] [--keep]`: writes the demo estate as an RVTools per-tab
 * CSV export (RVTools_tabvInfo.csv with 4.x headers and custom attributes, plus RVTools_tabvHost.csv), collects
 * the folder through the real pipeline (probe → rvtools-csv collector → merge, flags, exclusions, schema validation)
 * and writes inventory.json; prints per phase (read + join, pipeline, write) wall-clock and CPU seconds and rows per
 * second, and peak memory (RSS sampled every 20 ms, and the kernel's maxRSS). Each run is a fresh process; the
 * figures are medians over the runs, with every run's rate listed. Targets: ≥ 100,000 rows/s and < 1 GiB peak.
 */

/**
 * Writes the seeded demo estate of `vms` VMs (the one estate generator, test/helpers/estate/) as an RVTools per-tab
 * CSV export: vInfo and vHost, the tabs this bench has always timed (`--all-tabs`: every tab the demo writes, so
 * the joins of vCPU, vMemory, vDisk, ... are timed too). Returns the host count.
 */
function generate(dir: string, vms: number, allTabs: boolean): number {
  const estate = buildDemoEstate({ vms });
  const files = rvtoolsCsvFiles(estate, allTabs ? undefined : ['vInfo', 'vHost']);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return estate.hosts.length;
}

/** Starts a stopwatch; calling the result gives wall-clock and CPU (user + system) seconds since the start. */
function phaseClock(): () => { wall: number; cpu: number } {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 };
  };
}

interface Phase {
  wall: number;
  cpu: number;
}

interface RunFigures {
  rows: number;
  workloads: number;
  hosts: number;
  excluded: number;
  outBytes: number;
  read: Phase;
  pipeline: Phase;
  collect: Phase;
  write: Phase;
  total: Phase;
  peakRss: number;
  rssBefore: number;
  maxRss: number;
}

/** One run in a fresh process (as a user running `dcplan collect`): the same stages collectFiles runs, timed. */
async function measure(dir: string, outFile: string): Promise<RunFigures> {
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const options = { includePoweredOff: false };
  const start = phaseClock();
  const read = phaseClock();
  const probe = await probeFile(dir, dir);
  const collector = chooseCollector(probe, options);
  if (!('collect' in collector)) throw new Error(`no collector for the bench export: ${collector.message}`);
  const out = await collector.collect(probe, options);
  const readPhase = read();
  const pipe = phaseClock();
  const inventory = buildInventory([{ file: dir, out }], options);
  const pipelinePhase = pipe();
  const collectPhase = start();
  const write = phaseClock();
  writeInventory(outFile, inventory);
  const writePhase = write();
  const total = start();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return {
    rows: inventory.sources[0].rowsRead,
    workloads: inventory.workloads.length,
    hosts: inventory.hosts.length,
    excluded: inventory.excluded.length,
    outBytes: fs.statSync(outFile).size,
    read: readPhase,
    pipeline: pipelinePhase,
    collect: collectPhase,
    write: writePhase,
    total,
    peakRss,
    rssBefore,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv[0] === '--measure') {
    process.stdout.write(JSON.stringify(await measure(argv[1], argv[2])) + '\n');
    return;
  }
  const vms = Number(arg('--vms') ?? 200000);
  const runs = Math.max(1, Number(arg('--runs') ?? 3));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-bench-collect-'));
  const g0 = Date.now();
  const hosts = generate(dir, vms, argv.includes('--all-tabs'));
  const size = fs.statSync(path.join(dir, 'RVTools_tabvInfo.csv')).size;
  process.stdout.write(
    `generated ${vms.toLocaleString('en-US')} VMs (${(size / 1048576).toFixed(1)} MiB vInfo) and ${hosts.toLocaleString('en-US')} hosts in ${((Date.now() - g0) / 1000).toFixed(2)} s (${dir})\n`,
  );
  // Written beside the export folder, not into it (a folder collected again would list it as an unknown file).
  const outFile = `${dir}-inventory.json`;
  // Each run in a fresh process: a clean heap, as when a user runs `dcplan collect`, and a machine that is shared
  // (wall-clock time includes waiting for a core) shows up as spread between runs rather than as one unlucky figure.
  const results: RunFigures[] = [];
  for (let r = 0; r < runs; r++) {
    const child = spawnSync(process.execPath, [__filename, '--measure', dir, outFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`run ${r + 1} failed: ${child.stderr}`);
    results.push(JSON.parse(child.stdout) as RunFigures);
  }

  const first = results[0];
  const mib = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;
  const rate = (n: number) => Math.round(n).toLocaleString('en-US').padStart(8);
  process.stdout.write(
    `collected ${first.rows.toLocaleString('en-US')} vInfo rows → ${first.workloads.toLocaleString('en-US')} workloads, ` +
      `${first.hosts.toLocaleString('en-US')} hosts, ${first.excluded.toLocaleString('en-US')} excluded; ` +
      `inventory.json ${(first.outBytes / 1048576).toFixed(1)} MiB; ${runs} run(s), each in a fresh process\n`,
  );
  // CPU counts every thread of the process: the CSV reading thread and V8's garbage collector helpers run on a
  // second core, so CPU exceeds wall on an idle machine.
  process.stdout.write(`  phase (median of ${runs})            wall s   CPU s   rows/s wall  rows/CPU-s   (CPU = user + system, all threads)\n`);
  for (const [name, key] of [
    ['read + join (rvtools)', 'read'],
    ['pipeline (merge, flags, validate)', 'pipeline'],
    ['collect = read + pipeline', 'collect'],
    ['write inventory.json', 'write'],
    ['total incl. write', 'total'],
  ] as const) {
    const wall = median(results.map((x) => x[key].wall));
    const cpu = median(results.map((x) => x[key].cpu));
    process.stdout.write(`  ${name.padEnd(34)} ${wall.toFixed(2).padStart(6)} ${cpu.toFixed(2).padStart(7)} ${rate(first.rows / wall)}   ${rate(first.rows / cpu)}\n`);
  }
  const rates = results.map((x) => first.rows / x.collect.wall);
  const med = median(rates);
  process.stdout.write(`  collect rows/s (wall) per run: ${rates.map((x) => rate(x).trim()).join(', ')}\n`);
  process.stdout.write(
    `  collect rows/s (wall)  median ${rate(med).trim()}, best ${rate(Math.max(...rates)).trim()}   (target ≥ 100,000 on the median: ${med >= 100000 ? 'met' : 'NOT met'}; ${rate(first.rows / median(results.map((x) => x.collect.cpu))).trim()} rows per CPU-second)\n`,
  );
  process.stdout.write(`  machine load          ${os.loadavg()[0].toFixed(1)} (1-min average) on ${os.cpus().length} cores\n`);
  const maxRss = Math.max(...results.map((x) => x.maxRss));
  process.stdout.write(`  peak RSS (sampled) ${mib(Math.max(...results.map((x) => x.peakRss))).padStart(8)}   (before collect ${mib(first.rssBefore)})\n`);
  process.stdout.write(`  maxRSS (kernel)    ${mib(maxRss).padStart(8)}   (worst run; target < 1 GiB: ${maxRss < 1 << 30 ? 'met' : 'NOT met'})\n`);
  if (!argv.includes('--keep')) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outFile, { force: true });
  }
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`bench:collect failed: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
