import { Parser } from './papa-core';

/**
 * Content sniffing for text files: encoding, line ending and delimiter, judged from the first bytes only.
 * Used by `probeFile` (to tell collectors what a file is) and by `readCsv` when the caller gives no dialect.
 */

/** An iconv-lite encoding name: sniffing reports utf8, utf16le, utf16be or windows1252; a user may name any other. */
export type TextEncoding = string;

export interface EncodingGuess {
  encoding: TextEncoding;
  /** A byte-order mark was present (it is stripped when decoding). */
  bom: boolean;
}

/** Decides the encoding from a file's first bytes: BOM, then UTF-16 NUL pattern, then UTF-8 validity, else Windows-1252. */
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
  return { encoding: isValidUtf8(head) ? 'utf8' : 'windows1252', bom: false };
}

/** True when the bytes are valid UTF-8, tolerating a multi-byte sequence cut off at the end of the sample. */
export function isValidUtf8(buf: Buffer): boolean {
  let end = buf.length;
  // Back off an incomplete trailing sequence (the head is a prefix of the file).
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = buf[end - k];
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > k) end -= k;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, end));
    return true;
  } catch {
    return false;
  }
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
