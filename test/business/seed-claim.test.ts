/**
 * The seed's claim (issue 12): servers typically run at about 15 % utilisation; consolidated to a 60 % target that is a
 * four-fold cut in hosts, rack space and power. Tested on an estate built to that description: hosts of 2 × 16 cores
 * at 2.5 GHz, each at 15 % CPU, re-planned onto the same model at a 60 % CPU target (no headroom, growth or spares, so
 * the claim's arithmetic is all that is left).
 *  - hosts and rack units fall four-fold exactly when the demand divides into whole hosts, and by N / ⌈N / 4⌉ otherwise
 *    (the packing's granularity: a host is bought whole);
 *  - power falls less, about 2.4-fold, with power linear between idle and max: a host at 15 % already draws
 *    150 + 300 × 0.15 = 195 W, a host at 60 % draws 330 W. The four-fold power cut needs hosts that do more work per watt.
 */
import { validateConfig } from '../../src/config/load';
import { planConsolidation } from '../../src/plan/planner';
import { Plan } from '../../src/plan/types';
import { host, inventory, vm } from '../plan/estate';

async function consolidate(hostCount: number): Promise<Plan> {
  // per host 4 VMs of 4 vCPU at 30 % of 2,500 MHz = 3,000 MHz each: 12,000 of the host's 80,000 MHz = 15 %
  const hosts = Array.from({ length: hostCount }, (_, i) => host(`h${i + 1}`, { sockets: 2, coresPerSocket: 16, cores: 32, cpuMhz: 2500, memoryMib: 512 * 1024, cpuUsagePct: 15 }));
  const vms = hosts.flatMap((h) => Array.from({ length: 4 }, (_, k) => vm({ name: `${h.id}-vm${k + 1}`, hostId: h.id, vcpus: 4, cpuP95: 30, cpuMhz: 2500, memGib: 16, memP95: 50 })));
  const loaded = validateConfig({
    policy: {
      headroom: 0,
      growth: 0,
      haSpareHosts: 0,
      targetUtilization: { cpu: 0.6, memory: 0.9 },
      existingHosts: { powerIdleW: 150, powerMaxW: 450, rackUnits: 2 },
    },
    hostModels: [{ id: 'same-2x16', sockets: 2, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 512, cost: 20000, powerIdleW: 150, powerMaxW: 450, rackUnits: 2 }],
    businessCase: { energyPricePerKwh: 0.2 },
  });
  return planConsolidation(inventory(vms, hosts), loaded.config!);
}

describe("the seed's claim: 15 % → 60 % utilisation", () => {
  test('40 hosts at 15 % fit on 10 at 60 %: four-fold fewer hosts and rack units, 2.4-fold less power', async () => {
    const p = await consolidate(40);
    const s = p.summary;
    expect(s.utilizationBefore.cpuMhz).toBeCloseTo(0.15, 4);
    expect(s.hostsBefore).toBe(40);
    expect(s.hosts).toBe(10);
    expect(s.utilizationAfter.cpuMhz).toBeCloseTo(0.6, 4);
    expect(s.rackUnitsBefore! / s.rackUnitsAfter).toBe(4);
    // power: 40 × 195 W = 7.8 kW before; 10 × (150 + 300 × 0.6) = 3.3 kW after
    expect(s.powerKwBefore).toBeCloseTo(7.8, 3);
    expect(s.powerKwAfter).toBeCloseTo(3.3, 3);
    expect(s.powerKwBefore! / s.powerKwAfter).toBeCloseTo(7.8 / 3.3, 3);
    // the business case's energy follows the same kW
    expect(p.businessCase!.quantities).toMatchObject({ kwBefore: s.powerKwBefore, kwAfter: s.powerKwAfter, rackUnitsBefore: 80, rackUnitsAfter: 20 });
  });

  test.each([41, 45, 47])('%i hosts: the cut is N / ⌈N / 4⌉, within one host of four-fold', async (n) => {
    const p = await consolidate(n);
    expect(p.summary.hosts).toBe(Math.ceil(n / 4));
    const ratio = n / p.summary.hosts;
    expect(ratio).toBeLessThanOrEqual(4);
    expect(ratio).toBeGreaterThan(4 * (1 - 4 / n)); // one host more than the exact quarter at most
  });
});
