import * as path from 'path';
import { Problem, UserError, error, info, warning } from '../diagnostics';
import {
  Cluster,
  ClusterSchema,
  Datastore,
  DatastoreSchema,
  ExcludedSchema,
  Host,
  HostSchema,
  INVENTORY_SCHEMA,
  Inventory,
  InventorySchema,
  ProblemSchema,
  Source,
  Workload,
  WorkloadSchema,
} from '../inventory/schema';
import type { z } from 'zod';
import { VERSION } from '../version';
import './collectors';
import { applyUtilizationUpdates, mergeDrsRules, mergeEstates } from './merge';
import { mergeHealth, mergeLicences } from './baseline-merge';
import { looseTabOf } from './collectors/rvtools/columns';
import { distinctNames } from './identity';
import { biggerThanAnyHost, gatePlausible, survivalErrors } from './plausibility';
import { applyExclusions, coverageOf, deriveFlags } from './quality';
import { expectedByExtension, probeFile } from './read/probe';
import { compileCheck } from './schema-check';
import { allCollectors, collectorById } from './registry';
import { CollectOptions, Collector, CollectorOutput, FileProbe, UtilizationUpdate } from './types';

/**
 * The collect stage: probe every file → pick its collector (by detection score, or `--format`) → run it → merge the
 * files into one estate → fold in time-series utilisation → flags, exclusions, coverage → validated inventory.
 * Problems are data: files that cannot be read or claimed, and collector errors, are gathered over ALL files and
 * thrown together as one UserError (exit 2); warnings travel in `inventory.problems`.
 */

export interface CollectInput {
  path: string;
  /** As the user wrote it (shown in messages and provenance); defaults to the path. */
  displayName?: string;
}

export interface CollectResult {
  inventory: Inventory;
  /** Same as inventory.problems (warnings and infos). */
  problems: Problem[];
}

const UNREADABLE: Partial<Record<FileProbe['kind'], string>> = {
  empty: 'is empty (0 bytes)',
  pdf: 'is a PDF document',
  ole2: 'is an old-format Excel (.xls) or other OLE2 compound file, which dcplan does not read',
  binary: 'is a binary file, not text',
  zip: 'is a zip archive without an Excel workbook inside',
};

const UNREADABLE_HINT: Partial<Record<FileProbe['kind'], string>> = {
  ole2: 'Open it in Excel and save it as .xlsx (Excel Workbook) or export the sheet as CSV.',
  pdf: 'Ask for the original export (RVTools .xlsx or the CSV), not a printout.',
  empty: 'Copy the file again from its source.',
};

/** Chooses the collector for a probed file, or returns the problem saying why none fits. */
export function chooseCollector(probe: FileProbe, options: CollectOptions): Collector | Problem {
  if (options.format) {
    const c = collectorById(options.format);
    if (c) return c;
    return error('unknown-format', `--format ${options.format} is not a known format.`, { file: probe.displayName }, knownFormats());
  }
  let best: Collector | undefined;
  let bestScore = 0;
  for (const c of allCollectors()) {
    const s = c.detect(probe, options);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  if (best) return best;
  const xml = xmlRoot(probe);
  if (xml !== undefined)
    return error(
      'unknown-format',
      `${probe.displayName} is an XML document (root element <${xml}>), not a format dcplan reads as XML (OVF descriptors: root <Envelope> in the OVF namespace); it is not read as CSV.`,
      { file: probe.displayName },
      `${knownFormats()} Export the data as CSV or xlsx, or give the OVF descriptor / OVA package.`,
    );
  const renamedTabs = probe.kind === 'xlsx' && (probe.sheetNames ?? []).some((n) => looseTabOf(n) === 'vInfo');
  const seen =
    probe.kind === 'xlsx'
      ? `Sheets seen: ${(probe.sheetNames ?? []).map((s) => `"${s}"`).join(', ') || '(none)'}.`
      : probe.kind === 'directory'
        ? `Files inside: ${(probe.entries ?? []).slice(0, 20).join(', ') || '(none)'}.`
        : `Headers seen: ${(probe.headers ?? []).map((h) => `"${h}"`).join(', ') || '(none)'}.`;
  return error(
    'unknown-format',
    `${probe.displayName}: no collector recognises this file. ${seen}`,
    { file: probe.displayName },
    renamedTabs
      ? 'The sheets look like RVTools tabs under other names: read them with --format rvtools-xlsx.'
      : `${knownFormats()} Force one with --format, or rename columns with --map file.yaml.`,
  );
}

/**
 * sysstat files dcplan cannot read directly, refused with the conversion to run: a binary `sa` data file (file magic
 * SYSSTAT_MAGIC 0xd596 in either byte order, sysstat's sa.h) and plain `sar` text (a `Linux <kernel> (<host>) <date>
 * _<arch>_ (<n> CPU)` banner, columns laid out for reading, times of day without a date).
 */
function sysstatRefusal(probe: FileProbe): Problem | undefined {
  const convert = `convert it with \`sadf -d ${path.basename(probe.displayName)} -- -u -r > ${path.basename(probe.displayName)}.csv\` (CPU and memory; add -d -n DEV for disks and network) and collect the .csv`;
  const h = probe.head;
  if (probe.kind === 'binary' && h.length >= 4 && ((h[0] === 0x96 && h[1] === 0xd5) || (h[0] === 0xd5 && h[1] === 0x96)))
    return error('sysstat-binary', `${probe.displayName} is a binary sysstat data file (sa), which only the sysstat tools of its own version read.`, { file: probe.displayName }, `On a machine with sysstat, ${convert}.`);
  if (probe.kind !== 'text') return undefined;
  const first = h.toString('latin1', 0, Math.min(h.length, 4096)).replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (/^Linux \S+ \([^)]*\)\s+\S+\s+_[\w-]+_\s+\(\d+ CPU\)/.test(first))
    return error('sysstat-text', `${probe.displayName} is plain sar text output, laid out for reading (times of day without a date, columns that change with the locale); dcplan reads sadf's CSV instead.`, { file: probe.displayName }, `From the binary sa file the report came from, ${convert}.`);
  return undefined;
}

