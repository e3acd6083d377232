import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, repoRoot } from '../helpers/cli';
import { inventory, vm } from './estate';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'plan', 'assessment.yaml');

describe('dcplan plan', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-plan-'));
  const invFile = path.join(dir, 'inventory.json');
  const small = (name: string, extra = {}) => vm({ name, vcpus: 2, cpuMhz: 2500, cpuP95: 10, memGib: 4, memP95: 50, ...extra });
  fs.writeFileSync(
    invFile,
    JSON.stringify(inventory([small('dc01'), small('dc02'), small('web01'), vm({ name: 'monster', vcpus: 64, cpuMhz: 2500, cpuP95: 100 })])),
  );

  test('--json prints the plan and writes it to --out', () => {
    const out = path.join(dir, 'plan.json');
    const r = runCli(['plan', invFile, '--config', fixture, '--out', out, '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.status).toBe('ok');
    expect(json.out).toBe(out);
    expect(json.summary).toMatchObject({ hosts: 3, reserveHosts: 1, placed: 3, unplaced: 1, lowerBound: 3 });
    expect(json.unplaced[0]).toMatchObject({ name: 'monster', code: 'exceeds-host-capacity' });
    const written = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(written.hosts).toEqual(json.hosts);
    expect(written.schema).toBe('dcplan.plan/v1');
    expect(r.stderr).toContain('Plan: 3 host(s) (2 active + 1 reserve) for 3 workload(s), 1 unplaced');
  });

  test('the text summary names models, clusters, the bound and the unplaced reason', () => {
    const r = runCli(['plan', invFile, '--config', fixture, '--out', path.join(dir, 'p2.json')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('hosts by model: small × 3');
    expect(r.stdout).toContain('general          small × 2, reserve 1 × small; 3 workload(s)');
    expect(r.stdout).toContain('monster: [exceeds-host-capacity] needs 200,000 MHz CPU');
    expect(r.stdout).toContain(`Wrote ${path.join(dir, 'p2.json')}`);
  });

  test('a config with an unknown key stops with exit 2, naming file, line and path', () => {
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'policy:\n  headrom: 0.3\n');
    const r = runCli(['plan', invFile, '--config', bad, '--out', path.join(dir, 'x.json'), '--json']);
    expect(r.status).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.problems[0]).toMatchObject({ code: 'config-unknown-key', file: bad, row: 2, path: ['policy', 'headrom'] });
    expect(fs.existsSync(path.join(dir, 'x.json'))).toBe(false);
  });

  test('raw input files are collected first (the demo estate RVTools CSV export)', () => {
    const out = path.join(dir, 'demo.json');
    const r = runCli(['plan', path.join(repoRoot, 'datasets', 'demo-rvtools'), '--config', path.join(repoRoot, 'datasets', 'assessment.yaml'), '--out', out, '--json']);
    expect(r.status).toBe(0);
    const plan = JSON.parse(fs.readFileSync(out, 'utf8'));
    const hostOf = (n: string) => plan.hosts.find((h: { workloads: string[] }) => h.workloads.includes(n));
    expect(hostOf('dc01').id).not.toBe(hostOf('dc02').id);
    expect(plan.summary.placed + plan.summary.unplaced).toBe(plan.hosts.reduce((s: number, h: { workloads: string[] }) => s + h.workloads.length, 0) + plan.unplaced.length);
  });
});
