/**
 * The readiness tables of today beside the seed's ten: migration effort per platform, licence cost per platform, and
 * the virtual appliances with where each can run (issues 13 and 15). Evidence only: the ratings are in the scorecard.
 */
import { Inventory } from '../../inventory/schema';
import { Scorecard } from '../../readiness/types';
import { Cell, Table } from './types';
import { col } from './labels';

export function migrationTable(scorecard: Scorecard): Table | undefined {
  if (!scorecard.migration || scorecard.migration.length === 0) return undefined;
  const name = new Map(scorecard.platforms.map((p) => [p.platform, p.name]));
  const rating = (id: string) => scorecard.platforms.find((p) => p.platform === id)?.ratings.find((r) => r.criterion === 'migration-effort')?.rating ?? '';
  return {
    id: 'migration-effort',
    sheet: 'Migration',
    title: 'Migration effort per platform (routes, points per workload, hands-on work)',
    columns: [
      col('platform', 'Platform', 'text', 1.4, true),
      col('rating', 'Rating', 'text', 0.8),
      col('route', 'Main route (tool, mode, workloads)', 'text', 2.4, true),
      col('workloads', 'To convert', 'int', 0.7),
      col('handsOn', 'Hands-on', 'int', 0.7),
      col('replatform', 'Re-platform', 'int', 0.7),
      col('appliances', 'Appliances', 'int', 0.7),
      col('points', 'Points', 'num', 0.6),
      col('perWorkload', 'Per workload', 'num2', 0.7),
      col('factors', 'What adds effort (workloads)', 'text', 2, true),
    ],
    rows: scorecard.migration.map((m): Cell[] => [
      name.get(m.platform) ?? m.platform,
      rating(m.platform),
      m.routes.map((r) => `${r.from} → ${r.tool} (${r.mode}, ${r.workloads})`).join('; ') || 'none',
      m.workloads,
      m.handsOn,
      m.replatform,
      m.appliances,
      m.points,
      m.pointsPerWorkload,
      m.factors.map((f) => `${f.factor} (${f.workloads})`).join(', ') || 'none',
    ]),
    note: "Points: dcplan's weighting in rules/reference/migration-effort.yaml (live 0.5, warm 1, cold 2, manual 4 per workload; plus each finding, a blocked route and large disks); routes and their sources in rules/reference/conversion-routes.yaml.",
  };
}

export function costTable(scorecard: Scorecard): Table | undefined {
  if (!scorecard.costs || scorecard.costs.length === 0) return undefined;
  const name = new Map(scorecard.platforms.map((p) => [p.platform, p.name]));
  return {
    id: 'licence-cost',
    sheet: 'Licence cost',
    title: 'Licence cost for this estate per platform (business case schemes on the planned hosts)',
    columns: [
      col('platform', 'Platform', 'text', 1.4, true),
      col('total', 'Total over the horizon', 'money', 1),
      col('years', 'Years', 'int', 0.5),
      col('schemes', 'Schemes (units, purchase + yearly)', 'text', 2.6, true),
      col('why', 'Not rated because', 'text', 2.2, true),
    ],
    rows: scorecard.costs.map((c): Cell[] => [
      name.get(c.platform) ?? c.platform,
      c.total ?? null,
      c.years ?? null,
      c.schemes.map((s) => `${s.name}: ${s.units} ${s.unit}(s), ${s.purchase} + ${s.yearly}/year`).join('; '),
      c.why ?? '',
    ]),
  };
}

/** Each appliance: package, option, size, validation, and the platforms where no critical finding stops it. */
export function appliancesTable(inventory: Inventory, scorecard: Scorecard): Table | undefined {
  const apps = inventory.workloads.filter((w) => w.kind === 'appliance' && w.appliance);
  if (apps.length === 0) return undefined;
  const platforms = scorecard.platforms.map((p) => ({ id: p.platform, name: p.name }));
  const blocked = (wid: string, pid: string) =>
    scorecard.findings.some((f) => f.workloadId === wid && f.severity === 'critical' && (f.platform === undefined || f.platform === pid));
  const cautions = (wid: string, pid: string) =>
    scorecard.findings.filter((f) => f.workloadId === wid && f.platform === pid && f.rule.startsWith('appliance-') && f.severity === 'warning').length;
  return {
    id: 'appliances',
    sheet: 'Appliances',
    title: 'Virtual appliances: option, size, validation and where each can run',
    columns: [
      col('appliance', 'Appliance', 'text', 1.3, true),
      col('package', 'Package', 'text', 1.4, true),
      col('option', 'Option', 'text', 0.9, true),
      col('vcpus', 'vCPUs', 'int', 0.5),
      col('memoryGib', 'Memory GiB', 'num', 0.6),
      col('diskGib', 'Disk GiB', 'num', 0.6),
      col('validation', 'Validation', 'text', 1.1, true),
      col('runsOn', 'Can run on (warnings)', 'text', 2, true),
      col('not', 'Cannot run on', 'text', 1.9, true),
    ],
    rows: apps.map((w): Cell[] => {
      const a = w.appliance!;
      const v = a.validation;
      const ok = platforms.filter((p) => !blocked(w.id, p.id));
      return [
        w.name,
        `${a.package} (${a.packageKind}, OVF ${a.ovfVersion})`,
        a.option ? `${a.option}${a.optionChosenBy ? ` (${a.optionChosenBy})` : ''}` : 'single',
        w.vcpus,
        Math.round((w.memoryMib / 1024) * 10) / 10,
        Math.round(w.disks.reduce((s, d) => s + d.capacityGib, 0) * 10) / 10,
        `${v.status}; manifest ${v.manifest}; ${v.signature}${v.errors + v.warnings > 0 ? `; ${v.errors} error(s), ${v.warnings} warning(s)` : ''}`,
        ok.map((p) => `${p.name}${cautions(w.id, p.id) > 0 ? ` (${cautions(w.id, p.id)})` : ''}`).join(', ') || 'none',
        platforms.filter((p) => blocked(w.id, p.id)).map((p) => p.name).join(', ') || 'none',
      ];
    }),
    note: 'Can / cannot run: whether a critical finding applies on that platform (appliance-* rules from rules/reference/appliance-import.yaml, and the other workload rules); the number in brackets counts the appliance warnings to handle there.',
  };
}
