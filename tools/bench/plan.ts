/**
 * `npm run bench:plan [-- --sizes 1k,10k,100k] [--seed N] [--config assessment.yaml]`
 * `npm run bench:plan:scale` = sizes 1k, 10k, 100k, 300k and 1M (issue 18.6; the estate is built in memory).
 *
 * Plans the seeded demo estate at each size (the one estate generator, built in memory: test/helpers/estate/inventory.ts)
 * and prints, per size: hosts used, lower bound, gap,
 * seconds (wall clock, and the CPU seconds of the planning process, which a busy machine inflates far less) and peak
 * memory. Each size runs in its own child process so the peak RSS belongs to that size alone. Figures, not assertions:
 * the targets are printed beside them for a human to judge, with the machine's load.
 */
import { loadNote } from './load';
import { spawnSync } from 'child_process';
import { defaultConfig, loadConfig } from '../../src/config';
import { planConsolidation } from '../../src/plan/planner';
import { estateInventory } from '../../test/helpers/estate/inventory';

interface Row {
  workloads: number;
  hosts: number;
  reserve: number;
  lowerBound: number;
  gap: number;
  seconds: number;
  cpuSeconds: number;
  generateSeconds: number;
  peakRssMiB: number;
  algorithm: string;
  unplaced: number;
  costGap?: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function child(size: number): Promise<void> {
  const seed = Number(arg('--seed') ?? 42);
  const cfgFile = arg('--config');
  const config = cfgFile ? loadConfig(cfgFile).config : defaultConfig();
  if (!config) throw new Error(`cannot read ${cfgFile}`);
  const g0 = process.hrtime.bigint();
  const inv = estateInventory({ vms: size, seed });
  const g1 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const plan = await planConsolidation(inv, config);
  const cpu = process.cpuUsage(cpu0);
  const t1 = process.hrtime.bigint();
  const row: Row = {
    workloads: inv.workloads.length,
    hosts: plan.summary.hosts,
    reserve: plan.summary.reserveHosts,
    lowerBound: plan.summary.lowerBound,
    gap: plan.summary.gap,
    seconds: Number(t1 - g1) / 1e9,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    generateSeconds: Number(g1 - g0) / 1e9,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    algorithm: plan.solver.algorithm,
    unplaced: plan.summary.unplaced,
  };
  if (plan.solver.costGap !== undefined && config.hostModels.length > 1) row.costGap = plan.solver.costGap;
  process.stdout.write(JSON.stringify(row) + '\n');
}

/** A size as written on the command line: 1000, 1k, 1M. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`--sizes: "${text}" is not a size (e.g. 1000, 10k, 1M)`);
  const mult = m[2] === '' ? 1 : m[2].toLowerCase() === 'k' ? 1e3 : 1e6;
  return Math.round(Number(m[1]) * mult);
}

function main(): void {
  const sizes = (arg('--sizes') ?? '1k,10k,100k').split(',').map(parseSize);
  const passOn = ['--seed', '--config'].flatMap((f) => (arg(f) ? [f, arg(f)!] : []));
  console.log(`dcplan bench:plan — seeded realistic estates (seed ${arg('--seed') ?? 42}), ${arg('--config') ?? 'default policy, std-2x32 hosts'}`);
  console.log('workloads   hosts  reserve  lower bound    gap   plan s    cpu s   peak RSS MiB  unplaced  machine load         algorithm');
  for (const size of sizes) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', __filename, '--child', String(size), ...passOn], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) {
      console.log(`${String(size).padStart(9)}  failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const row = JSON.parse(r.stdout.trim().split('\n').pop()!) as Row;
    console.log(
      [
        String(row.workloads).padStart(9),
        String(row.hosts).padStart(7),
        String(row.reserve).padStart(8),
        String(row.lowerBound).padStart(12),
        `${(row.gap * 100).toFixed(2)} %`.padStart(8),
        row.seconds.toFixed(2).padStart(8),
        row.cpuSeconds.toFixed(2).padStart(8),
        row.peakRssMiB.toFixed(0).padStart(14),
        String(row.unplaced).padStart(9),
        ` ${loadNote().padEnd(20)}`,
        row.costGap !== undefined ? ` cost gap ${(row.costGap * 100).toFixed(2)} %;` : '',
        ` ${row.algorithm}`,
      ].join(' '),
    );
  }
  console.log('gap = (hosts − lower bound on host count) / bound; with several models and objective cost the plan minimises cost, so the cost gap is the figure to read');
  console.log('targets: 10,000 within 2 % of the lower bound in < 5 s; 100,000 within 0.25 % in < 60 s and < 2,048 MiB; 1,000,000 within 0.5 % in < 60 s and < 4,096 MiB');
  console.log('cpu s = user + system CPU of the planning process (GC threads included): on a busy machine the wall clock grows with the load, this far less');
}

if (process.argv.includes('--child')) {
  child(Number(arg('--child'))).catch((e: unknown) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    process.exit(1);
  });
} else main();
