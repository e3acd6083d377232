import { Problem, info, warning } from '../diagnostics';
import { Cluster, Datastore, DrsRule, Excluded, Host, MetricUtil, Utilization, Workload } from '../inventory/schema';
import { datastoreKey, identityKeys, nameMayJoin, sameDatastore } from './identity';
import { UtilizationUpdate } from './types';
import { MemoryFromAvailable } from './memory-below-total';

/**
 * Merging several collector outputs into one estate, and folding time-series utilisation into workloads by name.
 * A workload seen in two files (the same identity, see identity.ts: vCenter + VM UUID / VM ID; for records without
 * one, the same name, FQDN and short name matching, when their vCenters do not differ) is kept once, from the first
 * file; the second is listed as excluded with code `duplicate` and a warning. Within one file, collectors decide
 * (RVTools keeps two VMs of the same name from two vCenters apart by their ids).
 */

/** `web01.corp.example.com` → `web01`; IP addresses are kept whole. */
export function shortName(name: string): string {
  const n = name.trim().toLowerCase();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(n)) return n;
  const dot = n.indexOf('.');
  return dot > 0 ? n.slice(0, dot) : n;
}

export interface FileResult {
  file: string;
  workloads: Workload[];
  hosts: Host[];
  clusters: Cluster[];
  datastores?: Datastore[];
  /** Workload ids already unique within this file (see CollectorOutput.uniqueIds). */
  uniqueIds?: boolean;
}

export function mergeEstates(files: FileResult[]): {
  workloads: Workload[];
  hosts: Host[];
  clusters: Cluster[];
  datastores: Datastore[];
  duplicates: Excluded[];
  problems: Problem[];
  /** Index of the input file of each merged workload / duplicate / host / datastore (for per-source counts). */
  origin: { workloads: number[]; duplicates: number[]; hosts: number[]; datastores: number[] };
  /** Per input file: workload ids changed to keep them unique (collector id → inventory id). */
  renamed: Map<string, string>[];
} {
  const workloads: Workload[] = [];
  const hosts: Host[] = [];
  const clusters: Cluster[] = [];
  const duplicates: Excluded[] = [];
  const problems: Problem[] = [];
  const byName = new Map<string, Seen[]>();
  const byIdentity = new Map<string, Seen>();
  const ids = new Set<string>();
  const hostNames = new Map<string, string>();
  const clusterKeys = new Map<string, string>();
  const origin = { workloads: [] as number[], duplicates: [] as number[], hosts: [] as number[], datastores: [] as number[] };
  const datastores = mergeDatastores(files, problems, origin.datastores);
  const renamed = files.map(() => new Map<string, string>());

  files.forEach((f, fileIndex) => {
    // Names and identities are matched against earlier files only, and remembered for later files only: a single
    // file (one 200,000-VM export) needs neither.
    const laterFiles = fileIndex < files.length - 1;
    const seenThisFile: { key: string; w: Workload }[] = [];
    // A lone file whose collector made its ids unique needs no id set (200,000 string hashes in a big export).
    const trustIds = files.length === 1 && f.uniqueIds === true;
    for (const w of f.workloads) {
      const key = fileIndex > 0 || laterFiles ? shortName(w.name) : '';
      const earlier = fileIndex > 0 ? sameWorkloadIn(w, key, byIdentity, byName) : undefined;
      if (earlier) {
        const prov = w.provenance[0];
        const how = identityKeys(w).length > 0 && identityKeys(earlier.w).length > 0 ? 'the same VM (vCenter and VM UUID / VM ID)' : 'also';
        duplicates.push({
          name: w.name,
          kind: 'workload',
          code: 'duplicate',
          reason: `${how === 'also' ? 'Also' : `Is ${how} as`} in ${earlier.file}${rowOf(earlier.w)}; the first one is kept.`,
          provenance: prov,
        });
        origin.duplicates.push(fileIndex);
        problems.push(
          warning(
            'duplicate-workload',
            `"${w.name}" is ${how === 'also' ? 'also' : how} in ${earlier.file}${rowOf(earlier.w)}; kept once, from the first file.`,
            { file: prov.file, sheet: prov.sheet, row: prov.row },
            'Pass each export once; when two exports cover the same servers, dcplan keeps the first file given.',
          ),
        );
        continue;
      }
      let id = w.id;
      if (!trustIds) {
        for (let n = 2; ids.has(id); n++) id = `${w.id}#${n}`;
        ids.add(id);
      }
      if (id !== w.id) renamed[fileIndex].set(w.id, id);
      const kept = id === w.id ? w : { ...w, id };
      workloads.push(kept);
      origin.workloads.push(fileIndex);
      if (laterFiles) seenThisFile.push({ key, w: kept });
    }
    for (const { key, w } of seenThisFile) {
      const entry = { w, file: f.file };
      const list = byName.get(key);
      if (list) list.push(entry);
      else byName.set(key, [entry]);
      for (const k of identityKeys(w)) if (!byIdentity.has(k)) byIdentity.set(k, entry);
    }

    for (const h of f.hosts) {
      const key = `${(h.vcenter ?? '').toLowerCase()}|${h.name.toLowerCase()}`;
      const earlier = hostNames.get(key);
      if (earlier !== undefined && earlier !== f.file) {
        problems.push(info('duplicate-host', `Host "${h.name}" is also in ${earlier}; kept once.`, { file: f.file }));
        continue;
      }
      hostNames.set(key, f.file);
      hosts.push(h);
      origin.hosts.push(fileIndex);
    }
    for (const c of f.clusters) {
      const key = `${(c.vcenter ?? '').toLowerCase()}|${c.name.toLowerCase()}`;
      const earlier = clusterKeys.get(key);
      if (earlier !== undefined && earlier !== f.file) {
        problems.push(info('duplicate-cluster', `Cluster "${c.name}" is also in ${earlier}; kept once.`, { file: f.file }));
        continue;
      }
      clusterKeys.set(key, f.file);
      clusters.push(c);
    }
  });
  return { workloads, hosts, clusters, datastores, duplicates, problems, origin, renamed };
}

