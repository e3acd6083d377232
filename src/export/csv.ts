import { neutraliseFormula } from '../report/sanitize';
import { Cell } from './types';

/**
 * RFC 4180 CSV as the vendors' importers read it: comma, CRLF, fields quoted when they hold a comma, quote or line break.
 * Text that a spreadsheet would run as a formula is neutralised (the vendors' templates are opened in Excel first).
 * Numbers are written with `String()` (no locale: the same bytes in any locale), at most the precision `round` kept.
 */
function field(c: Cell): string {
  if (c === undefined) return '';
  const s = typeof c === 'number' ? String(c) : neutraliseFormula(c);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return [header.map(field).join(','), ...rows.map((r) => r.map(field).join(','))].join('\r\n') + '\r\n';
}
