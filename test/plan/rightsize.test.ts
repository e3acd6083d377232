import { planConsolidation } from '../../src/plan/planner';
import { memoryStepMib, recommend, rightsizedWorkload } from '../../src/plan/rightsize';
import { scenarioConfig } from '../../src/config';
import { verifyPlan } from '../../src/verify';
import { config, inventory, workload } from '../verify/fixture';

const RS = { headroom: 0.2, maxShrink: 0.5, maxGrowth: 1 };
const base = config('policy: { headroom: 0.2 }').policy;
const rec = (w: ReturnType<typeof workload>, rs = RS, policy = base) => recommend(w, policy, rs, new Map());

describe('right-sizing one VM (hand-computed)', () => {
  test('8 vCPU at P95 20 % = 1.6 used, × 1.2 = 1.92 → 2; held at 4 by maxShrink 0.5', () => {
    const r = rec(workload('a', 8, 16384, 20, 50));
    expect(r.cpuUsed).toBe(1.6);
    expect(r.vcpusAfter).toBe(4);
    expect(r.cpu).toBe('shrink');
    expect(r.reason).toContain('held at 4 vCPU by maxShrink 50 %');
    // memory 16 GiB × 50 % = 8 GiB, × 1.2 = 9.6 GiB → step 1 GiB (8-16 GiB) → 10 GiB
    expect(r.memoryMibAfter).toBe(10 * 1024);
    expect(r.memory).toBe('shrink');
  });

  test('without the bound the target stands: maxShrink 0.9 gives 2 vCPU', () => {
    expect(rec(workload('a', 8, 16384, 20, 50), { ...RS, maxShrink: 0.9 }).vcpusAfter).toBe(2);
  });

  test('growth: 2 vCPU at 95 % = 1.9 × 1.2 = 2.28 → 3; 2 vCPU at 100 % with maxGrowth 0.25 stays at 2 (floor 2.5)', () => {
    expect(rec(workload('g', 2, 4096, 95, 50)).vcpusAfter).toBe(3);
    const held = rec(workload('g', 2, 4096, 100, 50), { ...RS, maxGrowth: 0.25 });
    expect(held.vcpusAfter).toBe(2);
    expect(held.cpu).toBe('same');
  });

  test('memory steps: 0.5 GiB below 4, 1 below 16, 2 below 64, 4 from 64', () => {
    expect([1024, 4095, 4096, 16384, 65535, 65536].map(memoryStepMib)).toEqual([512, 512, 1024, 2048, 2048, 4096]);
    // 128 GiB × 30 % = 38.4 GiB × 1.2 = 46.08 → 2 GiB steps → 48 GiB (64 GiB is the shrink bound: held)
    expect(rec(workload('m', 4, 131072, 50, 30)).memoryMibAfter).toBe(64 * 1024);
    expect(rec(workload('m', 4, 131072, 50, 30), { ...RS, maxShrink: 0.9 }).memoryMibAfter).toBe(48 * 1024);
    // 3 GiB × 50 % × 1.2 = 1.8 GiB → 0.5 GiB steps → 2 GiB
    expect(rec(workload('s', 1, 3072, 50, 50)).memoryMibAfter).toBe(2048);
  });

  test('a need at most the size never grows by rounding: 3.7 GiB at 80 % × 1.2 = 3.55 GiB stays 3.7 GiB', () => {
    const mib = Math.round(3.7 * 1024);
    const r = rec(workload('r', 1, mib, 50, 80));
    expect(r.memoryMibAfter).toBe(mib);
    expect(r.memory).toBe('same');
  });

  test('no measurement: no recommendation, said so; confidence none', () => {
    const w = workload('n', 4, 8192, 0, 0, { utilization: {} });
    const r = rec(w);
    expect(r).toMatchObject({ vcpusAfter: 4, memoryMibAfter: 8192, cpu: 'no-data', memory: 'no-data', confidence: 'none' });
    expect(r.reason).toBe('no measured CPU or memory utilisation: no recommendation');
  });

  test('confidence: snapshot low, short series medium, long series high', () => {
    const snap = workload('s', 4, 8192, 0, 0, { utilization: { cpu: { unit: 'pct', basis: 'snapshot', avg: 10 } } });
    expect(rec(snap)).toMatchObject({ confidence: 'low', confidenceBasis: 'one snapshot reading', memory: 'no-data' });
    const series = (samples: number) =>
      workload('t', 4, 8192, 0, 0, { utilization: { cpu: { unit: 'pct', basis: 'series', p95: 10, samples, coverage: 0.95 } } });
    expect(rec(series(200)).confidence).toBe('medium');
    expect(rec(series(8640)).confidence).toBe('high');
  });

  test('the reshaped VM keeps its measured use: 8 vCPU at 20 % → 4 vCPU at 40 %', () => {
    const w = workload('a', 8, 16384, 20, 50);
    const r = rightsizedWorkload(w, rec(w));
    expect(r.vcpus).toBe(4);
    expect(r.utilization.cpu?.p95).toBeCloseTo(40, 12);
    expect(r.memoryMib).toBe(10240);
    expect(r.utilization.memory?.p95).toBeCloseTo(80, 12);
  });
});

