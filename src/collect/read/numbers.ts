import { Problem, error } from '../../diagnostics';

/**
 * Numbers as real exports write them: `1234.5`, `1,234.5`, `1.234,5` and `1,5` (decimal comma, common in semicolon
 * files from European Excel), `1 234` / `1'234` (space or apostrophe thousands), `45%` / `45 %`, NBSP padding.
 * Empty cells and the usual placeholders (`-`, `n/a`, `NA`, `null`, `none`) mean "not given" → undefined.
 * Anything else that is not a number → a problem naming file, row, column and what was expected (see `readNumber`).
 */

const EMPTY = new Set(['', '-', '--', 'n/a', 'na', 'null', 'none', 'unknown', '#n/a']);

/** `undefined` = not given; `NaN` = not a number. */
const PLAIN = /^-?\d+(\.\d+)?$/;

export function parseNumber(raw: string, opts: { decimalComma?: boolean } = {}): number | undefined {
  // Fast path for the common case (plain integers and dot decimals), which is most cells of a large export.
  if (PLAIN.test(raw)) return Number(raw);
  let s = raw.replace(/[\u00a0\u202f\u2009]/g, ' ').trim();
  if (EMPTY.has(s.toLowerCase())) return undefined;
  if (s.endsWith('%')) s = s.slice(0, -1).trim();
  s = s.replace(/^\+/, '');
  // Space / apostrophe thousands separators: "1 234 567", "1'234".
  if (/^-?\d{1,3}([ '’]\d{3})+([.,]\d+)?$/.test(s)) s = s.replace(/[ '’]/g, '');
  const hasComma = s.includes(',');
  const hasDot = s.includes('.');
  if (hasComma && hasDot) {
    // The separator that comes last is the decimal one.
    s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (hasComma) {
    const thousands = /^-?\d{1,3}(,\d{3})+$/.test(s);
    s = !opts.decimalComma && thousands ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (hasDot && opts.decimalComma && /^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) {
    // "1.234.567" in a decimal-comma file: only unambiguous multi-group thousands are taken as such.
    s = s.replace(/\./g, '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return NaN;
  const v = Number(s);
  return Number.isFinite(v) ? v : NaN;
}

/**
 * Whether `1,5` is one and a half in a file with this delimiter: yes when fields are not comma-separated (European
 * Excel writes `;` files with decimal commas); in a comma-separated file a comma inside a quoted number is a thousands
 * separator when it groups three digits (`"1,546.6"`, `"12,345"`), else a decimal comma (`"12,5"`).
 */
export function decimalCommaFor(delimiter: string | undefined): boolean {
  return delimiter !== undefined && delimiter !== ',';
}

export interface CellContext {
  file?: string;
  sheet?: string;
  row: number;
  /** Column header as written in the file. */
  column: string;
}

export interface NumberRule {
  /** What was expected, for the message: e.g. "a whole number of vCPUs". */
  expected: string;
  decimalComma?: boolean;
  min?: number;
  max?: number;
  integer?: boolean;
}

/**
 * Parses one cell; a non-number or out-of-range value becomes an error problem (the caller decides whether the row
 * is skipped or only the value is dropped). Returns undefined for empty cells and for bad ones.
 */
export function readNumber(raw: string, rule: NumberRule, at: CellContext, problems: Problem[]): number | undefined {
  const v = parseNumber(raw, { decimalComma: rule.decimalComma });
  if (v === undefined) return undefined;
  const inRange =
    !Number.isNaN(v) &&
    (rule.min === undefined || v >= rule.min) &&
    (rule.max === undefined || v <= rule.max) &&
    (!rule.integer || Number.isInteger(v));
  if (inRange) return v;
  const where = { file: at.file, sheet: at.sheet, row: at.row, column: at.column };
  if (Number.isNaN(v)) {
    problems.push(error('bad-number', `"${raw.trim()}" is not a number; expected ${rule.expected}.`, where));
    return undefined;
  }
  if ((rule.min !== undefined && v < rule.min) || (rule.max !== undefined && v > rule.max) || (rule.integer && !Number.isInteger(v))) {
    const range =
      rule.min !== undefined && rule.max !== undefined
        ? ` between ${rule.min} and ${rule.max}`
        : rule.min !== undefined
          ? ` of at least ${rule.min}`
          : rule.max !== undefined
            ? ` of at most ${rule.max}`
            : '';
    problems.push(error('bad-number', `${raw.trim()} is out of range; expected ${rule.expected}${range}.`, where));
    return undefined;
  }
  return v;
}

/** Rounds to a fixed number of decimals so unit conversions print stably (e.g. MB → MiB, MB → GiB). */
export function round(v: number, decimals = 3): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}
