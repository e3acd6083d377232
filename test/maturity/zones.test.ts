import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../helpers/cli';

/** constraints.zones (issue 14.6): a zone is a pool of its own; the planner keeps it apart and verify checks it. */
const FIXTURE = path.join('test', 'fixtures', 'rvtools', 'maturity');
let dir: string;
let cfg: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-zones-'));
  cfg = path.join(dir, 'zones.yaml');
  fs.writeFileSync(cfg, 'constraints:\n  zones:\n    - name: dmz\n      match: { network: "DMZ*" }\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface PlanDoc { hosts: { id: string; pool?: string; workloads: string[]; workloadIds: string[] }[] }

test('the DMZ VM (port group DMZ-Web) gets hosts of its own, which verify accepts; a forged plan mixing zones is refused', () => {
  const out = path.join(dir, 'out');
  expect(runCli(['assess', FIXTURE, '--config', cfg, '--out-dir', out, '--date', '2026-12-02', '--format', 'json']).status).toBe(0);
  const planFile = path.join(out, 'plan.json');
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as PlanDoc;
  const poolOf = Object.fromEntries(plan.hosts.flatMap((h) => h.workloads.map((w) => [w, h.pool])));
  expect(poolOf).toEqual({ web01: 'zone-dmz', app01: 'general', db01: 'general', dev01: 'general' });
  for (const h of plan.hosts) if (h.workloads.includes('web01')) expect(h.workloads).toEqual(['web01']);
  const inv = path.join(out, 'inventory.json');
  expect(runCli(['verify', planFile, '-i', inv, '-c', cfg]).status).toBe(0);

  const dmzHost = plan.hosts.find((h) => h.workloads.includes('web01'))!;
  const internal = plan.hosts.find((h) => h.workloads.includes('app01'))!;
  internal.workloads.push(...dmzHost.workloads.splice(0));
  internal.workloadIds.push(...dmzHost.workloadIds.splice(0));
  const forged = path.join(dir, 'forged.json');
  fs.writeFileSync(forged, JSON.stringify(plan));
  const r = runCli(['verify', forged, '-i', inv, '-c', cfg]);
  expect(r.status).not.toBe(0);
  expect(r.stdout + r.stderr).toContain('workload web01 belongs to pool "zone-dmz" but is on host');
});
