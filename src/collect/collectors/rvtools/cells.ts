import { Problem, warning } from '../../../diagnostics';
import { cell } from '../../read/headers';
import { parseNumber } from '../../read/numbers';
import { parseCalendarDay } from '../../read/timestamps';

/**
 * Typed access to one RVTools row. Every tab arrives as `string[]` (CSV fields as written; xlsx cells converted by
 * read-xlsx.ts), so xlsx and CSV exports go through the same code.
 *
 * A value that cannot be read (e.g. `CPUs` = "abc") becomes a warning naming file, sheet, row and column, and the
 * value is treated as absent; the caller decides whether the row can still be used.
 */
export interface RowCtx {
  file: string;
  sheet: string;
  row: number;
  fields: readonly string[];
  problems: Problem[];
}

export function str<K extends string>(
  ctx: RowCtx,
  cols: Record<K, number | undefined>,
  key: K,
): string | undefined {
  const v = cell(ctx.fields, cols[key]).trim();
  return v === '' ? undefined : v;
}

const PLAIN = /^-?\d{1,15}(\.\d+)?$/;

export function num<K extends string>(
  ctx: RowCtx,
  cols: Record<K, number | undefined>,
  names: Partial<Record<K, string>>,
  key: K,
  expected: string,
): number | undefined {
  const raw = cell(ctx.fields, cols[key]);
  if (raw === '') return undefined;
  // Fast paths for the plain integers and decimals RVTools writes (most cells); parseNumber handles the rest.
  const int = plainInteger(raw);
  if (int !== undefined) return int;
  if (PLAIN.test(raw)) return Number(raw);
  const v = parseNumber(raw);
  if (v === undefined) return undefined;
  if (Number.isNaN(v)) {
    ctx.problems.push(
      warning('rvtools-bad-value', `"${raw.trim()}" is not a number; expected ${expected}. The value is ignored.`, {
        file: ctx.file,
        sheet: ctx.sheet,
        row: ctx.row,
        column: names[key] ?? key,
      }),
    );
    return undefined;
  }
  return v;
}

/**
 * `Number(raw)` when raw is an optional minus and 1 to 15 digits (exact: below 2^53), else undefined; a loop over
 * character codes instead of a regular expression, for the several million size cells of a large export.
 */
function plainInteger(raw: string): number | undefined {
  const len = raw.length;
  let i = raw.charCodeAt(0) === 45 ? 1 : 0; // '-'
  if (len - i < 1 || len - i > 15) return undefined;
  const neg = i === 1;
  let v = 0;
  for (; i < len; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

/** A date column (vInfo `Creation date`, vSnapshot `Date / time`) as a calendar day yyyy-mm-dd; a non-date warns. */
export function day<K extends string>(
  ctx: RowCtx,
  cols: Record<K, number | undefined>,
  names: Partial<Record<K, string>>,
  key: K,
): string | undefined {
  const raw = cell(ctx.fields, cols[key]);
  if (raw.trim() === '') return undefined;
  const d = parseCalendarDay(raw);
  if (d === undefined)
    ctx.problems.push(
      warning('rvtools-bad-value', `"${raw.trim()}" is not a date; expected a date (yyyy-mm-dd, yyyy/mm/dd hh:mm:ss or an Excel date). The value is ignored.`, {
        file: ctx.file, sheet: ctx.sheet, row: ctx.row, column: names[key] ?? key,
      }),
    );
  return d;
}

/** RVTools writes booleans as True/False (older: true/false, Yes/No, 1/0). */
export function bool<K extends string>(
  ctx: RowCtx,
  cols: Record<K, number | undefined>,
  key: K,
): boolean | undefined {
  const v = cell(ctx.fields, cols[key]).trim().toLowerCase();
  if (v === '') return undefined;
  if (v === 'true' || v === 'yes' || v === '1' || v === 'enabled' || v === 'on') return true;
  if (v === 'false' || v === 'no' || v === '0' || v === 'disabled' || v === 'off') return false;
  return undefined;
}

/** True when every field is empty: Excel's formatted-but-empty rows, which are ignored and not counted. */
export function isEmptyRow(fields: readonly string[]): boolean {
  for (const f of fields) if (f !== undefined && f.trim() !== '') return false;
  return true;
}
