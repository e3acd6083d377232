import { planConsolidation } from '../../src/plan/planner';
import type { Plan } from '../../src/plan/types';
import { verifyPlan } from '../../src/verify';
import { config, host, inventory, plan, workload } from './fixture';

/**
 * Issue 17.2: verify recomputes instead of trusting the plan. Forged plans: a placeable workload moved to `unplaced`
 * with an invented reason, a reason that does not hold, a falsified summary, absurd policy or model values.
 */
// m4: 8,000 MHz and 58,982.4 MiB plannable; big = 6,000 MHz, dc = 600 MHz, small = 300 MHz (see verify.test.ts)
const cfg = config(`
policy: { sizing: performance, percentile: 95, headroom: 0.2, haSpareHosts: 0 }
hostModels:
  - { id: m4, sockets: 1, coresPerSocket: 4, cpuGhz: 2.5, memoryGib: 64, cost: 1000, powerIdleW: 100, powerMaxW: 300, rackUnits: 1, maxCount: 3 }
`);
const inv = inventory([
  workload('big1', 4, 8192, 50, 50),
  workload('big2', 4, 8192, 50, 50),
  workload('dc01', 1, 4096, 20, 50),
  workload('huge', 16, 8192, 100, 50),
  workload('tmpl', 1, 1024, 10, 10),
]);
const codes = (p: Plan) => verifyPlan(p, inv, cfg).violations.map((v) => v.code);

async function realPlan(): Promise<Plan> {
  return planConsolidation(inv, cfg);
}

describe('verify re-derives every unplaced reason', () => {
  it("the planner's own plan passes: huge (16 × 2.5 GHz × 100 % × 1.2 = 48,000 MHz) exceeds every model", async () => {
    const p = await realPlan();
    expect(p.unplaced.map((u) => `${u.name} ${u.code}`)).toEqual(['huge exceeds-host-capacity']);
    expect(verifyPlan(p, inv, cfg).violations).toEqual([]);
  });

  it('a workload that fits a host of the plan, moved to unplaced with an invented reason, is a violation', async () => {
    const p = await realPlan();
    const h = p.hosts.find((x) => x.workloads.includes('dc01'))!;
    const k = h.workloads.indexOf('dc01');
    h.workloads.splice(k, 1);
    h.workloadIds.splice(k, 1);
    for (const d of ['cpuMhz', 'memoryMib'] as const) delete h.load[d];
    p.unplaced.push({ name: 'dc01', id: 't/dc01', code: 'exceeds-host-capacity', reason: 'exceeds every host model (invented)' });
    p.summary.placed -= 1;
    p.summary.unplaced += 1;
    p.summary.consolidationRatio = Math.round((100 * p.summary.placed) / p.summary.hosts) / 100;
    const r = verifyPlan(p, inv, cfg);
    expect(r.ok).toBe(false);
    const v = r.violations.find((x) => x.code === 'placeable-unplaced')!;
    expect(v.workload).toBe('dc01');
    expect(v.message).toMatch(/^placeable workload left unplaced: dc01 .* fits on host m4-\d+ \(m4\), which has room for it$/);
  });

  it('host-limit-reached holds when no host has room and every allowed model is at its maxCount', () => {
    const bigs = inventory(['b1', 'b2', 'b3', 'b4'].map((n) => workload(n, 4, 8192, 50, 50)));
    const p = plan(['b1', 'b2', 'b3'].map((n, i) => host(`m4-0${i + 1}`, 'm4', 'general', [n], { load: { cpuMhz: 6000 } })), [{ name: 'b4', id: 't/b4', code: 'host-limit-reached', reason: 'maxCount' }], 1000);
    Object.assign(p.summary, { powerKwAfter: 3 * 0.22, energyKwhPerYearAfter: Math.round(3 * 0.22 * 8760), rackUnitsAfter: 3 });
    expect(verifyPlan(p, bigs, cfg).violations).toEqual([]);
    const more = { ...cfg, hostModels: [{ ...cfg.hostModels[0], maxCount: 4 }] };
    expect(verifyPlan(p, bigs, more).violations.map((v) => v.message)).toEqual([expect.stringContaining('but it fits on a new host of model m4')]);
  });

  it('a new host of the model is named when no host of the plan has room', () => {
    const p = plan([host('m4-01', 'm4', 'general', ['big1'])], [{ name: 'big2', id: 't/big2', code: 'exceeds-host-capacity', reason: 'invented' }], 1000);
    Object.assign(p.summary, { powerKwAfter: 0.1 + (0.2 * 6000) / 10000, rackUnitsAfter: 1 });
    p.hosts[0].load = { cpuMhz: 6000 };
    p.summary.energyKwhPerYearAfter = Math.round(p.summary.powerKwAfter * 8760);
    const r = verifyPlan(p, inventory(inv.workloads.slice(0, 2)), cfg);
    expect(r.violations.map((v) => v.message)).toEqual([
      'placeable workload left unplaced: big2 is listed as "exceeds-host-capacity" (invented), but it fits on a new host of model m4 (cpuMhz 6000 of 8000, memoryMib 4915 of 58982)',
    ]);
  });

  it('a reason that states a fact about the workload must hold for it', () => {
    const p = plan([host('m4-01', 'm4', 'general', ['big1', 'dc01'])], [
      { name: 'big2', id: 't/big2', code: 'template', reason: 'a template is not a running workload' },
      { name: 'tmpl', id: 't/tmpl', code: 'excluded', reason: 'excluded by constraints.exclude pattern "tmpl"' },
    ], 1000);
    Object.assign(p.summary, { powerKwAfter: 0.1, energyKwhPerYearAfter: 876, rackUnitsAfter: 1 });
    const four = inventory(inv.workloads.filter((w) => w.name !== 'huge'));
    const v = verifyPlan(p, four, cfg).violations;
    expect(v.map((x) => `${x.code} ${x.workload}`)).toEqual(['unplaced-reason-false big2', 'unplaced-reason-false tmpl']);
    // without --config the exclusion patterns are unknown: not re-derived, said so in a note
    const echoed = verifyPlan(p, four, cfg, { constraintsKnown: false });
    expect(echoed.violations.map((x) => `${x.code} ${x.workload}`)).toEqual(['unplaced-reason-false big2']);
    expect(echoed.notes.join('\n')).toContain('1 unplaced reason(s) not re-derived (no --config: the constraints are unknown)');
  });
});