/** The root element's name when a text file is an XML document (after any BOM, declaration, comments, doctype). */
function xmlRoot(probe: FileProbe): string | undefined {
  if (probe.kind !== 'text') return undefined;
  const text = probe.head.toString('utf8', 0, Math.min(probe.head.length, 8192)).replace(/^\uFEFF/, '');
  if (!/^\s*</.test(text)) return undefined;
  const rest = text.replace(/^\s*(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, '');
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
}

function knownFormats(): string {
  return `Known formats: ${allCollectors()
    .map((c) => `${c.id} (${c.description})`)
    .join('; ')}.`;
}

export async function collectFiles(inputs: (string | CollectInput)[], options: CollectOptions): Promise<CollectResult> {
  const given = inputs.map((i) => (typeof i === 'string' ? { path: i, displayName: i } : { displayName: i.path, ...i }));
  if (given.length === 0) throw new UserError(error('no-input', 'No input files given.'));
  // The same file named twice (a shell glob and an explicit name) is read once, not counted as a second estate.
  const notes: Problem[] = [];
  const seen = new Map<string, string>();
  const files = given.filter((f) => {
    const key = path.resolve(f.path);
    const first = seen.get(key);
    if (first !== undefined) {
      notes.push(warning('duplicate-input', `${f.displayName} is given more than once (also as ${first}); read once.`, { file: f.displayName }));
      return false;
    }
    seen.set(key, f.displayName);
    return true;
  });
  const errors: Problem[] = [];
  const outputs: { file: string; out: CollectorOutput }[] = [];

  for (const f of files) {
    let probe: FileProbe;
    try {
      probe = await probeFile(f.path, f.displayName);
    } catch (e) {
      if (e instanceof UserError) {
        errors.push(...e.problems);
        continue;
      }
      throw e;
    }
    const sysstat = sysstatRefusal(probe);
    if (sysstat) {
      errors.push(sysstat);
      continue;
    }
    const bad = probe.kind === 'text' && (probe.headers ?? []).length === 0 ? 'holds only blank lines' : UNREADABLE[probe.kind];
    if (bad) {
      errors.push(
        error('unreadable-file', `${f.displayName} ${bad}; expected ${expectedByExtension(probe.ext)}.`, { file: f.displayName }, UNREADABLE_HINT[probe.kind]),
      );
      continue;
    }
    const chosen = chooseCollector(probe, options);
    if (!('collect' in chosen)) {
      errors.push(chosen);
      continue;
    }
    let out: CollectorOutput;
    try {
      out = await chosen.collect(probe, options);
    } catch (e) {
      if (e instanceof UserError) {
        errors.push(...e.problems);
        continue;
      }
      throw e;
    }
    for (const p of gatePlausible(out).problems) out.problems.push(p); // a loop: 200,000 problems overflow a spread
    errors.push(...out.problems.filter((p) => p.severity === 'error'));
    errors.push(...survivalErrors(f.displayName, out, options.strict === true));
    outputs.push({ file: f.displayName, out });
  }
  if (errors.length > 0) throw new UserError(errors);
  const inventory = buildInventory(outputs, options, notes);
  return { inventory, problems: inventory.problems };
}

/** Pure assembly of collector outputs into a validated inventory (exported for tests and other stages). */
export function buildInventory(
  outputs: { file: string; out: CollectorOutput }[],
  options: CollectOptions,
  notes: Problem[] = [],
): Inventory {
  const problems: Problem[] = [...notes];
  // A loop, not push(...): a file with 200,000 warnings overflows the call stack with a spread.
  for (const { out } of outputs) for (const p of out.problems) if (p.severity !== 'error') problems.push(p);
  const merged = mergeEstates(
    outputs.map(({ file, out }) => ({ file, workloads: out.workloads, hosts: out.hosts, clusters: out.clusters, datastores: out.datastores, uniqueIds: out.uniqueIds })),
  );
  problems.push(...merged.problems);
  problems.push(...biggerThanAnyHost(merged.workloads, merged.hosts));

  const updates: UtilizationUpdate[] = outputs.flatMap(({ out }) => out.utilizationUpdates ?? []);
  const updated = applyUtilizationUpdates(merged.workloads, updates);
  problems.push(...updated.problems);

  // Derived flags set and keys put in schema order at once. A workload whose keys already are in schema order (the
  // RVTools collector builds them so) only has its flags replaced, in place: the pipeline owns the collector's output
  // objects, and a 200,000-VM export then makes no second copy of every workload. Any other one is copied into order.
  const flagged = updated.workloads.map((w) => {
    const flags = deriveFlags(w);
    if (!workloadOrdered(w)) return workloadInOrder(w, { flags }) as Workload;
    w.flags = flags;
    return w;
  });
  const { kept, excluded, keptIndex, excludedIndex } = applyExclusions(flagged, options.includePoweredOff);
  const renamed = distinctNames(kept);
  if (renamed.length > 0)
    problems.push(
      info('names-made-distinct', `${renamed.length} workload(s) of different vCenters share a name; each is shown with its vCenter: ${renamed.slice(0, 6).join(', ')}${renamed.length > 6 ? ', …' : ''}.`),
    );
  // Per-source counts by origin index: a folder or workbook source has provenance files of its own (tabs, sheets).
  const count = (indices: number[], i: number) => indices.reduce((n, x) => n + (x === i ? 1 : 0), 0);
  const keptOrigin = keptIndex.map((k) => merged.origin.workloads[k]);
  const excludedOrigin = excludedIndex.map((k) => merged.origin.workloads[k]);
  const allExcluded = [...outputs.flatMap(({ out }) => out.excluded), ...merged.duplicates, ...excluded];

  const sources: Source[] = outputs.map(({ file, out }, i) => {
    const s: Source = {
      file,
      format: out.format,
      rowsRead: out.rowsRead,
      workloads: count(keptOrigin, i),
      hosts: count(merged.origin.hosts, i),
      excluded: out.excluded.length + count(merged.origin.duplicates, i) + count(excludedOrigin, i),
    };
    if (out.sheets) s.sheets = out.sheets;
    const datastores = count(merged.origin.datastores, i);
    if (datastores > 0) s.datastores = datastores;
    return s;
  });

  // (Only when some file has rules: a 200,000-VM export without any need not hash every id.)
  const ruleSets = outputs.map(({ out }) => out.drsRules);
  const drsRules = ruleSets.some((r) => (r?.length ?? 0) > 0) ? mergeDrsRules(ruleSets, merged.renamed, new Set(kept.map((w) => w.id))) : [];

  const licences = mergeLicences(outputs.map(({ out }) => out.licences));
  const health = mergeHealth(outputs.map(({ out }) => out.health));

  const inventory: Inventory = {
    schema: INVENTORY_SCHEMA,
    generatedBy: { tool: 'dcplan', version: VERSION },
    sources,
    workloads: kept,
    hosts: merged.hosts.map((h) => hostInOrder(h) as Host),
    clusters: merged.clusters.map((c) => clusterInOrder(c) as Cluster),
    datastores: merged.datastores.map((d) => datastoreInOrder(d) as Datastore),
    ...(drsRules.length > 0 ? { drsRules } : {}),
    ...(licences.length > 0 ? { licences } : {}),
    ...(health.length > 0 ? { health } : {}),
    excluded: allExcluded,
    coverage: coverageOf(kept),
    problems,
  };
  assertValid(inventory);
  return inventory;
}

/**
 * Validates the assembled inventory against the zod schema. A failure is a bug in a collector (exit 1), not a problem
 * with the user's file. Items of the big arrays go through a pre-check compiled from the same zod schemas
 * (schema-check.ts: it says yes only when zod would); an item it is unsure of is parsed by zod, which names the
 * issue. zod also parses a fixed sample of items (the first ones and every 997th), and a disagreement there stops
 * the run: a pre-check that ever passes something zod rejects is itself a bug.
 */
function assertValid(inventory: Inventory): void {
  const fail = (what: string, issues: { path: PropertyKey[]; message: string }[]) => {
    const first = issues.slice(0, 5).map((i) => `${[what, ...i.path.map(String)].join('.')}: ${i.message}`);
    throw new Error(`collected inventory does not match the schema: ${first.join('; ')}`);
  };
  for (const { key, schema, check } of ITEM_CHECKS) {
    const items: readonly unknown[] = inventory[key] ?? [];
    for (let i = 0; i < items.length; i++) {
      const sampled = i < 64 || i % 997 === 0;
      if (check(items[i]) && !sampled) continue;
      const r = schema.safeParse(items[i]);
      if (!r.success) fail(`${key}.${i}`, r.error.issues);
    }
  }
  const r = InventorySchema.safeParse({ ...inventory, workloads: [], hosts: [], clusters: [], excluded: [], problems: [] });
  if (!r.success) fail('inventory', r.error.issues);
}

const ITEM_CHECKS = (
  [
    ['workloads', WorkloadSchema],
    ['hosts', HostSchema],
    ['clusters', ClusterSchema],
    ['datastores', DatastoreSchema],
    ['excluded', ExcludedSchema],
    ['problems', ProblemSchema],
  ] as const
).map(([key, schema]) => ({ key, schema: schema as z.ZodType, check: compileCheck(schema) }));

/**
 * Copies an object with its keys in schema order (id and name first), so inventory.json reads the same whoever
 * built it; keys holding undefined are left out, keys the schema does not know come last (the strict schema then
 * rejects them, naming the key). A defined field of `override` replaces the object's own (the derived flags).
 */
type OrderedCopy = (o: object, override?: object) => Record<string, unknown>;

/**
 * Compiled once per schema: one straight-line function with the key names written in (`o["id"] = ...`), which V8
 * runs with fast named property access and one shared object shape per key set. A generic loop over a key list
 * made every access megamorphic and cost about a microsecond per workload.
 */
function orderedCopy(shape: object): OrderedCopy {
  const keys = Object.keys(shape);
  const body = keys
    .map((k) => {
      const key = JSON.stringify(k);
      return `v = over !== undefined && over[${key}] !== undefined ? over[${key}] : s[${key}]; if (v !== undefined) o[${key}] = v;`;
    })
    .join('\n');
  const known = new Set(keys);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from the schema's own key names, not from input
  const build = new Function(
    'known',
    `return function orderedCopy(s, over) {
      const o = {};
      let v;
      ${body}
      for (const k in s) if (!known.has(k) && s[k] !== undefined) o[k] = s[k];
      return o;
    };`,
  ) as (known: ReadonlySet<string>) => OrderedCopy;
  return build(known);
}

/**
 * True when copying the object with `orderedCopy` would give the same keys in the same order with the same values:
 * every key is known to the schema and comes after the previous one, none holds undefined, and `flags` is there
 * (so that replacing it keeps its place).
 */
function inOrderCheck(shape: object): (o: object) => boolean {
  const rank = new Map(Object.keys(shape).map((k, i) => [k, i]));
  const flagsRank = rank.get('flags') ?? -1;
  return (o) => {
    const rec = o as Record<string, unknown>;
    let last = -1;
    let flags = false;
    for (const k in rec) {
      const r = rank.get(k);
      if (r === undefined || r <= last || rec[k] === undefined || !Object.prototype.hasOwnProperty.call(rec, k)) return false;
      if (r === flagsRank) flags = true;
      last = r;
    }
    return flags;
  };
}

const workloadInOrder = orderedCopy(WorkloadSchema.shape);
const workloadOrdered = inOrderCheck(WorkloadSchema.shape);
const hostInOrder = orderedCopy(HostSchema.shape);
const clusterInOrder = orderedCopy(ClusterSchema.shape);
const datastoreInOrder = orderedCopy(DatastoreSchema.shape);

/** Display name relative to the working directory when the user gave a relative path. */
export function displayPath(p: string): string {
  return path.isAbsolute(p) ? p : path.normalize(p);
}
