import { Dimension } from '../plan/types';
import { AssessResult } from './types';
import { gapWords } from '../plan/gap-words';

/** The closing text of `dcplan assess`: where the files are, the headline figures, the scenarios, the recommendation. */

const DIM_LABEL: Record<Dimension, string> = {
  cpuMhz: 'CPU', memoryMib: 'memory', storageGib: 'storage', iops: 'IOPS', networkMbps: 'network',
};
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (x: number | undefined) => (x === undefined ? 'n/a' : `${(x * 100).toFixed(0)} %`);
const money = (n: number, cur: string) => `${cur} ${int(n)}`;

export function renderAssessSummary(r: AssessResult): string {
  const h = r.headline;
  const lines: string[] = [];
  lines.push(`Assessment written to ${r.outDir}`);
  lines.push(`  checkpoints: ${[r.checkpoints.inventory, r.checkpoints.plan, r.checkpoints.scorecard, ...(r.checkpoints.maturity ? [r.checkpoints.maturity] : []), ...r.checkpoints.scenarioPlans].join(', ')}`);
  lines.push(`  reports:     ${r.reports.length > 0 ? r.reports.join(', ') : '(none)'}`);
  lines.push('');
  lines.push(`Estate: ${int(r.inventory.workloads)} workloads from ${r.inventory.sources.length} source(s), ` +
    `${int(r.inventory.hosts)} existing hosts, ${int(r.inventory.excluded)} records excluded (listed in inventory.json)`);
  const models = Object.entries(h.hostsByModel).map(([m, n]) => `${n} × ${m}`).join(', ');
  const gapPct = (x: number) => `${(x * 100).toFixed(1)} %`;
  lines.push(`Hosts:  ${h.hostsBefore} → ${h.hostsAfter} (${models}; ${h.reserveHosts} HA reserve), ` +
    gapWords({ gap: h.gap, bound: `${h.lowerBound} hosts`, of: 'hosts' }, gapPct));
  if (h.costLowerBound !== undefined)
    // the note explains a host-count gap beside a smaller cost gap; with no host-count gap there is nothing to explain
    lines.push(`        objective cost: ${gapWords({ gap: h.costGap ?? 0, bound: money(h.costLowerBound, h.currency), of: 'cost' }, gapPct)}` +
      (h.gap > 0 ? ' (the host-count bound counts hosts of the largest model only, so a cheaper plan may have more hosts)' : ''));
  lines.push(`        consolidation ratio ${h.consolidationRatio.toFixed(1)} workloads per host, ${h.placed} placed, ` +
    `${h.unplaced} unplaced${h.limitingDimension ? `, limited by ${DIM_LABEL[h.limitingDimension]}` : ''}`);
  const dims = (Object.keys(h.utilizationAfter) as Dimension[]).filter((d) => d === 'cpuMhz' || d === 'memoryMib');
  if (dims.length > 0)
    lines.push(`        utilisation ${dims.map((d) => `${DIM_LABEL[d]} ${pct(h.utilizationBefore[d])} → ${pct(h.utilizationAfter[d])}`).join(', ')}`);
  lines.push(`Power:  ${h.powerKwBefore !== undefined ? `${h.powerKwBefore.toFixed(1)} kW → ` : ''}${h.powerKwAfter.toFixed(1)} kW; ` +
    `rack ${h.rackUnitsBefore !== undefined ? `${h.rackUnitsBefore} U → ` : ''}${h.rackUnitsAfter} U`);
  const bc = h.businessCase;
  lines.push(`Cost:   ${costLine(h)}`);
  if (bc)
    lines.push(`Business case (${bc.years} years): before ${money(bc.before, h.currency)}, after ${money(bc.after, h.currency)} ` +
      `(${money(bc.oneOff, h.currency)} one-off), savings ${money(bc.savings, h.currency)}, ` +
      `payback ${bc.paybackMonth === null ? 'none' : bc.paybackMonth > bc.years * 12 ? `beyond ${bc.years} years (month ${bc.paybackMonth} at this rate)` : `month ${bc.paybackMonth}`}`);
  if (r.scenarios.length > 1) {
    lines.push('');
    lines.push('Scenarios:');
    const w = Math.max(...r.scenarios.map((s) => s.name.length), 8);
    const gapOf = (s: (typeof r.scenarios)[number]) => `${(((s.costGap ?? s.gap) * 100)).toFixed(1)} %`;
    // with a business case, each scenario's savings over its horizon beside its purchase cost
    const bcYears = r.scenarios.find((s) => s.businessCase)?.businessCase?.years;
    const savingsHead = bcYears !== undefined ? `  ${`${bcYears}-year savings`.padStart(16)}` : '';
    lines.push(`  ${'name'.padEnd(w)}  hosts  bound  gap*     unplaced  power kW  ${'purchase cost'.padStart(14)}${savingsHead}`);
    for (const s of r.scenarios)
      lines.push(`  ${s.name.padEnd(w)}  ${String(s.hosts).padStart(5)}  ${String(s.lowerBound).padStart(5)}  ${gapOf(s).padEnd(7)}  ` +
        `${String(s.unplaced).padStart(8)}  ${s.powerKwAfter.toFixed(1).padStart(8)}  ${money(s.totalCost, h.currency).padStart(14)}` +
        (bcYears !== undefined ? `  ${(s.businessCase ? money(s.businessCase.savings, h.currency) : '').padStart(16)}` : ''));
    lines.push('  * gap to the cost lower bound when the scenario minimises cost, else to the host-count bound');
  }
  lines.push('');
  lines.push(`Readiness: recommended platform ${r.recommendation.name} (weighted score ${r.recommendation.weightedTotal.toFixed(1)} of 100)`);
  for (const reason of r.recommendation.reasons.slice(0, 3)) lines.push(`  - ${reason}`);
  lines.push(`Findings:  ${r.findings.critical} critical, ${r.findings.warning} warning, ${r.findings.info} info`);
  lines.push(`Problems:  ${r.problemCounts.error} errors, ${r.problemCounts.warning} warnings, ${r.problemCounts.info} notes (all in the JSON checkpoints)`);
  return lines.join('\n');
}

/**
 * The purchase figures of the plan. `licenceCost` is what the planner's licence pools cost (the figure it optimises);
 * the business case's licence schemes are counted on its own line, so "licences EUR 0" is never printed beside them.
 */
function costLine(h: AssessResult['headline']): string {
  const parts = [`hardware ${money(h.hardwareCost, h.currency)} to buy`];
  if (h.licenceCost > 0) parts.push(`licences of the planner's pools ${money(h.licenceCost, h.currency)}`);
  else if (!h.businessCase) parts.push('no licence cost configured');
  return parts.join(', ') + (h.businessCase ? '; licences and running costs are in the business case below' : '');
}
