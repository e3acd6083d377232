import { readPlan } from '../../src/plan/io';
import { readScorecard } from '../../src/readiness/io';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AssessResult } from '../../src/assess/types';
import { CliResult, runCli } from '../helpers/cli';

/** `dcplan assess` as a user runs it: no files → the demo estate, every report format, `--json` summary. */
describe('dcplan assess (CLI, demo estate)', () => {
  let dir: string;
  let out: string;
  let run: CliResult;
  let result: AssessResult;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-assess-cli-'));
    out = path.join(dir, 'out');
    run = runCli(['assess', '--out-dir', out, '--date', '2026-05-22', '--json'], { cwd: dir });
    result = JSON.parse(run.stdout) as AssessResult;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0, says it runs on the demo estate, and prints one progress line per stage with the elapsed time', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/no input files given: running on the demo estate in .*datasets/);
    for (const stage of ['collect', 'plan', 'score', 'report'])
      expect(run.stderr).toMatch(new RegExp(`^\\[\\s*\\d+\\.\\ds\\] ${stage}\\s`, 'm'));
    expect(result.status).toBe('ok');
    expect(result.demo).toBe(true);
  });

  it('writes every checkpoint and a report in every format into the out-dir, and lists exactly those files', () => {
    const onDisk = fs.readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(out, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
      .sort();
    expect(onDisk).toEqual(result.files);
    for (const f of ['inventory.json', 'plan.json', 'scorecard.json', 'plan-baseline.json', 'plan-dense-hosts.json',
      'plan-allocated-4to1.json', 'plan-allocated-6to1.json'])
      expect(onDisk).toContain(f);
    for (const ext of ['.pdf', '.html', '.xlsx', '.csv', '.json'])
      expect({ ext, found: result.reports.some((f) => f.endsWith(ext)) }).toEqual({ ext, found: true });
    expect(onDisk.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the --json summary agrees with plan.json and scorecard.json', () => {
    const plan = readPlan(path.join(out, 'plan.json'));
    const scorecard = readScorecard(path.join(out, 'scorecard.json'));
    const s = plan.summary;
    expect(result.headline).toMatchObject({
      hostsBefore: s.hostsBefore, hostsAfter: s.hosts, reserveHosts: s.reserveHosts, lowerBound: s.lowerBound, gap: s.gap,
      placed: s.placed, unplaced: s.unplaced, consolidationRatio: s.consolidationRatio, hardwareCost: s.hardwareCost,
      licenceCost: s.licenceCost, powerKwAfter: s.powerKwAfter, rackUnitsAfter: s.rackUnitsAfter, currency: s.currency,
    });
    expect(result.recommendation.platform).toBe(scorecard.recommendation.platform);
    expect(result.findings).toEqual(scorecard.findingCounts);
    expect(result.scenarios).toHaveLength(4);
  });

  it('with --date the checkpoints are byte-identical across runs, whether scenarios are planned on threads or one by one', () => {
    const again = path.join(dir, 'again');
    const r = runCli(['assess', '--out-dir', again, '--date', '2026-05-22', '--format', 'json'], {
      cwd: dir, env: { DCPLAN_PLAN_THREADS: '1' },
    });
    expect(r.status).toBe(0);
    for (const f of ['inventory.json', 'scorecard.json', ...result.checkpoints.scenarioPlans])
      expect({ f, same: fs.readFileSync(path.join(again, f)).equals(fs.readFileSync(path.join(out, f))) }).toEqual({ f, same: true });
  });

  it('takes input files between repeated --config flags, one scenario per config file plus its own scenario list', () => {
    const base = path.join(dir, 'base.yaml');
    const dense = path.join(dir, 'dense.yaml');
    fs.writeFileSync(base, 'policy: { headroom: 0.3 }\nscenarios:\n  - { name: no-growth, policy: { growth: 0 } }\n');
    fs.writeFileSync(dense, 'hostModels:\n  - { id: big, sockets: 2, coresPerSocket: 48, cpuGhz: 2.4, memoryGib: 1536, cost: 40000 }\n');
    const generic = path.join(path.resolve(__dirname, '..', '..'), 'datasets', 'demo-generic.csv');
    const r = runCli(['assess', '--config', base, generic, '--config', dense, '--format', 'json', '--out-dir', path.join(dir, 'multi'), '--json'], { cwd: dir });
    expect(r.status).toBe(0);
    const res = JSON.parse(r.stdout) as AssessResult;
    expect([res.demo, res.inputs, res.configs]).toEqual([false, [generic], [base, dense]]);
    expect(res.scenarios.map((s) => [s.name, s.planFile])).toEqual([
      ['base', 'plan-base.json'], ['base-no-growth', 'plan-base-no-growth.json'], ['dense', 'plan-dense.json'],
    ]);
    const densePlan = readPlan(path.join(dir, 'multi', 'plan-dense.json'));
    expect(Object.keys(densePlan.summary.hostsByModel)).toEqual(['big']);
    expect(res.inventory.workloads).toBe(36);
  });

  it('a bad config stops with exit 2 naming the file and the key, without a stack trace', () => {
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'policy:\n  headrom: 0.3\n');
    const r = runCli(['assess', '--config', bad, '--out-dir', path.join(dir, 'bad-out')], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toContain('headrom');
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(fs.existsSync(path.join(dir, 'bad-out'))).toBe(false);
  });

  it('an unknown report format or a missing input file is a user error (exit 2)', () => {
    const f = runCli(['assess', '--format', 'pdf,docx', '--out-dir', path.join(dir, 'x')], { cwd: dir });
    expect(f.status).toBe(2);
    expect(f.stderr).toContain('"docx"');
    const m = runCli(['assess', 'no-such-export.xlsx', '--out-dir', path.join(dir, 'y')], { cwd: dir });
    expect(m.status).toBe(2);
    expect(m.stderr).toContain('no-such-export.xlsx');
    // a file that is not an inventory: exit 2 naming it, and no output folder left behind
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'meeting notes, not an inventory\n');
    const n = runCli(['assess', notes, '--out-dir', path.join(dir, 'z')], { cwd: dir });
    expect(n.status).toBe(2);
    expect(n.stderr).toContain('notes.txt');
    expect(fs.existsSync(path.join(dir, 'z'))).toBe(false);
    // an --out-dir that is a file
    const o = runCli(['assess', '--out-dir', notes, '--format', 'json'], { cwd: dir });
    expect(o.status).toBe(2);
    expect(o.stderr).toContain('is not a folder');
  });
});
