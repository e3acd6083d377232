import { defaultConfig, Policy } from '../../src/config';
import { catalogModel } from '../../src/plan/catalog';
import { perUnitDemand, pickUtil, sizeWorkload, sizingFormulas } from '../../src/plan/sizing';
import { host, vm } from './estate';

function policy(over: Partial<Policy> = {}): Policy {
  return { ...defaultConfig().policy, headroom: 0.2, growth: 0.1, ...over };
}
const hosts = new Map([['h1', host('h1', { cpuMhz: 2000 })]]);

describe('sizing formulas (f = 1.2 × 1.1 = 1.32)', () => {
  test('performance CPU uses the workload clock: 4 vCPU × 2.5 GHz × 1000 × 25 % × 1.32 = 3,300 MHz', () => {
    const d = sizeWorkload(vm({ name: 'a', vcpus: 4, cpuMhz: 2500, cpuP95: 25, memGib: 16, memP95: 50 }), policy(), hosts);
    expect(d.cpuMhz).toBeCloseTo(3300, 9);
    expect(d.memoryMib).toBeCloseTo(16384 * 0.5 * 1.32, 9); // 10,813.44 MiB
    expect(d.basis).toEqual({ cpu: 'p95', memory: 'p95', memoryBasis: 'consumed' });
    expect(d.clockSource).toBe('workload');
  });

  test('clock from the joined host (2.0 GHz), else the policy default (2.4 GHz)', () => {
    const onHost = sizeWorkload(vm({ name: 'b', vcpus: 2, cpuP95: 50, hostId: 'h1' }), policy(), hosts);
    expect(onHost.cpuMhz).toBeCloseTo(2 * 2.0 * 1000 * 0.5 * 1.32, 9); // 2,640
    expect(onHost.clockSource).toBe('host');
    const unknown = sizeWorkload(vm({ name: 'c', vcpus: 1, cpuP95: 10 }), policy(), hosts);
    expect(unknown.cpuMhz).toBeCloseTo(1 * 2.4 * 1000 * 0.1 * 1.32, 9); // 316.8
    expect(unknown.clockSource).toBe('default');
  });

  test('no utilisation: allocated fallback, vCPU / oversubscription and memory / overcommit', () => {
    const d = sizeWorkload(vm({ name: 'd', vcpus: 8, cpuMhz: 2500, memGib: 32 }), policy({ memoryOvercommit: 1.5 }), hosts);
    expect(d.cpuMhz).toBeCloseTo((8 * 2500) / 4 * 1.32, 9); // 6,600
    expect(d.memoryMib).toBeCloseTo((32768 / 1.5) * 1.32, 9); // 28,835.84
    expect(d.basis).toEqual({ cpu: 'allocated', memory: 'allocated', memoryBasis: 'allocated' });
  });

  test('allocated sizing ignores measured utilisation', () => {
    const d = sizeWorkload(vm({ name: 'e', vcpus: 6, cpuMhz: 3000, cpuP95: 90, memGib: 8, memP95: 90 }), policy({ sizing: 'allocated', cpuOversubscription: 3 }), hosts);
    expect(d.cpuMhz).toBeCloseTo((6 * 3000) / 3 * 1.32, 9); // 7,920
    expect(d.memoryMib).toBeCloseTo(8192 * 1.32, 9);
  });

  test('storage: provisioned / dedupe × f (the array figure, no FTT); used basis falls back to provisioned when unknown', () => {
    const w = vm({ name: 'f', diskGib: 100 });
    const d = sizeWorkload(w, policy({ storageDedupe: 1.25 }), hosts);
    expect(d.storageGib).toBeCloseTo(100 / 1.25 * 1.32, 9); // 105.6
    expect(d.basis.storage).toBe('provisioned');
    const used = sizeWorkload(w, policy({ storageBasis: 'used' }), hosts);
    expect(used.basis.storage).toBe('provisioned (no used figure)');
    const withUsed = sizeWorkload({ ...w, usedGib: 40 }, policy({ storageBasis: 'used' }), hosts);
    expect(withUsed.storageGib).toBeCloseTo(40 * 1.32, 9);
    expect(withUsed.basis.storage).toBe('used');
  });

  test('absolute MHz / MiB figures are scaled by f only', () => {
    const w = vm({ name: 'g', vcpus: 4 });
    w.utilization.cpu = { unit: 'MHz', basis: 'percentile', p95: 1500 };
    w.utilization.memory = { unit: 'MiB', basis: 'avg', avg: 3000 };
    const d = sizeWorkload(w, policy(), hosts);
    expect(d.cpuMhz).toBeCloseTo(1980, 9);
    expect(d.memoryMib).toBeCloseTo(3960, 9);
    expect(d.basis).toEqual({ cpu: 'p95', memory: 'avg', memoryBasis: 'consumed' });
  });
});

