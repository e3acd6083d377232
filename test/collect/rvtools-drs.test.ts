import * as path from 'path';
import { parseConfigText } from '../../src/config';
import { ruleType } from '../../src/collect/collectors/rvtools/drs';
import { collectFiles } from '../../src/collect/pipeline';
import { summarizeInventory, renderSummary } from '../../src/collect/summary';
import { Inventory } from '../../src/inventory/schema';
import { planConsolidation } from '../../src/plan/planner';
import { Plan } from '../../src/plan/types';
import { verifyPlan } from '../../src/verify';

const dir = path.join('test', 'fixtures', 'rvtools', 'drs-rules');
const id = (n: number) => `vc1.corp.local/4201aaaa-0000-0000-0000-${String(n).padStart(12, '0')}`;

// One small model: 16,000 MHz / ~100 GiB at the default targets; every VM of the fixture fits several to a host.
const CONFIG = `
policy: { sizing: allocated, haSpareHosts: 0 }
hostModels:
  - { id: m, sockets: 1, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 256, cost: 1000 }
`;
const config = (extra = '') => {
  const r = parseConfigText(CONFIG + extra, 'inline.yaml');
  if (!r.config) throw new Error(JSON.stringify(r.problems));
  return r.config;
};
const hostOf = (plan: Plan, name: string) => plan.hosts.find((h) => h.workloads.includes(name))?.id;

describe('DRS rules from their type (RVTools vInfo Cluster rule(s) + Cluster rule name(s))', () => {
  let inv: Inventory;
  beforeAll(async () => {
    inv = (await collectFiles([dir], { includePoweredOff: false })).inventory;
  });

  it('reads each rule per cluster with its type, pairing the two lists item by item', () => {
    expect(inv.drsRules!.map((r) => [r.name, r.type, r.cluster, r.workloads])).toEqual([
      ['BO1', 'anti-affinity', 'Prod', [id(1), id(2)]],
      // one type, a name holding the separator: one rule, not two
      ['Kemp LB, prod', 'anti-affinity', 'Prod', [id(3), id(4)]],
      ['Xmdmprod', 'anti-affinity', 'Prod', [id(5), id(6)]],
      ['mdm-pair', 'affinity', 'Prod', [id(5), id(7)]],
      ['oracle-licensing', 'vm-host', 'Prod', [id(8), id(9)]],
      // the same name in another cluster is another rule
      ['BO1', 'anti-affinity', 'Test', [id(10)]],
    ]);
    expect(inv.drsRules![4].vmHost).toEqual({ strength: 'must', relation: 'run-on', hostGroup: 'Oracle hosts' });
    expect(inv.workloads.find((w) => w.name === 'mdm-app')!.drsRules).toEqual(['Xmdmprod', 'mdm-pair']);
  });

  it("lists them in collect's summary", () => {
    const text = renderSummary(summarizeInventory(inv), 'inventory.json');
    expect(text).toContain('DRS rules: 6 (anti-affinity 4, affinity 1, vm-host 1)');
    expect(text).toContain('  Kemp LB, prod [anti-affinity] Prod, vc1.corp.local: 2 VM(s)');
  });

  it('reads the type words RVTools and the vSphere client use', () => {
    expect(ruleType('Anti Affinity').type).toBe('anti-affinity');
    expect(ruleType('Anti-Affinity').type).toBe('anti-affinity');
    expect(ruleType('Separate Virtual Machines').type).toBe('anti-affinity');
    expect(ruleType('Affinity').type).toBe('affinity');
    expect(ruleType('Keep Virtual Machines Together').type).toBe('affinity');
    expect(ruleType('Virtual Machines to Hosts')).toEqual({ type: 'vm-host', vmHost: { relation: 'run-on' } });
    expect(ruleType('Should not run on hosts in group Edge')).toEqual({ type: 'vm-host', vmHost: { strength: 'should', relation: 'not-run-on', hostGroup: 'Edge' } });
    expect(ruleType('Virtual Machines to Virtual Machines').type).toBe('dependency');
    expect(ruleType('Something else').type).toBe('unknown');
  });

  it('the default plan keeps anti-affinity VMs apart and affinity VMs together; the VM-Host rule is reported', async () => {
    const plan = await planConsolidation(inv, config());
    expect(hostOf(plan, 'bo1-a')).not.toBe(hostOf(plan, 'bo1-b'));
    expect(hostOf(plan, 'kemp1')).not.toBe(hostOf(plan, 'kemp2'));
    expect(hostOf(plan, 'mdm-app')).not.toBe(hostOf(plan, 'mdm-app2'));
    expect(hostOf(plan, 'mdm-app')).toBe(hostOf(plan, 'mdm-db'));
    expect(plan.drsRules!.map((r) => [r.label, r.handling, r.workloads])).toEqual([
      ['DRS rule "BO1" (Prod)', 'anti-affinity', 2],
      ['DRS rule "Kemp LB, prod"', 'anti-affinity', 2],
      ['DRS rule "Xmdmprod"', 'anti-affinity', 2],
      ['DRS rule "mdm-pair"', 'affinity', 2],
      ['DRS rule "oracle-licensing"', 'not enforced', 2],
    ]);
    const warn = plan.problems.find((p) => p.code === 'drs-rule-not-enforced')!;
    expect(warn.severity).toBe('warning');
    expect(warn.message).toContain('VM-Host rule (must run on host group "Oracle hosts")');
    expect(verifyPlan(plan, inv, config()).ok).toBe(true);
  });

  it('verify catches a plan that puts an anti-affinity pair on one host, from the inventory alone', async () => {
    const plan = await planConsolidation(inv, config());
    const a = plan.hosts.find((h) => h.workloads.includes('bo1-a'))!;
    const b = plan.hosts.find((h) => h.workloads.includes('bo1-b'))!;
    const k = b.workloads.indexOf('bo1-b');
    b.workloads.splice(k, 1);
    b.workloadIds.splice(b.workloadIds.indexOf(id(2)), 1);
    a.workloads.push('bo1-b');
    a.workloadIds.push(id(2));
    const r = verifyPlan(plan, inv, config());
    expect(r.violations.filter((v) => v.code === 'anti-affinity').map((v) => v.message)).toEqual([
      `anti-affinity "DRS rule "BO1" (Prod)": bo1-a and bo1-b share host ${a.id}`,
    ]);
  });

  it('the config overrides per rule: ignore an anti-affinity rule, map the VM-Host rule to a pool', async () => {
    const cfg = config(`
constraints:
  pools: [ { name: oracle, match: { name: "none-*" } } ]
  drsRules: { Xmdmprod: ignore, oracle-licensing: { pool: oracle } }
`);
    const plan = await planConsolidation(inv, cfg);
    expect(plan.hosts.filter((h) => h.pool === 'oracle').flatMap((h) => h.workloads).sort()).toEqual(['ora1', 'ora2']);
    expect(plan.drsRules!.find((r) => r.rule === 'oracle-licensing')).toMatchObject({ handling: 'pool', pool: 'oracle', basis: 'config' });
    expect(plan.drsRules!.find((r) => r.rule === 'Xmdmprod')).toMatchObject({ handling: 'not enforced', reason: 'constraints.drsRules says ignore' });
    expect(verifyPlan(plan, inv, cfg).ok).toBe(true);
  });
});
