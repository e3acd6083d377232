import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { host, inventory, plan as planOf, workload } from './fixture';

const CONFIG = `
policy: { headroom: 0.2, haSpareHosts: 1 }
hostModels:
  - { id: m4, sockets: 1, coresPerSocket: 4, cpuGhz: 2.5, memoryGib: 64, cost: 1000 }
constraints:
  antiAffinity: [ { name: domain-controllers, workloads: [dc01, dc02] } ]
`;
// the config's m4 costs 1000: the plans' summaries state that (verify recomputes them)
const plan = (hosts: Parameters<typeof planOf>[0], unplaced: Parameters<typeof planOf>[1] = []) => planOf(hosts, unplaced, 1000);

describe('dcplan verify (CLI)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-verify-'));
  const write = (name: string, data: unknown) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
    return f;
  };
  const inv = write('inventory.json', inventory([workload('big1', 4, 8192, 50, 50), workload('dc01', 1, 4096, 20, 50), workload('dc02', 1, 4096, 20, 50)]));
  const cfg = write('assessment.yaml', CONFIG);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exit 0 with a one-line summary for a feasible plan', () => {
    const good = write('good.json', plan([host('m4-01', 'm4', 'general', ['big1', 'dc01']), host('m4-02', 'm4', 'general', ['dc02']), host('m4-03', 'm4', 'general', [])]));
    const r = runCli(['verify', good, '--inventory', inv, '--config', cfg]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^plan verified: 3 hosts, 3 workloads, \d+ checks\n$/);
  });

  it('exit 1 listing each violation; --json carries them', () => {
    const bad = write('bad.json', plan([host('m4-01', 'm4', 'general', ['big1', 'dc01', 'dc02'])]));
    const r = runCli(['verify', bad, '--inventory', inv, '--config', cfg]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('plan FAILED verification: 2 violation(s)');
    expect(r.stdout).toContain('✗ [anti-affinity] anti-affinity "domain-controllers": dc01 and dc02 share host m4-01');
    expect(r.stdout).toContain('✗ [ha-reserve] cluster general has 1 host(s); it cannot hold its workloads after 1 host failure(s)');
    const j = runCli(['verify', bad, '--inventory', inv, '--config', cfg, '--json']);
    expect(j.status).toBe(1);
    const out = JSON.parse(j.stdout);
    expect(out.status).toBe('violations');
    expect(out.violations.map((v: { code: string }) => v.code)).toEqual(['anti-affinity', 'ha-reserve']);
  });

  it('exit 2 on unreadable input, naming the file', () => {
    const notJson = write('broken.json', '{ "schema": ');
    const r = runCli(['verify', notJson, '--inventory', inv]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('broken.json is not valid JSON');
    const notPlan = write('inv-as-plan.json', fs.readFileSync(inv, 'utf8'));
    const r2 = runCli(['verify', notPlan, '--inventory', inv]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain('is a "dcplan.inventory/v1" document; this dcplan reads "dcplan.plan/v1"');
  });
});