describe('memory basis (policy.memoryBasis)', () => {
  const held = (over: Partial<Parameters<typeof vm>[0]> = {}) => {
    const w = vm({ name: 'm', vcpus: 2, memGib: 16, ...over });
    w.utilization.memory = { unit: 'pct', basis: 'snapshot', avg: 90, peak: 90 }; // vMemory Consumed
    w.utilization.memoryActive = { unit: 'pct', basis: 'snapshot', avg: 10, peak: 10 }; // vMemory Active
    return w;
  };
  test('consumed (default): what the VM holds × f', () => {
    const d = sizeWorkload(held(), policy(), hosts);
    expect(d.memoryMib).toBeCloseTo(16384 * 0.9 * 1.32, 9);
    expect(d.basis.memoryBasis).toBe('consumed');
  });
  test('active only when asked', () => {
    const d = sizeWorkload(held(), policy({ memoryBasis: 'active' }), hosts);
    expect(d.memoryMib).toBeCloseTo(16384 * 0.1 * 1.32, 9);
    expect(d.basis).toMatchObject({ memory: 'snapshot', memoryBasis: 'active' });
  });
  test('allocated: configured memory / overcommit, the measured figures ignored', () => {
    const d = sizeWorkload(held(), policy({ memoryBasis: 'allocated', memoryOvercommit: 2 }), hosts);
    expect(d.memoryMib).toBeCloseTo((16384 / 2) * 1.32, 9);
    expect(d.basis.memoryBasis).toBe('allocated');
  });
  test('a VM without the asked figure falls back to allocation', () => {
    const w = vm({ name: 'n', memGib: 8 });
    w.utilization.memoryActive = { unit: 'pct', basis: 'snapshot', avg: 5 };
    const d = sizeWorkload(w, policy(), hosts); // consumed asked, only active known
    expect(d.memoryMib).toBeCloseTo(8192 * 1.32, 9);
    expect(d.basis).toMatchObject({ memory: 'allocated', memoryBasis: 'allocated' });
  });
});

describe('percentile per metric and CPU over 100 %', () => {
  test('policy.percentiles picks per metric: CPU P95, memory P99', () => {
    const w = vm({ name: 'p', vcpus: 4, cpuMhz: 2000, memGib: 16 });
    w.utilization.cpu = { unit: 'pct', basis: 'percentile', p95: 40, p99: 70 };
    w.utilization.memory = { unit: 'pct', basis: 'percentile', p95: 50, p99: 80 };
    const d = sizeWorkload(w, policy({ percentiles: { memory: 99 } }), hosts);
    expect(d.basis).toMatchObject({ cpu: 'p95', memory: 'p99' });
    expect(d.cpuMhz).toBeCloseTo(4 * 2000 * 0.4 * 1.32, 9);
    expect(d.memoryMib).toBeCloseTo(16384 * 0.8 * 1.32, 9);
    expect(sizingFormulas(policy({ percentiles: { memory: 99 } })).join('\n')).toMatch(/CPU utilisation P95[\s\S]*consumed memory P99/);
  });
  test('a CPU figure above 100 % is sized at 100 % and recorded', () => {
    const w = vm({ name: 'q', vcpus: 2, cpuMhz: 2000, cpuP95: 130 });
    const d = sizeWorkload(w, policy(), hosts);
    expect(d.cpuMhz).toBeCloseTo(2 * 2000 * 1.0 * 1.32, 9);
    expect(d.cpuCappedFromPct).toBe(130);
    expect(sizeWorkload(vm({ name: 'r', vcpus: 2, cpuMhz: 2000, cpuP95: 99 }), policy(), hosts).cpuCappedFromPct).toBeUndefined();
  });
});

