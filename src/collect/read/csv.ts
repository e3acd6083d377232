import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import { Problem, UserError, error, warning } from '../../diagnostics';
import { parseWellFormedCsv } from './fast-csv';
import { Parser } from './papa-core';
import { sepLine, sniffDelimiter, sniffEncoding, sniffNewline } from './sniff';

/**
 * Streaming CSV reader for every dcplan collector (papaparse's core parser, driven chunk by chunk).
 *
 * Usage (callbacks are synchronous; return `false` from either to stop reading early):
 *
 *   const res = await readCsv(path, { file: displayName }, (headers, row) => { ... }, (fields, row) => { ... });
 *
 * - Memory is bounded by the chunk size plus the longest record, whatever the file size (multi-GB files are fine).
 * - Encoding and delimiter are sniffed from the first 64 KiB unless given: UTF-8 (with or without BOM), UTF-16 LE/BE
 *   (with BOM, or without by NUL pattern), else Windows-1252. Any iconv-lite name may be forced (e.g. `win1251`).
 *   Delimiters `,` `;` tab `|` and `;\t` (Bitbrains); an Excel `sep=;` first line is honoured and not counted as a row.
 * - Row numbers are 1-based as a user sees them: the header is row 1 and each record is one row, even when a quoted
 *   field holds newlines. Blank lines count as rows (as Excel shows them) but are not delivered; `blankRows` counts them
 *   (a final empty line after the last newline is not a row).
 * - Headers are delivered as written (BOM stripped, not trimmed); normalise them with `headers.ts`.
 * - Records are delivered as written; a short record is NOT padded (index past its end → undefined, treat as empty).
 * - Malformed quotes and records with more non-empty fields than the header are reported in `problems` with the row,
 *   never thrown. A record longer than `maxRecordChars` (an unterminated quote swallowing the file) stops the read
 *   with an error problem and `stopped = true`.
 * - I/O errors (missing file, permissions) are thrown as-is; callers turn them into user errors with the file name.
 *   An unknown `encoding` name is a UserError.
 * For in-memory text use `readCsvText`, which behaves identically.
 */

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

export type HeaderHandler = (headers: string[], row: number) => void | false;
export type RecordHandler = (fields: string[], row: number) => void | false;

const MAX_PROBLEMS_PER_CODE = 50;

