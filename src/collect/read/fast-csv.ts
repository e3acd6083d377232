import type { CoreParseResult } from './papa-core';

/**
 * A fast path in front of papaparse's core parser for well-formed CSV text (what RVTools and Excel write: every
 * field either plain or fully quoted, `""` for a quote inside quotes). It returns exactly what papaparse's
 * `Parser.parse(input, 0, ignoreLastRow)` returns for such text, or `undefined` the moment the text is anything
 * else (a closing quote followed by spaces or text, a quote never closed at the end of the input), and the caller
 * then lets papaparse parse the same text with all its error recovery and messages. Compared with papaparse it
 * allocates one string per field and nothing else (papaparse cuts and trims temporary strings around every quoted
 * field), which is most of the reading time of a 200,000-row export.
 *
 * papaparse's rules reproduced here (quote and escape character `"`, no comments, no preview):
 * - a field starting with `"` runs to the next `"` that is not doubled; the last character of the input counts as
 *   a closing quote even when doubling would follow; `""` inside becomes `"`;
 * - any other field runs to the next delimiter or newline (quotes inside it are plain characters);
 * - with `ignoreLastRow`, the last row (complete or not) is left for the next call and `cursor` points at its start;
 *   without, text after the last newline is a final row (an empty one, `['']`, when the input ends with a newline).
 */
const QUOTE = 34;

export function parseWellFormedCsv(
  input: string,
  delimiter: string,
  newline: string,
  ignoreLastRow: boolean,
): CoreParseResult | undefined {
  const result = (data: string[][], cursor: number): CoreParseResult => ({
    data,
    errors: [],
    meta: { cursor, delimiter, linebreak: newline },
  });
  const len = input.length;
  if (len === 0) return result([], 0);
  const d0 = delimiter.charCodeAt(0);
  const n0 = newline.charCodeAt(0);
  const dLen = delimiter.length;
  const nLen = newline.length;
  const data: string[][] = [];
  let row: string[] = [];
  let rowStart = 0;
  let i = 0; // start of the current field
  for (;;) {
    if (i < len && input.charCodeAt(i) === QUOTE) {
      let from = i + 1;
      let doubled = false;
      let end: number; // index of the closing quote
      for (;;) {
        const q = input.indexOf('"', from);
        if (q === -1) return ignoreLastRow ? result(data, rowStart) : undefined;
        if (q === len - 1) {
          if (ignoreLastRow) return result(data, rowStart);
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
      const raw = input.substring(i + 1, end);
      row.push(doubled ? raw.replace(/""/g, '"') : raw);
      const after = end + 1;
      if (after === len) {
        data.push(row);
        return result(data, len);
      }
      const c = input.charCodeAt(after);
      if (c === n0 && (nLen === 1 || input.startsWith(newline, after))) {
        data.push(row);
        row = [];
        i = rowStart = after + nLen;
        continue;
      }
      if (c === d0 && (dLen === 1 || input.startsWith(delimiter, after))) {
        i = after + dLen;
        continue;
      }
      return undefined; // text after a closing quote: papaparse's recovery decides
    }
    // A plain field: up to the next newline or delimiter (a newline wins a tie, as in papaparse).
    let j = i;
    for (; j < len; j++) {
      const c = input.charCodeAt(j);
      if (c === n0 && (nLen === 1 || input.startsWith(newline, j))) {
        row.push(input.substring(i, j));
        data.push(row);
        row = [];
        i = rowStart = j + nLen;
        break;
      }
      if (c === d0 && (dLen === 1 || input.startsWith(delimiter, j))) {
        row.push(input.substring(i, j));
        i = j + dLen;
        break;
      }
    }
    if (j < len) continue;
    // End of input inside a plain field (or right after a newline / delimiter).
    if (ignoreLastRow) return result(data, rowStart);
    row.push(input.substring(i));
    data.push(row);
    return result(data, len);
  }
}
