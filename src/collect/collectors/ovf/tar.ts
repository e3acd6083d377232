import * as fs from 'fs';

/**
 * A small ustar / pax / GNU tar reader for OVA packages (DSP0243 "OVF package": a tar archive, ustar format).
 * It never reads the archive whole: headers are read by position (512 bytes each, data skipped), and an entry's data
 * is streamed from its offset on demand, so a 10 GB OVA costs a few reads of 512 bytes plus whatever the caller hashes.
 * Sizes above 8 GiB are read from GNU base-256 size fields and pax `size=` records; long names from pax `path=`,
 * ustar prefix fields and GNU `L` entries. Every header checksum is verified.
 */

export interface TarEntry {
  name: string;
  size: number;
  /** Byte offset of the entry's data in the archive. */
  offset: number;
  /** ustar type flag: '0' (or NUL) file, '5' directory, others kept as written. */
  type: string;
}

export interface TarListing {
  entries: TarEntry[];
  /** True when the archive ends with the end-of-archive marker (two zero blocks, or at least one). */
  endMarker: boolean;
  size: number;
}

export class TarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarError';
  }
}

const BLOCK = 512;
/** Most entries read from one archive (an OVA holds a handful; a hostile tar could hold millions). */
export const MAX_TAR_ENTRIES = 10_000;

function readAt(fd: number, pos: number, len: number): Buffer {
  const buf = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const n = fs.readSync(fd, buf, got, len - got, pos + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

function cString(b: Buffer): string {
  const z = b.indexOf(0);
  return b.subarray(0, z < 0 ? b.length : z).toString('utf8');
}

/** Numeric header field: octal text, or GNU base-256 when the high bit of the first byte is set. */
function tarNumber(b: Buffer): number {
  if (b[0] & 0x80) {
    let n = b[0] & 0x7f;
    for (let i = 1; i < b.length; i++) n = n * 256 + b[i];
    return n;
  }
  const t = cString(b).trim();
  if (t === '') return 0;
  if (!/^[0-7]+$/.test(t)) return NaN;
  return parseInt(t, 8);
}

function checksumOk(h: Buffer): boolean {
  const stored = tarNumber(h.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
  return sum === stored;
}

/** pax extended header records: `<len> key=value\n`. */
function paxRecords(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < data.length) {
    const sp = data.indexOf(0x20, pos);
    if (sp < 0) break;
    const len = parseInt(data.subarray(pos, sp).toString('ascii'), 10);
    if (!Number.isFinite(len) || len <= 0) break;
    const rec = data.subarray(sp + 1, pos + len - 1).toString('utf8');
    const eq = rec.indexOf('=');
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    pos += len;
  }
  return out;
}

/**
 * Lists the entries of a tar archive. `stopAfter` ends the listing early (e.g. after the first entry).
 * Throws TarError for a header that is not a tar header, a bad checksum, or an entry running past the end of the file.
 */
export function listTar(file: string, stopAfter = Infinity): TarListing {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const entries: TarEntry[] = [];
    let pos = 0;
    let pax: Record<string, string> = {};
    let longName: string | undefined;
    while (entries.length < stopAfter) {
      if (pos >= size) return { entries, endMarker: false, size };
      const h = readAt(fd, pos, BLOCK);
      if (h.length < BLOCK) throw new TarError(`truncated tar: the header at byte ${pos} is cut off by the end of the file (${size} bytes)`);
      if (h.every((b) => b === 0)) return { entries, endMarker: true, size };
      if (!checksumOk(h))
        throw new TarError(
          pos === 0 ? 'not a tar archive (the first 512 bytes are not a tar header)' : `damaged tar: the header at byte ${pos} has a wrong checksum`,
        );
      const type = String.fromCharCode(h[156] || 0x30);
      const entrySize = tarNumber(h.subarray(124, 136));
      if (!Number.isFinite(entrySize) || entrySize < 0) throw new TarError(`damaged tar: the header at byte ${pos} has no valid size`);
      const dataPos = pos + BLOCK;
      const next = dataPos + Math.ceil(entrySize / BLOCK) * BLOCK;
      if (type === 'x' || type === 'L' || type === 'g') {
        if (entrySize > 1024 * 1024) throw new TarError(`damaged tar: an extended header of ${entrySize} bytes at byte ${pos}`);
        const data = readAt(fd, dataPos, entrySize);
        if (data.length < entrySize) throw new TarError(`truncated tar: the extended header at byte ${pos} is cut off`);
        if (type === 'x') pax = paxRecords(data);
        if (type === 'L') longName = cString(data);
        pos = next;
        continue;
      }
      const magic = h.subarray(257, 263).toString('latin1');
      const prefix = magic.startsWith('ustar') ? cString(h.subarray(345, 500)) : '';
      const base = cString(h.subarray(0, 100));
      const name = pax.path ?? longName ?? (prefix ? `${prefix}/${base}` : base);
      const realSize = pax.size !== undefined ? Number(pax.size) : entrySize;
      const realNext = pax.size !== undefined ? dataPos + Math.ceil(realSize / BLOCK) * BLOCK : next;
      if (dataPos + realSize > size)
        throw new TarError(
          `truncated tar: entry "${name}" declares ${realSize} bytes from byte ${dataPos}, but the file ends at byte ${size}`,
        );
      entries.push({ name, size: realSize, offset: dataPos, type });
      if (entries.length > MAX_TAR_ENTRIES) throw new TarError(`more than ${MAX_TAR_ENTRIES} entries; not an OVA package`);
      pax = {};
      longName = undefined;
      pos = realNext;
    }
    return { entries, endMarker: false, size };
  } finally {
    fs.closeSync(fd);
  }
}

/** True when the first block of the file is a tar header (valid checksum). */
export function looksLikeTar(head: Buffer): boolean {
  return head.length >= BLOCK && !head.subarray(0, BLOCK).every((b) => b === 0) && checksumOk(head.subarray(0, BLOCK));
}

/** Streams an entry's data (never the whole archive). */
export function entryStream(file: string, e: { offset: number; size: number }): AsyncIterable<Buffer> {
  if (e.size === 0) return (async function* () {})();
  return fs.createReadStream(file, { start: e.offset, end: e.offset + e.size - 1, highWaterMark: 1024 * 1024 });
}
