import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import { MessagePort, parentPort, receiveMessageOnPort, workerData } from 'worker_threads';
import { CsvBounds, joinFlat, scanWellFormedCsv } from './fast-csv';

/**
 * The reading thread of csv-thread.ts: reads the file chunk by chunk, decodes it, drops what the dialect says comes
 * before the first row (BOM, `sep=` line), and scans each chunk with scanWellFormedCsv. Complete rows go to the
 * calling thread as their text plus field boundaries (the boundaries' buffer is transferred, not copied); the
 * incomplete last row is kept for the next chunk, as the in-thread reader does. From the first chunk that is not
 * well-formed CSV on, text is posted raw and the calling thread parses it with papaparse (messages, recovery).
 */
export interface ThreadJob {
  path: string;
  encoding: string;
  delimiter: string;
  newline: string;
  /** Characters to drop at the start of the decoded text. */
  skip: number;
  chunkBytes: number;
  /** Chunks the calling thread has finished with (Atomics counter); the worker stays at most `inFlight` ahead. */
  acks: Int32Array;
  inFlight: number;
  /** Indices of repeating columns, sent once the header is read (see HeaderHints in csv.ts). */
  hints: MessagePort;
}

export type ThreadMessage =
  | { kind: 'rows'; text: string; bounds: Int32Array; pendingChars: number; last: boolean; values: string[] }
  | { kind: 'raw'; text: string; last: boolean }
  | { kind: 'error'; message: string; code?: string };

const FIRST_CHUNK = 64 * 1024;

