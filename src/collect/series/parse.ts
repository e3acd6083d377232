import { Problem } from '../../diagnostics';
import { parseNumber } from '../read/numbers';
import { RowIssues } from './issues';
import { SeriesStore } from './store';
import { SeriesOptions } from './types';

/** What every time-series parser receives. */
export interface ParseInput {
  /** Path to read. */
  file: string;
  /** Name shown to users (as given on the command line). */
  display: string;
  store: SeriesStore;
  opts: SeriesOptions;
  issues: RowIssues;
  /** Column map from `--map` (customer column name → canonical name), for the CSV formats. */
  columnMap?: Record<string, string>;
}

export interface ParseStats {
  /** Lines or records read, header included. */
  rowsRead: number;
  /** Samples handed to the store (after derivation: one per server, metric and timestamp). */
  samples: number;
  /** File-level problems (time zone, unknown counters, quirks found). Row-level ones are in `issues`. */
  problems: Problem[];
  /** Servers the file had samples for, in first-seen order. */
  servers: string[];
  /**
   * Servers whose `memory` series (MiB) holds memory used minus the installed memory (perfmon `Available MBytes`,
   * negated): the pipeline adds the installed memory from the inventory (UtilizationUpdate.memoryBelowTotal).
   */
  memoryBelowTotal?: string[];
}

/**
 * Number from a perf-log cell, read as every text format reads numbers (collect/read/numbers.ts): undefined for blank
 * cells and placeholders, NaN for garbage; thousands separators, a decimal comma where unambiguous, `%`, and Java's
 * `2.097152E7` are accepted.
 */
export function cellNumber(text: string, decimalComma = false): number | undefined {
  return parseNumber(text, { decimalComma });
}

/** Network bytes/s → Mbps (decimal megabits, as link speeds are quoted). */
export const BYTES_PER_S_TO_MBPS = 8 / 1e6;
/** sysstat and Bitbrains kB/s are kibibytes: → Mbps. */
export const KIB_PER_S_TO_MBPS = (8 * 1024) / 1e6;

/** `; e.g. row 2: <message>` from the first row problem recorded, for a file-level error that sums them up. */
export function firstIssue(issues: RowIssues): string {
  const p = issues.problems[0];
  return p ? `; e.g. row ${p.row}${p.column ? ` column "${p.column}"` : ''}: ${p.message}` : '';
}
