/**
 * `verify`: an independent feasibility check of a plan against the inventory and the assessment config. It shares no
 * code with the planner's sizing, constraint handling or packing: demand, capacity and group membership are re-derived
 * here from the formulas (demand.ts, match.ts); only the config PARSER (loadConfig) is shared.
 */
import type { AssessmentConfig } from '../config/defaults';
import type { Inventory } from '../inventory/schema';
import type { Plan } from '../plan/types';
import { checkCapacities, checkConstraints, checkPlacements, Ctx, resolveModels } from './checks';
import { checkClusters } from './reserve';
import { checkHciClusters, checkReservePct } from './storage';
import { checkSlots } from './series';
import { VerifyResult } from './types';
import { cpuConversion } from '../plan/cpu-performance';

export * from './types';
export { workloadDemand, modelCapacity, utilFigure } from './demand';

export function verifyPlan(plan: Plan, inventory: Inventory, config: AssessmentConfig): VerifyResult {
  const p = config.policy;
  const ctx: Ctx = {
    plan,
    inventory,
    config,
    policy: {
      sizing: p.sizing,
      percentile: p.percentile,
      ...(p.percentiles ? { percentiles: { ...p.percentiles } } : {}),
      memoryBasis: p.memoryBasis,
      headroom: p.headroom,
      growth: p.growth,
      cpuOversubscription: p.cpuOversubscription,
      memoryOvercommit: p.memoryOvercommit,
      storageBasis: p.storageBasis,
      storagePolicy: p.storagePolicy,
      storageSlack: p.storageSlack,
      storageSwap: p.storageSwap,
      storageDedupe: p.storageDedupe,
      defaultCpuGhz: p.defaultCpuGhz,
      targetUtilization: { ...p.targetUtilization },
    },
    byId: new Map(inventory.workloads.map((w) => [w.id, w])),
    invHosts: new Map(inventory.hosts.map((h) => [h.id, h])),
    models: new Map(),
    violations: [],
    notes: [],
    checks: 0,
  };
  const timeSeries = plan.diversity !== undefined && (p.timeSeries === 'hourly' || p.timeSeries === 'weekly');
  if (plan.diversity !== undefined && !timeSeries)
    ctx.notes.push(`the plan is a ${plan.diversity.basis} time-series plan but the config says timeSeries: ${p.timeSeries}; checked on flat figures`);
  resolveModels(ctx);
  // the catalog in the planner's order (config models, then the existing-host models of the plan): same reference model
  ctx.policy.cpuConversion = cpuConversion(p.cpuComparison, inventory.hosts, [...ctx.models.values()]);
  const hostOf = checkPlacements(ctx);
  const figures = checkCapacities(ctx, timeSeries);
  if (timeSeries) checkSlots(ctx, figures, p.timeSeries as 'hourly' | 'weekly');
  checkConstraints(ctx, hostOf);
  checkClusters(ctx, figures);
  checkHciClusters(ctx);
  checkReservePct(ctx, figures);
  return {
    ok: ctx.violations.length === 0,
    hosts: plan.hosts.length,
    workloads: hostOf.size,
    checks: ctx.checks,
    violations: ctx.violations,
    notes: ctx.notes,
  };
}
