/**
 * The ONE place numbers become text. The PDF, the HTML and the tests all format through these functions, so a figure
 * printed in the report can be found again exactly (tests format plan.json values with the same functions).
 */
import { round } from '../plan/sizing';

/** The locale of numbers others format for the report (chart.js tick labels in the PDF and the HTML): the one above. */
export const REPORT_LOCALE = 'en-US';

export type CellKind = 'text' | 'int' | 'num' | 'num2' | 'pct' | 'money' | 'ratio' | 'date';

function grouped(n: number, decimals: number): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(decimals);
  const [whole, frac] = fixed.split('.');
  const withSep = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + withSep + (frac !== undefined ? '.' + frac : '');
}

/** 1234.5 → "1,235" */
export const fmtInt = (n: number): string => grouped(n, 0);
/** 1234.56 → "1,234.6" */
export const fmtNum = (n: number, decimals = 1): string => grouped(n, decimals);
/** A 0-1 ratio as a percentage: 0.3584 → "35.8%" */
export const fmtPct = (ratio: number, decimals = 1): string => grouped(ratio * 100, decimals) + '%';
/** 422000, "EUR" → "EUR 422,000" */
export const fmtMoney = (n: number, currency: string): string => `${currency} ${grouped(n, 0)}`;
/** 29 → "29.0:1" */
export const fmtRatio = (n: number): string => `${grouped(n, 1)}:1`;
/** ISO date yyyy-mm-dd (UTC). */
export const fmtDate = (d: Date): string => d.toISOString().slice(0, 10);

/** Formats one cell value for the human-facing renderers (PDF, HTML). */
export function formatCell(value: string | number | boolean | null | undefined, kind: CellKind, currency: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'int':
      return fmtInt(value);
    case 'num':
      return fmtNum(value, 1);
    case 'num2':
      return fmtNum(value, 2);
    case 'pct':
      return fmtPct(value);
    case 'money':
      return fmtMoney(value, currency);
    case 'ratio':
      return fmtRatio(value);
    default:
      return String(value);
  }
}

/**
 * Decimals a figure keeps in the machine-readable reports (CSV, JSON), by cell kind: one more than the PDF shows, so
 * nothing a reader sees is lost, while float noise (0.037000000000000005) is. A ratio shown as 35.8% keeps 0.3584.
 */
export const DATA_DECIMALS: Record<CellKind, number> = { text: 6, date: 0, int: 0, num: 2, num2: 3, pct: 4, money: 2, ratio: 2 };

/** A number as the CSV and JSON reports carry it: rounded to its kind's decimals (plan/sizing.ts round). */
export function dataNumber(n: number, kind: CellKind): number {
  // an "int" column may carry a measured fraction (a mean); it keeps the "num" decimals rather than lose it
  const decimals = kind === 'int' && !Number.isInteger(n) ? DATA_DECIMALS.num : DATA_DECIMALS[kind];
  const r = round(n, decimals);
  return Object.is(r, -0) ? 0 : r;
}

/** Excel number format for a cell kind (XLSX). */
export function excelFormat(kind: CellKind, currency: string): string | undefined {
  switch (kind) {
    case 'int':
      return '#,##0';
    case 'num':
      return '#,##0.0';
    case 'num2':
      return '#,##0.00';
    case 'pct':
      return '0.0%';
    case 'money':
      return `"${currency.replace(/"/g, '')} "#,##0`;
    case 'ratio':
      return '0.0":1"';
    default:
      return undefined;
  }
}
