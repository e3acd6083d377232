import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_POLICY, Policy } from '../../src/config/defaults';
import { fitQuery } from '../../src/plan/fit';
import { Plan } from '../../src/plan/types';
import { runCli } from '../helpers/cli';
import { host, plan } from '../verify/fixture';

/** A model of 10 cores at 2 GHz (20,000 MHz) and 100 GiB; capacities below are what the plan states (target utilisation applied). */
function twoClusterPlan(): Plan {
  const p = plan([
    host('a1', 'm', 'A', ['x'], { reserve: false, capacity: { cpuMhz: 16_000, memoryMib: 81_920 }, load: { cpuMhz: 4_000, memoryMib: 20_480 } }),
    host('a2', 'm', 'A', ['y', 'z'], { reserve: false, capacity: { cpuMhz: 16_000, memoryMib: 81_920 }, load: { cpuMhz: 15_000, memoryMib: 10_240 } }),
    host('a3', 'm', 'A', [], { reserve: true, capacity: { cpuMhz: 16_000, memoryMib: 81_920 }, load: {} }),
    host('b1', 'm', 'B', ['w'], { reserve: false, capacity: { cpuMhz: 16_000, memoryMib: 81_920 }, load: { cpuMhz: 0, memoryMib: 0 } }),
  ]);
  p.dimensions = ['cpuMhz', 'memoryMib'];
  p.hostModels = [{ id: 'm', sockets: 1, coresPerSocket: 10, cpuGhz: 2, memoryGib: 100 }] as Plan['hostModels'];
  return p;
}

// allocated sizing, no headroom or growth: 4 vCPU at 2 GHz / oversubscription 4 = 2,000 MHz; 16 GiB / overcommit 1
const policy: Policy = { ...DEFAULT_POLICY, sizing: 'allocated', headroom: 0, growth: 0, cpuOversubscription: 4, memoryOvercommit: 1, haReservePct: 0 };
const vm = { vcpus: 4, memoryGib: 16, count: 1 };

describe('dcplan fit: room for new VMs in a plan', () => {
  it("sizes the VM with the planner's sizing and counts each host's room by hand", () => {
    const r = fitQuery(twoClusterPlan(), policy, vm);
    expect(r.demandByModel.m).toEqual({ cpuMhz: 2_000, memoryMib: 16_384 });
    const by = Object.fromEntries(r.hosts.map((h) => [h.host, [h.fits, h.limitedBy]]));
    // a1: cpu 12,000 / 2,000 = 6, memory 61,440 / 16,384 = 3.75 -> 3 (memory)
    expect(by.a1).toEqual([3, 'memoryMib']);
    // a2: cpu 1,000 / 2,000 = 0 (cpu)
    expect(by.a2).toEqual([0, 'cpuMhz']);
    // a3 is an N+K spare: kept empty
    expect(by.a3).toEqual([0, 'spare-host']);
    // b1: cpu 8, memory 5 -> 5
    expect(by.b1).toEqual([5, 'memoryMib']);
    expect(r.clusters).toEqual([
      { cluster: 'A', fits: 3, limitedBy: 'memoryMib' },
      { cluster: 'B', fits: 5, limitedBy: 'memoryMib' },
    ]);
    expect(r.total).toBe(8);
  });

  it('places the VMs on the roomiest hosts first and says when they do not all fit', () => {
    const r = fitQuery(twoClusterPlan(), policy, { ...vm, count: 7 });
    expect(r.placed).toBe(7);
    // one at a time on the host with most room: b1 (5, 4), then a1 and b1 alternate from 3 each (ties by id)
    expect(r.placement).toEqual({ a1: 3, b1: 4 });
    const over = fitQuery(twoClusterPlan(), policy, { ...vm, count: 9 });
    expect(over.placed).toBe(8);
  });

  it('keeps a percentage HA reserve free across the cluster', () => {
    // cluster A at 25 %: cpu (48,000 × 0.75 − 19,000) / 2,000 = 8; memory (245,760 × 0.75 − 30,720) / 16,384 = 9.375 -> 9
    // hosts allow 3, so 3; at 50 %: cpu (24,000 − 19,000) / 2,000 = 2 -> the reserve limits
    expect(fitQuery(twoClusterPlan(), { ...policy, haReservePct: 25 }, vm).clusters[0]).toEqual({ cluster: 'A', fits: 3, limitedBy: 'memoryMib' });
    expect(fitQuery(twoClusterPlan(), { ...policy, haReservePct: 50 }, vm).clusters[0]).toEqual({ cluster: 'A', fits: 2, limitedBy: 'ha-reserve-pct' });
  });

  it('honours the per-host workload limit, an expected utilisation and a cluster filter', () => {
    const limited = fitQuery(twoClusterPlan(), { ...policy, maxWorkloadsPerHost: 2 }, vm);
    expect(limited.hosts.find((h) => h.host === 'a1')).toMatchObject({ fits: 1, limitedBy: 'workloads-per-host' });
    // performance sizing at 50 % CPU: 4 × 2,000 × 0.5 = 4,000 MHz
    const busy = fitQuery(twoClusterPlan(), { ...policy, sizing: 'performance' }, { ...vm, cpuPct: 50 });
    expect(busy.demandByModel.m.cpuMhz).toBe(4_000);
    expect(busy.sizedOn.cpu).toBe('peak');
    const onlyB = fitQuery(twoClusterPlan(), policy, { ...vm, count: 10, clusters: ['B'] });
    expect(onlyB.total).toBe(5);
    expect(onlyB.placement).toEqual({ b1: 5 });
  });
});

describe('dcplan fit CLI', () => {
  it('answers on a planned demo estate, exit 0 when all fit and 1 when not, with a typed --json result', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-fit-'));
    try {
      const planFile = path.join(dir, 'plan.json');
      expect(runCli(['plan', path.join(__dirname, '..', '..', 'datasets', 'demo-generic.csv'), '--out', planFile]).status).toBe(0);
      const one = runCli(['fit', '--plan', planFile, '--vcpus', '2', '--memory-gib', '4', '--json']);
      expect(one.status).toBe(0);
      const r = JSON.parse(one.stdout) as { status: string; placed: number; total: number; hosts: unknown[] };
      expect(r.status).toBe('fits');
      expect(r.placed).toBe(1);
      expect(r.total).toBeGreaterThan(0);
      const many = runCli(['fit', '--plan', planFile, '--vcpus', '2', '--memory-gib', '4', '--count', String(r.total + 1)]);
      expect(many.status).toBe(1);
      expect(many.stdout).toMatch(new RegExp(`Only ${r.total.toLocaleString('en-US')} of`));
      const bad = runCli(['fit', '--plan', planFile, '--vcpus', '0', '--memory-gib', '4']);
      expect(bad.status).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
