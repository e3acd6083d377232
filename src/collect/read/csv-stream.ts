import { Problem, error, warning } from '../../diagnostics';
import type { CsvDialect, CsvReadOptions, CsvReadResult, HeaderHandler, HeaderHints, RecordHandler } from './csv-types';
import { fieldsOf, joinFlat, parseWellFormedCsv } from './fast-csv';
import { Parser } from './papa-core';
import { sepLine, sniffDelimiter, sniffNewline } from './sniff';
import { CELL_MAX_CHARS, quote } from '../../inventory/plausible';

/**
 * The state machine behind readCsv (csv.ts): decoded text goes in with `push` (or rows scanned on the reading thread
 * with `pushRows`), records come out through the callbacks with user-visible row numbers, blank rows are counted,
 * and problems are collected per code. The contract is described in csv.ts.
 */
const MAX_PROBLEMS_PER_CODE = 50;

/** True when every field is empty or whitespace (a blank line, or `,,,,` from a formatted spreadsheet). */
export function isBlankRecord(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

/** Push-style CSV state machine: feed decoded text with `push`, finish with `end`. */
export class CsvStream {
  private parser?: Parser;
  private pending = '';
  private row = 0;
  private headers?: string[];
  private headerRow = 0;
  private records = 0;
  private blankRows = 0;
  private trailingBlank = false;
  private problemCounts = new Map<string, number>();
  stopped = false;
  dialect?: CsvDialect;
  /** Set by the threaded reader: passes the header handler's hints on to the reading thread. */
  onHints?: (hints: HeaderHints) => void;
  readonly problems: Problem[] = [];

  constructor(
    private readonly opts: CsvReadOptions,
    private readonly encoding: string,
    private readonly onHeader: HeaderHandler,
    private readonly onRecord: RecordHandler,
  ) {}

  push(text: string, last: boolean): void {
    if (this.stopped) return;
    let input = joinFlat(this.pending, text);
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
    // papaparse may report the same defect twice (once per quote it trips over): one problem per row and message.
    const reported = new Set<string>();
    for (const e of res.errors) {
      const message = `${e.message} (papaparse ${e.code}).`;
      if (e.row >= complete || reported.has(`${e.row}\u0000${message}`)) continue;
      reported.add(`${e.row}\u0000${message}`);
      this.report('error', 'csv-malformed-quotes', message, this.row + e.row + 1);
    }
    for (const fields of res.data) {
      if (this.stopped) break;
      this.record(fields);
    }
    this.pending = last ? '' : input.slice(res.meta.cursor);
    if (!last) this.checkPending(this.pending.length);
  }

  /** Fixes the dialect from the first chunk and strips an Excel `sep=` line. */
  private start(input: string): string {
    const d = dialectOf(input, this.opts.delimiter);
    this.begin({ encoding: this.encoding, delimiter: d.delimiter, newline: d.newline });
    return input.slice(d.skip);
  }

  /** Sets a dialect found beforehand (the threaded reader sniffs it from the head of the file). */
  begin(dialect: CsvDialect): void {
    this.dialect = dialect;
    this.parser = new Parser({ delimiter: dialect.delimiter, newline: dialect.newline });
  }

  /**
   * Complete rows scanned on the reading thread (see csv-worker.ts): `bounds` from scanWellFormedCsv over `text`,
   * with repeating values given as indices into `values`; `pendingChars` is how long the incomplete row it kept
   * back has grown.
   */
  pushRows(text: string, bounds: Int32Array, pendingChars: number, last: boolean, values: readonly string[]): void {
    if (this.stopped) return;
    fieldsOf(
      text,
      bounds,
      bounds.length,
      (fields, shared) => {
        if (this.stopped) return false;
        this.record(fields, shared);
      },
      values,
    );
    if (!last) this.checkPending(pendingChars);
  }

  private checkPending(pendingChars: number): void {
    const max = this.opts.maxRecordChars ?? 16 * 1024 * 1024;
    if (this.stopped || pendingChars <= max) return;
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

  private record(fields: string[], shared = false): void {
    this.row++;
    if (this.fieldTooLong(fields)) return;
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
      const hints = this.onHeader(fields, this.row);
      if (hints === false) this.stopped = true;
      else if (hints && this.onHints) this.onHints(hints);
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
    if (this.onRecord(fields, this.row, shared) === false) this.stopped = true;
  }

  /**
   * A field past CELL_MAX_CHARS (no spreadsheet writes one) stops the read with an error naming row and column: it is
   * never carried into names, warnings and checkpoints. One comparison per field.
   */
  private fieldTooLong(fields: string[]): boolean {
    const max = this.opts.maxFieldChars ?? CELL_MAX_CHARS;
    for (let i = 0; i < fields.length; i++) {
      if (fields[i].length <= max) continue;
      const header = this.headers?.[i];
      const column = header !== undefined && header.length <= 200 ? header : `column ${i + 1}`;
      this.problems.push(
        error(
          'csv-field-too-long',
          `Row ${this.row}, column "${column}": a field of ${fields[i].length.toLocaleString('en-US')} characters, past the limit of ${max.toLocaleString('en-US')} (Excel itself holds at most 32,767 in a cell); reading stopped. It begins ${quote(fields[i])}.`,
          { file: this.opts.file, sheet: this.opts.sheet, row: this.row, column },
          'The file is damaged or was not written by a spreadsheet or an export tool: check that row.',
        ),
      );
      this.stopped = true;
      return true;
    }
    return false;
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

/**
 * The dialect of a text from its start (at least its first 64 Ki characters when the file is longer): newline and
 * delimiter sniffed unless the delimiter is given, an Excel `sep=` first line honoured. `skip` is how many characters
 * to drop before the first row (a BOM, the `sep=` line).
 */
export function dialectOf(head: string, delimiter?: string): { delimiter: string; newline: CsvDialect['newline']; skip: number } {
  let skip = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  const input = skip ? head.slice(1) : head;
  const newline = sniffNewline(input.slice(0, 65536));
  const nl = input.indexOf(newline);
  const sep = sepLine(nl >= 0 ? input.slice(0, nl) : input);
  let rest = input;
  if (sep !== undefined) {
    delimiter = delimiter ?? sep;
    const cut = nl >= 0 ? nl + newline.length : input.length;
    skip += cut;
    rest = input.slice(cut);
  }
  return { delimiter: delimiter ?? sniffDelimiter(rest.slice(0, 65536), newline), newline, skip };
}

