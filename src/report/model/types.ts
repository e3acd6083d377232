/**
 * The report model: plain data built once from inventory + plan + scorecard + branding, rendered by every format.
 * Nothing here knows about pages, PDF or Excel.
 */
import { CellKind, fmtInt } from '../format';

export type CellValue = string | number | boolean | null;
/**
 * A cell is a bare value (formatted by its column's kind) or a value with its own kind (mixed columns, e.g. Summary).
 * A cell may carry an Excel formula (without "="): the XLSX writes it with `value` as its cached result, so a user who
 * changes an input cell sees the figures recompute; every other format shows `value`. `input` marks a cell meant to
 * be changed (the XLSX shades it).
 */
export type Cell = CellValue | { value: CellValue; kind: CellKind; formula?: string; input?: boolean };

export interface Column {
  key: string;
  header: string;
  kind: CellKind;
  /** Relative width in the PDF (shares of the table width). */
  width?: number;
  /** Long text wraps in the PDF instead of being truncated with an ellipsis. */
  wrap?: boolean;
}

export interface Table {
  /** Stable id, used as the CSV file name and the JSON key, e.g. `placement`. */
  id: string;
  /** Sheet name in the XLSX (31 characters at most). */
  sheet: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  note?: string;
}

/** A chart.js configuration, plain JSON (no functions), so the PDF (server-side canvas) and the HTML draw the same chart. */
export interface ChartSpec {
  id: string;
  title: string;
  /** Drawing size in points (PDF) / CSS pixels (HTML). */
  width: number;
  height: number;
  config: { type: string; data: unknown; options?: Record<string, unknown> };
  /** One sentence under the chart saying what it shows. */
  caption?: string;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bullets'; items: string[] }
  | { type: 'figures'; items: { label: string; value: string; sub?: string }[] }
  | {
      type: 'table';
      table: Table;
      /** PDF/HTML show at most this many rows (the XLSX/CSV carry all). */
      maxRows?: number;
      /** PDF/HTML show only these column keys (the page is narrower than a sheet). */
      columns?: string[];
      /** Shown in the HTML only: the PDF body leaves it out (a per-workload list too long for pages). */
      htmlOnly?: boolean;
    }
  | { type: 'chart'; chart: ChartSpec }
  | { type: 'pageBreak' };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportMeta {
  title: string;
  customer: string;
  assessor: string;
  company: string;
  /** yyyy-mm-dd */
  date: string;
  accentColor: string;
  currency: string;
  logo?: { data: Buffer; mime: 'image/png' | 'image/jpeg' };
  tool: string;
  /** Where a table cut short in the PDF / HTML is found whole: the workbook and the CSV file stem, when written. */
  fullTables: { xlsx?: string; csvPrefix?: string };
}

export interface ReportModel {
  meta: ReportMeta;
  /** Headline figures of the executive summary, already formatted. */
  headline: { key: string; label: string; value: string }[];
  sections: Section[];
  /** Every table of the report in workbook order (Summary, Assumptions, Hosts, Placement, Workloads, Datastores when the inventory has some, Findings, Scorecard, ...). */
  tables: Table[];
  charts: ChartSpec[];
}

/**
 * Most rows a table shows in the PDF and in the HTML (issues 17.4, 19.6): at 20,000 workloads the placement list alone
 * was 455 of 482 PDF pages. The XLSX, CSV and JSON always carry every row.
 */
export const ROW_CAP = { pdf: 200, html: 2000 } as const;

/** Rows a renderer shows of a table: the block's own limit or the renderer's cap, whichever is smaller. */
export function shownRows(table: Table, renderer: keyof typeof ROW_CAP, maxRows?: number): Table['rows'] {
  const cap = Math.min(ROW_CAP[renderer], maxRows ?? Infinity);
  return table.rows.length > cap ? table.rows.slice(0, cap) : table.rows;
}

/** The note under a table cut short: how many rows are shown and where the full table is. */
export function cutNote(model: ReportModel, table: Table, shown: number): string {
  const where: string[] = [];
  const inWorkbook = model.tables.some((t) => t.id === table.id);
  const { xlsx, csvPrefix } = model.meta.fullTables;
  if (inWorkbook && xlsx) where.push(`${xlsx} (sheet ${table.sheet})`);
  if (inWorkbook && csvPrefix) where.push(`${csvPrefix}${table.id}.csv`);
  return (
    `First ${fmtInt(shown)} of ${fmtInt(table.rows.length)} rows; ` +
    (where.length > 0 ? `the full table is in ${where.join(' and ')}.` : 'render the XLSX or CSV report (--format xlsx,csv) for the full table.')
  );
}

/** The table with only the given columns (in the table's order). */
export function pickColumns(t: Table, keys?: string[]): Table {
  if (!keys) return t;
  const idx = t.columns.map((c, i) => (keys.includes(c.key) ? i : -1)).filter((i) => i >= 0);
  return { ...t, columns: idx.map((i) => t.columns[i]), rows: t.rows.map((r) => idx.map((i) => r[i] ?? null)) };
}

export function cellValue(c: Cell): CellValue {
  return c !== null && typeof c === 'object' ? c.value : c;
}

export function cellIsInput(c: Cell): boolean {
  return c !== null && typeof c === 'object' && c.input === true;
}

export function cellFormula(c: Cell): string | undefined {
  return c !== null && typeof c === 'object' ? c.formula : undefined;
}

export function cellKind(c: Cell, column: Column): CellKind {
  return c !== null && typeof c === 'object' ? c.kind : column.kind;
}
