/**
 * `npm run -s bench:vbp -- [--time-limit-ms N] [--filter REGEX] [--exact-max-n N] [--colgen-max-n N] <file.vbp | folder | archive.tar.gz>...`
 *
 * Runs the planner's packing stack on the vector bin packing benchmark (../shared/bench/vectorpack, see its README):
 * C's heuristic portfolio, our lower bounds (raised by the column-generation LP bound up to n = 250 when the packing is
 * not yet proven, followed by price-and-branch over the generated patterns), and for small instances (n <= 60) the exact
 * method. Prints one JSON line per instance
 *   {"instance","n","d","bins","lowerBound","optimal","ms","assignment"}
 * (`assignment[i]` = bin of the i-th item in file order, multiplicities expanded; `optimal` = the proven optimum from the
 * results folder, null when unproven), then a per-class table of mean bins / OPT (or / LB where OPT is unproven, as the
 * README does) for us, FFD and dot-product, beside the per-instance best of ~700 published heuristics ("best of all").
 * With no path it runs both archives of the shared folder. `.tar.gz` archives are extracted with the system `tar` into a
 * temporary folder that is removed afterwards. The time limit caps only the LP bound's and the exact method's wall clock
 * (a benchmark knob); the heuristics run on iteration budgets.
 */
import { loadNote } from './load';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { columnGenerationBound, lowerBound } from '../../src/plan/bounds';
import { solveExact } from '../../src/plan/exact';
import { priceAndBranch } from '../../src/plan/exact/price-and-branch';
import { loadHighs } from '../../src/plan/exact/highs';
import { PackInstance, PackSolution } from '../../src/plan/solver/instance';
import { solvePortfolio } from '../../src/plan/solver/portfolio';
import { PACKAGE_ROOT } from '../../src/version';
import { binsUsed, dotProduct, ffd } from '../../test/helpers/vbp/baselines';
import { instanceName, parseVbp } from '../../test/helpers/vbp/format';
import { InstanceRef, readRefs } from './vbp-refs';

interface Args {
  timeLimitMs: number;
  exactMaxN: number;
  colgenMaxN: number;
  filter: RegExp | null;
  paths: string[];
}

