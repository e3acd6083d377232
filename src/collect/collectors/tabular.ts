import * as path from 'path';
import { Problem, error, warning } from '../../diagnostics';
import { Excluded, Workload } from '../../inventory/schema';
import { readCsv } from '../read/csv';
import { ColumnSpec, ColumnSpecs, applyColumnMap, cell, normHeader, resolveColumns } from '../read/headers';
import { decimalCommaFor, NumberRule, readNumber } from '../read/numbers';
import { SIZE_UNITS, unitOfColumn } from '../column-map';
import { CollectOptions, CollectorOutput, FileProbe, FormatId } from '../types';

/**
 * Shared skeleton of the one-row-per-server CSV collectors (generic, Azure Migrate, AWS import): stream the file,
 * resolve columns by normalised name, build one workload per row, and account for every row that is not used.
 * A row is skipped (and listed in `excluded` plus a `row-skipped` warning) when a required value is missing or bad,
 * or when its name repeats an earlier row; a bad optional value is dropped with a `bad-number` warning.
 */

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export interface RowSkip {
  code: string;
  reason: string;
  column?: string;
}

export class RowReader<K extends string> {
  skip?: RowSkip;
  readonly problems: Problem[] = [];
  constructor(
    readonly fields: string[],
    readonly row: number,
    readonly file: string,
    private readonly columns: Record<K, number | undefined>,
    private readonly names: Partial<Record<K, string>>,
    private readonly decimalComma: boolean,
    /** Per column: the factor from the unit `--map` says it is in to the column's own unit. */
    private readonly factors: Partial<Record<K, number>> = {},
  ) {}

  private scaled(key: K, v: number | undefined): number | undefined {
    const f = this.factors[key];
    return v === undefined || f === undefined ? v : v * f;
  }

  has(key: K): boolean {
    return this.columns[key] !== undefined;
  }

  /** Trimmed cell text, '' when absent. */
  text(key: K): string {
    return cell(this.fields, this.columns[key]).trim();
  }

  /** Trimmed cell text or undefined when empty. */
  opt(key: K): string | undefined {
    const t = this.text(key);
    return t === '' ? undefined : t;
  }

  /** An optional number: empty → undefined; bad → undefined plus a warning naming row and column. */
  num(key: K, rule: Omit<NumberRule, 'decimalComma'>): number | undefined {
    const i = this.columns[key];
    if (i === undefined) return undefined;
    const raw = this.fields[i] ?? '';
    const quick = this.quick(raw, rule);
    if (quick !== null) return this.scaled(key, quick);
    const found: Problem[] = [];
    const v = readNumber(raw, { ...rule, decimalComma: this.decimalComma }, this.at(key), found);
    for (const p of found) this.problems.push({ ...p, severity: 'warning', message: `${p.message} The value is ignored.` });
    return this.scaled(key, v);
  }

  /** A required number: empty or bad marks the row to be skipped (first reason wins) and returns undefined. */
  need(key: K, rule: Omit<NumberRule, 'decimalComma'>): number | undefined {
    const raw = this.text(key);
    const quick = this.quick(raw, rule);
    if (quick !== null && quick !== undefined) return this.scaled(key, quick);
    const found: Problem[] = [];
    const v = readNumber(raw, { ...rule, decimalComma: this.decimalComma }, this.at(key), found);
    if (found.length > 0) this.setSkip('bad-value', found[0].message, this.names[key]);
    else if (v === undefined) this.setSkip('missing-value', `No value; expected ${rule.expected}.`, this.names[key]);
    return this.scaled(key, v);
  }

  /** Plain in-range numbers and empty cells without allocating; null = take the slow path (problems, odd formats). */
  private quick(raw: string, rule: Omit<NumberRule, 'decimalComma'>): number | undefined | null {
    if (raw === '') return undefined;
    if (!PLAIN_NUMBER.test(raw)) return null;
    const v = Number(raw);
    if ((rule.min !== undefined && v < rule.min) || (rule.max !== undefined && v > rule.max) || (rule.integer && !Number.isInteger(v))) return null;
    return v;
  }

  setSkip(code: string, reason: string, column?: string): void {
    if (!this.skip) this.skip = { code, reason, column };
  }

  private at(key: K) {
    return { file: this.file, row: this.row, column: this.names[key] ?? String(key) };
  }
}

export interface TabularSpec<K extends string> {
  format: FormatId;
  columns: ColumnSpecs<K>;
  /** Builds the workload of one row, or undefined after calling `r.setSkip` / `r.need` failing. */
  build(r: RowReader<K>, ctx: { sourceKey: string; extraLabels: Record<string, string> }): Workload | undefined;
  /** Name of the workload (for duplicate detection and listing skipped rows). */
  nameOf(r: RowReader<K>): string | undefined;
  /** Apply `--map` to the headers (generic formats only). */
  useColumnMap?: boolean;
}

