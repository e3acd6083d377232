/**
 * The one input stack every text format reads through (src/collect/read/: sniff.ts, numbers.ts, timestamps.ts):
 * the same encodings, delimiters, numbers and timestamps for inventory CSVs and time-series files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decimalCommaFor, parseNumber } from '../../src/collect/read/numbers';
import { encodingProblem, sniffDelimiter, sniffEncoding } from '../../src/collect/read/sniff';
import { parseTimestamp } from '../../src/collect/read/timestamps';
import { readCsv } from '../../src/collect/read/csv';
import { collectSeries } from './series/helpers';
import { runCli } from '../helpers/cli';

const fx = (...p: string[]) => path.join(__dirname, '..', 'fixtures', ...p);
const iso = (text: string, bias = 0) => {
  const t = parseTimestamp(text, bias);
  return t && { at: new Date(t.ms).toISOString(), zoned: t.zoned };
};

describe('encoding', () => {
  test('BOMs, UTF-16 without BOM, plain UTF-8, Windows code pages', () => {
    expect(sniffEncoding(Buffer.from('\ufeffname,vcpus\n', 'utf8'))).toEqual({ encoding: 'utf8', bom: true });
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x6e, 0]))).toEqual({ encoding: 'utf16le', bom: true });
    expect(sniffEncoding(Buffer.from('name,vcpus\nweb01,2\n', 'utf16le')).encoding).toBe('utf16le');
    expect(sniffEncoding(Buffer.from('Jos\u00e9,2\n', 'utf8'))).toEqual({ encoding: 'utf8', bom: false });
    expect(sniffEncoding(Buffer.from('Ren\xe9,2\n', 'latin1'))).toEqual({ encoding: 'windows1252', bom: false });
    // "Процессор" in windows-1251: runs of high bytes
    expect(sniffEncoding(Buffer.from([0xcf, 0xf0, 0xee, 0xf6, 0xe5, 0xf1, 0xf1, 0xee, 0xf0, 0x2c, 0x31])).encoding).toBe('windows1251');
  });

  test('a file mixing UTF-8 and Windows-1252 bytes is reported with the byte offset, in an inventory CSV and a series', async () => {
    const head = fs.readFileSync(fx('collect', 'mixed-utf8.csv'));
    const guess = sniffEncoding(head);
    expect(guess).toEqual({ encoding: 'windows1252', bom: false, mixedUtf8At: head.indexOf(0xe9) });
    expect(encodingProblem(guess, 'x.csv')).toMatchObject({ code: 'mixed-encoding', severity: 'warning', file: 'x.csv' });
    const res = await readCsv(fx('collect', 'mixed-utf8.csv'), { file: 'mixed-utf8.csv' }, () => undefined, () => undefined);
    expect(res.problems.map((p) => p.code)).toEqual(['mixed-encoding']);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-mixed-'));
    const perf = path.join(dir, 'perf.csv');
    fs.writeFileSync(perf, Buffer.concat([Buffer.from('timestamp,server,metric,value\n2024-01-01T00:00:00Z,Jos\u00e9,cpu,5\n', 'utf8'), Buffer.from('2024-01-01T00:05:00Z,Ren\xe9,cpu,6\n', 'latin1')]));
    const { out } = await collectSeries(perf, { window: 'all' });
    expect(out.problems.find((p) => p.code === 'mixed-encoding')?.message).toContain('first at byte');
  });
});

describe('delimiter', () => {
  test('quote-aware: a vROps header with | inside quoted names is comma-separated', () => {
    const text = '"Name","VM|CPU|Demand (MHz)","VM|Memory|Usage (%)"\n"web01","1,546.6","45"\n"db01","900","50"\n';
    expect(sniffDelimiter(text)).toBe(',');
    expect(sniffDelimiter('name;vcpus;memory\nweb01;2;12,5\n')).toBe(';');
    expect(sniffDelimiter('Timestamp [ms];\tCPU cores;\tCPU usage [%]\n1;\t2;\t3\n')).toBe(';\t');
  });
});

describe('numbers', () => {
  test('thousands separators, decimal comma where unambiguous, %, placeholders', () => {
    expect(parseNumber('1,546.6')).toBe(1546.6);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('1,546')).toBe(1546); // comma file: three-digit groups are thousands
    expect(parseNumber('1,546', { decimalComma: true })).toBe(1.546);
    expect(parseNumber('1.546,6', { decimalComma: true })).toBe(1546.6);
    expect(parseNumber('45 %')).toBe(45);
    expect(parseNumber('2.097152E7')).toBe(20971520);
    expect(parseNumber('n/a')).toBeUndefined();
    expect(parseNumber(' ')).toBeUndefined();
    expect(parseNumber('abc')).toBeNaN();
    expect([decimalCommaFor(','), decimalCommaFor(';'), decimalCommaFor('\t'), decimalCommaFor(undefined)]).toEqual([false, true, true, false]);
  });

  test('the same cells read the same in an inventory CSV and in a series CSV', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-numbers-'));
    const r = runCli(['collect', fx('collect', 'quoted-numbers-inventory.csv'), '--out', path.join(dir, 'inv.json')]);
    expect(r.status).toBe(0);
    const inv = JSON.parse(fs.readFileSync(path.join(dir, 'inv.json'), 'utf8'));
    expect(inv.workloads.map((w: { memoryMib: number }) => w.memoryMib)).toEqual([12.5 * 1024, 1546.6 * 1024]);

    const comma = await collectSeries(fx('series', 'input-stack', 'quoted-numbers.csv'), { window: 'all' });
    const u = comma.out.utilizationUpdates![0].utilization;
    expect([u.cpu!.peak, u.memory!.peak]).toEqual([45, 1546.6]);
    expect(u.cpu!.samples).toBe(2); // "12,5" and "45 %"
    const semi = await collectSeries(fx('series', 'input-stack', 'semicolon-decimal-comma.csv'), { window: 'all' });
    const s = semi.out.utilizationUpdates![0].utilization;
    expect([s.cpu!.peak, s.memory!.peak]).toEqual([12.5, 1546.6]);
    expect(semi.out.problems.filter((p) => p.code === 'bad-number')).toEqual([]);
  });
});

describe('timestamps', () => {
  test('ISO, epoch, perfmon, US with AM/PM, EU, month names; zone-less text is UTC shifted by the bias', () => {
    expect(iso('2026-07-21T13:05:00Z')).toEqual({ at: '2026-07-21T13:05:00.000Z', zoned: true });
    expect(iso('2026-07-21 15:05:00+02:00')).toEqual({ at: '2026-07-21T13:05:00.000Z', zoned: true });
    expect(iso('1784639100')).toEqual({ at: '2026-07-21T13:05:00.000Z', zoned: true });
    expect(iso('07/21/2026 13:05:00.250')).toEqual({ at: '2026-07-21T13:05:00.250Z', zoned: false });
    expect(iso('07/21/2026 01:05:00 PM')).toEqual({ at: '2026-07-21T13:05:00.000Z', zoned: false });
    expect(iso('7/21/2026 12:00 AM')).toEqual({ at: '2026-07-21T00:00:00.000Z', zoned: false });
    expect(iso('21.07.2026 13:05')).toEqual({ at: '2026-07-21T13:05:00.000Z', zoned: false });
    expect(iso('12:00 AM 21 July 2026')).toEqual({ at: '2026-07-21T00:00:00.000Z', zoned: false });
    expect(iso('12:30 PM 21 July 2026')).toEqual({ at: '2026-07-21T12:30:00.000Z', zoned: false });
    expect(iso('Jul 21, 2026 1:05:00 PM')).toEqual({ at: '2026-07-21T13:05:00.000Z', zoned: false });
    expect(iso('21-Jul-2026 13:05 UTC')).toEqual({ at: '2026-07-21T13:05:00.000Z', zoned: true });
    expect(iso('21 September 2026')).toEqual({ at: '2026-09-21T00:00:00.000Z', zoned: false });
    expect(iso('12:00 AM 21 July 2026', -120)).toEqual({ at: '2026-07-20T22:00:00.000Z', zoned: false });
  });

  test('not a time: wrong day, 13 PM, words', () => {
    for (const t of ['31 June 2026', '13:00 PM 21 July 2026', 'July 2026', 'hello world 2026', '13/40/2026', '']) expect(parseTimestamp(t)).toBeUndefined();
  });
});
