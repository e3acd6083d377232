import * as fs from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { MessageChannel, Worker } from 'worker_threads';
import type { CsvStream } from './csv-stream';
import { dialectOf } from './csv-stream';
import type { ThreadJob, ThreadMessage } from './csv-worker';

/**
 * The calling side of the threaded CSV reader. The dialect is sniffed here from the head of the file (exactly as the
 * in-thread reader sniffs it from its first chunk); a worker thread then reads, decodes and scans the file
 * (csv-worker.ts) and posts complete rows as text plus field boundaries, which this thread cuts into fields and
 * hands to the CsvStream, in order. The worker stays at most a few chunks ahead (acknowledgements through a shared
 * counter), so memory stays bounded whatever the file size.
 */
const HEAD_BYTES = 256 * 1024; // enough for 64 Ki characters in any encoding, plus a `sep=` line
// Chunks the reading thread may run ahead (16 MiB of text at most): enough to ride out this thread's garbage
// collections and the scheduler on a busy machine without ever waiting for rows.
const IN_FLIGHT = 16;

export async function readOnThread(file: string, encoding: string, chunkBytes: number, delimiter: string | undefined, csv: CsvStream): Promise<void> {
  const head = readHead(file);
  const d = dialectOf(iconv.getDecoder(encoding).write(head), delimiter);
  csv.begin({ encoding, delimiter: d.delimiter, newline: d.newline });
  const acks = new Int32Array(new SharedArrayBuffer(4));
  // The header handler's hints (repeating columns) reach the reading thread on their own port, which it polls
  // between chunks (it never waits on its event loop).
  const hints = new MessageChannel();
  csv.onHints = (h) => hints.port1.postMessage(h.repeating ?? []);
  const job: ThreadJob = {
    path: file,
    encoding,
    delimiter: d.delimiter,
    newline: d.newline,
    skip: d.skip,
    chunkBytes,
    acks,
    inFlight: IN_FLIGHT,
    hints: hints.port2,
  };
  const worker = new Worker(workerScript(), { workerData: job, transferList: [hints.port2] });
  const values: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (e?: Error) => {
        if (settled) return;
        settled = true;
        if (e) reject(e);
        else resolve();
      };
      worker.on('message', (m: ThreadMessage) => {
        if (settled) return;
        try {
          if (m.kind === 'error') return settle(Object.assign(new Error(m.message), { code: m.code }));
          if (m.kind === 'rows') {
            for (const v of m.values) values.push(v);
            csv.pushRows(m.text, m.bounds, m.pendingChars, m.last, values);
          }
          else csv.push(m.text, m.last);
          Atomics.add(acks, 0, 1);
          Atomics.notify(acks, 0);
          if (m.last || csv.stopped) settle();
        } catch (e) {
          settle(e as Error); // a bug in a record handler: surfaced as it would be without the thread
        }
      });
      worker.on('error', (e) => settle(e));
      worker.on('exit', (code) => settle(new Error(`the CSV reading thread for ${file} stopped (exit code ${code}) before the end of the file`)));
    });
  } finally {
    hints.port1.close();
    await worker.terminate();
  }
}

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The compiled worker next to this file. Under ts-jest this file runs from src/ as TypeScript, which a worker thread
 * cannot load: the tests use the build in dist/ (the jest global setup rebuilds it whenever src/ is newer).
 */
function workerScript(): string {
  if (__filename.endsWith('.js')) return path.join(__dirname, 'csv-worker.js');
  return path.resolve(__dirname, '../../../dist/collect/read/csv-worker.js');
}
