import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CsvReadOptions, readCsv, readCsvAll } from '../../src/collect/read/csv';
import { sharedPath } from '../helpers/shared';

/**
 * Files of 8 MiB and more are read on a second thread (csv-thread.ts + csv-worker.ts). Whatever the size, the rows,
 * row numbers, problems and dialect must be exactly those of the in-thread reader: every CSV the other tests use is
 * read both ways here (threadMinBytes 0 forces the thread), in several chunk sizes.
 */
const both = async (file: string, opts: CsvReadOptions = {}) => {
  const inThread = await readCsvAll(file, { ...opts, threadMinBytes: Infinity });
  const threaded = await readCsvAll(file, { ...opts, threadMinBytes: 0 });
  return { inThread, threaded };
};

function csvFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? csvFiles(path.join(dir, e.name)) : e.name.endsWith('.csv') ? [path.join(dir, e.name)] : []))
    .sort();
}

describe('the threaded reader gives what the in-thread reader gives', () => {
  const files = [
    ...csvFiles(sharedPath('datasets', 'csv-spectrum', 'csvs')),
    ...csvFiles(sharedPath('datasets', 'papaparse-tests')),
    ...csvFiles(path.join(__dirname, '..', 'fixtures', 'collect')),
  ];

  it('covers the csv-spectrum, papaparse and dcplan fixture files', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  for (const file of files) {
    it(path.relative(path.join(__dirname, '..', '..', '..'), file), async () => {
      for (const chunkBytes of [5, 4096, 1 << 20]) {
        const { inThread, threaded } = await both(file, { chunkBytes });
        expect(threaded).toEqual(inThread);
      }
    });
  }
});

describe('threaded reading of a large export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-csv-thread-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const rows = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => `"vm${i + from}","${(i + from) % 7 === 0 ? 'say ""hi""\r\nthere' : 'plain'}",${i + from}`).join('\r\n');

  it('a malformed quote half-way through: papaparse takes over from that chunk and reports the same row', async () => {
    const file = path.join(dir, 'malformed.csv');
    fs.writeFileSync(file, `\ufeffsep=,\r\n"VM","Notes","N"\r\n${rows(3000)}\r\n"vm-bad" x,"n",1\r\n${rows(3000, 3000)}\r\n`);
    const { inThread, threaded } = await both(file, { chunkBytes: 8192 });
    expect(threaded).toEqual(inThread);
    expect(threaded.records).toBe(6001);
    expect(threaded.problems.map((p) => [p.code, p.row])).toEqual([['csv-malformed-quotes', 3002]]);
    expect(threaded.rows[7].fields).toEqual(['vm7', 'say "hi"\r\nthere', '7']);
  });

  it('stops when a record handler returns false, and on a record that never ends', async () => {
    const file = path.join(dir, 'long.csv');
    fs.writeFileSync(file, `"VM","Notes","N"\r\n${rows(5000)}\r\n"vm-open","never closed\r\n${'x,'.repeat(20000)}`);
    let seen = 0;
    const stopped = await readCsv(file, { chunkBytes: 4096, threadMinBytes: 0 }, () => undefined, () => (++seen < 100 ? undefined : false));
    expect(seen).toBe(100);
    expect(stopped.stopped).toBe(true);
    const { inThread, threaded } = await both(file, { chunkBytes: 4096, maxRecordChars: 10000 });
    expect(threaded).toEqual(inThread);
    expect(threaded.problems.map((p) => [p.code, p.row])).toEqual([['csv-record-too-long', 5002]]);
  });

  it('repeating columns named by the header handler come out the same, quotes and all', async () => {
    const file = path.join(dir, 'repeating.csv');
    fs.writeFileSync(file, `"VM","Notes","N"\r\n${rows(4000)}\r\n`);
    const read = async (threadMinBytes: number, repeating?: number[]) => {
      const out: string[][] = [];
      await readCsv(file, { chunkBytes: 2048, threadMinBytes }, () => (repeating ? { repeating } : undefined), (fields) => {
        out.push(fields);
      });
      return out;
    };
    const plain = await read(Infinity);
    expect(plain).toHaveLength(4000);
    expect(plain[7]).toEqual(['vm7', 'say "hi"\r\nthere', '7']);
    expect(await read(0, [1, 2])).toEqual(plain);
    expect(await read(0, [0, 1, 2, 9])).toEqual(plain);
  });

  it('a missing file is an I/O error as without the thread', async () => {
    await expect(readCsvAll(path.join(dir, 'absent.csv'), { threadMinBytes: 0 })).rejects.toThrow(/ENOENT/);
  });
});
