import { Problem } from '../diagnostics';
import { Workload } from '../inventory/schema';

/** Import templates `dcplan export --to` writes. */
export const EXPORT_TARGETS = ['azure-migrate', 'aws-import', 'generic'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** A cell value: text, a number, or empty. */
export type Cell = string | number | undefined;

/** One column of a vendor template: its exact header and how a workload fills it. */
export interface ExportColumn {
  header: string;
  value: (w: Workload) => Cell;
}

export interface ExportResult {
  target: ExportTarget;
  /** The template's header row, in the vendor's order. */
  columns: string[];
  rows: number;
  /** The CSV text (UTF-8, CRLF line ends, RFC 4180 quoting). */
  text: string;
  problems: Problem[];
}
