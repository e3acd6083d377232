/**
 * Streaming line reader for time-series files: reads 1 MiB chunks, decodes them (UTF-8, UTF-16, Windows code pages
 * through iconv-lite) and calls `onLine` once per line with its 1-based line number. Memory is one chunk plus one
 * partial line, whatever the file size. Synchronous callbacks (no async iterator per line) keep it fast enough for
 * the ≥ 1 million samples/s target. `onLine` may return `false` to stop early.
 */
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import { StringDecoder } from 'string_decoder';
import { sniffEncoding } from '../read/sniff';

export type LineHandler = (line: string, lineNo: number) => void | boolean;

interface Decoder {
  write(b: Buffer): string;
  end(): string | undefined;
}

function decoderFor(encoding: string): Decoder {
  const enc = encoding.toLowerCase();
  if (enc === 'utf8' || enc === 'utf-8') {
    const d = new StringDecoder('utf8');
    return { write: (b) => d.write(b), end: () => d.end() };
  }
  return iconv.getDecoder(enc);
}

/** The encoding of a file from its first bytes: the one sniffing every text format shares (collect/read/sniff.ts). */
export function detectEncoding(head: Buffer): string {
  return sniffEncoding(head).encoding;
}

export function readHead(file: string, bytes = 65536): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads `file` line by line (LF or CRLF; the BOM is dropped). Resolves with the number of lines seen. */
export async function readLines(file: string, encoding: string, onLine: LineHandler): Promise<number> {
  const dec = decoderFor(encoding);
  let carry = '';
  let lineNo = 0;
  let stopped = false;
  let first = true;
  const emit = (text: string, final: boolean): void => {
    let s = carry + text;
    if (first && s.length > 0) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      first = false;
    }
    let start = 0;
    for (;;) {
      const nl = s.indexOf('\n', start);
      if (nl < 0) break;
      let end = nl;
      if (end > start && s.charCodeAt(end - 1) === 13) end--;
      lineNo++;
      if (onLine(s.slice(start, end), lineNo) === false) {
        stopped = true;
        return;
      }
      start = nl + 1;
    }
    carry = s.slice(start);
    if (final && carry.length > 0) {
      const line = carry.charCodeAt(carry.length - 1) === 13 ? carry.slice(0, -1) : carry;
      lineNo++;
      carry = '';
      onLine(line, lineNo);
    }
  };
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  for await (const chunk of stream) {
    emit(dec.write(chunk as Buffer), false);
    if (stopped) {
      stream.destroy();
      return lineNo;
    }
  }
  emit(dec.end() ?? '', true);
  return lineNo;
}

/**
 * Splits one CSV line: fields may be double-quoted (`""` = a quote); `delim` may be several characters (Bitbrains `;\t`).
 * Perf logs never put newlines inside fields, so a line is a record.
 */
export function splitCsvLine(line: string, delim = ','): string[] {
  if (line.indexOf('"') < 0) return line.split(delim);
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i <= n) {
    if (line.charCodeAt(i) === 34) {
      let val = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          val += line.slice(i);
          i = n;
          break;
        }
        val += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          val += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(val);
      const d = line.indexOf(delim, i);
      if (d < 0) break;
      i = d + delim.length;
    } else {
      const d = line.indexOf(delim, i);
      if (d < 0) {
        out.push(line.slice(i));
        break;
      }
      out.push(line.slice(i, d));
      i = d + delim.length;
    }
  }
  return out;
}
