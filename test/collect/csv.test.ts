import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCsvAll, readCsvText } from '../../src/collect/read/csv';
import { sniffDelimiter, sniffEncoding } from '../../src/collect/read/sniff';
import { sharedPath } from '../helpers/shared';

const fx = (name: string) => path.join(__dirname, '..', 'fixtures', 'collect', name);

function asObjects(headers: string[], rows: { fields: string[] }[]): Record<string, string>[] {
  return rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r.fields[i] ?? ''])));
}

describe('csv-spectrum: every case parses to its expected JSON', () => {
  const dir = sharedPath('datasets', 'csv-spectrum');
  const cases = fs.readdirSync(path.join(dir, 'csvs')).filter((f) => f.endsWith('.csv')).sort();

  it('has the twelve upstream cases', () => {
    expect(cases).toHaveLength(12);
  });

  for (const file of cases) {
    // Parse whole and in 7-byte chunks: records split across reads must come out the same.
    for (const chunkBytes of [7, 1 << 20]) {
      it(`${file} (chunks of ${chunkBytes} bytes)`, async () => {
        const res = await readCsvAll(path.join(dir, 'csvs', file), { chunkBytes });
        let expected = JSON.parse(fs.readFileSync(path.join(dir, 'json', file.replace(/\.csv$/, '.json')), 'utf8'));
        const got = asObjects(res.headers, res.rows);
        if (file === 'location_coordinates.csv') {
          // Upstream defect: the expected JSON is a bare object (not an array) and its phone number differs from the CSV.
          expect(Array.isArray(expected)).toBe(false);
          expected = [{ ...expected, 'Contact Phone Number': '2095257564' }];
        }
        expect(got).toEqual(expected);
        expect(res.problems).toEqual([]);
        expect(res.dialect.newline).toBe(file.includes('crlf') ? '\r\n' : '\n');
      });
    }
  }

  it('counts a record with quoted newlines as one row', async () => {
    const res = await readCsvAll(path.join(dir, 'csvs', 'newlines.csv'));
    expect(res.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(res.rows[1].fields).toEqual(['Once upon \na time', '5', '6']);
  });
});

describe('papaparse test files', () => {
  const dir = sharedPath('datasets', 'papaparse-tests', 'tests');

  it('sample.csv: header and one record, no trailing newline', async () => {
    const res = await readCsvAll(path.join(dir, 'sample.csv'));
    expect(res.headers).toEqual(['A', 'B', 'C']);
    expect(res.rows).toEqual([{ fields: ['X', 'Y', 'Z'], row: 2 }]);
    expect(res.lastRow).toBe(2);
  });

  it('utf-8-bom-sample.csv: the BOM is not part of the first header', async () => {
    const res = await readCsvAll(path.join(dir, 'utf-8-bom-sample.csv'));
    expect(res.dialect.encoding).toBe('utf8');
    expect(res.headers).toEqual(['A', 'B', 'C']);
    expect(res.rows).toEqual([{ fields: ['X', 'Y', 'Z'], row: 2 }]);
  });

  it('sample-header.csv: an empty first field is a value, not a blank row', async () => {
    const res = await readCsvAll(path.join(dir, 'sample-header.csv'));
    expect(res.headers).toEqual(['title', 'name']);
    expect(res.rows.map((r) => r.fields)).toEqual([
      ['test title 01', 'test name 01'],
      ['', 'test name 02'],
    ]);
  });

  it('long-sample.csv: 8 records of 7 fields (the first record is the header)', async () => {
    const res = await readCsvAll(path.join(dir, 'long-sample.csv'), { chunkBytes: 100 });
    expect(res.records).toBe(7);
    expect(res.headers).toHaveLength(7);
    expect(res.rows.every((r) => r.fields.length === 7)).toBe(true);
    expect(res.rows[6].fields[0]).toBe('Talon');
  });

  it('verylong-sample.csv: 2,000 data records streamed in small chunks', async () => {
    const res = await readCsvAll(path.join(dir, 'verylong-sample.csv'), { chunkBytes: 4096 });
    expect(res.headers).toEqual(['placeholder', 'meaning of life', 'TLD']);
    expect(res.records).toBe(2000);
    expect(res.lastRow).toBe(2001);
    expect(res.rows.filter((r) => r.fields.length === 2)).toHaveLength(4);
    expect(res.rows[1999]).toEqual({ fields: ['Lorem ipsum dolor sit', '42', 'ABC'], row: 2001 });
    expect(res.blankRows).toBe(0);
  });
});

describe('dialects real exports use', () => {
  it('semicolon file with decimal commas', async () => {
    const res = await readCsvAll(fx('semicolon-decimal-comma.csv'));
    expect(res.dialect).toEqual({ encoding: 'utf8', delimiter: ';', newline: '\n' });
    expect(res.rows[0].fields).toEqual(['app01', '2', '7,5', '120,5', '12,5', '40', 'Windows Server 2019']);
  });

  it('UTF-16LE with BOM, tab-delimited, CRLF', async () => {
    const res = await readCsvAll(fx('utf16le-bom.csv'));
    expect(res.dialect).toEqual({ encoding: 'utf16le', delimiter: '\t', newline: '\r\n' });
    expect(res.headers).toEqual(['name', 'vcpus', 'memory_gib', 'os']);
    expect(res.rows.map((r) => r.fields[0])).toEqual(['Ünïcode-01', 'srv-02']);
  });

  it('Windows-1252 bytes decode to é and ü', async () => {
    const res = await readCsvAll(fx('windows-1252.csv'));
    expect(res.dialect.encoding).toBe('windows1252');
    expect(res.rows.map((r) => [r.fields[0], r.fields[3]])).toEqual([
      ['café-web', 'Café'],
      ['müller-db', 'Lohnbüro'],
    ]);
  });

  it('UTF-8 BOM with CRLF line ends', async () => {
    const res = await readCsvAll(fx('utf8-bom-crlf.csv'));
    expect(res.headers).toEqual(['name', 'vcpus', 'memory_gib']);
    expect(res.rows).toEqual([
      { fields: ['bom-01', '2', '4'], row: 2 },
      { fields: ['bom-02', '4', '8'], row: 3 },
    ]);
  });

  it('UTF-16 without BOM is recognised by its NUL pattern', () => {
    expect(sniffEncoding(Buffer.from('name,vcpus\r\n', 'utf16le')).encoding).toBe('utf16le');
    expect(sniffEncoding(Buffer.from('name,vcpus\r\n', 'utf16le').swap16()).encoding).toBe('utf16be');
  });

  it('a UTF-8 sequence cut at the end of the sniffed head is still UTF-8', () => {
    const buf = Buffer.from('name,ville\nx,Zürich', 'utf8');
    expect(sniffEncoding(buf.subarray(0, buf.length - 4)).encoding).toBe('utf8');
  });

  it('Bitbrains ";\\t" is preferred over ";" when every semicolon is followed by a tab', () => {
    expect(sniffDelimiter('Timestamp [ms];\tCPU cores;\tCPU usage [%]\n1376314846;\t4;\t2,5\n')).toBe(';\t');
    expect(sniffDelimiter('a;b;c\n1,5;2;3\n')).toBe(';');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });

  it('honours an Excel "sep=;" first line and does not count it as a row', () => {
    const rows: [string[], number][] = [];
    const res = readCsvText('sep=;\nname;vcpus\nx;1,5\n', {}, () => undefined, (f, r) => {
      rows.push([f, r]);
    });
    expect(res.headers).toEqual(['name', 'vcpus']);
    expect(res.headerRow).toBe(1);
    expect(rows).toEqual([[['x', '1,5'], 2]]);
  });

  it('blank lines count as rows but are not delivered', () => {
    const rows: number[] = [];
    const res = readCsvText('a,b\n1,2\n\n,\n3,4\n', {}, () => undefined, (_f, r) => {
      rows.push(r);
    });
    expect(rows).toEqual([2, 5]);
    expect(res.blankRows).toBe(2);
    expect(res.lastRow).toBe(5);
  });

  it('reports values past the last header column with the row', () => {
    const res = readCsvText('a,b\n1,2,3\n4,5\n', { file: 'x.csv' }, () => undefined, () => undefined);
    expect(res.problems).toEqual([
      {
        code: 'csv-extra-fields',
        severity: 'warning',
        message: 'Row has 3 fields but the header has 2; 1 value(s) past the last column are ignored.',
        file: 'x.csv',
        row: 2,
        hint: 'A delimiter inside an unquoted value splits it; quote such values.',
      },
    ]);
  });

  it('stops on a record that never ends (unterminated quote) without holding the file in memory', async () => {
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-csv-')), 'open-quote.csv');
    fs.writeFileSync(tmp, 'name,notes\nx,"never closed\n' + 'filler line\n'.repeat(20000));
    const res = await readCsvAll(tmp, { file: 'open-quote.csv', chunkBytes: 1024, maxRecordChars: 4096 });
    expect(res.stopped).toBe(true);
    expect(res.problems.map((p) => [p.code, p.severity, p.row])).toEqual([['csv-record-too-long', 'error', 2]]);
  });

  it('an unterminated quote in a small file is reported on its row', () => {
    const res = readCsvText('name,notes\nx,"open\ny,2\n', { file: 'q.csv' }, () => undefined, () => undefined);
    expect(res.problems.map((p) => [p.code, p.severity, p.row])).toEqual([['csv-malformed-quotes', 'error', 2]]);
    expect(res.records).toBe(1);
  });

  it('an unknown encoding name is a user error naming the file', async () => {
    await expect(readCsvAll(fx('utf8-bom-crlf.csv'), { encoding: 'klingon-8', file: 'x.csv' })).rejects.toMatchObject({
      name: 'UserError',
      problems: [expect.objectContaining({ code: 'unknown-encoding', file: 'x.csv' })],
    });
  });

  it('a callback returning false stops the read', async () => {
    let seen = 0;
    const res = readCsvText('a\n1\n2\n3\n', {}, () => undefined, () => {
      seen++;
      return seen < 2 ? undefined : false;
    });
    expect(seen).toBe(2);
    expect(res.stopped).toBe(true);
  });
});
