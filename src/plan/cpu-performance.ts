/**
 * CPU generations (issue 10): the one home of the rule that moves CPU demand from today's CPUs to the new hosts by
 * per-core performance instead of raw MHz. The planner (sizing and host capacity), `verify` and the report all call
 * `cpuConversion`; nothing else converts.
 *
 *   source CPU    = the CPU model of the workload's joined host (RVTools vHost `CPU Model`), else the one CPU model of
 *                   the hosts in its cluster (an export whose VM-to-host join fails still names the cluster)
 *   index S       = perCore of the first row of rules/reference/cpu-performance.yaml whose `match` the model contains
 *   work          = MHz on the source / clock C (GHz) × S          (X / C cores' worth of a core of index S)
 *   reference     = the first host model of the catalog: clock C_ref, index S_ref (its perfIndex, else its cpuModel's row)
 *   target MHz    = work × C_ref / S_ref = source MHz × (S / C) × (C_ref / S_ref)        ← workloadFactor
 *   capacity      = cores × C_m × 1000 × (S_m / C_m) × (C_ref / S_ref) = cores × S_m × C_ref / S_ref × 1000
 *                                                                                          ← modelFactor
 * So with one host model (the common case) every CPU figure stays in MHz of the new host. A workload whose source CPU
 * is unknown, or not in the table, keeps its raw MHz (factor 1) and is listed. When some target model has neither
 * perfIndex nor a known cpuModel, nothing is converted (indexes against raw MHz would mix units) and the plan says so.
 * Allocation-based CPU demand (vCPUs × clock / cpuOversubscription) moves by the same factor: it is a share of a
 * source core.
 */
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { Host, Workload } from '../inventory/schema';
import { parseYamlWithLines } from '../util/yaml-lines';
import { PACKAGE_ROOT } from '../version';

export const CPU_TABLE_FILE = path.join(PACKAGE_ROOT, 'rules', 'reference', 'cpu-performance.yaml');
/** How the report and plan.json name the table. */
export const CPU_TABLE_NAME = 'rules/reference/cpu-performance.yaml';

const RowSchema = z.strictObject({
  id: z.string().min(1),
  family: z.string().min(1),
  /** A regular expression (case-insensitive) the CPU model string must contain. */
  match: z.string().min(1).refine((s) => validRegex(s), 'a valid regular expression'),
  representative: z.string().min(1),
  perCore: z.number().positive().max(50),
  accuracy: z.enum(['measured', 'approximate', 'estimated']),
  note: z.string().optional(),
  source: z.string().url(),
});

export const CpuTableSchema = z.strictObject({
  description: z.string(),
  source: z.strictObject({ title: z.string(), url: z.string().url() }),
  metric: z.string(),
  rows: z.array(RowSchema).min(1),
});
export type CpuRow = z.infer<typeof RowSchema>;
export type CpuTable = z.infer<typeof CpuTableSchema> & { file: string };

function validRegex(s: string): boolean {
  try {
    new RegExp(s, 'i');
    return true;
  } catch {
    return false;
  }
}

const cache = new Map<string, CpuTable>();

/** The table, validated; a broken table is dcplan's own file gone wrong, so it throws naming the file, line and field. */
export function loadCpuTable(file = CPU_TABLE_FILE): CpuTable {
  const hit = cache.get(file);
  if (hit) return hit;
  const name = file === CPU_TABLE_FILE ? CPU_TABLE_NAME : file;
  const parsed = parseYamlWithLines(fs.readFileSync(file, 'utf8'));
  if (parsed.errors.length > 0) throw new Error(`${name}: not valid YAML at line ${parsed.errors[0].line}: ${parsed.errors[0].message}`);
  const r = CpuTableSchema.safeParse(parsed.data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${name}, line ${parsed.lineOf(issue.path as (string | number)[]) ?? '?'}, ${issue.path.join('.')}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const row of r.data.rows) {
    if (ids.has(row.id)) throw new Error(`${name}: row id ${row.id} appears twice`);
    ids.add(row.id);
  }
  const table = { ...r.data, file: name };
  cache.set(file, table);
  return table;
}

const regexCache = new Map<string, RegExp>();
/** The first row whose pattern the model string contains, or undefined. */
export function matchCpu(table: CpuTable, model: string | undefined): CpuRow | undefined {
  if (!model) return undefined;
  for (const row of table.rows) {
    let re = regexCache.get(row.match);
    if (!re) regexCache.set(row.match, (re = new RegExp(row.match, 'i')));
    if (re.test(model)) return row;
  }
  return undefined;
}

/** What the conversion needs of a host model (config, built-in, or made from an existing host). */
export interface PerfModel {
  id: string;
  cpuGhz: number;
  cpuModel?: string;
  perfIndex?: number;
}

