import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import { Problem, UserError, error } from '../../diagnostics';
import { CsvStream } from './csv-stream';
import { readOnThread } from './csv-thread';
import { encodingProblem, sniffEncoding } from './sniff';
import type { CsvReadOptions, CsvReadResult, HeaderHandler, RecordHandler } from './csv-types';

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
 * - Files of 8 MiB and more are read, decoded and scanned on a second thread (csv-thread.ts); the results are the
 *   same, the calling thread only cuts fields and runs the callbacks.
 * For in-memory text use `readCsvText`, which behaves identically.
 */

export type { CsvDialect, CsvReadOptions, CsvReadResult, HeaderHandler, HeaderHints, RecordHandler } from './csv-types';

/** Reads a CSV file in streaming fashion. See the module comment for the contract. */
export async function readCsv(
  path: string,
  opts: CsvReadOptions,
  onHeader: HeaderHandler,
  onRecord: RecordHandler,
): Promise<CsvReadResult> {
  let encoding = opts.encoding;
  let mixed: Problem | undefined;
  if (!encoding) {
    const fd = fs.openSync(path, 'r');
    try {
      const head = Buffer.alloc(65536);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      const guess = sniffEncoding(head.subarray(0, n));
      encoding = guess.encoding;
      mixed = encodingProblem(guess, opts.file ?? path);
    } finally {
      fs.closeSync(fd);
    }
  }
  const known: boolean = iconv.encodingExists(encoding); // a plain boolean: the type guard would narrow `encoding` to never
  if (!known) {
    throw new UserError(
      error('unknown-encoding', `Unknown text encoding "${encoding}" for ${opts.file ?? path}.`, { file: opts.file ?? path }, 'Use a name like utf-8, utf-16le, windows-1252 or windows-1251.'),
    );
  }
  const csv = new CsvStream(opts, encoding, onHeader, onRecord);
  const chunkBytes = opts.chunkBytes ?? 1024 * 1024;
  if (fs.statSync(path).size >= (opts.threadMinBytes ?? 8 * 1024 * 1024)) {
    await readOnThread(path, encoding, chunkBytes, opts.delimiter, csv);
    return withProblem(csv.result(), mixed);
  }
  const decoder = iconv.getDecoder(encoding);
  const stream = fs.createReadStream(path, { highWaterMark: chunkBytes });
  try {
    for await (const chunk of stream) {
      csv.push(decoder.write(chunk as Buffer), false);
      if (csv.stopped) break;
    }
    if (!csv.stopped) csv.push(decoder.end() ?? '', true);
  } finally {
    stream.destroy();
  }
  return withProblem(csv.result(), mixed);
}

/** The sniffing's own finding (a mixed-encoding file) goes first, before the rows' problems. */
function withProblem(r: CsvReadResult, p: Problem | undefined): CsvReadResult {
  if (p) r.problems.unshift(p);
  return r;
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
