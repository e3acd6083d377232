import { Problem, warning } from '../../diagnostics';
import { Parser } from './papa-core';

/**
 * Content sniffing for text files: encoding, line ending and delimiter, judged from the first bytes only.
 * Used by `probeFile` (to tell collectors what a file is) and by `readCsv` when the caller gives no dialect.
 */

/** An iconv-lite encoding name: sniffing reports utf8, utf16le, utf16be, windows1251 or windows1252; a user may name any other. */
export type TextEncoding = string;

export interface EncodingGuess {
  encoding: TextEncoding;
  /** A byte-order mark was present (it is stripped when decoding). */
  bom: boolean;
  /**
   * The text mixes valid UTF-8 multi-byte sequences with bytes that are not UTF-8 (a file edited in two encodings):
   * the offset of the first invalid byte. It is decoded as a Windows code page, so the UTF-8 names come out garbled.
   */
  mixedUtf8At?: number;
}

/**
 * Decides the encoding from a file's first bytes, for every text format (inventory CSVs and time series): BOM, then
 * the UTF-16 NUL pattern, then UTF-8 validity; otherwise a Windows code page: windows1251 when high bytes come in
 * runs (Cyrillic words, e.g. a Russian perfmon log), else windows1252.
 */
export function sniffEncoding(head: Buffer): EncodingGuess {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bom: true };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bom: true };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', bom: true };
  // UTF-16 without BOM: ASCII text has a NUL in every other byte.
  const n = Math.min(head.length, 4096) & ~1;
  if (n >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenNul++;
      if (head[i + 1] === 0) oddNul++;
    }
    const pairs = n / 2;
    if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return { encoding: 'utf16le', bom: false };
    if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return { encoding: 'utf16be', bom: false };
  }
  const bad = firstInvalidUtf8(head);
  if (bad < 0) return { encoding: 'utf8', bom: false };
  const codePage = cyrillicRuns(head) ? 'windows1251' : 'windows1252';
  return hasUtf8Sequence(head.subarray(0, bad)) ? { encoding: codePage, bom: false, mixedUtf8At: bad } : { encoding: codePage, bom: false };
}

/** True when the bytes are valid UTF-8, tolerating a multi-byte sequence cut off at the end of the sample. */
export function isValidUtf8(buf: Buffer): boolean {
  return firstInvalidUtf8(buf) < 0;
}

/** Offset of the first byte that breaks UTF-8, or -1 (a sequence cut off by the end of the sample is not a break). */
function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return i;
    if (i + need >= b.length) return -1; // cut at the end of the sample: give it the benefit of the doubt
    for (let k = 1; k <= need; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/** At least one well-formed two- to four-byte UTF-8 sequence. */
function hasUtf8Sequence(b: Buffer): boolean {
  for (let i = 0; i + 1 < b.length; i++) if (b[i] >= 0xc2 && b[i] <= 0xf4 && (b[i + 1] & 0xc0) === 0x80) return true;
  return false;
}

/** Three or more bytes of 0xC0 and above in a row: Cyrillic letters in windows-1251 (Western text rarely does this). */
function cyrillicRuns(b: Buffer): boolean {
  let run = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] >= 0xc0) {
      if (++run === 3) return true;
    } else run = 0;
  }
  return false;
}

/** The warning for a mixed-encoding file (see EncodingGuess.mixedUtf8At), or undefined. */
export function encodingProblem(guess: EncodingGuess, file: string): Problem | undefined {
  if (guess.mixedUtf8At === undefined) return undefined;
  return warning(
    'mixed-encoding',
    `the file mixes UTF-8 with bytes that are not UTF-8 (first at byte ${guess.mixedUtf8At}): read as ${guess.encoding}, so accented or non-Latin names written in UTF-8 come out garbled`,
    { file },
    'save the file in one encoding (UTF-8), or name the encoding with --encoding',
  );
}

/**
 * True when decoded text looks like binary data: NUL characters or many control characters.
 * (Tab, CR, LF, FF and ESC-free text passes; a few stray controls in a big file do not make it binary.)
 */
export function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  let ctrl = 0;
  const n = Math.min(text.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) ctrl++;
    if (c === 0xfffd) ctrl++; // replacement characters from a failed decode
  }
  return ctrl > n * 0.05;
}

/** Line ending used between records, judged outside quoted fields. */
export function sniffNewline(sample: string): '\r\n' | '\n' | '\r' {
  const unquoted = sample.replace(/"[^"]*"/g, '""');
  const crlf = (unquoted.match(/\r\n/g) ?? []).length;
  const lf = (unquoted.match(/\n/g) ?? []).length - crlf;
  const cr = (unquoted.match(/\r/g) ?? []).length - crlf;
  if (crlf === 0 && lf === 0 && cr === 0) return '\n';
  if (crlf >= lf && crlf >= cr) return '\r\n';
  return lf >= cr ? '\n' : '\r';
}

/** Delimiters dcplan recognises, in preference order. `;\t` is the Bitbrains trace dialect. */
export const DELIMITERS = [',', ';', '\t', '|', ';\t'] as const;

/** Excel's `sep=;` first line names the delimiter explicitly. */
export function sepLine(firstLine: string): string | undefined {
  const m = /^sep=(.{1,2})$/i.exec(firstLine.replace(/[\r\n]+$/, ''));
  return m ? m[1] : undefined;
}

/**
 * Picks the delimiter that splits the sample into the most consistent table: the share of records with the same
 * field count as the first (header) record, then the header's field count. A header that does not split scores 0,
 * so a decimal comma inside a semicolon file does not win.
 */
export function sniffDelimiter(sample: string, newline = sniffNewline(sample)): string {
  const lines = sample.split(newline);
  const explicit = lines.length > 0 ? sepLine(lines[0]) : undefined;
  if (explicit) return explicit;
  let best: { delim: string; score: number; fields: number } = { delim: ',', score: 0, fields: 1 };
  for (const delim of DELIMITERS) {
    // The last record of a sample may be cut short; keep it only when it is the only one (a very long header).
    const parsed = new Parser({ delimiter: delim, newline, preview: 50 }).parse(sample, 0, sample.includes(newline));
    const counts = parsed.data
      .filter((r) => !(r.length === 1 && r[0].trim() === ''))
      .map((r) => r.length);
    if (counts.length === 0 || counts[0] < 2) continue;
    const same = counts.filter((c) => c === counts[0]).length / counts.length;
    const better =
      same > best.score + 1e-9 ||
      (Math.abs(same - best.score) <= 1e-9 && counts[0] > best.fields) ||
      // `;\t` splits exactly like `;` when every semicolon is followed by a tab: prefer the two-character form.
      (delim === ';\t' && best.delim === ';' && Math.abs(same - best.score) <= 1e-9 && counts[0] === best.fields);
    if (better) best = { delim, score: same, fields: counts[0] };
  }
  return best.delim;
}