describe('which utilisation figure is used', () => {
  test('the percentile asked for, else the next higher, else peak, else avg; a snapshot as it is', () => {
    expect(pickUtil({ unit: 'pct', basis: 'percentile', p95: 30, peak: 80 }, 95)).toEqual({ value: 30, figure: 'p95' });
    expect(pickUtil({ unit: 'pct', basis: 'percentile', p95: 30, p99: 40 }, 90)).toEqual({ value: 30, figure: 'p95' });
    expect(pickUtil({ unit: 'pct', basis: 'max', avg: 10, peak: 80 }, 95)).toEqual({ value: 80, figure: 'peak' });
    expect(pickUtil({ unit: 'pct', basis: 'avg', avg: 12 }, 95)).toEqual({ value: 12, figure: 'avg' });
    expect(pickUtil({ unit: 'pct', basis: 'snapshot', avg: 7 }, 95)).toEqual({ value: 7, figure: 'snapshot' });
    expect(pickUtil({ unit: 'pct', basis: 'percentile', p95: 30, peak: 80 }, 100)).toEqual({ value: 80, figure: 'peak' });
    expect(pickUtil(undefined, 95)).toBeUndefined();
  });
});

describe('host capacity', () => {
  test('sockets × cores × GHz × 1000 × target; memory GiB × 1024 × target; HCI storage raw × (1 − slack)', () => {
    const m = catalogModel(
      { id: 'x', sockets: 2, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 512, storageGib: 10000, storage: 'hci', networkGbps: 25, cost: 1 },
      policy({ targetUtilization: { cpu: 0.8, memory: 0.9, storage: 0.85, iops: 0.8, network: 0.5 } }),
    );
    expect(m.cores).toBe(32);
    expect(m.capacity.cpuMhz).toBeCloseTo(64000, 9);
    expect(m.capacity.memoryMib).toBeCloseTo(512 * 1024 * 0.9, 9);
    expect(m.capacity.storageGib).toBeCloseTo(7500, 9); // default slack 0.25
    const ext = catalogModel({ id: 'y', sockets: 2, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 512, storageGib: 10000, storage: 'external', cost: 1 }, policy());
    expect(ext.capacity.storageGib).toBeUndefined();
    expect(m.capacity.networkMbps).toBeCloseTo(12500, 9);
    expect(m.raw.cpuMhz).toBe(80000);
  });

  test('the formulas are printed with the policy numbers', () => {
    const f = sizingFormulas(policy());
    expect(f[0]).toBe('demand factor f = (1 + headroom 0.2) × (1 + growth 0.1) = 1.32');
    expect(f.some((l) => l.includes('CPU utilisation P95 %'))).toBe(true);
    expect(f.some((l) => l.includes('cpuGhz × 1000 × target 0.8'))).toBe(true);
  });
});

describe('per-unit demand (the slope time-series packing multiplies by each slot value)', () => {
  test('k × figure is the flat demand: CPU and memory in %, CPU in MHz; 0 for storage', () => {
    const w = vm({ name: 'k', vcpus: 4, cpuMhz: 2500, cpuP95: 25, memGib: 16, memP95: 50 });
    const d = sizeWorkload(w, policy(), hosts);
    expect(perUnitDemand(w, 'pct', 'cpuMhz', d.clockGhz, policy()) * 25).toBeCloseTo(d.cpuMhz, 9);
    expect(perUnitDemand(w, 'pct', 'memoryMib', d.clockGhz, policy()) * 50).toBeCloseTo(d.memoryMib, 9);
    expect(perUnitDemand(w, 'MHz', 'cpuMhz', d.clockGhz, policy())).toBeCloseTo(1.32, 12);
    expect(perUnitDemand(w, 'pct', 'storageGib', d.clockGhz, policy())).toBe(0);
  });
});
