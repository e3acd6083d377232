/** The small estate of the business-case tests: every figure is chosen so the heads can be recomputed by hand. */
import { validateConfig } from '../../src/config/load';
import { AssessmentConfigInput } from '../../src/config/schema';
import { planConsolidation } from '../../src/plan/planner';
import { Plan } from '../../src/plan/types';
import { host, inventory, vm } from '../plan/estate';

// today: 4 hosts of 2 × 10 cores, each at 15 % CPU; 8 VMs, two per host; sql1/sql2 on h1/h2; old-app (a zombie) on h4
export const estate = () =>
  inventory(
    [
      vm({ name: 'sql1', hostId: 'h1', vcpus: 4, cpuP95: 10, cpuMhz: 2000 }),
      vm({ name: 'app1', hostId: 'h1', vcpus: 2, cpuP95: 10, cpuMhz: 2000 }),
      vm({ name: 'sql2', hostId: 'h2', vcpus: 4, cpuP95: 10, cpuMhz: 2000 }),
      vm({ name: 'app2', hostId: 'h2', vcpus: 6, cpuP95: 10, cpuMhz: 2000 }),
      vm({ name: 'web1', hostId: 'h3', vcpus: 2, cpuP95: 10, cpuMhz: 2000 }),
      vm({ name: 'web2', hostId: 'h3', vcpus: 2, cpuP95: 10, cpuMhz: 2000 }),
      vm({ name: 'web3', hostId: 'h4', vcpus: 2, cpuP95: 10, cpuMhz: 2000 }),
      vm({ name: 'old-app', hostId: 'h4', vcpus: 8, cpuP95: 1, cpuMhz: 2000 }),
    ],
    ['h1', 'h2', 'h3', 'h4'].map((id) => host(id, { cpuUsagePct: 15 })),
  );

export const input = (over: Partial<AssessmentConfigInput> = {}): AssessmentConfigInput => ({
  policy: { headroom: 0, growth: 0, haSpareHosts: 0, existingHosts: { powerIdleW: 150, powerMaxW: 450, rackUnits: 2 } },
  hostModels: [{ id: 'new-1x12', sockets: 1, coresPerSocket: 12, cpuGhz: 2, memoryGib: 512, cost: 10000, powerIdleW: 100, powerMaxW: 300, rackUnits: 1 }],
  constraints: { pools: [{ name: 'sql', match: { name: 'sql*' } }] },
  report: { currency: 'EUR' },
  businessCase: {
    years: 5,
    energyPricePerKwh: 0.3,
    spaceCostPerRackUnitMonth: 25,
    hardwareSupport: { pctOfPricePerYear: 0.1 },
    existingHosts: { supportPerHostPerYear: 1200, residualValuePerHost: 800 },
    migration: { hoursPerWorkload: 2, ratePerHour: 90 },
    decommission: { workloads: ['old-*'] },
    licences: [
      { name: 'VCF', covers: 'hosts', unit: 'core', minCoresPerCpu: 16, price: 350, term: 'subscription' },
      { name: 'SQL Server Enterprise', covers: 'pool-hosts', pools: ['sql'], unit: 'core', minCoresPerCpu: 4, price: 7000, term: 'perpetual', supportPct: 0.25 },
      { name: 'App per VM', covers: 'vms', match: { name: 'app*' }, unit: 'vcpu', minCoresPerVm: 4, price: 500, term: 'perpetual', supportPct: 0.2, ownedUnits: 0 },
      { name: 'RHEL', covers: 'pool-hosts', pools: ['general'], unit: 'socket-pair', price: 1300, term: 'subscription' },
    ],
  },
  ...over,
});

export async function plan(over: Partial<AssessmentConfigInput> = {}): Promise<Plan> {
  const loaded = validateConfig(input(over));
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return planConsolidation(estate(), loaded.config!);
}

