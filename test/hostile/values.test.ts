import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { collectFiles } from '../../src/collect/pipeline';
import { UserError } from '../../src/diagnostics';
import { TERMINAL_TEXT_MAX, formatProblem } from '../../src/diagnostics/render';
import { BOUNDS, isCalendarDate } from '../../src/inventory/plausible';
import { runCli } from '../helpers/cli';
import { corpusDir, genericCsv, rvtoolsXlsx, write } from './corpus';

/**
 * Hostile values: impossible sizes never reach the inventory; each one is listed where it was read, a file from which
 * nothing survives is exit 2, and a hand-edited inventory.json is checked as strictly as an export.
 */
const dir = corpusDir('values');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('impossible sizes in a generic CSV', () => {
  const bad: [string, string | number, string | number, string][] = [
    ['neg', -4, 8, 'vcpus'],
    ['zero', 0, 8, 'vcpus'],
    ['date-serial', 43862, 16, 'vcpus'],
    ['huge', '1e15', 4, 'vcpus'],
    ['negmem', 4, -1, 'memory_gib'],
    ['hugemem', 4, 1e9, 'memory_gib'],
    ['overflow', '1e308', 4, 'vcpus'],
  ];

  test('each is left out and listed with its row and column; the good row stays', async () => {
    const file = write(dir, 'some-bad.csv', genericCsv([['ok', 4, 8], ...bad.map((b) => b.slice(0, 3))]));
    const { inventory } = await collectFiles([file], { includePoweredOff: false });
    expect(inventory.workloads.map((w) => w.name)).toEqual(['ok']);
    expect(inventory.excluded.map((e) => e.name).sort()).toEqual(bad.map((b) => b[0]).sort());
    for (const [name, , , column] of bad) {
      const at = inventory.excluded.find((e) => e.name === name)!;
      expect(at.provenance.row).toBe(bad.findIndex((b) => b[0] === name) + 3);
      const warned = inventory.problems.find((p) => p.row === at.provenance.row && p.severity === 'warning');
      expect(warned?.column).toBe(column);
    }
  });

  test('a file from which no workload survives is exit 2 naming rows; 1e308 is not an internal error', () => {
    const file = write(dir, 'all-bad.csv', genericCsv(bad.map((b) => b.slice(0, 3))));
    const r = runCli(['collect', file, '--out', path.join(dir, 'none.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-workload-left');
    expect(r.stderr).toMatch(/all-bad\.csv › row 4 › column "vcpus"/);
    expect(r.stderr).not.toContain('internal error');
    expect(fs.existsSync(path.join(dir, 'none.json'))).toBe(false);
  });

  test('--strict makes any skipped row fatal', () => {
    const file = write(
      dir,
      'one-bad.csv',
      genericCsv([
        ['ok', 4, 8],
        ['neg', -4, 8],
      ]),
    );
    expect(runCli(['collect', file, '--out', path.join(dir, 'lenient.json')]).status).toBe(0);
    const r = runCli(['collect', file, '--strict', '--out', path.join(dir, 'strict.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/strict-row-skipped at .*one-bad\.csv › row 3/);
  });
});

test('property: every generic CSV row is either a plausible workload or a listed exclusion', async () => {
  const value = fc.oneof(
    fc.integer({ min: -1000, max: 100000 }).map(String),
    fc.double({ noNaN: false }).map(String),
    fc.constantFrom('', 'NaN', 'Infinity', '-0', '1e308', 'abc', '4,5', '43862'),
  );
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 8 }), async (rows) => {
      const file = write(dir, `prop-${n++}.csv`, genericCsv(rows.map(([c, m], i) => [`s${i}`, c, m])));
      try {
        const { inventory } = await collectFiles([file], { includePoweredOff: false });
        expect(inventory.workloads.length + inventory.excluded.length).toBe(rows.length);
        for (const w of inventory.workloads) {
          expect(w.vcpus).toBeGreaterThanOrEqual(BOUNDS.vcpus.min);
          expect(w.vcpus).toBeLessThanOrEqual(BOUNDS.vcpus.max);
          expect(w.memoryMib).toBeGreaterThanOrEqual(BOUNDS.memoryMib.min);
          expect(w.memoryMib).toBeLessThanOrEqual(BOUNDS.memoryMib.max);
        }
      } catch (e) {
        // Only a file from which nothing survives may stop the run, and then as a user error naming the rows.
        expect(e).toBeInstanceOf(UserError);
        const codes = (e as UserError).problems.map((p) => p.code);
        expect(codes).toContain('no-workload-left');
        expect((e as UserError).problems.filter((p) => p.code === 'row-skipped').length).toBe(
          Math.min(rows.length, 10),
        );
      }
    }),
    { numRuns: 60, seed: 17 },
  );
});

describe('a hand-edited inventory.json', () => {
  test('negative sizes and duplicate ids are exit 2 with the JSON path', async () => {
    const file = write(
      dir,
      'src.csv',
      genericCsv([
        ['a', 2, 4],
        ['b', 2, 4],
        ['c', 2, 4],
      ]),
    );
    const { inventory } = await collectFiles([file], { includePoweredOff: false });
    inventory.workloads[0].vcpus = -4;
    inventory.workloads[1].memoryMib = -1;
    inventory.workloads[2].id = inventory.workloads[0].id;
    const forged = write(dir, 'forged.json', JSON.stringify(inventory));
    const r = runCli(['plan', forged, '--out', path.join(dir, 'plan.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('forged.json › workloads.0.vcpus');
    expect(r.stderr).toContain('forged.json › workloads.1.memoryMib');
    expect(r.stderr).toMatch(/duplicate-id at .*forged\.json › workloads\.2\.id/);
    expect(fs.existsSync(path.join(dir, 'plan.json'))).toBe(false);
  });
});

describe('archives', () => {
  test('a workbook with a damaged compressed sheet is exit 2 naming file and sheet, for collect, plan and assess', async () => {
    const ok = write(dir, 'ok.xlsx', await rvtoolsXlsx(3));
    expect(runCli(['collect', ok, '--out', path.join(dir, 'ok.json')]).status).toBe(0);
    for (const sheet of ['vInfo', 'vHost'] as const) {
      const file = write(dir, `damaged-${sheet}.xlsx`, await rvtoolsXlsx(3, sheet));
      const all = [
        ['collect', file, '--out', path.join(dir, 'd.json')],
        ['plan', file, '--out', path.join(dir, 'd-plan.json')],
        ['assess', file, '--out-dir', path.join(dir, `d-${sheet}`)],
      ];
      // collect, plan and assess share the reader: one damaged sheet is tried with all three, the other with collect
      for (const args of sheet === 'vInfo' ? all : all.slice(0, 1)) {
        const r = runCli(args);
        expect({ args: args[0], status: r.status }).toEqual({ args: args[0], status: 2 });
        expect(r.stderr).toContain(`corrupt-xlsx at ${file} › sheet ${sheet}`);
      }
    }
  });
});

test('calendar dates', () => {
  expect(isCalendarDate('2026-02-28')).toBe(true);
  expect(isCalendarDate('2028-02-29')).toBe(true);
  expect(isCalendarDate('2026-02-30')).toBe(false);
  expect(isCalendarDate('2026-13-01')).toBe(false);
  expect(isCalendarDate('26-02-01')).toBe(false);
});

test('terminal output: escape sequences in names are neutralised and long texts cut', () => {
  const text = formatProblem({
    code: 'x',
    severity: 'warning',
    message: `VM "\u001b]0;owned\u0007\u001b[31mred" ${'y'.repeat(5000)}`,
  });
  expect(text.includes('\u001b') || text.includes('\u0007')).toBe(false);
  expect(text.length).toBeLessThan(TERMINAL_TEXT_MAX + 200);
});
