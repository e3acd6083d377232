/**
 * One CSV per table (RFC 4180: comma, CRLF, quotes doubled; UTF-8 with BOM so Excel reads accents).
 * Numbers are written as numbers (a ratio stays 0.3584, not "35.8%"), rounded by kind (format.ts DATA_DECIMALS); text that could run as a formula is neutralised.
 */
import { CellKind, dataNumber } from '../format';
import { cellKind, cellValue, Table } from '../model/types';
import { neutraliseFormula } from '../sanitize';

function field(v: string | number | boolean | null, kind: CellKind = 'text'): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(dataNumber(v, kind)) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = neutraliseFormula(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableToCsv(table: Table): string {
  const lines = [table.columns.map((c) => field(c.header)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c, i) => field(cellValue(row[i] ?? null), cellKind(row[i] ?? null, c))).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
