import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildReportModel, renderReports, reportWaves } from '../../src/report';
import { fixtureInput } from '../fixtures/report/fixture';
import { pdfText, tmpDir } from './helpers';

const DATE = new Date('2026-11-20T00:00:00Z');

/** The fixture with two applications (app-01 + app-02, web-01 + web-02) and a critical finding on db-01. */
function input() {
  const x = fixtureInput();
  for (const w of x.inventory.workloads) {
    if (w.name.startsWith('app-')) w.application = 'Billing';
    if (w.name.startsWith('web-')) w.application = 'Shop';
  }
  return { ...x, waves: reportWaves(x.inventory, x.scorecard) };
}

describe('migration waves in the report (issue 19.2)', () => {
  it('a Waves table (count, storage, complexity, groups) and each workload its wave in the Workloads table', () => {
    const x = input();
    const m = buildReportModel(x, { date: DATE });
    expect(m.sections.map((s) => s.id)).toContain('waves');
    const waves = m.tables.find((t) => t.id === 'waves')!;
    expect(waves.rows).toHaveLength(x.waves.waves.length);
    const total = waves.rows.reduce((s, r) => s + Number(r[1]), 0);
    expect(total).toBe(x.inventory.workloads.length);
    const storage = x.inventory.workloads.reduce((s, w) => s + (w.provisionedGib ?? 0), 0);
    expect(waves.rows.reduce((s, r) => s + Number(r[3]), 0)).toBeCloseTo(storage, 2);
    expect(waves.rows.map((r) => r[6] as string).join(' ')).toMatch(/app-01 \(2: application Billing\)/);

    const wl = m.tables.find((t) => t.id === 'workloads')!;
    const col = wl.columns.findIndex((c) => c.key === 'wave');
    const byName = new Map(wl.rows.map((r) => [r[0], r[col]]));
    expect(byName.get('app-01')).toBe(byName.get('app-02'));
    expect(byName.get('web-01')).toBe(byName.get('web-02'));
    for (const w of x.inventory.workloads) expect(byName.get(w.name)).toBe(x.waves.waveOf[w.id]);
  });

  it('without waves the report has no waves part and no wave column', () => {
    const m = buildReportModel(fixtureInput(), { date: DATE });
    expect(m.sections.map((s) => s.id)).not.toContain('waves');
    expect(m.tables.find((t) => t.id === 'workloads')!.columns.map((c) => c.key)).not.toContain('wave');
  });

  it('the PDF has the part and the XLSX a Waves sheet', async () => {
    const dir = tmpDir('waves');
    try {
      await renderReports(input(), { outDir: dir, formats: ['pdf', 'xlsx'], fixedDate: DATE });
      expect(pdfText(path.join(dir, 'report.pdf'))).toMatch(/Migration waves[\s\S]*12 workloads in \d+ migration wave\(s\), at most 50 workloads per wave/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(path.join(dir, 'report.xlsx')) as unknown as ArrayBuffer);
      expect(wb.getWorksheet('Waves')!.getRow(1).values).toContain('Storage GiB');
      const ws = wb.getWorksheet('Workloads')!;
      expect(ws.getRow(1).values).toContain('Migration wave');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
