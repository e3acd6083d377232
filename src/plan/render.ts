/** The plan as the terminal summary `dcplan plan` prints: what a consultant reads before opening the report. */
import { fmt, DIM_LABEL } from './pool-solve';
import { Dimension, Plan } from './types';

const DIM_SHORT: Record<Dimension, string> = { cpuMhz: 'CPU', memoryMib: 'memory', storageGib: 'storage', iops: 'IOPS', networkMbps: 'network' };
const pct = (x: number | undefined) => (x === undefined ? '-' : `${(x * 100).toFixed(1)} %`);

export function renderPlanSummary(plan: Plan, maxUnplaced = 20): string {
  const s = plan.summary;
  const lines: string[] = [];
  const active = s.hosts - s.reserveHosts;
  lines.push(
    `Plan: ${s.hosts} host(s) (${active} active + ${s.reserveHosts} reserve) for ${s.placed} workload(s)` +
      (s.unplaced ? `, ${s.unplaced} unplaced` : ''),
  );
  lines.push(
    `  lower bound ${s.lowerBound} host(s), gap ${(s.gap * 100).toFixed(1)} %` +
      (plan.solver.objective === 'cost' && plan.hostModels.length > 1 ? ' (host count; the plan minimises cost)' : '') +
      (plan.solver.provenOptimal ? ' — proven optimal' : '') +
      `  [${plan.solver.lowerBoundMethod}]`,
  );
  if (plan.solver.costLowerBound !== undefined)
    lines.push(`  objective cost: active hosts within ${((plan.solver.costGap ?? 0) * 100).toFixed(1)} % of the cost lower bound ${s.currency} ${fmt(plan.solver.costLowerBound)} (hardware + licences)`);
  if (s.limitingDimension) {
    const d = s.limitingDimension;
    let load = 0;
    let cap = 0;
    for (const h of plan.hosts) {
      if (h.reserve) continue;
      load += h.load[d] ?? 0;
      cap += h.capacity[d] ?? 0;
    }
    lines.push(`  limiting dimension: ${DIM_SHORT[d]} (${pct(cap > 0 ? load / cap : 0)} of plannable capacity, ${pct(s.utilizationAfter[d])} of raw)`);
  }
  lines.push(`  hosts by model: ${Object.entries(s.hostsByModel).map(([m, n]) => `${m} × ${n}`).join(', ') || 'none'}`);
  const clusters = new Map<string, { model: Map<string, number>; reserve: Map<string, number>; workloads: number }>();
  for (const h of plan.hosts) {
    const c = clusters.get(h.cluster) ?? { model: new Map(), reserve: new Map(), workloads: 0 };
    const bucket = h.reserve ? c.reserve : c.model;
    bucket.set(h.model, (bucket.get(h.model) ?? 0) + 1);
    c.workloads += h.workloads.length;
    clusters.set(h.cluster, c);
  }
  if (clusters.size > 0) {
    lines.push('  clusters:');
    for (const [name, c] of clusters) {
      const act = [...c.model].map(([m, n]) => `${m} × ${n}`).join(' + ');
      const res = [...c.reserve].map(([m, n]) => `${n} × ${m}`).join(' + ');
      lines.push(`    ${name.padEnd(16)} ${act}${res ? `, reserve ${res}` : ''}; ${c.workloads} workload(s)`);
    }
  }
  lines.push(
    `  utilisation after: ${plan.dimensions.map((d) => `${DIM_SHORT[d]} ${pct(s.utilizationAfter[d])}`).join(', ')}` +
      (Object.keys(s.utilizationBefore).length
        ? `; before: ${Object.entries(s.utilizationBefore).map(([d, v]) => `${DIM_SHORT[d as Dimension]} ${pct(v)}`).join(', ')}`
        : ''),
  );
  lines.push(`  before → after: ${s.hostsBefore} → ${s.hosts} host(s); ${s.consolidationRatio} workloads per host`);
  lines.push(
    `  power ${s.powerKwAfter} kW (${fmt(s.energyKwhPerYearAfter)} kWh/year), ${s.rackUnitsAfter} U of rack space` +
      (s.powerKwBefore !== undefined ? `; before ${s.powerKwBefore} kW (${fmt(s.energyKwhPerYearBefore ?? 0)} kWh/year), ${s.rackUnitsBefore} U (assumed per current host: policy.existingHosts)` : ''),
  );
  lines.push(
    `  cost: hardware ${s.currency} ${fmt(s.hardwareCost)}, licences ${s.currency} ${fmt(s.licenceCost)} (${s.licenceCores} core(s))`,
  );
  if (plan.unplaced.length > 0) {
    lines.push(`  unplaced (${plan.unplaced.length}):`);
    for (const u of plan.unplaced.slice(0, maxUnplaced)) lines.push(`    ${u.name}: [${u.code}] ${u.reason}`);
    if (plan.unplaced.length > maxUnplaced) lines.push(`    … and ${plan.unplaced.length - maxUnplaced} more (all in the plan file)`);
  }
  lines.push(`  solver: ${plan.solver.algorithm}; ${fmt(plan.solver.iterations)} iterations, ${plan.solver.seconds} s`);
  return lines.join('\n');
}

export { DIM_LABEL };
