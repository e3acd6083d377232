import { Scorecard } from './types';

/** Plain-text scorecard for the terminal: the seed's criteria × platforms table, totals, recommendation, findings. */
export function renderScorecardText(sc: Scorecard, opts: { shortNames?: Record<string, string>; topFindings?: number } = {}): string {
  const out: string[] = [];
  const names = sc.platforms.map((p) => opts.shortNames?.[p.platform] ?? p.name);
  const firstCol = Math.max('Criterion'.length, ...sc.criteria.map((c) => c.title.length), 'Weighted total'.length) + 2;
  const widths = sc.platforms.map((p, i) => Math.max(names[i].length, ...p.ratings.map((r) => r.rating.length + 1)) + 2);
  const row = (head: string, cells: string[]) => (head.padEnd(firstCol) + cells.map((c, i) => c.padEnd(widths[i])).join('')).trimEnd();
  let moved = false;
  out.push(row('Criterion', names));
  out.push(row('-'.repeat(firstCol - 2), widths.map((w) => '-'.repeat(w - 2))));
  sc.criteria.forEach((c, ci) => {
    const cells = sc.platforms.map((p) => {
      const r = p.ratings[ci];
      const star = r.ratingWithoutEstate !== undefined && r.ratingWithoutEstate !== r.rating;
      moved ||= star;
      return r.rating + (star ? '*' : '');
    });
    const out_ = sc.platforms.some((p) => p.ratings[ci].inTotal === false);
    out.push(row(`${c.title}${weightNote(sc, c.id)}${out_ ? ' †' : ''}`, cells));
  });
  out.push(row('-'.repeat(firstCol - 2), widths.map((w) => '-'.repeat(w - 2))));
  out.push(row('Weighted total', sc.platforms.map((p) => p.weightedTotal.toFixed(1))));
  out.push(row('Rank', sc.platforms.map((p) => String(p.rank))));
  out.push(row('Lifecycle', sc.platforms.map(lifecycleCell)));
  if (sc.estate) out.push(row('Critical findings', sc.platforms.map((p) => String(p.findingCounts?.critical ?? 0))));
  out.push('');
  out.push(`Profile: ${sc.profile.name} (${sc.profile.id})${equalWeights(sc) ? ', all criteria weigh the same' : '; weights in brackets'}.`);
  const left = sc.criteria.filter((_c, ci) => sc.platforms.some((p) => p.ratings[ci].inTotal === false));
  for (const c of left) {
    const why = sc.platforms.map((p) => p.ratings.find((r) => r.criterion === c.id)?.notRated).find((x) => x !== undefined);
    out.push(`† ${c.title}: not in the weighted totals, not rated for every platform (${why}).`);
  }
  if (moved) out.push('* the estate moved this rating from the platform’s architecture-only rating (see the evidence in scorecard.json).');
  out.push(
    sc.estate
      ? `Estate: ${sc.estate.workloads} workloads, ${sc.estate.hosts} hosts, ${sc.estate.clusters} clusters; end of support as of ${sc.asOf}.`
      : 'No inventory given: ratings reflect the platforms’ architecture only.',
  );
  const passedOver = sc.platforms.filter((p) => p.notRecommended !== undefined);
  if (passedOver.length > 0) {
    out.push('Not recommended (scored for comparison only):');
    for (const p of passedOver) out.push(`  ${opts.shortNames?.[p.platform] ?? p.name}: ${p.notRecommended}.`);
  }
  out.push('');
  out.push(`Recommendation: ${sc.recommendation.name || 'none'}`);
  for (const r of sc.recommendation.reasons) out.push(`  - ${r}`);
  if (sc.migration && sc.migration.length > 0) {
    out.push('');
    out.push('Migration effort (points per workload; rules/reference/migration-effort.yaml):');
    for (const m of sc.migration) {
      const route = m.routes[0] ? `; main route ${m.routes[0].from} → ${m.routes[0].tool} (${m.routes[0].mode}, ${m.routes[0].workloads})` : '';
      out.push(
        `  ${opts.shortNames?.[m.platform] ?? m.platform}: ${m.pointsPerWorkload} over ${m.workloads} to convert (${m.handsOn} hands-on), ${m.replatform} to re-platform, ${m.appliances} appliance(s)${route}.`,
      );
    }
  }
  const priced = (sc.costs ?? []).filter((c) => c.total !== undefined);
  if (priced.length > 0) {
    out.push('');
    out.push('Licence cost for this estate (business case schemes on the planned hosts):');
    for (const c of sc.costs ?? [])
      out.push(`  ${opts.shortNames?.[c.platform] ?? c.platform}: ${c.total !== undefined ? `${c.currency} ${c.total} over ${c.years} years (${c.schemes.map((x) => x.name).join(', ') || 'no licence'})` : `not rated: ${c.why}`}`);
  }
  out.push('');
  const fc = sc.findingCounts;
  out.push(`Workload findings: ${fc.critical} critical, ${fc.warning} warning, ${fc.info} info.`);
  // Grouped by rule and platform (already in severity order), so 700 similar findings read as one line each.
  const groups = new Map<string, { f: (typeof sc.findings)[number]; names: string[] }>();
  for (const f of sc.findings) {
    const key = `${f.rule}\u0000${f.platform ?? ''}`;
    const g = groups.get(key) ?? { f, names: [] };
    g.names.push(f.workload);
    groups.set(key, g);
  }
  const maxGroups = opts.topFindings ?? 12;
  for (const { f, names } of [...groups.values()].slice(0, maxGroups)) {
    const where = f.platform ? ` on ${opts.shortNames?.[f.platform] ?? f.platform}` : '';
    const example = names.length === 1 ? f.message : `${names.length} workloads, e.g. ${f.message}`;
    out.push(`  ${f.severity.toUpperCase().padEnd(8)} ${f.rule}${where}: ${example}`);
  }
  if (groups.size > maxGroups) out.push(`  … ${groups.size - maxGroups} more groups in the JSON output (--out / --json).`);
  if (!sc.estate && sc.checksNotRun.length > 0) {
    out.push('');
    out.push(`Workload rules not run: no inventory given (${sc.checksNotRun.length} rules; pass --inventory inventory.json).`);
  } else if (sc.checksNotRun.length > 0) {
    out.push('');
    out.push('Checks not run for lack of data:');
    for (const c of sc.checksNotRun) out.push(`  ${c.rule}: ${c.reason}`);
  }
  return out.join('\n');
}

/** "to 2027-10-11" (current, end of support sourced), "current" (no sourced date) or "historical". */
function lifecycleCell(p: Scorecard['platforms'][number]): string {
  const lc = p.lifecycle;
  if (!lc) return '';
  const base = lc.status === 'current' && lc.endOfSupport ? `to ${lc.endOfSupport}` : lc.status;
  return base;
}

function equalWeights(sc: Scorecard): boolean {
  const ws = Object.values(sc.profile.weights);
  return ws.every((w) => w === ws[0]);
}

function weightNote(sc: Scorecard, id: string): string {
  return equalWeights(sc) ? '' : ` [${sc.profile.weights[id]}]`;
}
