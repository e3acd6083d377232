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
import { checkRightsizing } from './rightsize';
import { VerifyResult } from './types';
import { cpuConversion } from '../plan/cpu-performance';
import { checkSanity, checkSummary } from './summary';
import { checkUnplaced } from './unplaced';

export * from './types';
export { workloadDemand, modelCapacity, utilFigure } from './demand';

/** `constraintsKnown`: false when the config is the plan's own echo (no --config), so pools, pins and exclusions are unknown. */
export interface VerifyOptions {
  constraintsKnown?: boolean;
}

export function verifyPlan(plan: Plan, inventory: Inventory, config: AssessmentConfig, opts: VerifyOptions = {}): VerifyResult {
  const constraintsKnown = opts.constraintsKnown ?? true;
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
  // a non-finite, negative or absurd policy or model value makes every figure below meaningless: report it alone
  if (!checkSanity(ctx)) return result(ctx, 0);
  // the catalog in the planner's order (config models, then the existing-host models of the plan): same reference model
  ctx.policy.cpuConversion = cpuConversion(p.cpuComparison, inventory.hosts, [...ctx.models.values()]);
  const hostOf = checkPlacements(ctx);
  checkRightsizing(ctx); // (issue 19.1) from here on ctx.byId holds the VMs as the plan sized them
  const figures = checkCapacities(ctx, timeSeries);
  if (timeSeries) checkSlots(ctx, figures, p.timeSeries as 'hourly' | 'weekly');
  checkConstraints(ctx, hostOf);
  checkClusters(ctx, figures);
  checkHciClusters(ctx);
  checkReservePct(ctx, figures);
  checkUnplaced(ctx, hostOf, figures, { constraintsKnown, timeSeries });
  checkSummary(ctx, constraintsKnown);
  return result(ctx, hostOf.size);
}

function result(ctx: Ctx, workloads: number): VerifyResult {
  return {
    ok: ctx.violations.length === 0,
    hosts: ctx.plan.hosts.length,
    workloads,
    checks: ctx.checks,
    violations: ctx.violations,
    notes: ctx.notes,
  };
}
