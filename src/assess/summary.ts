import { Plan } from '../plan/types';
import { BusinessCaseHeadline, HeadlineFigures, ScenarioRun, ScenarioSummary } from './types';

/** The executive figures of a plan, copied from `plan.summary` (never recomputed, so every output agrees with plan.json). */
export function headlineOf(plan: Plan): HeadlineFigures {
  const s = plan.summary;
  const h: HeadlineFigures = {
    hostsBefore: s.hostsBefore,
    hostsAfter: s.hosts,
    hostsByModel: s.hostsByModel,
    reserveHosts: s.reserveHosts,
    lowerBound: s.lowerBound,
    gap: s.gap,
    placed: s.placed,
    unplaced: s.unplaced,
    consolidationRatio: s.consolidationRatio,
    limitingDimension: s.limitingDimension,
    utilizationBefore: s.utilizationBefore,
    utilizationAfter: s.utilizationAfter,
    powerKwAfter: s.powerKwAfter,
    rackUnitsAfter: s.rackUnitsAfter,
    hardwareCost: s.hardwareCost,
    licenceCost: s.licenceCost,
    currency: s.currency,
  };
  if (plan.solver.objective === 'cost' && plan.solver.costLowerBound !== undefined) {
    h.costLowerBound = plan.solver.costLowerBound;
    h.costGap = plan.solver.costGap ?? 0;
  }
  if (s.powerKwBefore !== undefined) h.powerKwBefore = s.powerKwBefore;
  if (s.rackUnitsBefore !== undefined) h.rackUnitsBefore = s.rackUnitsBefore;
  const bc = businessHeadline(plan);
  if (bc) h.businessCase = bc;
  return h;
}

function businessHeadline(plan: Plan): BusinessCaseHeadline | undefined {
  const bc = plan.businessCase;
  if (!bc) return undefined;
  return { years: bc.years, ...bc.totals, oneOff: bc.byYear[0].after, paybackMonth: bc.paybackMonth };
}

export function scenarioSummaryOf(run: ScenarioRun): ScenarioSummary {
  const s = run.plan.summary;
  const solver = run.plan.solver;
  return {
    name: run.name,
    source: run.source,
    planFile: run.planFile,
    hosts: s.hosts,
    hostsByModel: s.hostsByModel,
    reserveHosts: s.reserveHosts,
    lowerBound: s.lowerBound,
    gap: s.gap,
    ...(solver.objective === 'cost' && solver.costLowerBound !== undefined ? { costGap: solver.costGap ?? 0 } : {}),
    unplaced: s.unplaced,
    consolidationRatio: s.consolidationRatio,
    powerKwAfter: s.powerKwAfter,
    rackUnitsAfter: s.rackUnitsAfter,
    hardwareCost: s.hardwareCost,
    licenceCost: s.licenceCost,
    totalCost: s.hardwareCost + s.licenceCost,
    ...(run.plan.businessCase ? { businessCase: businessHeadline(run.plan) } : {}),
  };
}