export interface ModelIndex {
  index: number;
  /** perfIndex given on the model, or the table row its cpuModel matched. */
  from: 'perfIndex' | 'table';
  row?: CpuRow;
}

export function modelIndex(table: CpuTable, m: PerfModel): ModelIndex | undefined {
  if (m.perfIndex !== undefined) return { index: m.perfIndex, from: 'perfIndex' };
  const row = matchCpu(table, m.cpuModel);
  return row ? { index: row.perCore, from: 'table', row } : undefined;
}

export interface SourceCpu {
  model: string;
  /** joined host, or the one model of the workload's cluster */
  via: 'host' | 'cluster';
  row?: CpuRow;
}

export interface CpuConversion {
  basis: 'perf-index' | 'mhz';
  /** Why the plan stays in raw MHz (policy, or a target model without an index). */
  mhzReason?: string;
  reference?: { model: string; ghz: number; index: number; from: 'perfIndex' | 'table'; row?: CpuRow };
  table: CpuTable;
  /** The CPU a workload runs on today, where known. */
  sourceOf(w: Workload): SourceCpu | undefined;
  /** Multiplies a workload's CPU demand in MHz of its current CPU (clock `clockGhz`) into target MHz. */
  workloadFactor(w: Workload, clockGhz: number): number;
  /** The same for a source CPU of table row `row` (undefined: not known, raw MHz) at `clockGhz`. */
  sourceFactor(row: CpuRow | undefined, clockGhz: number): number;
  /** Multiplies a host model's raw MHz (cores × GHz × 1000) into the same units. */
  modelFactor(m: PerfModel): number;
}

const clusterKey = (vcenter: string | undefined, cluster: string) => `${vcenter ?? ''}\u0000${cluster}`;

export function cpuConversion(
  basis: 'perf-index' | 'mhz',
  hosts: readonly Host[],
  models: readonly PerfModel[],
  table: CpuTable = loadCpuTable(),
): CpuConversion {
  const byId = new Map(hosts.map((h) => [h.id, h]));
  const modelsOfCluster = new Map<string, Set<string>>();
  for (const h of hosts) {
    if (h.cluster === undefined || !h.cpuModel) continue;
    for (const k of [clusterKey(h.vcenter, h.cluster), clusterKey(undefined, h.cluster)]) {
      const set = modelsOfCluster.get(k) ?? new Set<string>();
      set.add(h.cpuModel);
      modelsOfCluster.set(k, set);
    }
  }
  const sourceOf = (w: Workload): SourceCpu | undefined => {
    const h = w.location.hostId !== undefined ? byId.get(w.location.hostId) : undefined;
    if (h?.cpuModel) return { model: h.cpuModel, via: 'host', row: matchCpu(table, h.cpuModel) };
    if (h || w.location.cluster === undefined) return undefined;
    const set = modelsOfCluster.get(clusterKey(w.location.vcenter, w.location.cluster));
    if (!set || set.size !== 1) return undefined;
    const model = [...set][0];
    return { model, via: 'cluster', row: matchCpu(table, model) };
  };
  const mhz = (why: string): CpuConversion => ({ basis: 'mhz', mhzReason: why, table, sourceOf, workloadFactor: () => 1, sourceFactor: () => 1, modelFactor: () => 1 });
  if (basis === 'mhz') return mhz('policy.cpuComparison is mhz');
  if (models.length === 0) return mhz('no host model');
  const indexes = models.map((m) => modelIndex(table, m));
  const missing = models.filter((_, i) => indexes[i] === undefined).map((m) => m.id);
  if (missing.length > 0)
    return mhz(`host model(s) ${missing.join(', ')} have no perfIndex and no cpuModel the table knows`);
  const ref = indexes[0]!;
  const reference = { model: models[0].id, ghz: models[0].cpuGhz, index: ref.index, from: ref.from, ...(ref.row ? { row: ref.row } : {}) };
  const perRefUnit = reference.ghz / reference.index;
  const indexOf = new Map(models.map((m, i) => [m.id, indexes[i]!.index]));
  const sourceFactor = (row: CpuRow | undefined, clockGhz: number) => (row && clockGhz > 0 ? (row.perCore / clockGhz) * perRefUnit : 1);
  return {
    basis: 'perf-index',
    reference,
    table,
    sourceOf,
    sourceFactor,
    workloadFactor: (w, clockGhz) => sourceFactor(sourceOf(w)?.row, clockGhz),
    modelFactor: (m) => {
      const s = indexOf.get(m.id) ?? modelIndex(table, m)?.index;
      return s !== undefined && m.cpuGhz > 0 ? (s / m.cpuGhz) * perRefUnit : 1;
    },
  };
}
