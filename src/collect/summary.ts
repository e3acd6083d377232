import { countBySeverity } from '../diagnostics';
import { Datastore, Inventory, Workload } from '../inventory/schema';
import { systemVmKindOf } from '../inventory/system-vms';

/** What `dcplan collect` reports about an inventory (printed, and returned for --json). */
export interface CollectSummary {
  workloads: number;
  hosts: number;
  clusters: number;
  datastores: number;
  bySource: { file: string; format: string; rowsRead: number; workloads: number; hosts: number; datastores: number; excluded: number }[];
  byCluster: Record<string, number>;
  byOsFamily: Record<string, number>;
  totals: { vcpus: number; memoryGib: number; storageGib: number };
  /**
   * Existing datastores' capacity, in use and free, GiB. Used falls back to capacity − free (and free to
   * capacity − used) for a datastore that gives only one of them.
   */
  datastoreTotals: { capacityGib: number; usedGib: number; freeGib: number };
  /** Datastores by type as written (VMFS, NFS, vsan, ...; `(no type)` when the export has none), largest first. */
  datastoresByType: Record<string, number>;
  excluded: Record<string, number>;
  /** System VMs excluded (vCLS and other agent VMs vCenter manages): by kind, and the first names. */
  systemVms: { byKind: Record<string, number>; names: string[] };
  /** Today's DRS rules (RVTools): by type, and each rule with its cluster and number of VMs in the estate. */
  drsRules: { byType: Record<string, number>; rules: { name: string; type: string; cluster?: string; vcenter?: string; vms: number }[] };
  coverage: Inventory['coverage'];
  problems: { error: number; warning: number; info: number };
}

export function workloadStorageGib(w: Workload): number {
  if (w.provisionedGib !== undefined) return w.provisionedGib;
  return w.disks.reduce((s, d) => s + d.capacityGib, 0);
}