describe('policy.rightsize in the config', () => {
  test('true takes the defaults (headroom = policy.headroom), recorded as defaults; absent = off', () => {
    const c = config('policy: { headroom: 0.3, rightsize: true }');
    expect(c.policy.rightsize).toEqual({ headroom: 0.3, maxShrink: 0.5, maxGrowth: 1 });
    expect(c.defaultsApplied).toEqual(expect.arrayContaining(['policy.rightsize.headroom', 'policy.rightsize.maxShrink', 'policy.rightsize.maxGrowth']));
    expect(config('policy: { headroom: 0.3 }').policy.rightsize).toBeUndefined();
  });

  test('a scenario switches it on or off', () => {
    const c = config('policy: { rightsize: { maxShrink: 0.25 } }\nscenarios:\n  - { name: off, policy: { rightsize: false } }\n  - { name: same, policy: { headroom: 0.5 } }');
    expect(scenarioConfig(c, 'off').policy.rightsize).toBeUndefined();
    expect(scenarioConfig(c, 'same').policy.rightsize).toEqual({ headroom: 0.2, maxShrink: 0.25, maxGrowth: 1 });
    expect(scenarioConfig(c, 'same').defaultsApplied).toContain('policy.rightsize.maxGrowth');
  });
});

// m4: 4 cores × 2.5 GHz at 80 % = 8,000 MHz, 64 GiB at 90 % = 58,982 MiB; N+0
const CATALOG = `
hostModels:
  - { id: m4, sockets: 1, coresPerSocket: 4, cpuGhz: 2.5, memoryGib: 64, cost: 1000 }
`;

describe('planning on right-sized VMs', () => {
  // 8 VMs of 4 vCPU at 20 % (0.8 vCPU used × 1.2 → 1, held at 2 by maxShrink): allocated 4 × 2,500 / 4 × 1.2 = 3,000 MHz
  // each → 2 per host → 4 hosts; right-sized 2 vCPU = 1,500 MHz → 5 per host (memory 8 GiB × 50 % × 1.2 = 4.8 → 5 GiB,
  // allocated 5 × 1.2 = 6 GiB each) → 2 hosts
  const inv = inventory(Array.from({ length: 8 }, (_, i) => workload(`vm${i}`, 4, 8192, 20, 50)));
  const allocated = `policy: { sizing: allocated, cpuOversubscription: 4, headroom: 0.2, haSpareHosts: 0 }${CATALOG}`;
  const rightsized = `policy: { sizing: allocated, cpuOversubscription: 4, headroom: 0.2, haSpareHosts: 0, rightsize: true }${CATALOG}`;

  test('allocated sizing: vCPUs reclaimed become hosts; the plan verifies', async () => {
    const before = await planConsolidation(inv, config(allocated));
    const after = await planConsolidation(inv, config(rightsized));
    expect(before.summary.hosts).toBe(4);
    expect(after.summary.hosts).toBe(2);
    expect(after.rightsizing?.summary.cpu).toMatchObject({ shrunk: 8, vcpusBefore: 32, vcpusAfter: 16 });
    expect(before.rightsizing).toBeUndefined();
    const v = verifyPlan(after, inv, config(rightsized));
    expect(v.violations).toEqual([]);
    expect(v.ok).toBe(true);
  });

  test('verify recomputes each recommendation and refuses a changed one or a config without rightsize', async () => {
    const after = await planConsolidation(inv, config(rightsized));
    const tampered = structuredClone(after);
    tampered.rightsizing!.workloads[0].vcpusAfter = 1;
    expect(verifyPlan(tampered, inv, config(rightsized)).violations.map((v) => v.code)).toContain('rightsize-recommendation');
    expect(verifyPlan(after, inv, config(allocated)).violations.map((v) => v.code)).toContain('rightsize-mismatch');
  });

  test('performance sizing: the measured use is the same, so are the hosts', async () => {
    const perf = (extra: string) => `policy: { headroom: 0.2, haSpareHosts: 0${extra} }${CATALOG}`;
    const a = await planConsolidation(inv, config(perf('')));
    const b = await planConsolidation(inv, config(perf(', rightsize: true')));
    expect(b.summary.hosts).toBe(a.summary.hosts);
    expect(b.sizing!.map((s) => Math.round(s.demand.cpuMhz!))).toEqual(a.sizing!.map((s) => Math.round(s.demand.cpuMhz!)));
  });
});

describe('the report part', () => {
  test('totals, assumptions and the saving against the same scenario without right-sizing; nothing without it', async () => {
    const { rightsizingSection } = await import('../../src/report/model/rightsizing');
    const inv = inventory(Array.from({ length: 8 }, (_, i) => workload(`vm${i}`, 4, 8192, 20, 50)));
    const c = config(`policy: { sizing: allocated, cpuOversubscription: 4, headroom: 0.2, haSpareHosts: 0 }${CATALOG}scenarios:\n  - { name: rs, policy: { rightsize: true } }`);
    const base = await planConsolidation(inv, c);
    const rs = await planConsolidation(inv, scenarioConfig(c, 'rs'));
    expect(rightsizingSection([{ name: 'baseline', plan: base }], 'EUR')).toEqual({ blocks: [], tables: [] });
    const part = rightsizingSection([{ name: 'baseline', plan: base }, { name: 'rs', plan: rs }], 'EUR');
    const text = JSON.stringify(part.blocks);
    expect(text).toContain('32 → 16 vCPUs (16 reclaimed)');
    expect(text).toContain('Headroom 20.0 %');
    expect(text).toContain('at most 50.0 % (maxShrink)');
    const saving = part.tables.find((t) => t.id === 'rightsizing-saving')!;
    expect(saving.rows).toEqual([['rs', 'baseline', 4, 2, 2, 0, 0, 0]]);
    expect(part.tables.find((t) => t.id === 'rightsizing')!.rows).toHaveLength(8);
  });
});