/**
 * Datastores of every file are kept, ids made unique (`#2`, ...). One exception, as for hosts: the same datastore
 * in two files (two exports of one vCenter, say one per cluster, both listing a shared datastore) is kept once, so
 * capacity is not counted twice. "The same" = same vCenter, datacenter and name (the vCenter known: file-named
 * `datastore1`s differ), and no URL saying otherwise. A URL alone never joins two datastores: NFS datastore URLs
 * derive from `server:/path`, which different sites reuse.
 */
function mergeDatastores(files: readonly FileResult[], problems: Problem[], origin: number[]): Datastore[] {
  const out: Datastore[] = [];
  const ids = new Set<string>();
  const seen = new Map<string, { d: Datastore; file: string }[]>();
  files.forEach((f, fileIndex) => {
    const thisFile: [string, Datastore][] = [];
    for (const d of f.datastores ?? []) {
      const key = datastoreKey(d);
      const earlier = key === undefined ? undefined : seen.get(key)?.find((e) => sameDatastore(e.d, d));
      if (earlier !== undefined) {
        problems.push(info('duplicate-datastore', `Datastore "${d.name}"${d.vcenter ? ` (${d.vcenter})` : ''} is also in ${earlier.file}; kept once.`, { file: f.file }));
        continue;
      }
      if (key !== undefined) thisFile.push([key, d]);
      let id = d.id;
      for (let n = 2; ids.has(id); n++) id = `${d.id}#${n}`;
      ids.add(id);
      out.push(id === d.id ? d : { ...d, id });
      origin.push(fileIndex);
    }
    for (const [key, d] of thisFile) {
      const list = seen.get(key);
      if (list) list.push({ d, file: f.file });
      else seen.set(key, [{ d, file: f.file }]);
    }
  });
  return out;
}

interface Seen {
  w: Workload;
  file: string;
}

/** The earlier file's record of the same VM: by identity when it has one, else by name where nothing contradicts. */
function sameWorkloadIn(w: Workload, key: string, byIdentity: Map<string, Seen>, byName: Map<string, Seen[]>): Seen | undefined {
  for (const k of identityKeys(w)) {
    const e = byIdentity.get(k);
    if (e) return e;
  }
  return byName.get(key)?.find((e) => nameMayJoin(e.w, w));
}

function rowOf(w: Workload): string {
  const p = w.provenance[0];
  return `${p.sheet ? ` sheet ${p.sheet}` : ''}${p.row !== undefined ? ` row ${p.row}` : ''}`;
}

/** Series beat any summary; otherwise the newer figure replaces the older. */
function mergeMetric(old: MetricUtil | undefined, upd: MetricUtil | undefined): MetricUtil | undefined {
  if (!upd) return old;
  if (old && old.basis === 'series' && upd.basis !== 'series') return old;
  return upd;
}