function run(job: ThreadJob, post: (m: ThreadMessage, transfer?: ArrayBuffer[]) => void): void {
  const decoder = iconv.getDecoder(job.encoding);
  const bounds = new CsvBounds();
  const buf = Buffer.alloc(job.chunkBytes);
  const fd = fs.openSync(job.path, 'r');
  const dictionary = new Dictionary();
  try {
    let skip = job.skip;
    let pending = '';
    let raw = false;
    let sent = 0;
    for (;;) {
      // A small first chunk: the calling thread, idle until the first rows arrive, starts sooner.
      const n = fs.readSync(fd, buf, 0, sent === 0 ? Math.min(buf.length, FIRST_CHUNK) : buf.length, null);
      const last = n === 0;
      let text = last ? (decoder.end() ?? '') : decoder.write(buf.subarray(0, n));
      if (skip > 0) {
        const cut = Math.min(skip, text.length);
        text = text.slice(cut);
        skip -= cut;
      }
      const hint = receiveMessageOnPort(job.hints);
      if (hint) dictionary.repeating(hint.message as number[]);
      // Stay a few chunks ahead of the calling thread at most.
      while (sent - Atomics.load(job.acks, 0) >= job.inFlight) Atomics.wait(job.acks, 0, Atomics.load(job.acks, 0), 50);
      if (raw) {
        post({ kind: 'raw', text, last });
      } else {
        const input = joinFlat(pending, text);
        const cursor = scanWellFormedCsv(input, job.delimiter, job.newline, !last, bounds);
        if (cursor < 0) {
          raw = true;
          pending = '';
          post({ kind: 'raw', text: input, last });
        } else {
          const b = bounds.data.slice(0, bounds.length);
          const values = dictionary.encode(input, b);
          pending = last ? '' : input.slice(cursor);
          post({ kind: 'rows', text: input.slice(0, cursor), bounds: b, pendingChars: pending.length, last, values }, [b.buffer]);
        }
      }
      sent++;
      if (last) return;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Values of the repeating columns, each numbered once: a field of such a column is sent as its number (start
 * `-1 - n`, see fieldsOf), its text only the first time; a row whose repeating fields all went that way is marked
 * (its count negated), so the calling thread knows they are shared strings. Past MAX_VALUES distinct values (a column that did not
 * repeat after all) new values are sent as text again.
 */
const MAX_VALUES = 100_000;
const TABLE_SIZE = 1 << 18; // open addressing, kept under half full by MAX_VALUES

class Dictionary {
  private columns = new Uint8Array(0);
  /** Numbered values, their hashes, and a hash table of value numbers + 1 (0 = empty slot). */
  private readonly values: string[] = [];
  private readonly hashes = new Int32Array(MAX_VALUES);
  private readonly table = new Int32Array(TABLE_SIZE);

  /**
   * Per column: the number of the value it held on the row before (-1 at first), and how often comparing with it
   * paid off: a column whose value changes on most rows (host, cluster) stops being compared after a while.
   */
  private lastId = new Int32Array(0);
  private lastTries = new Int32Array(0);
  private lastHits = new Int32Array(0);

  repeating(indices: readonly number[]): void {
    const n = indices.length === 0 ? 0 : Math.max(...indices) + 1;
    this.columns = new Uint8Array(n);
    for (const i of indices) this.columns[i] = 1;
    this.lastId = new Int32Array(n).fill(-1);
    this.lastTries = new Int32Array(n);
    this.lastHits = new Int32Array(n);
  }

  /**
   * Replaces the bounds of repeating fields by value numbers; returns the values numbered for the first time.
   * A value already numbered is found from the text in place (hashed and compared where it stands): only new values
   * are cut into strings. A field holding doubled quotes (rare) is left as text and its row is not marked shared.
   */
  encode(text: string, b: Int32Array): string[] {
    const added: string[] = [];
    const cols = this.columns;
    if (cols.length === 0) return added;
    const values = this.values;
    let o = 0;
    while (o < b.length) {
      const countAt = o;
      const n = b[o++];
      let shared = true;
      for (let f = 0; f < n; f++, o += 2) {
        if (f >= cols.length || cols[f] === 0) continue;
        const start = b[o];
        const end = b[o + 1];
        if (end < 0) {
          shared = false;
          continue;
        }
        const len = end - start;
        const last = this.lastId[f];
        if (last >= 0 && (this.lastTries[f] < 1000 || this.lastHits[f] * 4 > this.lastTries[f])) {
          this.lastTries[f]++;
          if (sameAt(text, start, len, values[last])) {
            this.lastHits[f]++;
            b[o] = -1 - last;
            b[o + 1] = 0;
            continue;
          }
        }
        const h = hashOf(text, start, end);
        let i = h & (TABLE_SIZE - 1);
        let id = -1;
        for (;;) {
          const slot = this.table[i];
          if (slot === 0) break;
          const v = values[slot - 1];
          if (this.hashes[slot - 1] === h && sameAt(text, start, len, v)) {
            id = slot - 1;
            break;
          }
          i = (i + 1) & (TABLE_SIZE - 1);
        }
        if (id < 0) {
          if (values.length >= MAX_VALUES) {
            shared = false;
            continue;
          }
          id = values.length;
          // A copy of its own: a cut would be a slice keeping this whole chunk alive, and slower to compare.
          const v = text.substring(start, end).split('').join('');
          values.push(v);
          this.hashes[id] = h;
          this.table[i] = id + 1;
          added.push(v);
        }
        b[o] = -1 - id;
        b[o + 1] = 0;
        this.lastId[f] = id;
      }
      if (shared) b[countAt] = ~n; // every repeating field of this row is a shared value
    }
    return added;
  }
}

/** text[start, start + len) equals v (a loop V8 inlines; String.prototype.startsWith with a position is a call). */
function sameAt(text: string, start: number, len: number, v: string): boolean {
  if (v.length !== len) return false;
  for (let k = 0; k < len; k++) if (text.charCodeAt(start + k) !== v.charCodeAt(k)) return false;
  return true;
}

/** FNV-1a over the UTF-16 code units of text[start, end). */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) | 0;
}

if (parentPort) {
  const port = parentPort;
  try {
    run(workerData as ThreadJob, (m, transfer) => port.postMessage(m, transfer));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    port.postMessage({ kind: 'error', message: err.message, code: err.code } satisfies ThreadMessage);
  }
}
