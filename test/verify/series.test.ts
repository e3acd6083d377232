import { verifyPlan } from '../../src/verify';
import { config, host, inventory, plan, workload } from './fixture';

// m4: 8,000 MHz plannable. Each workload: 4 vCPU × 2.5 GHz × 50 % × 1.2 = 6,000 MHz flat (12,000 for both: over).
const cfg = config(`
policy: { headroom: 0.2, haSpareHosts: 0, timeSeries: hourly }
hostModels:
  - { id: m4, sockets: 1, coresPerSocket: 4, cpuGhz: 2.5, memoryGib: 64 }
`);

function shaped(name: string, busyHours: (h: number) => boolean) {
  const w = workload(name, 4, 8192, 50, 50);
  w.utilization.cpu!.shape = { granularity: 'hourly', percentile: 95, values: Array.from({ length: 24 }, (_, h) => (busyHours(h) ? 50 : 10)) };
  return w;
}

describe('verify: time-series plans are checked in every slot', () => {
  const diversity = { basis: 'hourly' as const, peakSumHosts: 2, seriesHosts: 1, hostsSaved: 1 };

  it('complementary day/night workloads share a host: 6,000 + 1,200 MHz in every hour', () => {
    const inv = inventory([shaped('day', (h) => h < 12), shaped('night', (h) => h >= 12)]);
    const p = { ...plan([host('m4-01', 'm4', 'general', ['day', 'night'], { slotPeak: { cpuMhz: 7200 } })]), diversity };
    const r = verifyPlan(p, inv, cfg);
    expect(r.violations).toEqual([]);
    expect(r.checks).toBeGreaterThanOrEqual(48);
  });

  it('names the host, dimension and worst slot when the peaks coincide', () => {
    const inv = inventory([shaped('day', (h) => h < 12), shaped('night', (h) => h >= 12 || h === 3)]);
    const p = { ...plan([host('m4-01', 'm4', 'general', ['day', 'night'], { slotPeak: { cpuMhz: 7200 } })]), diversity };
    const r = verifyPlan(p, inv, cfg);
    expect(r.violations.map((v) => [v.code, v.dimension, v.slot, v.load])).toEqual([
      ['over-capacity', 'cpuMhz', 3, 12000],
      ['load-mismatch', 'cpuMhz', undefined, 12000],
    ]);
    expect(r.violations[0].message).toBe('host m4-01 (m4): cpuMhz load 12000 in hourly slot 3 exceeds capacity 8000 (worst slot)');
  });

  it('the same plan without time-series policy is checked on flat figures', () => {
    const inv = inventory([shaped('day', (h) => h < 12), shaped('night', (h) => h >= 12)]);
    const flat = config(`
policy: { headroom: 0.2, haSpareHosts: 0 }
hostModels:
  - { id: m4, sockets: 1, coresPerSocket: 4, cpuGhz: 2.5, memoryGib: 64 }
`);
    const r = verifyPlan({ ...plan([host('m4-01', 'm4', 'general', ['day', 'night'])]), diversity }, inv, flat);
    expect(r.violations.map((v) => v.code)).toEqual(['over-capacity']);
    expect(r.notes[0]).toMatch(/time-series plan but the config says timeSeries: off/);
  });
});
