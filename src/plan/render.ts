/** The plan as the terminal summary `dcplan plan` prints: what a consultant reads before opening the report. */
import { fmt, DIM_LABEL } from './pool-solve';
import { Dimension, Plan } from './types';
import { haBeforeLine } from './ha';
import { gapWords } from './gap-words';

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
    `  ${gapWords({ gap: s.gap, bound: `${s.lowerBound} hosts`, of: 'hosts' }, pct)}` +
      (plan.solver.objective === 'cost' && plan.hostModels.length > 1 ? '; the plan minimises cost, see below' : '') +
      `  [${plan.solver.lowerBoundMethod}]`,
  );
  if (plan.solver.costLowerBound !== undefined)
    lines.push(`  objective cost (hardware + licences, N+K spares included): ${gapWords({ gap: plan.solver.costGap ?? 0, bound: `${s.currency} ${fmt(plan.solver.costLowerBound)}`, of: 'cost' }, pct)}`);
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
  const rz = plan.rightsizing?.summary;
  if (rz)
    lines.push(
      `  right-sized (policy.rightsize): vCPUs ${rz.cpu.vcpusBefore} → ${rz.cpu.vcpusAfter} (${rz.cpu.shrunk} shrunk, ${rz.cpu.grown} grown, ${rz.cpu.noData} not measured), ` +
        `memory ${rz.memory.gibBefore} → ${rz.memory.gibAfter} GiB (${rz.memory.shrunk} shrunk, ${rz.memory.grown} grown, ${rz.memory.noData} not measured)`,
    );
  lines.push(
    `  power ${s.powerKwAfter} kW (${fmt(s.energyKwhPerYearAfter)} kWh/year), ${s.rackUnitsAfter} U of rack space` +
      (s.powerKwBefore !== undefined ? `; before ${s.powerKwBefore} kW (${fmt(s.energyKwhPerYearBefore ?? 0)} kWh/year), ${s.rackUnitsBefore} U (assumed per current host: policy.existingHosts)` : ''),
  );
  lines.push(
    `  cost: hardware ${s.currency} ${fmt(s.hardwareCost)}, licences ${s.currency} ${fmt(s.licenceCost)} (${s.licenceCores} core(s))`,
  );
  const bc = plan.businessCase;
  if (bc)
    lines.push(
      `  business case (${bc.years} years): before ${s.currency} ${fmt(bc.totals.before)}, after ${s.currency} ${fmt(bc.totals.after)} ` +
        `(${s.currency} ${fmt(bc.byYear[0].after)} one-off), savings ${s.currency} ${fmt(bc.totals.savings)}, ` +
        `payback ${bc.paybackMonth === null ? 'none' : bc.paybackMonth > bc.years * 12 ? `beyond ${bc.years} years` : `month ${bc.paybackMonth}`}`,
    );
  lines.push(...storageLines(plan), ...haLines(plan));
  if (plan.unplaced.length > 0) {
    lines.push(`  unplaced (${plan.unplaced.length}):`);
    for (const u of plan.unplaced.slice(0, maxUnplaced)) lines.push(`    ${u.name}: [${u.code}] ${u.reason}`);
    if (plan.unplaced.length > maxUnplaced) lines.push(`    … and ${plan.unplaced.length - maxUnplaced} more (all in the plan file)`);
  }
  lines.push(`  solver: ${plan.solver.algorithm}; ${fmt(plan.solver.iterations)} iterations, ${plan.solver.seconds} s`);
  return lines.join('\n');
}

export { DIM_LABEL };

export const tib = (gib: number) => `${fmt(gib / 1024)} TiB`;

function storageLines(plan: Plan): string[] {
  const out: string[] = [];
  const a = plan.storage?.array;
  if (a) {
    const t = a.total;
    out.push(
      `  storage on an external array (not packed on the hosts): ${tib(t.neededGib)} usable needed on ${a.basis} GiB ` +
        `(${a.basis === 'used' ? `thick/provisioned ${tib(t.neededProvisionedGib)}` : `thin/used ${tib(t.neededUsedGib)}`}) ` +
        `= GiB / dedupe ${a.dedupe} × f ${a.factor} / target ${a.targetUtilization}; today ${tib(t.currentCapacityGib)} on ${t.datastores} datastore(s)`,
    );
    const rows = a.byType.filter((r) => r.workloads > 0 || r.datastores > 0);
    if (rows.length > 0)
      out.push(`    by datastore type: ${rows.map((r) => `${r.type} ${tib(r.neededGib)} needed (today ${tib(r.currentCapacityGib)}, ${r.datastores} datastore(s))`).join('; ')}`);
  }
  for (const p of plan.storage?.pools ?? []) {
    if (p.storage !== 'hci') continue;
    out.push(
      `  storage HCI in pool ${p.pool}: ${p.policyLabel} (×${p.multiplier}, at least ${p.minHostsPerCluster} hosts per cluster); ` +
        `demand ${tib(p.demandGib ?? 0)} (swap files ${tib(p.swapGib ?? 0)}) of ${tib(p.usableGib ?? 0)} usable (raw ${tib(p.rawGib ?? 0)} less ${(p.slack ?? 0) * 100} % slack)`,
    );
  }
  return out;
}

function haLines(plan: Plan): string[] {
  const out: string[] = [];
  const r = plan.ha?.reserve ?? [];
  if (r.length > 0)
    out.push(`  HA reserve: ${r.map((x) => `${x.pool} ${x.reservePct > 0 ? `${x.reservePct} % of CPU and memory per cluster` : `N+${x.spareHosts} spare host(s) per cluster`}`).join('; ')}`);
  const before = haBeforeLine(plan.ha?.clustersBefore ?? []);
  if (before) out.push(`  HA before: ${before}`);
  return out;
}