function sortedCounts(values: string[]): Record<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  // Largest first, then by name, so the order is stable.
  const out: Record<string, number> = {};
  for (const [k, n] of [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) out[k] = n;
  return out;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

export function summarizeInventory(inv: Inventory): CollectSummary {
  const w = inv.workloads;
  return {
    workloads: w.length,
    hosts: inv.hosts.length,
    clusters: inv.clusters.length,
    datastores: (inv.datastores ?? []).length,
    bySource: inv.sources.map((s) => ({
      file: s.file,
      format: s.format,
      rowsRead: s.rowsRead,
      workloads: s.workloads,
      hosts: s.hosts,
      datastores: s.datastores ?? 0,
      excluded: s.excluded,
    })),
    byCluster: sortedCounts(w.map((x) => x.location.cluster ?? '(no cluster)')),
    byOsFamily: sortedCounts(w.map((x) => x.os.family)),
    totals: {
      vcpus: r1(w.reduce((s, x) => s + x.vcpus, 0)),
      memoryGib: r1(w.reduce((s, x) => s + x.memoryMib, 0) / 1024),
      storageGib: r1(w.reduce((s, x) => s + workloadStorageGib(x), 0)),
    },
    datastoreTotals: datastoreTotals(inv.datastores ?? []),
    datastoresByType: sortedCounts((inv.datastores ?? []).map((d) => d.type ?? '(no type)')),
    excluded: sortedCounts(inv.excluded.map((e) => e.code)),
    systemVms: systemVmCounts(inv),
    drsRules: {
      byType: sortedCounts((inv.drsRules ?? []).map((r) => r.type)),
      rules: (inv.drsRules ?? []).map((r) => ({ name: r.name, type: r.type, cluster: r.cluster, vcenter: r.vcenter, vms: r.workloads.length })),
    },
    coverage: inv.coverage,
    problems: countBySeverity(inv.problems),
  };
}

function datastoreTotals(ds: readonly Datastore[]): CollectSummary['datastoreTotals'] {
  let capacity = 0;
  let used = 0;
  let free = 0;
  for (const d of ds) {
    capacity += d.capacityGib;
    used += d.usedGib ?? (d.freeGib !== undefined ? Math.max(0, d.capacityGib - d.freeGib) : 0);
    free += d.freeGib ?? (d.usedGib !== undefined ? Math.max(0, d.capacityGib - d.usedGib) : 0);
  }
  return { capacityGib: r1(capacity), usedGib: r1(used), freeGib: r1(free) };
}

const fmt = (n: number) => n.toLocaleString('en-US');

function table(title: string, counts: Record<string, number>, limit = 15): string[] {
  const entries = Object.entries(counts);
  if (entries.length === 0) return [];
  const width = Math.min(40, Math.max(...entries.map(([k]) => k.length)));
  const lines = [`${title}:`];
  for (const [k, n] of entries.slice(0, limit)) lines.push(`  ${k.padEnd(width)}  ${fmt(n).padStart(7)}`);
  if (entries.length > limit) {
    const rest = entries.slice(limit).reduce((s, [, n]) => s + n, 0);
    lines.push(`  ${`… ${entries.length - limit} more`.padEnd(width)}  ${fmt(rest).padStart(7)}`);
  }
  return lines;
}

export function renderSummary(s: CollectSummary, out: string): string {
  const lines: string[] = [];
  const ds = s.datastores > 0 ? `, ${fmt(s.datastores)} datastore(s)` : '';
  lines.push(`Collected ${fmt(s.workloads)} workload(s), ${fmt(s.hosts)} host(s), ${fmt(s.clusters)} cluster(s)${ds} → ${out}`);
  lines.push('');
  lines.push('Sources:');
  for (const src of s.bySource)
    lines.push(
      `  ${src.file} [${src.format}]: ${fmt(src.rowsRead)} rows read, ${fmt(src.workloads)} workloads, ${fmt(src.hosts)} hosts, ` +
        `${src.datastores > 0 ? `${fmt(src.datastores)} datastores, ` : ''}${fmt(src.excluded)} excluded`,
    );
  lines.push(...table('By cluster', s.byCluster));
  lines.push(...table('By OS family', s.byOsFamily));
  lines.push(`Totals: ${fmt(s.totals.vcpus)} vCPU, ${fmt(s.totals.memoryGib)} GiB memory, ${fmt(s.totals.storageGib)} GiB storage`);
  if (s.datastores > 0) {
    const t = s.datastoreTotals;
    const types = Object.entries(s.datastoresByType).map(([k, n]) => `${k} ${fmt(n)}`);
    lines.push(
      `Datastores: ${fmt(s.datastores)} (${types.join(', ')}): ${fmt(t.capacityGib)} GiB capacity, ${fmt(t.usedGib)} GiB in use, ${fmt(t.freeGib)} GiB free`,
    );
  }
  const c = s.coverage;
  lines.push(
    `Coverage: CPU utilisation ${fmt(c.withCpuUtilization)}/${fmt(c.workloads)}, memory utilisation ${fmt(c.withMemoryUtilization)}/${fmt(c.workloads)}, ` +
      `storage ${fmt(c.withStorage)}/${fmt(c.workloads)}, time series ${fmt(c.withSeries)}/${fmt(c.workloads)}, host joined ${fmt(c.withHostJoined)}/${fmt(c.workloads)}`,
  );
  const flags = Object.entries(c.byFlag).map(([k, n]) => `${k} ${fmt(n)}`);
  if (flags.length > 0) lines.push(`Flags on kept workloads: ${flags.join(', ')}`);
  lines.push(...drsLines(s.drsRules));
  const sys = Object.entries(s.systemVms.byKind);
  if (sys.length > 0) {
    const n = sys.reduce((t, [, k]) => t + k, 0);
    lines.push(
      `System VMs excluded: ${fmt(n)} (${sys.map(([k, c]) => `${k} ${fmt(c)}`).join(', ')}): ${s.systemVms.names.join(', ')}${n > s.systemVms.names.length ? ', …' : ''}`,
    );
  }
  const ex = Object.entries(s.excluded);
  lines.push(ex.length === 0 ? 'Excluded: none' : `Excluded: ${ex.map(([k, n]) => `${k} ${fmt(n)}`).join(', ')} (each listed in the inventory's "excluded")`);
  const p = s.problems;
  if (p.warning + p.info > 0) lines.push(`Warnings: ${fmt(p.warning)}, notes: ${fmt(p.info)} (listed above on stderr; all in the inventory's "problems")`);
  return lines.join('\n');
}

const DRS_SHOWN = 15;

/** DRS rules: a count by type, then one line per rule (the first 15); nothing when the sources have none. */
function drsLines(d: CollectSummary['drsRules']): string[] {
  if (d.rules.length === 0) return [];
  const types = Object.entries(d.byType).map(([k, n]) => `${k} ${fmt(n)}`);
  const lines = [`DRS rules: ${fmt(d.rules.length)} (${types.join(', ')}); affinity and anti-affinity are kept by the plan, VM-Host rules reported unless constraints.drsRules maps them`];
  for (const r of d.rules.slice(0, DRS_SHOWN)) {
    const where = [r.cluster, r.vcenter].filter((x) => x !== undefined).join(', ');
    lines.push(`  ${r.name} [${r.type}]${where ? ` ${where}` : ''}: ${fmt(r.vms)} VM(s)`);
  }
  if (d.rules.length > DRS_SHOWN) lines.push(`  … ${fmt(d.rules.length - DRS_SHOWN)} more (all in the inventory's "drsRules")`);
  return lines;
}

const SYSTEM_SHOWN = 5;

function systemVmCounts(inv: Inventory): CollectSummary['systemVms'] {
  const sys = inv.excluded.filter((e) => e.code === 'system-vm');
  return { byKind: sortedCounts(sys.map((e) => systemVmKindOf(e.reason))), names: sys.slice(0, SYSTEM_SHOWN).map((e) => e.name ?? '?') };
}
