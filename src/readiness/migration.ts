import { Inventory, Workload } from '../inventory/schema';
import { MigrationMode } from './schema/rule-files';
import { Platform, RuleSet } from './model';
import { EstateFacts } from './estate';
import { MigrationEstimate, WorkloadFinding } from './types';
import { cmpText } from './order';

/**
 * Migration effort of the estate per target platform: each workload's route (source platform → target, from
 * rules/reference/conversion-routes.yaml) and its points (rules/reference/migration-effort.yaml: the route's mode, the
 * findings it has on that platform, a route its findings block, large disks), summed with the counts behind them.
 */

const REPLATFORM_RULE = 'guest-not-x86';

/** Where a workload runs today: `physical`, a source id of the routes table (by host hypervisor or export format), or `unknown`. */
export function sourcePlatformOf(w: Workload, inv: Inventory, rules: RuleSet, hypervisorByHost: Map<string, string>): string {
  if (w.kind === 'physical') return 'physical';
  const table = rules.conversionRoutes.sources;
  const hv = (hypervisorByHost.get(w.location.hostId ?? '') ?? w.labels.hypervisor ?? '').toLowerCase();
  if (hv) for (const s of table) if (s.hypervisor.some((f) => hv.includes(f.toLowerCase()))) return s.id;
  const files = new Set(w.provenance.map((p) => p.file));
  const formats = inv.sources.filter((s) => files.has(s.file)).map((s) => s.format.toLowerCase());
  for (const s of table) if ((s.formats ?? []).some((f) => formats.some((x) => x.includes(f.toLowerCase())))) return s.id;
  return 'unknown';
}

interface Tally {
  est: MigrationEstimate;
  routes: Map<string, MigrationEstimate['routes'][number]>;
  factors: Map<string, { workloads: number; points: number }>;
}

function addFactor(t: Tally, factor: string, points: number) {
  const f = t.factors.get(factor) ?? { workloads: 0, points: 0 };
  f.workloads++;
  f.points += points;
  t.factors.set(factor, f);
}

export function estimateMigration(
  rules: RuleSet,
  platforms: Platform[],
  inventory: Inventory,
  estate: EstateFacts,
  findings: WorkloadFinding[],
): Map<string, MigrationEstimate> {
  const effort = rules.migrationEffort;
  const hypervisorByHost = new Map(inventory.hosts.filter((h) => h.hypervisor).map((h) => [h.id, h.hypervisor!]));
  const byWorkload = new Map<string, WorkloadFinding[]>();
  for (const f of findings) byWorkload.set(f.workloadId, [...(byWorkload.get(f.workloadId) ?? []), f]);
  const sourceName = new Map(rules.conversionRoutes.sources.map((s) => [s.id, s.name]));
  const out = new Map<string, MigrationEstimate>();
  for (const p of platforms) {
    const t: Tally = {
      est: { platform: p.id, workloads: 0, routine: 0, handsOn: 0, replatform: 0, appliances: 0, points: 0, pointsPerWorkload: 0, routes: [], factors: [] },
      routes: new Map(),
      factors: new Map(),
    };
    for (const w of estate.workloads) {
      if (w.kind === 'appliance') {
        t.est.appliances++;
        continue;
      }
      const own = (byWorkload.get(w.id) ?? []).filter((f) => f.platform === undefined || f.platform === p.id);
      if (own.some((f) => f.rule === REPLATFORM_RULE)) {
        t.est.replatform++;
        continue;
      }
      const from = sourcePlatformOf(w, inventory, rules, hypervisorByHost);
      const route = rules.conversionRoutes.routes.find((r) => r.from === from && r.to === p.id);
      const mode: MigrationMode = route?.mode ?? 'manual';
      const key = `${from}\u0000${route?.tool ?? ''}`;
      const r = t.routes.get(key) ?? {
        from: sourceName.get(from) ?? from,
        tool: route?.tool ?? 'no vendor tool: rebuild or copy disk images by hand',
        mode,
        workloads: 0,
        ...(route ? { source: describeRouteSource(rules, route.source) } : {}),
      };
      r.workloads++;
      t.routes.set(key, r);
      const base = effort.modePoints[mode];
      let points = base;
      for (const rule of [...new Set(own.map((f) => f.rule))].sort(cmpText)) {
        const pts = effort.findingPoints[rule];
        if (pts === undefined) continue;
        points += pts;
        addFactor(t, rule, pts);
      }
      const largest = Math.max(0, ...w.disks.map((d) => d.capacityGib));
      const blocked = route && (route.blockedBy.some((b) => own.some((f) => f.rule === b)) || (route.maxDiskGib !== undefined && largest > route.maxDiskGib));
      if (blocked) {
        points += effort.blockedPoints;
        addFactor(t, `blocks ${route.tool}`, effort.blockedPoints);
      }
      const total = w.disks.reduce((s, d) => s + d.capacityGib, 0) || (w.provisionedGib ?? 0);
      const band = [...effort.diskBands].sort((a, b) => b.overGib - a.overGib).find((b) => total > b.overGib);
      if (band) {
        points += band.points;
        addFactor(t, `disks over ${band.overGib} GiB`, band.points);
      }
      t.est.workloads++;
      if (points > base) t.est.handsOn++;
      else t.est.routine++;
      t.est.points += points;
    }
    t.est.points = round(t.est.points);
    t.est.pointsPerWorkload = t.est.workloads > 0 ? round(t.est.points / t.est.workloads) : 0;
    t.est.routes = [...t.routes.values()].sort((a, b) => b.workloads - a.workloads || cmpText(a.from, b.from));
    t.est.factors = [...t.factors]
      .map(([factor, f]) => ({ factor, workloads: f.workloads, points: round(f.points) }))
      .sort((a, b) => b.points - a.points || cmpText(a.factor, b.factor));
    out.set(p.id, t.est);
  }
  return out;
}

function describeRouteSource(rules: RuleSet, s: { doc: string; section?: string; says?: string }): string {
  const doc = rules.conversionRoutes.documents[s.doc];
  return `${doc?.title ?? s.doc}${s.section ? `, § ${s.section}` : ''}${doc?.url ? ` <${doc.url}>` : ''}${s.says ? ` — ${s.says}` : ''}`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
