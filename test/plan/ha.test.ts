import { parseConfigText } from '../../src/config';
import { AssessmentConfig } from '../../src/config/defaults';
import { planConsolidation } from '../../src/plan/planner';
import { renderPlanSummary } from '../../src/plan/render';
import { verifyPlan } from '../../src/verify';
import { inventory, workload } from '../verify/fixture';

function cfg(yaml: string): AssessmentConfig {
  const r = parseConfigText(yaml, 'test.yaml');
  if (!r.config) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.config;
}

// 20 VMs of 4 vCPU at 2.5 GHz, P95 50 %: 4 × 2500 × 0.5 × 1.2 = 6,000 MHz each. big holds 10 (64,000 plannable MHz),
// small holds 5 (32,000). Active hosts alone: 2 big = 80,000 beats 4 small = 84,000; but the N+1 spare must cover a
// host's load: a big host's 60,000 MHz needs a big spare (total 120,000), while 4 small + 1 small spare cost 105,000.
const vms = Array.from({ length: 20 }, (_, i) => workload(`vm${String(i + 1).padStart(2, '0')}`, 4, 16384, 50, 50));
const TWO_MODELS = `
hostModels:
  - { id: big, sockets: 2, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 1024, cost: 40000 }
  - { id: small, sockets: 1, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 512, cost: 21000 }
policy:
  haSpareHosts: 1
`;

describe('HA spares inside the model-mix decision', () => {
  test('the cheaper plan that needs a small spare is found: 4 small + 1 small spare (105,000), not 2 big + 1 big (120,000)', async () => {
    const inv = inventory(vms);
    const c = cfg(TWO_MODELS);
    const plan = await planConsolidation(inv, c);
    expect(plan.summary.hostsByModel).toEqual({ small: 5 });
    expect(plan.summary.reserveHosts).toBe(1);
    expect(plan.summary.hardwareCost).toBe(105000);
    expect(plan.solver.algorithm).toContain('spare small priced in (saves 15000');
    expect(plan.hosts.find((h) => h.reserve)!.model).toBe('small');
    // the bound covers the spares: no plan whose spare covers every host is cheaper than 105,000
    expect(plan.solver.costLowerBound).toBe(105000);
    expect(plan.solver.costGap).toBe(0);
    expect(plan.solver.provenOptimal).toBe(true);
    expect(verifyPlan(plan, inv, c).violations).toEqual([]);
    expect(renderPlanSummary(plan)).toContain('N+K spares included): gap 0.0 % to the cost lower bound (EUR 105,000): proven optimal');
  });

  test('objective hosts is unaffected: 2 big + 1 big spare (fewest hosts)', async () => {
    const inv = inventory(vms);
    const plan = await planConsolidation(inv, cfg(`${TWO_MODELS}  objective: hosts\n`));
    expect(plan.summary.hosts).toBe(3);
    expect(plan.summary.hostsByModel).toEqual({ big: 3 });
  });

  test('the host-count lower bound stays a bound on every plan, not on the capped packing', async () => {
    const plan = await planConsolidation(inventory(vms), cfg(TWO_MODELS));
    // 2 active big hosts would do without the spare rule: bound 2 + 1 spare = 3
    expect(plan.summary.lowerBound).toBe(3);
  });
});

describe('haReservePct: admission control as a percentage', () => {
  const ONE = (pct: number) => `
hostModels:
  - { id: m, sockets: 2, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 1024, cost: 40000 }
policy:
  haReservePct: ${pct}
`;

  test('no spare hosts; every cluster keeps the share of CPU and memory free; verify checks it', async () => {
    const inv = inventory(vms);
    const c = cfg(ONE(25));
    expect(c.policy.haSpareHosts).toBe(0);
    const plan = await planConsolidation(inv, c);
    expect(plan.summary.reserveHosts).toBe(0);
    // 120,000 MHz at 75 % of 64,000 per host = 48,000: 8 VMs per host → 3 hosts
    expect(plan.summary.hosts).toBe(3);
    const load = plan.hosts.reduce((s, h) => s + (h.load.cpuMhz ?? 0), 0);
    const cap = plan.hosts.reduce((s, h) => s + (h.capacity.cpuMhz ?? 0), 0);
    expect(load).toBeLessThanOrEqual(0.75 * cap);
    expect(plan.ha!.reserve).toEqual([{ pool: 'general', spareHosts: 0, reservePct: 25 }]);
    expect(verifyPlan(plan, inv, c).violations).toEqual([]);
    expect(renderPlanSummary(plan)).toContain('HA reserve: general 25 % of CPU and memory per cluster');
  });

  test('verify fails a plan that does not keep the percentage free', async () => {
    const inv = inventory(vms);
    const plan = await planConsolidation(inv, cfg(ONE(25)));
    const r = verifyPlan(plan, inv, cfg(ONE(50)));
    const v = r.violations.find((x) => x.code === 'ha-reserve-pct');
    expect(v?.dimension).toBe('cpuMhz');
    expect(v?.message).toContain('leaves less than the 50 % HA reserve free');
  });

  test('verify fails N+1 when the spare is removed, and notes a percentage below one host', async () => {
    const inv = inventory(vms);
    const c = cfg(TWO_MODELS);
    const plan = await planConsolidation(inv, c);
    const broken = { ...plan, hosts: plan.hosts.filter((h) => !h.reserve) };
    expect(verifyPlan(broken, inv, c).violations.map((v) => v.code)).toContain('ha-reserve');
    const small = await planConsolidation(inv, cfg(ONE(10)));
    expect(verifyPlan(small, inv, cfg(ONE(10))).notes.some((n) => n.includes('less than one host'))).toBe(true);
  });

  test('both reserve policies at once are refused', () => {
    const r = parseConfigText('policy:\n  haReservePct: 25\n  haSpareHosts: 1\n', 'a.yaml');
    expect(r.config).toBeNull();
    expect(r.problems[0].message).toContain('haReservePct 25 and haSpareHosts 1 are two admission-control policies; choose one');
  });
});
