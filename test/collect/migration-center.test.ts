/** Google Migration Center exports: vmInfo.csv is the inventory, perfInfo.csv the utilisation (issue 11.5). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../helpers/cli';

const mc = path.join(__dirname, '..', 'fixtures', 'series', 'mc');

function collect(...inputs: string[]) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-mc-')), 'inv.json');
  const r = runCli(['collect', ...inputs, '--window', 'all', '--out', out]);
  expect(r.status).toBe(0);
  return { r, inv: JSON.parse(fs.readFileSync(out, 'utf8')) };
}

const summary = (inv: { workloads: { name: string; vcpus: number; memoryMib: number; provisionedGib?: number; os: { family: string }; utilization: { cpu?: { p95?: number } } }[] }) =>
  inv.workloads.map((w) => `${w.name} ${w.vcpus} vCPU ${w.memoryMib} MiB ${w.provisionedGib} GiB ${w.os.family} cpu P95 ${w.utilization.cpu?.p95}`);

test('the folder alone gives the machines of vmInfo.csv with perfInfo.csv utilisation merged by name', () => {
  const { inv, r } = collect(mc);
  expect(summary(inv)).toEqual(['app01 4 vCPU 16384 MiB 100 GiB linux cpu P95 29', 'db01 8 vCPU 65536 MiB 500 GiB windows cpu P95 80']);
  // m-003 has samples but no vmInfo row: said, not dropped silently
  expect(r.stderr).toMatch(/m-003/);
});

test('vmInfo.csv given as a file is an inventory of its own', () => {
  const { inv, r } = collect(path.join(mc, 'vmInfo.csv'));
  expect(r.stdout).toContain('[migration-center-vminfo]');
  expect(inv.workloads.map((w: { name: string }) => w.name)).toEqual(['app01', 'db01']);
  expect(inv.workloads[0].labels.machineId).toBe('m-001');
});
