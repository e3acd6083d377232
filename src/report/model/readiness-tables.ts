/**
 * The readiness tables of the report: workload findings, top blockers, the scorecard in full and in the seed's style.
 */
import { Scorecard } from '../../readiness/types';
import { Cell, Column, Table } from './types';
import { col, SEVERITY_ORDER } from './labels';

const sevRank = (s: string) => SEVERITY_ORDER.indexOf(s as (typeof SEVERITY_ORDER)[number]);

export function findingsTable(scorecard: Scorecard): Table {
  const platformName = new Map(scorecard.platforms.map((p) => [p.platform, p.name]));
  const sorted = scorecard.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => sevRank(a.f.severity) - sevRank(b.f.severity) || a.i - b.i)
    .map(({ f }) => f);
  return {
    id: 'findings',
    sheet: 'Findings',
    title: 'Workload findings',
    columns: [
      col('severity', 'Severity', 'text', 0.8),
      col('rule', 'Rule', 'text', 1.4),
      col('workload', 'Workload', 'text', 1.2),
      col('platform', 'Platform', 'text', 1.2),
      col('message', 'Message', 'text', 3, true),
      col('remediation', 'Remediation', 'text', 3, true),
    ],
    rows: sorted.map((f) => [f.severity, f.rule, f.workload, f.platform ? platformName.get(f.platform) ?? f.platform : 'all', f.message, f.remediation]),
  };
}

/** Critical findings grouped by rule and platform: what blocks a move, how many workloads, what to do. */
export function blockersTable(scorecard: Scorecard, limit = 10): Table {
  const platformName = new Map(scorecard.platforms.map((p) => [p.platform, p.name]));
  const groups = new Map<string, { rule: string; platform: string; workloads: string[]; remediation: string }>();
  for (const f of scorecard.findings) {
    if (f.severity !== 'critical') continue;
    const key = `${f.rule}\u0000${f.platform ?? ''}`;
    const g = groups.get(key) ?? { rule: f.rule, platform: f.platform ? platformName.get(f.platform) ?? f.platform : 'all platforms', workloads: [], remediation: f.remediation };
    g.workloads.push(f.workload);
    groups.set(key, g);
  }
  const list = [...groups.values()].sort((a, b) => b.workloads.length - a.workloads.length || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.platform < b.platform ? -1 : 1));
  return {
    id: 'blockers',
    sheet: 'Blockers',
    title: 'Top blockers (critical findings by rule and platform)',
    columns: [
      col('rule', 'Rule', 'text', 1.4, true),
      col('platform', 'Platform', 'text', 1.3, true),
      col('workloads', 'Workloads', 'int', 0.95),
      col('examples', 'Examples', 'text', 1.6, true),
      col('remediation', 'Remediation', 'text', 3, true),
    ],
    rows: list.slice(0, limit).map((g) => [
      g.rule,
      g.platform,
      g.workloads.length,
      g.workloads.slice(0, 3).join(', ') + (g.workloads.length > 3 ? `, +${g.workloads.length - 3} more` : ''),
      g.remediation,
    ]),
    note: list.length > limit ? `${list.length - limit} more blocker group(s) in the Findings table.` : undefined,
  };
}

/** The full scorecard: every criterion × platform with rating label and score (XLSX/CSV/JSON). */
export function scorecardTable(scorecard: Scorecard): Table {
  const columns: Column[] = [col('criterion', 'Criterion', 'text', 2), col('weight', 'Weight', 'num', 0.6)];
  for (const p of scorecard.platforms) {
    columns.push(col(`${p.platform}_rating`, `${p.name}: rating`, 'text'));
    columns.push(col(`${p.platform}_score`, `${p.name}: score`, 'int'));
  }
  const rows: Cell[][] = scorecard.criteria.map((c) => {
    const row: Cell[] = [c.title, scorecard.profile.weights[c.id] ?? null];
    for (const p of scorecard.platforms) {
      const r = p.ratings.find((x) => x.criterion === c.id);
      row.push(r?.rating ?? '', r?.score ?? null);
    }
    return row;
  });
  const total: Cell[] = ['Weighted total', null];
  for (const p of scorecard.platforms) total.push(`rank ${p.rank}`, { value: p.weightedTotal, kind: 'num' });
  rows.push(total);
  return { id: 'scorecard', sheet: 'Scorecard', title: `Readiness scorecard (${scorecard.profile.name} profile)`, columns, rows };
}

/** The seed's Figure 3 style: criteria down, platforms across, rating labels in the cells, weighted total at the foot. */
export function seedStyleTable(scorecard: Scorecard): Table {
  const columns: Column[] = [col('criterion', 'Criterion', 'text', 2, true)];
  for (const p of scorecard.platforms) columns.push(col(p.platform, p.name, 'text', 1, true));
  const rows: Cell[][] = scorecard.criteria.map((c) => [
    c.title,
    ...scorecard.platforms.map((p) => p.ratings.find((r) => r.criterion === c.id)?.rating ?? ''),
  ]);
  rows.push(['Weighted total (0-100)', ...scorecard.platforms.map((p): Cell => ({ value: p.weightedTotal, kind: 'num' }))]);
  return { id: 'scorecard-matrix', sheet: 'Readiness', title: 'Readiness of each platform against the ten criteria', columns, rows };
}
