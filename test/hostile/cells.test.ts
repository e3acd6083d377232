import * as fs from 'fs';
import * as path from 'path';
import { CELL_MAX_CHARS, NAME_MAX_CHARS } from '../../src/inventory/plausible';
import { runCli } from '../helpers/cli';
import { corpusDir, genericCsv, rvtoolsXlsx, write } from './corpus';

/**
 * Field and cell size limits (issue 17.4): a CSV field or workbook cell past CELL_MAX_CHARS is exit 2 naming file,
 * sheet, row and column, quickly and without carrying the text on; a name past NAME_MAX_CHARS is cut with a warning;
 * no message quotes more than a few hundred characters.
 */
const dir = corpusDir('cells');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const longestLine = (s: string) => Math.max(...s.split('\n').map((l) => l.length));

test('a CSV field past the limit is exit 2 naming row and column; nothing is written', () => {
  const csv = write(dir, 'huge-field.csv', genericCsv([['ok', 2, 4], ['x'.repeat(CELL_MAX_CHARS + 10), 2, 4]]));
  const out = path.join(dir, 'none.json');
  const r = runCli(['collect', csv, '--out', out]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/csv-field-too-long at .*huge-field\.csv › row 3 › column "name"/);
  expect(r.stderr).toContain('a field of 1,048,586 characters, past the limit of 1,048,576');
  expect(longestLine(r.stderr)).toBeLessThan(400);
  expect(fs.existsSync(out)).toBe(false);
});

test('a name past NAME_MAX_CHARS is cut to it with a warning; the workload stays', () => {
  const csv = write(dir, 'long-name.csv', genericCsv([['y'.repeat(5000), 2, 4], ['ok', 2, 4]]));
  const out = path.join(dir, 'inv.json');
  const r = runCli(['collect', csv, '--out', out]);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/name-too-long at .*long-name\.csv › row 2/);
  expect(r.stderr).toContain(`A name of 5,000 characters is cut to its first ${NAME_MAX_CHARS}`);
  expect(longestLine(r.stderr)).toBeLessThan(400);
  const inv = JSON.parse(fs.readFileSync(out, 'utf8')) as { workloads: { name: string }[] };
  expect(inv.workloads.map((w) => w.name.length).sort((a, b) => a - b)).toEqual([2, NAME_MAX_CHARS]);
});

test.each([
  ['packed tight (found before exceljs reads it)', 'x'.repeat(CELL_MAX_CHARS * 3)],
  ['barely packed (found as the row is read)', Array.from({ length: (CELL_MAX_CHARS * 1.2) / 8 }, (_, i) => (i * 2654435761 >>> 0).toString(16).padStart(8, '0')).join('')],
])('a workbook cell past the limit, %s, is exit 2 naming file, sheet, row and column', async (_, name) => {
  const xlsx = write(dir, 'huge-cell.xlsx', await rvtoolsXlsx(3, undefined, name));
  const r = runCli(['collect', xlsx, '--out', path.join(dir, 'x.json')]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/xlsx-cell-too-long at .*huge-cell\.xlsx › sheet vInfo › row 2 › column "?(A|VM)"?/);
  expect(r.stderr).not.toContain('internal error');
  expect(longestLine(r.stderr)).toBeLessThan(400);
});
