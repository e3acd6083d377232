import { Problem, error, warning } from '../../diagnostics';

/**
 * Header matching for every collector: columns are found by normalised name, never by position.
 *
 * `normHeader` lower-cases, strips a BOM and Azure's mandatory-marker `*`, spells `#` as `num` and `%` as `pct`
 * (so RVTools `# CPU` ≠ `CPU` and `CPU usage %` = `cpu_usage_pct`), and drops every other non-alphanumeric character:
 * `*Memory (In MB)` → `memoryinmb`, `CPU.UsagePct.Avg` → `cpuusagepctavg`, `memory_gib` → `memorygib`.
 *
 * Typical use (helper B's RVTools tabs do the same):
 *
 *   const spec = { name: { aliases: ['VM', 'vInfoVMName'], required: true }, cpus: { aliases: ['CPUs'] } };
 *   const { columns, problems } = resolveColumns(headers, spec, { file, sheet: 'vInfo' });
 *   const name = cell(fields, columns.name);   // '' when the column is absent or the record is short
 */
export function normHeader(s: string): string {
  return s
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/\*/g, '')
    .replace(/#/g, 'num')
    .replace(/%/g, 'pct')
    .replace(/[^a-z0-9]+/g, '');
}

export interface ColumnSpec {
  /** Header names as real files write them; compared after `normHeader`. The first is the display name. */
  aliases: readonly string[];
  required?: boolean;
}

export type ColumnSpecs<K extends string> = Record<K, ColumnSpec>;

export interface ResolvedColumns<K extends string> {
  /** Index of each column in the record, or undefined when absent. */
  columns: Record<K, number | undefined>;
  /** The header actually matched for each found column, as written in the file (for messages). */
  names: Partial<Record<K, string>>;
  /** Headers that matched no spec (custom attributes, columns dcplan does not use), with their index. */
  unmatched: { header: string; index: number }[];
  /** missing-column errors for required columns; duplicate-column warnings. */
  problems: Problem[];
}

/** Index from normalised header → first column index with that name. */
export function headerIndex(headers: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = normHeader(h);
    if (k !== '' && !m.has(k)) m.set(k, i);
  });
  return m;
}

/** Finds the first alias present in the header index. */
export function findColumn(index: Map<string, number>, aliases: readonly string[]): number | undefined {
  for (const a of aliases) {
    const i = index.get(normHeader(a));
    if (i !== undefined) return i;
  }
  return undefined;
}

/** Matches a header row against column specs; reports every missing required column at once. */
export function resolveColumns<K extends string>(
  headers: readonly string[],
  specs: ColumnSpecs<K>,
  where: { file?: string; sheet?: string; row?: number } = {},
): ResolvedColumns<K> {
  const index = headerIndex(headers);
  const columns = {} as Record<K, number | undefined>;
  const names: Partial<Record<K, string>> = {};
  const used = new Set<number>();
  const problems: Problem[] = [];
  const missing: string[] = [];
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    const i = findColumn(index, spec.aliases);
    columns[key] = i;
    if (i !== undefined) {
      names[key] = headers[i];
      used.add(i);
    } else if (spec.required) missing.push(spec.aliases[0]);
  }
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = normHeader(h);
    if (k === '') return;
    if (seen.has(k) && used.has(seen.get(k)!)) {
      problems.push(
        warning('duplicate-column', `Column "${h}" appears twice; the first one (column ${seen.get(k)! + 1}) is used.`, {
          ...where,
          row: where.row ?? 1,
          column: h,
        }),
      );
    } else if (!seen.has(k)) seen.set(k, i);
  });
  if (missing.length > 0) {
    problems.push(
      error(
        'missing-column',
        `Required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} not found. ` +
          `Headers seen: ${headers.map((h) => `"${h}"`).join(', ')}.`,
        { ...where, row: where.row ?? 1, column: missing[0] },
        'Rename the column in the file, or map it with --map file.yaml (customer column: canonical name).',
      ),
    );
  }
  const unmatched = headers
    .map((header, index) => ({ header, index }))
    .filter((h) => !used.has(h.index) && normHeader(h.header) !== '');
  return { columns, names, unmatched, problems };
}

/** The cell at a column index, '' when the column is absent or the record is short. Not trimmed. */
export function cell(fields: readonly string[], index: number | undefined): string {
  if (index === undefined) return '';
  return fields[index] ?? '';
}

/**
 * Applies a `--map` column map (customer header → canonical header) to a header row: returns the headers with mapped
 * names replaced, plus problems for map entries that match no header (a typo in the map is worth a warning).
 */
export function applyColumnMap(
  headers: readonly string[],
  map: Record<string, string> | undefined,
  where: { file?: string } = {},
): { headers: string[]; problems: Problem[] } {
  if (!map) return { headers: [...headers], problems: [] };
  const byNorm = new Map<string, string>();
  for (const [from, to] of Object.entries(map)) byNorm.set(normHeader(from), to);
  const hit = new Set<string>();
  const out = headers.map((h) => {
    const to = byNorm.get(normHeader(h));
    if (to === undefined) return h;
    hit.add(normHeader(h));
    return to;
  });
  const problems: Problem[] = [];
  for (const from of Object.keys(map)) {
    if (!hit.has(normHeader(from)))
      problems.push(
        warning('map-column-unused', `--map entry "${from}" matches no column of this file.`, { ...where, row: 1, column: from }),
      );
  }
  return { headers: out, problems };
}