/** True when every field is empty or whitespace (a blank line, or `,,,,` from a formatted spreadsheet). */
export function isBlankRecord(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

/** Push-style CSV state machine: feed decoded text with `push`, finish with `end`. */
class CsvStream {
  private parser?: Parser;
  private pending = '';
  private row = 0;
  private headers?: string[];
  private headerRow = 0;
  private records = 0;
  private blankRows = 0;
  private trailingBlank = false;
  private firstLineChecked = false;
  private problemCounts = new Map<string, number>();
  stopped = false;
  dialect?: CsvDialect;
  readonly problems: Problem[] = [];

  constructor(
    private readonly opts: CsvReadOptions,
    private readonly encoding: string,
    private readonly onHeader: HeaderHandler,
    private readonly onRecord: RecordHandler,
  ) {}

  push(text: string, last: boolean): void {
    if (this.stopped) return;
    let input = this.pending + text;
    if (!this.parser) {
      if (!last && input.length < 65536) {
        this.pending = input;
        return;
      }
      input = this.start(input);
    }
    const parser = this.parser!;
    const { delimiter, newline } = this.dialect!;
    // Well-formed text (nearly every real export) takes the fast path; anything else is parsed by papaparse.
    const res = parseWellFormedCsv(input, delimiter, newline, !last) ?? parser.parse(input, 0, !last);
    const complete = res.data.length;
    for (const e of res.errors) {
      if (e.row < complete) this.report('error', 'csv-malformed-quotes', `${e.message} (papaparse ${e.code}).`, this.row + e.row + 1);
    }
    for (const fields of res.data) {
      if (this.stopped) break;
      this.record(fields);
    }
    this.pending = last ? '' : input.slice(res.meta.cursor);
    const max = this.opts.maxRecordChars ?? 16 * 1024 * 1024;
    if (!last && this.pending.length > max) {
      this.report(
        'error',
        'csv-record-too-long',
        `A record starting at row ${this.row + 1} runs past ${max} characters; reading stopped. ` +
          'Most likely a quote (") opens a field and is never closed.',
        this.row + 1,
        'Check the quotes on that row, or save the sheet again from Excel as CSV.',
      );
      this.stopped = true;
    }
  }

  /** Fixes the dialect from the first chunk and strips an Excel `sep=` line. */
  private start(input: string): string {
    if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    const newline = sniffNewline(input.slice(0, 65536));
    let delimiter = this.opts.delimiter;
    const nl = input.indexOf(newline);
    const sep = sepLine(nl >= 0 ? input.slice(0, nl) : input);
    if (sep !== undefined && !this.firstLineChecked) {
      delimiter = delimiter ?? sep;
      input = nl >= 0 ? input.slice(nl + newline.length) : '';
    }
    this.firstLineChecked = true;
    delimiter = delimiter ?? sniffDelimiter(input.slice(0, 65536), newline);
    this.dialect = { encoding: this.encoding, delimiter, newline };
    this.parser = new Parser({ delimiter, newline });
    return input;
  }

  private record(fields: string[]): void {
    this.row++;
    if (isBlankRecord(fields)) {
      this.blankRows++;
      this.trailingBlank = fields.length === 1 && fields[0] === '';
      return;
    }
    this.trailingBlank = false;
    if (!this.headers) {
      if (fields.length > 0 && fields[0].charCodeAt(0) === 0xfeff) fields[0] = fields[0].slice(1);
      this.headers = fields;
      this.headerRow = this.row;
      if (this.onHeader(fields, this.row) === false) this.stopped = true;
      return;
    }
    if (fields.length > this.headers.length) {
      let extra = 0;
      for (let i = this.headers.length; i < fields.length; i++) if (fields[i].trim() !== '') extra++;
      if (extra > 0)
        this.report(
          'warning',
          'csv-extra-fields',
          `Row has ${fields.length} fields but the header has ${this.headers.length}; ${extra} value(s) past the last column are ignored.`,
          this.row,
          'A delimiter inside an unquoted value splits it; quote such values.',
        );
    }
    this.records++;
    if (this.onRecord(fields, this.row) === false) this.stopped = true;
  }

  private report(sev: 'error' | 'warning', code: string, message: string, row: number, hint?: string): void {
    const n = (this.problemCounts.get(code) ?? 0) + 1;
    this.problemCounts.set(code, n);
    if (n <= MAX_PROBLEMS_PER_CODE) {
      const make = sev === 'error' ? error : warning;
      this.problems.push(make(code, message, { file: this.opts.file, sheet: this.opts.sheet, row }, hint));
    }
  }

  result(): CsvReadResult {
    for (const [code, n] of this.problemCounts) {
      if (n > MAX_PROBLEMS_PER_CODE) {
        const first = this.problems.find((p) => p.code === code)!;
        this.problems.push(
          problemLike(first, `${n - MAX_PROBLEMS_PER_CODE} more ${code} problem(s) in this file are not listed one by one.`),
        );
      }
    }
    // A newline at the very end of the file ends the last record; it does not start a blank row.
    const blank = this.trailingBlank ? this.blankRows - 1 : this.blankRows;
    return {
      dialect: this.dialect ?? { encoding: this.encoding, delimiter: this.opts.delimiter ?? ',', newline: '\n' },
      headers: this.headers ?? [],
      headerRow: this.headerRow,
      records: this.records,
      lastRow: this.trailingBlank ? this.row - 1 : this.row,
      blankRows: blank,
      stopped: this.stopped,
      problems: this.problems,
    };
  }
}

function problemLike(p: Problem, message: string): Problem {
  const q: Problem = { code: p.code, severity: p.severity, message };
  if (p.file !== undefined) q.file = p.file;
  if (p.sheet !== undefined) q.sheet = p.sheet;
  return q;
}

/** Reads a CSV file in streaming fashion. See the module comment for the contract. */
export async function readCsv(
  path: string,
  opts: CsvReadOptions,
  onHeader: HeaderHandler,
  onRecord: RecordHandler,
): Promise<CsvReadResult> {
  let encoding = opts.encoding;
  if (!encoding) {
    const fd = fs.openSync(path, 'r');
    try {
      const head = Buffer.alloc(65536);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      encoding = sniffEncoding(head.subarray(0, n)).encoding;
    } finally {
      fs.closeSync(fd);
    }
  }
  if (!iconv.encodingExists(encoding)) {
    throw new UserError(
      error('unknown-encoding', `Unknown text encoding "${encoding}" for ${opts.file ?? path}.`, { file: opts.file ?? path }, 'Use a name like utf-8, utf-16le, windows-1252 or windows-1251.'),
    );
  }
  const decoder = iconv.getDecoder(encoding);
  const csv = new CsvStream(opts, encoding, onHeader, onRecord);
  const stream = fs.createReadStream(path, { highWaterMark: opts.chunkBytes ?? 1024 * 1024 });
  try {
    for await (const chunk of stream) {
      csv.push(decoder.write(chunk as Buffer), false);
      if (csv.stopped) break;
    }
    if (!csv.stopped) csv.push(decoder.end() ?? '', true);
  } finally {
    stream.destroy();
  }
  return csv.result();
}

/** Same as `readCsv` on text already in memory (tests, small files, sheets converted to CSV). */
export function readCsvText(
  text: string,
  opts: Omit<CsvReadOptions, 'encoding' | 'chunkBytes'>,
  onHeader: HeaderHandler,
  onRecord: RecordHandler,
): CsvReadResult {
  const csv = new CsvStream(opts, 'utf8', onHeader, onRecord);
  csv.push(text, true);
  return csv.result();
}

/** Convenience for small files and tests: every non-blank record with its row number. */
export async function readCsvAll(
  path: string,
  opts: CsvReadOptions = {},
): Promise<CsvReadResult & { rows: { fields: string[]; row: number }[] }> {
  const rows: { fields: string[]; row: number }[] = [];
  const res = await readCsv(path, opts, () => undefined, (fields, row) => {
    rows.push({ fields, row });
  });
  return { ...res, rows };
}
