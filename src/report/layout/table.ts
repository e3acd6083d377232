/**
 * Tables over pages: column widths from the columns' shares, numbers right-aligned, long text wrapped (wrap columns)
 * or cut with an ellipsis, rows never split, and the header repeated on every page the table continues on.
 */
import { CellKind, formatCell } from '../format';
import { cellKind, cellValue, cutNote, ReportModel, shownRows, Table } from '../model/types';
import { Flow } from './flow';
import { truncate, wrapClamp } from './text';

const SIZE = 7.5;
const LEADING = 9.5;
const PAD = 3;
const MAX_WRAP_LINES = 6;
const TITLE_SIZE = 10.5;

const numeric = (k: CellKind) => k !== 'text' && k !== 'date';

function headerLines(f: Flow, table: Table, widths: number[]): string[][] {
  return table.columns.map((c, i) => wrapClamp(f.m, c.header, 'bold', SIZE, widths[i] - 2 * PAD, 8));
}

function drawHeader(f: Flow, table: Table, widths: number[], lines: string[][], continued: boolean): void {
  const title = continued ? `${table.title} (continued)` : table.title;
  f.text(f.g.left, f.contentWidth, truncate(f.m, title, 'bold', TITLE_SIZE, f.contentWidth), 'bold', TITLE_SIZE, f.theme.text);
  f.y += TITLE_SIZE + 5;
  const h = Math.max(...lines.map((l) => l.length)) * LEADING + 2 * PAD;
  f.push({ t: 'rect', x: f.g.left, y: f.y, w: f.contentWidth, h, fill: f.theme.accent });
  let x = f.g.left;
  table.columns.forEach((c, i) => {
    lines[i].forEach((line, j) => {
      f.push({ t: 'text', x: x + PAD, y: f.y + PAD + j * LEADING, w: widths[i] - 2 * PAD, text: line, font: 'bold', size: SIZE, color: '#ffffff', align: numeric(c.kind) ? 'right' : 'left' });
    });
    x += widths[i];
  });
  f.y += h;
}

/**
 * Widths from the columns' shares, but never narrower than the longest word of the header (so "Workloads" is not
 * split into "Workload/s"): such columns get their minimum and the rest share what is left.
 */
function columnWidths(f: Flow, table: Table): number[] {
  const min = table.columns.map((c) => Math.max(...c.header.split(/\s+/).map((w) => f.m.width(w, 'bold', SIZE))) + 2 * PAD + 1);
  const fixed = new Set<number>();
  for (;;) {
    const free = f.contentWidth - [...fixed].reduce((s, i) => s + min[i], 0);
    const shares = table.columns.reduce((s, c, i) => (fixed.has(i) ? s : s + (c.width ?? 1)), 0);
    const widths = table.columns.map((c, i) => (fixed.has(i) ? min[i] : (free * (c.width ?? 1)) / shares));
    const under = widths.findIndex((w, i) => !fixed.has(i) && w < min[i]);
    if (under < 0 || fixed.size === table.columns.length - 1) return widths;
    fixed.add(under);
  }
}

export function layoutTable(f: Flow, table: Table, model: ReportModel, maxRows?: number): void {
  const currency = model.meta.currency;
  const widths = columnWidths(f, table);
  const hLines = headerLines(f, table, widths);
  const headerH = TITLE_SIZE + 5 + Math.max(...hLines.map((l) => l.length)) * LEADING + 2 * PAD;
  const rows = shownRows(table, 'pdf', maxRows);

  const cellLines = (row: (typeof rows)[number]): string[][] =>
    table.columns.map((c, i) => {
      const text = formatCell(cellValue(row[i] ?? null), cellKind(row[i] ?? null, c), currency);
      const w = widths[i] - 2 * PAD;
      return c.wrap ? wrapClamp(f.m, text, 'regular', SIZE, w, MAX_WRAP_LINES) : [truncate(f.m, text.replace(/\s+/g, ' '), 'regular', SIZE, w)];
    });

  // keep the title and header with at least the first row
  const first = rows.length > 0 ? Math.max(...cellLines(rows[0]).map((l) => l.length)) * LEADING + 2 * PAD : LEADING;
  f.ensure(headerH + first);
  drawHeader(f, table, widths, hLines, false);
  if (rows.length === 0) {
    f.text(f.g.left + PAD, f.contentWidth, 'None.', 'regular', SIZE, f.theme.muted);
    f.y += LEADING + PAD;
  }
  rows.forEach((row, r) => {
    const lines = cellLines(row);
    const h = Math.max(...lines.map((l) => l.length)) * LEADING + 2 * PAD;
    if (f.y + h > f.limit) {
      f.newPage();
      drawHeader(f, table, widths, hLines, true);
    }
    if (r % 2 === 1) f.push({ t: 'rect', x: f.g.left, y: f.y, w: f.contentWidth, h, fill: f.theme.zebra });
    let x = f.g.left;
    table.columns.forEach((c, i) => {
      const kind = cellKind(row[i] ?? null, c);
      const right = numeric(kind) && typeof cellValue(row[i] ?? null) === 'number';
      lines[i].forEach((line, j) => {
        f.push({ t: 'text', x: x + PAD, y: f.y + PAD + j * LEADING, w: widths[i] - 2 * PAD, text: line, font: 'regular', size: SIZE, color: f.theme.text, align: right ? 'right' : 'left' });
      });
      x += widths[i];
    });
    f.y += h;
  });
  f.push({ t: 'line', x1: f.g.left, y1: f.y, x2: f.g.left + f.contentWidth, y2: f.y, color: f.theme.rule, width: 0.5 });
  f.y += 4;
  const notes: string[] = [];
  if (rows.length < table.rows.length) notes.push(cutNote(model, table, rows.length));
  if (table.note) notes.push(table.note);
  for (const n of notes) f.paragraph(n, { size: 8, leading: 11, color: f.theme.muted });
  f.gap(10);
}