describe('verify recomputes the summary from the placements', () => {
  it('a falsified host count, cost, power and model count are each named', async () => {
    const p = await realPlan();
    expect(codes(p)).toEqual([]);
    p.summary.hosts -= 1;
    p.summary.hardwareCost = 1;
    p.summary.powerKwAfter *= 0.5;
    p.summary.hostsByModel = { m4: 1 };
    const v = verifyPlan(p, inv, cfg).violations;
    expect(v.every((x) => x.code === 'summary-mismatch')).toBe(true);
    const text = v.map((x) => x.message).join('\n');
    expect(text).toContain(`states hosts ${p.hosts.length - 1}, its placements give ${p.hosts.length}`);
    expect(text).toContain(`states hardware cost 1, its placements give ${1000 * p.hosts.length}`);
    expect(text).toMatch(/states power after \(kW\) [\d.]+, its placements give [\d.]+/);
    expect(text).toContain(`states hosts of model m4 1, its placements give ${p.hosts.length}`);
  });

  it('a falsified HA reserve per pool and placed count', async () => {
    const p = await realPlan();
    p.ha!.reserve[0].spareHosts = 2;
    p.summary.placed += 5;
    const text = verifyPlan(p, inv, cfg).violations.map((x) => x.message).join('\n');
    expect(text).toContain('states HA spare hosts of pool general 2, its placements give 0');
    expect(text).toContain('states placed workloads');
  });
});

describe('verify checks policy and host-model values for sanity', () => {
  it('a non-finite, negative or absurd value is named and nothing is computed from it', async () => {
    const p = await realPlan();
    const bad = { ...cfg, policy: { ...cfg.policy, headroom: Number.NaN, targetUtilization: { ...cfg.policy.targetUtilization, cpu: -0.8 } } };
    const r = verifyPlan(p, inv, bad);
    expect(r.violations.map((v) => v.message)).toEqual([
      'policy.headroom = NaN is not a value to plan with (expected a finite number from 0 to 10)',
      'policy.targetUtilization.cpu = -0.8 is not a value to plan with (expected a finite number from 0.001 to 1)',
    ]);
    const forged = await realPlan();
    forged.hostModels[0].memoryGib = 1e308;
    forged.hostModels[0].cost = -5;
    const m = verifyPlan(forged, inv, cfg).violations;
    expect(m.map((v) => v.code)).toEqual(['implausible-host-model']);
    expect(m[0].message).toBe('host model m4: memoryGib = 1e+308 (expected a finite number above 0 and at most 65536); cost = -5 (expected a finite number from 0 to 1000000000000)');
  });
});
