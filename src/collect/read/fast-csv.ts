import type { CoreParseResult } from './papa-core';

/**
 * A fast path in front of papaparse's core parser for well-formed CSV text (what RVTools and Excel write: every
 * field either plain or fully quoted, `""` for a quote inside quotes). It returns exactly what papaparse's
 * `Parser.parse(input, 0, ignoreLastRow)` returns for such text, or `undefined` the moment the text is anything
 * else (a closing quote followed by spaces or text, a quote never closed at the end of the input), and the caller
 * then lets papaparse parse the same text with all its error recovery and messages.
 *
 * It works in two steps: `scanWellFormedCsv` finds where every field starts and ends (numbers only, no strings: it
 * can run on another thread, see csv-worker.ts, and hand its result over without copying), and `fieldsOf` cuts the
 * strings, one per field and nothing else (papaparse cuts and trims temporary strings around every quoted field).
 *
 * papaparse's rules reproduced here (quote and escape character `"`, no comments, no preview):
 * - a field starting with `"` runs to the next `"` that is not doubled; the last character of the input counts as
 *   a closing quote even when doubling would follow; `""` inside becomes `"`;
 * - any other field runs to the next delimiter or newline (quotes inside it are plain characters);
 * - with `ignoreLastRow`, the last row (complete or not) is left for the next call and `cursor` points at its start;
 *   without, text after the last newline is a final row (an empty one, `['']`, when the input ends with a newline).
 */
const QUOTE = 34;

/**
 * Field boundaries of the complete rows of a text: for each row its field count, then per field `start, end`
 * (character offsets; `end` is stored as `~end`, a negative number, when the field holds doubled quotes to undo).
 */
export class CsvBounds {
  data = new Int32Array(1 << 16);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  /** Room for `n` more numbers. */
  reserve(n: number): Int32Array {
    if (this.length + n > this.data.length) {
      const bigger = new Int32Array(Math.max(this.data.length * 2, this.length + n));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    return this.data;
  }
}

/**
 * Scans `input` into `out` (reset first). Returns the cursor (offset just past the last complete row, as papaparse's
 * `meta.cursor`), or -1 when the text is not well-formed and papaparse has to parse it.
 */
export function scanWellFormedCsv(input: string, delimiter: string, newline: string, ignoreLastRow: boolean, out: CsvBounds): number {
  out.reset();
  const len = input.length;
  if (len === 0) return 0;
  const d0 = delimiter.charCodeAt(0);
  const n0 = newline.charCodeAt(0);
  const dLen = delimiter.length;
  const nLen = newline.length;
  // Hot loop: plain locals only (closures over them would put every counter in a heap context).
  let b = out.reserve(64);
  let o = 1; // next free slot; slot 0 is the first row's field count
  let countAt = 0; // slot of the current row's field count
  let fields = 0;
  let rowStart = 0;
  let i = 0; // start of the current field
  for (;;) {
    // Room for this field's two numbers and the next row's count slot.
    if (o + 3 > b.length) {
      out.length = o;
      b = out.reserve(3);
    }
    if (i < len && input.charCodeAt(i) === QUOTE) {
      let from = i + 1;
      let doubled = false;
      let end: number; // index of the closing quote
      for (;;) {
        const q = input.indexOf('"', from);
        if (q === -1) {
          if (!ignoreLastRow) return -1;
          out.length = countAt; // the incomplete row is left for the next call
          return rowStart;
        }
        if (q === len - 1) {
          if (ignoreLastRow) {
            out.length = countAt;
            return rowStart;
          }
          end = q;
          break;
        }
        if (input.charCodeAt(q + 1) === QUOTE) {
          doubled = true;
          from = q + 2;
          continue;
        }
        end = q;
        break;
      }
      b[o++] = i + 1;
      b[o++] = doubled ? ~end : end;
      fields++;
      const after = end + 1;
      if (after === len) {
        b[countAt] = fields;
        out.length = o;
        return len;
      }
      const c = input.charCodeAt(after);
      if (c === n0 && (nLen === 1 || input.startsWith(newline, after))) {
        i = rowStart = after + nLen;
        b[countAt] = fields;
        fields = 0;
        countAt = o++;
        continue;
      }
      if (c === d0 && (dLen === 1 || input.startsWith(delimiter, after))) {
        i = after + dLen;
        continue;
      }
      return -1; // text after a closing quote: papaparse's recovery decides
    }
    // A plain field: up to the next newline or delimiter (a newline wins a tie, as in papaparse).
    let j = i;
    for (; j < len; j++) {
      const c = input.charCodeAt(j);
      if (c === n0 && (nLen === 1 || input.startsWith(newline, j))) {
        b[o++] = i;
        b[o++] = j;
        b[countAt] = fields + 1;
        fields = 0;
        countAt = o++;
        i = rowStart = j + nLen;
        break;
      }
      if (c === d0 && (dLen === 1 || input.startsWith(delimiter, j))) {
        b[o++] = i;
        b[o++] = j;
        fields++;
        i = j + dLen;
        break;
      }
    }
    if (j < len) continue;
    // End of input inside a plain field (or right after a newline / delimiter).
    if (ignoreLastRow) {
      out.length = countAt;
      return rowStart;
    }
    b[o++] = i;
    b[o++] = len;
    b[countAt] = fields + 1;
    out.length = o;
    return len;
  }
}

/**
 * Calls `onRow` with the fields of each row in `bounds` (cut from the text the bounds were scanned from). A field
 * whose start is negative is value number `-1 - start` of `values` (see csv-worker.ts: repeating columns); a row
 * whose count is stored negated (`~n`) had every repeating field given that way, and `onRow` hears `shared = true`.
 */
export function fieldsOf(
  text: string,
  bounds: Int32Array,
  length: number,
  onRow: (fields: string[], shared: boolean) => void | false,
  values: readonly string[] = NO_VALUES,
): void {
  let o = 0;
  while (o < length) {
    let n = bounds[o++];
    const shared = n < 0;
    if (shared) n = ~n;
    const fields = new Array<string>(n);
    for (let f = 0; f < n; f++) {
      const start = bounds[o++];
      const end = bounds[o++];
      fields[f] = start < 0 ? values[-1 - start] : end >= 0 ? text.substring(start, end) : text.substring(start, ~end).replace(/""/g, '"');
    }
    if (onRow(fields, shared) === false) return;
  }
}

const NO_VALUES: readonly string[] = [];

/**
 * `a + b` as one flat string. `+` makes a rope (a cons string) whose every charCodeAt goes through an indirection:
 * scanning a chunk glued to the previous chunk's incomplete row that way takes nearly twice as long. Array join
 * copies both into one sequential string (a megabyte per chunk, well under a millisecond).
 */
export function joinFlat(a: string, b: string): string {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return [a, b].join('');
}
const shared = new CsvBounds();

/** The fast path as a drop-in for papaparse's `Parser.parse` (same result), or undefined to let papaparse parse. */
export function parseWellFormedCsv(
  input: string,
  delimiter: string,
  newline: string,
  ignoreLastRow: boolean,
): CoreParseResult | undefined {
  const cursor = scanWellFormedCsv(input, delimiter, newline, ignoreLastRow, shared);
  if (cursor < 0) return undefined;
  const data: string[][] = [];
  fieldsOf(input, shared.data, shared.length, (fields) => {
    data.push(fields);
  });
  return { data, errors: [], meta: { cursor, delimiter, linebreak: newline } };
}