/**
 * Applies utilisation updates by server name: exact (case-insensitive) first, then short name when that names one
 * workload only. Updates that match nothing, or match several workloads, are reported (never silently dropped).
 */
export function applyUtilizationUpdates(
  workloads: Workload[],
  updates: readonly UtilizationUpdate[],
): { workloads: Workload[]; problems: Problem[]; applied: number } {
  // Nothing to fold in (the common case: no series files): skip indexing every workload's name.
  if (updates.length === 0) return { workloads: workloads.slice(), problems: [], applied: 0 };
  const exact = new Map<string, number[]>();
  const short = new Map<string, number[]>();
  workloads.forEach((w, i) => {
    push(exact, w.name.trim().toLowerCase(), i);
    push(short, shortName(w.name), i);
  });
  const out = workloads.slice();
  const problems: Problem[] = [];
  const unmatched: UtilizationUpdate[] = [];
  const fromAvailable = new MemoryFromAvailable();
  let applied = 0;
  for (const u of updates) {
    const name = u.serverName.trim().toLowerCase();
    let hits = exact.get(name) ?? [];
    if (hits.length === 0) hits = short.get(shortName(name)) ?? [];
    if (hits.length !== 1) {
      if (hits.length > 1)
        problems.push(
          warning(
            'utilization-ambiguous',
            `Utilisation for "${u.serverName}" matches ${hits.length} workloads (${hits.map((i) => workloads[i].name).join(', ')}); not applied.`,
            { file: u.provenance.file, sheet: u.provenance.sheet, row: u.provenance.row },
            'Name the server by its full name (FQDN) in the series file.',
          ),
        );
      else unmatched.push(u);
      fromAvailable.unmatched(u);
      continue;
    }
    const i = hits[0];
    const w = out[i];
    const util: Utilization = { ...w.utilization };
    const used = fromAvailable.convert(u, w);
    for (const k of ['cpu', 'memory', 'diskIops', 'networkMbps'] as const) {
      const m = mergeMetric(util[k], k === 'memory' && used ? used : u.utilization[k]);
      if (m) util[k] = m;
    }
    if (u.utilization.confidence !== undefined) util.confidence = u.utilization.confidence;
    const provenance = w.provenance.some((p) => p.file === u.provenance.file) ? w.provenance : [...w.provenance, u.provenance];
    out[i] = { ...w, utilization: util, provenance };
    applied++;
  }
  if (unmatched.length > 0) {
    const names = unmatched.map((u) => u.serverName);
    const shown = names.slice(0, 10).map((n) => `"${n}"`).join(', ');
    const files = [...new Set(unmatched.map((u) => u.provenance.file))].sort();
    problems.push(
      warning(
        'utilization-unmatched',
        `${unmatched.length} server(s) with utilisation data match no workload in the inventory: ${shown}${names.length > 10 ? ', …' : ''}.`,
        { file: files.length === 1 ? files[0] : undefined },
        'Give the inventory export together with the series files, and check that server names agree.',
      ),
    );
  }
  problems.push(...fromAvailable.problems());
  return { workloads: out, problems, applied };
}

function push(m: Map<string, number[]>, k: string, i: number): void {
  const a = m.get(k);
  if (a) a.push(i);
  else m.set(k, [i]);
}

/**
 * The DRS rules of every file, members by inventory id and only those the estate keeps. The same rule (vCenter,
 * cluster, name) from two files (the same export given twice) is one rule with the members of both.
 */
export function mergeDrsRules(perFile: readonly (DrsRule[] | undefined)[], renamed: readonly Map<string, string>[], kept: ReadonlySet<string>): DrsRule[] {
  const out = new Map<string, DrsRule>();
  perFile.forEach((rules, i) => {
    for (const r of rules ?? []) {
      const ids = r.workloads.map((id) => renamed[i]?.get(id) ?? id).filter((id) => kept.has(id));
      const key = `${r.vcenter ?? ''}\u0000${r.cluster ?? ''}\u0000${r.name}`;
      const earlier = out.get(key);
      if (earlier) {
        for (const id of ids) if (!earlier.workloads.includes(id)) earlier.workloads.push(id);
        continue;
      }
      out.set(key, { ...r, workloads: ids });
    }
  });
  return [...out.values()];
}
