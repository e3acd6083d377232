import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rerenderReports } from '../../src/assess/rerender';
import { UserError } from '../../src/diagnostics';
import { runCli } from '../helpers/cli';
import { fixtureInput } from '../fixtures/report/fixture';

/** An out-dir as assess leaves it: the fixture's three checkpoints. */
function outDir(edit?: (x: ReturnType<typeof fixtureInput>) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-rerender-'));
  const x = fixtureInput();
  x.scorecard.estate = { workloads: x.inventory.workloads.length, hosts: x.inventory.hosts.length, clusters: x.inventory.clusters.length };
  edit?.(x);
  const write = (f: string, v: unknown) => fs.writeFileSync(path.join(dir, f), JSON.stringify(v, null, 2));
  write('inventory.json', x.inventory);
  write('plan.json', x.plan);
  write('scorecard.json', x.scorecard);
  return dir;
}

const dirs: string[] = [];
const made = (d: string) => (dirs.push(d), d);
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function problemsOf(run: () => Promise<unknown>): Promise<{ file?: string; path?: (string | number)[]; message: string }[]> {
  return run().then(
    () => {
      throw new Error('expected a user error');
    },
    (e: unknown) => {
      if (!(e instanceof UserError)) throw e;
      return e.problems;
    },
  );
}

describe('dcplan report: re-render from the checkpoints (issue 19.6)', () => {
  it('writes every format from the checkpoints, showing a hand edit, dated by the scorecard', async () => {
    const dir = made(outDir((x) => (x.plan.summary.hostsBefore = 7)));
    const r = await rerenderReports({ dir, formats: ['pdf', 'html', 'xlsx', 'csv', 'json'] });
    expect(r.reports).toEqual(expect.arrayContaining(['report.pdf', 'report.html', 'report.xlsx', 'report.json', 'report-placement.csv', 'report-waves.csv']));
    for (const f of r.reports) expect(fs.statSync(path.join(dir, f)).size).toBeGreaterThan(0);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as { headline: { key: string; value: string }[] };
    expect(json.headline.find((h) => h.key === 'hosts')!.value).toBe('7 → 3');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'dcplan-manifest.json'), 'utf8')).files).toEqual(expect.arrayContaining(['inventory.json', 'report.pdf']));
  });

  it('a plan placing a workload the inventory does not have: exit 2 naming plan.json and the field', async () => {
    const dir = made(outDir((x) => (x.plan.hosts[1].workloadIds[2] = 'vc1/ghost')));
    const p = await problemsOf(() => rerenderReports({ dir, formats: ['json'] }));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ file: 'plan.json', path: ['hosts', 1, 'workloadIds', 2] });
    expect(p[0].message).toContain('"vc1/ghost" (host std-2x16-002) is not a workload of inventory.json');
    expect(fs.existsSync(path.join(dir, 'report.json'))).toBe(false);
  });

  it('a renamed workload and a scorecard of another inventory are named too', async () => {
    const dir = made(outDir((x) => {
      x.plan.hosts[0].workloads[1] = 'app-99';
      x.scorecard.estate!.workloads = 500;
    }));
    const p = await problemsOf(() => rerenderReports({ dir, formats: ['json'] }));
    expect(p.map((x) => [x.file, (x.path ?? []).join('.')])).toEqual([
      ['plan.json', 'hosts.0.workloads.1'],
      ['scorecard.json', 'estate.workloads'],
    ]);
  });

  it('as a user runs it: exit 2 with the file and field, no stack trace; --json on success', () => {
    const bad = made(outDir((x) => (x.scorecard.findings[0].workloadId = 'vc1/nope')));
    const r = runCli(['report', bad, '--format', 'csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scorecard.json: findings[0].workloadId "vc1/nope" is not a workload of inventory.json');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const ok = made(outDir());
    const j = runCli(['report', ok, '--format', 'csv', '--json']);
    expect(j.status).toBe(0);
    expect(JSON.parse(j.stdout)).toMatchObject({ status: 'ok', checkpoints: { plan: 'plan.json' }, scenarios: [] });
  });
});
