/**
 * The whole chain as a user runs it: an inventory CSV and a perf series CSV → `dcplan collect` (series merged into the
 * workloads by name) → `dcplan plan` with `policy.timeSeries: hourly` → `dcplan verify` checking every slot.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../helpers/cli';

const T0 = Date.UTC(2024, 0, 1);

function writeEstate(dir: string): void {
  fs.writeFileSync(
    path.join(dir, 'servers.csv'),
    'name,vcpus,memory_gib,cpu_ghz,os\n' +
      ['day-a', 'day-b', 'night-a', 'night-b'].map((n) => `${n},8,32,2.0,Ubuntu 22.04`).join('\n') +
      '\n',
  );
  const rows = ['timestamp,server,metric,value,unit'];
  for (let h = 0; h < 7 * 24; h++) {
    const ts = new Date(T0 + h * 3_600_000).toISOString();
    const hour = h % 24;
    for (const n of ['day-a', 'day-b', 'night-a', 'night-b']) {
      const busy = n.startsWith('day') ? hour >= 8 && hour < 20 : hour < 8 || hour >= 20;
      rows.push(`${ts},${n},cpu,${busy ? 80 : 5},%`);
      rows.push(`${ts},${n},memory,50,%`);
    }
  }
  fs.writeFileSync(path.join(dir, 'perf.csv'), rows.join('\n') + '\n');
  fs.writeFileSync(
    path.join(dir, 'assessment.yaml'),
    'policy: { timeSeries: hourly, headroom: 0, growth: 0, haSpareHosts: 1 }\n' +
      'hostModels:\n  - { id: small-10c, sockets: 1, coresPerSocket: 10, cpuGhz: 2, memoryGib: 256, cost: 10000 }\n',
  );
}

test('collect → plan (hourly shapes) → verify: day and night servers share hosts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-series-cli-'));
  writeEstate(dir);
  const c = runCli(['collect', 'servers.csv', 'perf.csv', '--window', 'week', '--granularity', 'hourly', '--out', 'inventory.json'], { cwd: dir });
  expect(c.stderr).not.toMatch(/internal error|utilization-unmatched/);
  expect(c.status).toBe(0);
  const inv = JSON.parse(fs.readFileSync(path.join(dir, 'inventory.json'), 'utf8'));
  const day = inv.workloads.find((w: { name: string }) => w.name === 'day-a');
  expect(day.utilization.cpu.basis).toBe('series');
  expect(day.utilization.cpu.samples).toBe(168);
  expect(day.utilization.cpu.p95).toBe(80);
  expect(day.utilization.cpu.shape.values.slice(6, 10)).toEqual([5, 5, 80, 80]);
  expect(day.utilization.confidence).toBe(5);
  expect(inv.coverage.withSeries).toBe(4);

  const p = runCli(['plan', 'inventory.json', '--config', 'assessment.yaml', '--out', 'plan.json'], { cwd: dir });
  expect(p.stderr).not.toMatch(/internal error/);
  expect(p.status).toBe(0);
  const plan = JSON.parse(fs.readFileSync(path.join(dir, 'plan.json'), 'utf8'));
  // 2 active + 1 reserve against 4 + 1 when each server's peak (12,800 of 16,000 MHz) is added up
  expect(plan.diversity).toEqual({ basis: 'hourly', peakSumHosts: 5, seriesHosts: 3, hostsSaved: 2, flatPercentileHosts: 5 });
  expect(plan.hosts.filter((h: { reserve: boolean }) => !h.reserve).map((h: { slotPeak: { cpuMhz: number } }) => h.slotPeak.cpuMhz)).toEqual([13600, 13600]);

  const v = runCli(['verify', 'plan.json', '--inventory', 'inventory.json', '--config', 'assessment.yaml'], { cwd: dir });
  expect(v.stdout + v.stderr).toMatch(/plan verified: 3 hosts, 4 workloads/);
  expect(v.status).toBe(0);
});

test('bad series input: exit 2 naming the file, row and what was expected; no stack trace', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-series-bad-'));
  const header =
    'Timestamp [ms];\tCPU cores;\tCPU capacity provisioned [MHZ];\tCPU usage [MHZ];\tCPU usage [%];\tMemory capacity provisioned [KB];' +
    '\tMemory usage [KB];\tDisk read throughput [KB/s];\tDisk write throughput [KB/s];\tNetwork received throughput [KB/s];\tNetwork transmitted throughput [KB/s]';
  fs.writeFileSync(path.join(dir, '7.csv'), `${header}\nabc;\t2\n`);
  const r = runCli(['collect', '7.csv', '--out', 'inv.json'], { cwd: dir });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('no-valid-rows at 7.csv');
  expect(r.stderr).toContain('e.g. row 2: expected 11 fields separated by ";\\t", found 2; row skipped');
  expect(r.stderr).not.toMatch(/\n\s+at /);

  fs.writeFileSync(path.join(dir, 'perf.csv'), 'timestamp,server,metric,value\n2024-01-01T00:00:00Z,a,cpu,5\n');
  const o = runCli(['collect', 'perf.csv', '--resample', '7', '--out', 'inv.json'], { cwd: dir });
  expect(o.status).toBe(2);
  expect(o.stderr).toContain('resample interval 7 s must divide one hour evenly');
});