function parseArgs(argv: string[]): Args {
  const a: Args = { timeLimitMs: 2000, exactMaxN: 60, colgenMaxN: 250, filter: null, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${x} needs a value`);
      return v;
    };
    if (x === '--time-limit-ms') a.timeLimitMs = Number(val());
    else if (x === '--exact-max-n') a.exactMaxN = Number(val());
    else if (x === '--colgen-max-n') a.colgenMaxN = Number(val());
    else if (x === '--filter') a.filter = new RegExp(val());
    else if (x.startsWith('--')) throw new Error(`unknown option ${x}`);
    else a.paths.push(x);
  }
  if (!(a.timeLimitMs > 0)) throw new Error('--time-limit-ms must be a positive number');
  return a;
}

function sharedBenchDir(): string {
  const shared = process.env.DCPLAN_SHARED ?? path.resolve(PACKAGE_ROOT, '..', 'shared');
  return path.join(shared, 'bench', 'vectorpack');
}

function collectFiles(p: string, temps: string[]): string[] {
  if (p.endsWith('.tar.gz') || p.endsWith('.tgz')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-vbp-'));
    temps.push(dir);
    execFileSync('tar', ['-xzf', p, '-C', dir]);
    return collectFiles(dir, temps);
  }
  const st = fs.statSync(p);
  if (st.isFile()) return [p];
  const out: string[] = [];
  for (const e of fs.readdirSync(p).sort()) out.push(...collectFiles(path.join(p, e), temps).filter((f) => f.endsWith('.vbp') || fs.statSync(f).isDirectory()));
  return out.filter((f) => f.endsWith('.vbp'));
}

/** Natural order: class, n, d, index as numbers, so the output reads like the paper's tables. */
function sortKey(file: string): (string | number)[] {
  return instanceName(file).name.split('_').map((t) => (/^\d+$/.test(t) ? Number(t) : t));
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === 'number' && typeof b[i] === 'number') return (a[i] as number) - (b[i] as number);
    return String(a[i]).localeCompare(String(b[i]));
  }
  return 0;
}

/** Checks a benchmark assignment: every item in a bin, every bin within capacity. Returns bins used or throws. */
export function checkAssignment(inst: PackInstance, assignment: number[]): number {
  const cap = inst.binTypes[0].capacity;
  const loads = new Map<number, number[]>();
  assignment.forEach((b, i) => {
    if (!(b >= 0)) throw new Error(`item ${i} is not placed`);
    const l = loads.get(b) ?? new Array<number>(cap.length).fill(0);
    inst.items[i].size.forEach((v, k) => (l[k] += v));
    loads.set(b, l);
  });
  for (const [b, l] of loads) l.forEach((v, k) => {
    if (v > cap[k]) throw new Error(`bin ${b} exceeds capacity in dimension ${k + 1}: ${v} > ${cap[k]}`);
  });
  return loads.size;
}

function compact(sol: PackSolution): number[] {
  // renumber bins 0..B-1 in order of first use, so assignment values are dense
  const map = new Map<number, number>();
  return sol.assignment.map((b) => {
    if (b < 0) return -1;
    if (!map.has(b)) map.set(b, map.size);
    return map.get(b)!;
  });
}

interface Row {
  cls: string;
  d: number;
  bins: number;
  ffd: number;
  dp: number;
  ref: InstanceRef | undefined;
  lb: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const benchDir = sharedBenchDir();
  const refs = readRefs(path.join(benchDir, 'results'));
  const inputs = args.paths.length > 0 ? args.paths : ['Panigrahy_instances.tar.gz', 'Triplet_instances.tar.gz'].map((f) => path.join(benchDir, f));
  const temps: string[] = [];
  const rows: Row[] = [];
  try {
    const files = inputs.flatMap((p) => collectFiles(p, temps))
      .filter((f) => !args.filter || args.filter.test(instanceName(f).name))
      .sort((a, b) => compareKeys(sortKey(a), sortKey(b)));
    await loadHighs(); // compile the wasm once, outside the per-instance timings
    for (const file of files) {
      const { name, cls, d } = instanceName(file);
      const inst = parseVbp(fs.readFileSync(file, 'utf8'), file);
      const t0 = process.hrtime.bigint();
      const lb = lowerBound(inst).value;
      let sol = solvePortfolio(inst, { seed: 1 });
      let best = lb;
      if (sol.cost > lb && inst.items.length <= args.colgenMaxN) {
        const spent = Number(process.hrtime.bigint() - t0) / 1e6;
        const left = args.timeLimitMs - spent;
        if (left > 200) {
          const cg = await columnGenerationBound(inst, { initial: sol.bins, upperBound: sol.cost, timeLimitMs: left * 0.3 });
          if (cg) best = Math.max(best, cg.value);
          const left2 = args.timeLimitMs - Number(process.hrtime.bigint() - t0) / 1e6;
          if (cg && sol.cost > best && left2 > 300) {
            const pb = await priceAndBranch(inst, cg.patterns, { upperBound: sol.cost, nodeLimit: 100_000, timeLimitSeconds: (left2 * 0.3) / 1000 });
            if (pb && pb.cost < sol.cost) sol = pb;
          }
        }
      }
      if (sol.cost > best && inst.items.length <= args.exactMaxN) {
        const spent = Number(process.hrtime.bigint() - t0) / 1e6;
        const left = args.timeLimitMs - spent;
        // HiGHS overshoots its time limit by model building and presolve: keep a margin so the instance stays in budget
        if (left > 400) {
          const ex = await solveExact(inst, { incumbent: sol, nodeLimit: 1_000_000, timeLimitSeconds: ((left - 300) * 0.7) / 1000 });
          if (ex.solution && ex.solution.cost < sol.cost) sol = ex.solution;
          best = Math.max(best, ex.bound);
        }
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const assignment = compact(sol);
      const bins = checkAssignment(inst, assignment);
      const ref = refs.get(name);
      if (ref?.opt && best > ref.opt) process.stderr.write(`bench:vbp: BUG: lower bound ${best} above the proven optimum ${ref.opt} on ${name}\n`);
      process.stdout.write(
        JSON.stringify({ instance: name, n: inst.items.length, d: inst.dims.length, bins, lowerBound: best, optimal: ref?.opt ?? null, ms: Math.round(ms * 10) / 10, assignment }) + '\n',
      );
      rows.push({ cls, d, bins, ffd: binsUsed(ffd(inst)), dp: binsUsed(dotProduct(inst)), ref, lb: best });
    }
  } finally {
    for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
  }
  process.stdout.write('\n' + classTable(rows) + '\n');
  process.stdout.write(`(timings taken at ${loadNote()})\n`);
}

export function classTable(rows: Row[]): string {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(`${r.cls}|${r.d}`, [...(groups.get(`${r.cls}|${r.d}`) ?? []), r]);
  const lines = [
    'mean bins / OPT (where OPT is unproven: / the published LB), per class',
    '| class | d | #inst | #OPT | us | FFD | dot-product | best of all (published) | us = best of all |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length);
  let total = 0;
  const groupKey = (k: string): (string | number)[] => { const [c, d] = k.split('|'); return [c, Number(d)]; };
  for (const [key, rs] of [...groups].sort((a, b) => compareKeys(groupKey(a[0]), groupKey(b[0])))) {
    const [cls, d] = key.split('|');
    const ref = (r: Row) => r.ref?.opt ?? r.ref?.lb ?? r.lb;
    const withBest = rs.filter((r) => r.ref?.bestOverall !== null && r.ref?.bestOverall !== undefined);
    const f = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(3));
    total += rs.length;
    lines.push(
      `| ${cls} | ${d} | ${rs.length} | ${rs.filter((r) => r.ref?.opt).length} | ${f(mean(rs.map((r) => r.bins / ref(r))))} | ${f(mean(rs.map((r) => r.ffd / ref(r))))} | ${f(mean(rs.map((r) => r.dp / ref(r))))} | ${f(mean(withBest.map((r) => r.ref!.bestOverall! / ref(r))))} | ${withBest.filter((r) => r.bins <= r.ref!.bestOverall!).length}/${withBest.length} |`,
    );
  }
  lines.push(`${total} instance(s)`);
  return lines.join('\n');
}

if (require.main === module) {
  main().catch((e: Error) => {
    process.stderr.write(`bench:vbp: ${e.message}\n`);
    process.exitCode = 1;
  });
}
