import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import { checkOutDirFlag, claimOutDir, finishOutDir, MANIFEST, removeOwnLeftovers } from '../../src/assess/out-dir';
import { UserError } from '../../src/diagnostics';

const mk = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-outdir-'));

describe("the out-dir is dcplan's only where dcplan wrote it", () => {
  it('removes only what the previous run wrote and this one did not; the user’s files stay, named when they look like ours', () => {
    const dir = mk();
    for (const f of ['plan.json', 'report.pdf', 'plan-gone.json', 'notes.txt', 'plan-mine.json']) fs.writeFileSync(path.join(dir, f), 'x');
    fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify({ tool: 'dcplan', files: ['plan.json', 'report.pdf', 'plan-gone.json', '../outside.txt'] }));
    const claim = claimOutDir(dir, dir);
    expect([...claim.previous].sort()).toEqual(['plan-gone.json', 'plan.json', 'report.pdf']); // no path outside the folder
    const problems = finishOutDir(dir, claim, ['plan.json', 'report.pdf']);
    claim.release();
    expect(fs.readdirSync(dir).sort()).toEqual([MANIFEST, 'notes.txt', 'plan-mine.json', 'plan.json', 'report.pdf']);
    expect(problems.map((p) => p.code)).toEqual(['out-dir-foreign-files']);
    expect(problems[0].message).toMatch(/plan-mine\.json/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')).files).toEqual(['plan.json', 'report.pdf']);
  });

  it('removes the temp files of its own output names only', () => {
    const dir = mk();
    for (const f of ['.plan.json.123.tmp', '.report.pdf.9.tmp', '.mydata.csv.42.tmp']) fs.writeFileSync(path.join(dir, f), 'x');
    const claim = claimOutDir(dir, dir);
    removeOwnLeftovers(dir, claim);
    claim.release();
    expect(fs.readdirSync(dir)).toEqual(['.mydata.csv.42.tmp']);
  });

  it('a second run into the folder fails with a clear message; a dead run’s lock is taken over', async () => {
    const dir = mk();
    const first = claimOutDir(dir, 'reports/x');
    // the lock names this process, which is alive: a claim from "another" process is simulated by rewriting the pid
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    fs.writeFileSync(path.join(dir, '.dcplan.lock'), JSON.stringify({ pid: child.pid, started: '2026-12-02T10:00:00Z' }));
    try {
      expect(() => claimOutDir(dir, 'reports/x')).toThrow(UserError);
      expect(() => claimOutDir(dir, 'reports/x')).toThrow(/Another dcplan run \(process \d+, started 2026-12-02T10:00:00Z\) is writing to reports\/x/);
    } finally {
      child.kill();
      await new Promise((r) => child.on('exit', r));
    }
    // the holder is gone now: its lock is stale and is taken over
    const again = claimOutDir(dir, 'reports/x');
    again.release();
    first.release();
    expect(fs.existsSync(path.join(dir, '.dcplan.lock'))).toBe(false);
  });

  it('refuses the current folder as out-dir', () => {
    expect(() => checkOutDirFlag('.')).toThrow(/is the current folder/);
    expect(() => checkOutDirFlag('')).toThrow(/is the current folder/);
    expect(() => checkOutDirFlag(process.cwd())).toThrow(UserError);
    expect(() => checkOutDirFlag('reports/demo')).not.toThrow();
    expect(() => checkOutDirFlag(undefined)).not.toThrow();
  });
});
