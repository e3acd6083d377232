/**
 * `collect.series` in the assessment config carries the time-series options of `dcplan collect` into `dcplan assess`:
 * a week of hourly data rates 5/5 on a one-week window and 2/5 on the default one-month window.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../helpers/cli';

function writeEstate(dir: string): void {
  const names = ['day-a', 'day-b', 'night-a', 'night-b'];
  fs.writeFileSync(path.join(dir, 'servers.csv'), 'name,vcpus,memory_gib,cpu_ghz,os\n' + names.map((n) => `${n},8,32,2.0,Ubuntu 22.04`).join('\n') + '\n');
  const rows = ['timestamp,server,metric,value,unit'];
  for (let h = 0; h < 7 * 24; h++) {
    const ts = new Date(Date.UTC(2024, 0, 1) + h * 3_600_000).toISOString();
    for (const n of names) {
      const busy = n.startsWith('day') ? h % 24 >= 8 && h % 24 < 20 : h % 24 < 8 || h % 24 >= 20;
      rows.push(`${ts},${n},cpu,${busy ? 80 : 5},%`);
    }
  }
  fs.writeFileSync(path.join(dir, 'perf.csv'), rows.join('\n') + '\n');
}

const BASE = 'policy: { timeSeries: hourly, headroom: 0, growth: 0, haSpareHosts: 1 }\n' +
  'hostModels:\n  - { id: small-10c, sockets: 1, coresPerSocket: 10, cpuGhz: 2, memoryGib: 256, cost: 10000 }\n';

function confidences(dir: string, config: string): number[] {
  fs.writeFileSync(path.join(dir, 'a.yaml'), config);
  const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const r = runCli(['assess', 'servers.csv', 'perf.csv', '--config', 'a.yaml', '--out-dir', out, '--format', 'json'], { cwd: dir });
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.status).toBe(0);
  const inv = JSON.parse(fs.readFileSync(path.join(out, 'inventory.json'), 'utf8'));
  return inv.workloads.map((w: { utilization: { confidence: number } }) => w.utilization.confidence);
}

test('collect.series.window reaches the collectors through dcplan assess', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-assess-series-'));
  writeEstate(dir);
  expect(confidences(dir, BASE + 'collect: { series: { window: week, granularity: hourly } }\n')).toEqual([5, 5, 5, 5]);
  expect(confidences(dir, BASE)).toEqual([2, 2, 2, 2]);
});

test('a bad collect.series value is a config error naming the key', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-assess-series-bad-'));
  writeEstate(dir);
  fs.writeFileSync(path.join(dir, 'a.yaml'), BASE + 'collect: { series: { window: year } }\n');
  const r = runCli(['assess', 'servers.csv', 'perf.csv', '--config', 'a.yaml', '--out-dir', path.join(dir, 'out')], { cwd: dir });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('collect.series.window');
  expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
});