/** Runs a one-row-per-server collector over a probed text file. */
export async function collectTabular<K extends string>(
  probe: FileProbe,
  options: CollectOptions,
  spec: TabularSpec<K>,
): Promise<CollectorOutput> {
  const file = probe.displayName;
  const out: CollectorOutput = {
    format: spec.format,
    rowsRead: 0,
    workloads: [],
    hosts: [],
    clusters: [],
    excluded: [],
    problems: [],
  };
  const decimalComma = decimalCommaFor(probe.delimiter);
  const sourceKey = `${spec.format}:${path.basename(file)}`;
  let columns: Record<K, number | undefined> | undefined;
  let names: Partial<Record<K, string>> = {};
  let factors: Partial<Record<K, number>> = {};
  let extras: { header: string; index: number }[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;

  const res = await readCsv(
    probe.path,
    { encoding: probe.encoding, delimiter: probe.delimiter, file },
    (rawHeaders, row) => {
      const mapped = spec.useColumnMap ? applyColumnMap(rawHeaders, options.columnMap, { file }) : { headers: rawHeaders, problems: [] };
      out.problems.push(...mapped.problems);
      if (spec.useColumnMap && options.columnMap) {
        const known = new Set(Object.values(spec.columns as Record<string, ColumnSpec>).flatMap((c) => c.aliases.map(normHeader)));
        for (const [from, to] of Object.entries(options.columnMap)) {
          if (!known.has(normHeader(to)))
            out.problems.push(
              warning('map-target-unknown', `--map sends "${from}" to "${to}", which is not a ${spec.format} column; it is kept as a label.`, {
                file,
                column: from,
              }),
            );
        }
      }
      const resolved = resolveColumns(mapped.headers, spec.columns, { file, row });
      out.problems.push(...resolved.problems);
      if (resolved.problems.some((p) => p.severity === 'error')) return false;
      columns = resolved.columns;
      names = resolved.names;
      if (spec.useColumnMap) factors = unitFactors(spec.columns as Record<K, ColumnSpec>, options);
      extras = resolved.unmatched.map((u) => ({ header: rawHeaders[u.index], index: u.index }));
      return undefined;
    },
    (fields, row) => {
      out.rowsRead++;
      const r = new RowReader(fields, row, file, columns!, names, decimalComma, factors);
      const extraLabels: Record<string, string> = {};
      for (const x of extras) {
        const v = (fields[x.index] ?? '').trim();
        if (v !== '') extraLabels[x.header.trim()] = v;
      }
      const name = spec.nameOf(r);
      let w: Workload | undefined;
      if (name === undefined) r.setSkip('missing-name', 'No server name; the row cannot be identified.', undefined);
      else {
        const key = name.toLowerCase();
        const first = seen.get(key);
        if (first !== undefined) r.setSkip('duplicate-name', `"${name}" already appears on row ${first}; this row is left out.`);
        else w = spec.build(r, { sourceKey, extraLabels });
        if (!r.skip) seen.set(key, row);
      }
      if (r.skip || !w) {
        const skip = r.skip ?? { code: 'row-skipped', reason: 'The row could not be read.' };
        skipped++;
        out.problems.push(
          warning('row-skipped', `Row skipped: ${skip.reason}`, { file, row, column: skip.column }, skipHint(skip.code)),
        );
        const ex: Excluded = { kind: 'row', code: skip.code, reason: skip.reason, provenance: { file, row } };
        out.excluded.push(name !== undefined ? { name, ...ex } : ex);
        return;
      }
      out.problems.push(...r.problems);
      out.workloads.push(w);
    },
  );
  out.problems.push(...res.problems);
  if (res.headers.length === 0) {
    out.problems.push(error('no-header', `${file} holds no header row (only blank lines).`, { file }));
  } else if (columns && res.records === 0) {
    out.problems.push(warning('no-data-rows', `${file} has a header row but no data rows.`, { file }));
  }
  if (skipped > 0) {
    out.problems.push(
      warning('rows-skipped', `${skipped} of ${out.rowsRead} data row(s) in ${file} were skipped; each is listed with its reason.`, {
        file,
      }),
    );
  }
  return out;
}

function skipHint(code: string): string | undefined {
  switch (code) {
    case 'bad-value':
    case 'missing-value':
      return 'Fix the value in the file and run collect again.';
    case 'duplicate-name':
      return 'Server names must be unique within a file; rename or remove one of the rows.';
    default:
      return undefined;
  }
}

/** Power state words from many tools: poweredOn / on / running → on, poweredOff / off / stopped → off, ... */
export function parsePowerState(s: string | undefined): Workload['powerState'] | undefined {
  const t = (s ?? '').trim().toLowerCase().replace(/[\s_-]/g, '');
  if (t === '') return 'unknown';
  if (['on', 'poweredon', 'running', 'up', 'started', 'active', 'yes', 'true', '1'].includes(t)) return 'on';
  if (['off', 'poweredoff', 'stopped', 'down', 'shutdown', 'deallocated', 'inactive', 'no', 'false', '0'].includes(t)) return 'off';
  if (['suspended', 'paused', 'saved', 'hibernated'].includes(t)) return 'suspended';
  if (['unknown', 'n/a', 'na'].includes(t)) return 'unknown';
  return undefined;
}

/** `a, b; c | k:v` → tags; `k:v` / `k=v` items also become labels. */
export function parseTags(s: string | undefined): { tags: string[]; labels: Record<string, string> } {
  const tags: string[] = [];
  const labels: Record<string, string> = {};
  for (const raw of (s ?? '').split(/[;,|]/)) {
    const t = raw.trim();
    if (t === '') continue;
    tags.push(t);
    const m = /^([^:=]+)[:=](.*)$/.exec(t);
    if (m && m[1].trim() !== '') labels[m[1].trim()] = m[2].trim();
  }
  return { tags, labels };
}

/**
 * `--map` targets given with a unit (`RAM (MB): { column: memory_gib, unit: MiB }`): the factor per spec key from the
 * customer's unit to the unit the target column's name says (memory_gib → GiB).
 */
function unitFactors<K extends string>(specs: Record<K, ColumnSpec>, options: CollectOptions): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const [from, unit] of Object.entries(options.columnUnits ?? {})) {
    const target = options.columnMap?.[from];
    const to = target === undefined ? undefined : unitOfColumn(target);
    if (to === undefined) continue;
    const key = (Object.keys(specs) as K[]).find((k) => specs[k].aliases.some((a) => normHeader(a) === normHeader(target!)));
    if (key !== undefined) out[key] = SIZE_UNITS[unit] / SIZE_UNITS[to];
  }
  return out;
}
