/**
 * The CSV reader's contract types (see csv.ts for the behaviour), in a file of their own so that the reader's parts
 * (csv-stream.ts, csv-thread.ts) and its callers share them without importing csv.ts back.
 */
import type { Problem } from '../../diagnostics';

export interface CsvReadOptions {
  /** iconv-lite encoding name; sniffed when absent. */
  encoding?: string;
  /** Field delimiter (one or two characters); sniffed when absent. */
  delimiter?: string;
  /** Display name used in problems. */
  file?: string;
  /** Sheet name used in problems (for CSV exports of one workbook tab). */
  sheet?: string;
  /** Read chunk size in bytes (default 1 MiB). */
  chunkBytes?: number;
  /** Longest record accepted, in characters (default 16 Mi). */
  maxRecordChars?: number;
  /** Longest field accepted, in characters (default CELL_MAX_CHARS, 1 Mi: 32 × Excel's cell limit). */
  maxFieldChars?: number;
  /**
   * Files at least this big (bytes; default 8 MiB) are read, decoded and scanned on a second thread while this one
   * turns rows into records: a 200,000-row export then costs the calling thread little more than its own work.
   * Results are the same either way.
   */
  threadMinBytes?: number;
}

export interface CsvDialect {
  encoding: string;
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
}

export interface CsvReadResult {
  dialect: CsvDialect;
  /** Header cells as written; empty when the file holds no non-blank record. */
  headers: string[];
  headerRow: number;
  /** Non-blank data records delivered to onRecord. */
  records: number;
  /** Row number of the last record seen (header included); 0 for an empty file. */
  lastRow: number;
  blankRows: number;
  /** Reading ended early: a callback returned false, or a record was too long. */
  stopped: boolean;
  problems: Problem[];
}

/**
 * What a header handler may tell the reader about the columns: `repeating` lists the indices of columns whose values
 * repeat from row to row (vCenter, cluster, host, OS name...). The threaded reader then hands each distinct value of
 * those columns over once, and every row holding it gets the same string (no cutting, no copy per row).
 */
export interface HeaderHints {
  repeating?: readonly number[];
}

export type HeaderHandler = (headers: string[], row: number) => void | false | HeaderHints;
/**
 * `shared` is true when the fields of the repeating columns (see HeaderHints) are shared strings: the same string
 * for every row that holds the value, not a slice of the text read. A consumer that interns them may skip that.
 */
export type RecordHandler = (fields: string[], row: number, shared: boolean) => void | false;
