import { parseConfigText } from '../../src/config';
import { planConsolidation } from '../../src/plan/planner';
import { inventory, workload } from '../verify/fixture';

/** Constraints that match nothing are warned, naming the config file and the key (issue 17.6). */
const inv = inventory([
  workload('web01', 2, 4096, 20, 50, { drsRules: ['keep-web-apart'] }),
  workload('web02', 2, 4096, 20, 50, { drsRules: ['keep-web-apart'] }),
  workload('db01', 4, 8192, 30, 50, { os: { family: 'linux', name: 'Ubuntu 22.04' } }),
]);

function warnings(yaml: string) {
  const r = parseConfigText(yaml, 'site.yaml');
  if (!r.config) throw new Error(JSON.stringify(r.problems));
  return planConsolidation(inv, r.config).then((p) => p.problems.filter((x) => x.code === 'constraint-matches-nothing'));
}

describe('constraints that match nothing', () => {
  it('each pool, pin, exclusion, group, group entry, drsRules key and decommission pattern is named with its key', async () => {
    const w = await warnings(`
hostModels: [ { id: m, sockets: 2, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 512, cost: 1 } ]
constraints:
  exclude: [ "web02", "sql*" ]
  pinned: [ { workload: dc01, hostModel: m } ]
  pools:
    - { name: windows, match: { os: "windows*" } }
    - { name: linux, match: { os: "linux" } }
    - { name: ubuntu, match: { os: "ubuntu*" } }
  affinity: [ { name: erp, match: { application: ERP } } ]
  antiAffinity: [ { name: dbs, workloads: [db01, db02] } ]
  drsRules: { keep-web-apart: anti-affinity, old-rule: affinity }
businessCase:
  energyPricePerKwh: 0.2
  decommission: { workloads: [ "zombie*" ] }
`);
    expect(w.map((p) => `${p.path!.join('.')} | ${p.message}`)).toEqual([
      `constraints.exclude.1 | constraints.exclude.1: pattern "sql*" matches no workload in the plan's scope`,
      `constraints.pinned.0.workload | constraints.pinned.0.workload: pin "dc01" matches no workload in the plan's scope`,
      `constraints.pools.0.match | constraints.pools.0.match: pool "windows" matches no workload in the plan's scope`,
      `constraints.pools.2.match | constraints.pools.2.match: pool "ubuntu" gets no workload: every workload its match meets goes to an earlier pool or a pin`,
      `constraints.affinity.0 | constraints.affinity.0: affinity group "erp" matches no workload in the plan's scope`,
      `constraints.antiAffinity.0.workloads.1 | constraints.antiAffinity.0.workloads.1: "db02" of group "dbs" matches no workload in the plan's scope`,
      `constraints.drsRules.old-rule | constraints.drsRules.old-rule: names DRS rule "old-rule", which no workload of the inventory has`,
      `businessCase.decommission.workloads.0 | businessCase.decommission.workloads.0: pattern "zombie*" matches no workload of the inventory`,
    ]);
    expect(w.every((p) => p.file === 'site.yaml' && p.severity === 'warning')).toBe(true);
  });

  it('a config whose every constraint matches gives no such warning', async () => {
    const w = await warnings(`
constraints:
  exclude: [ "web02" ]
  pools: [ { name: linux, match: { os: "linux" } } ]
  antiAffinity: [ { name: dbs, workloads: [db01, web01] } ]
  drsRules: { keep-web-apart: anti-affinity }
`);
    expect(w).toEqual([]);
  });
});
