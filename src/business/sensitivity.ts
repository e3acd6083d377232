/**
 * Sensitivity of the baseline's business case (issue 12): how the N-year savings move when one input moves and the
 * rest stay. Energy price ±25 % changes no plan: the energy heads scale with it, so the savings move by
 * (energy before − energy after) × years × 0.25. The sizing inputs (vCPU per core ±25 %, growth ±10 points) change the
 * hosts, so the assess stage re-plans with each (src/assess/sensitivity.ts) and hands the outcomes here.
 */
import { Policy } from '../config/defaults';
import { BusinessCase, SensitivityRow } from './schema';

export const ENERGY_STEP = 0.25;
export const OVERSUB_STEP = 0.25;
export const GROWTH_STEP = 0.1;

/** The policy changes to plan for the sensitivity rows, in the order of `sensitivityRows`' plans. */
export function sensitivityPolicies(p: Policy): { input: string; low: Partial<Policy>; high: Partial<Policy>; lowLabel: string; highLabel: string }[] {
  const ratio = (x: number) => `${Math.round(x * 100) / 100}:1`;
  const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
  const lowGrowth = Math.max(0, p.growth - GROWTH_STEP);
  return [
    {
      input: 'CPU oversubscription (vCPU per core)',
      low: { cpuOversubscription: p.cpuOversubscription * (1 - OVERSUB_STEP) },
      high: { cpuOversubscription: p.cpuOversubscription * (1 + OVERSUB_STEP) },
      lowLabel: ratio(p.cpuOversubscription * (1 - OVERSUB_STEP)),
      highLabel: ratio(p.cpuOversubscription * (1 + OVERSUB_STEP)),
    },
    { input: 'Growth', low: { growth: lowGrowth }, high: { growth: p.growth + GROWTH_STEP }, lowLabel: pct(lowGrowth), highLabel: pct(p.growth + GROWTH_STEP) },
  ];
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function energyRow(bc: BusinessCase, hosts: number): SensitivityRow {
  const energy = (side: 'before' | 'after') => bc.heads.find((h) => h.side === side && h.id === 'energy')?.amount ?? 0;
  const delta = (energy('before') - energy('after')) * bc.years * ENERGY_STEP;
  const price = bc.inputs.energyPricePerKwh;
  return {
    input: 'Energy price',
    low: `${bc.currency} ${r3(price * (1 - ENERGY_STEP))}/kWh`,
    high: `${bc.currency} ${r3(price * (1 + ENERGY_STEP))}/kWh`,
    savingsLow: r2(bc.totals.savings - delta),
    savingsHigh: r2(bc.totals.savings + delta),
    hostsLow: hosts,
    hostsHigh: hosts,
  };
}

/** The rows: energy price analytically, the sizing inputs from their re-plans ([low, high] per input). */
export function sensitivityRows(
  bc: BusinessCase,
  hosts: number,
  policy: Policy,
  /** Per sizing input, the hosts and N-year savings with it low and high. */
  replans: { low: { hosts: number; savings: number }; high: { hosts: number; savings: number } }[],
): SensitivityRow[] {
  const specs = sensitivityPolicies(policy);
  return [
    energyRow(bc, hosts),
    ...specs.map((s, i) => ({
      input: s.input,
      low: s.lowLabel,
      high: s.highLabel,
      savingsLow: r2(replans[i].low.savings),
      savingsHigh: r2(replans[i].high.savings),
      hostsLow: replans[i].low.hosts,
      hostsHigh: replans[i].high.hosts,
    })),
  ];
}
