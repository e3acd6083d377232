/**
 * The business-case sheet of the XLSX: every figure is a formula over the input cells with the report's figure as its
 * cached result. Recalculating the sheet (test/helpers/formula.ts) must give the cached results back, and changing an
 * input cell must give what the model computes with that input changed.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { businessWorkbookTable } from '../../src/report/model/business-case';
import { ReportModel } from '../../src/report/model/types';
import { renderXlsx } from '../../src/report/render/xlsx';
import { BusinessCase } from '../../src/business/schema';
import { evaluate, Value } from '../helpers/formula';
import { input, plan } from './estate';

/**
 * The formula cells as the file stores them (formula and cached value), read from the sheet's XML: what Excel or
 * LibreOffice shows before recalculating. (exceljs reads a cached 0 back as no result, so its reader is not used here.)
 */
async function storedFormulas(bc: BusinessCase): Promise<Map<string, { formula: string; cached: string | undefined }>> {
  const zip = await JSZip.loadAsync(await renderXlsx(modelOf(bc), { date: new Date('2026-12-02T00:00:00Z'), reproducible: true }));
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const out = new Map<string, { formula: string; cached: string | undefined }>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?<!\/)>((?:(?!<\/c>).)*)<\/c>/g)) {
    const f = /<f>([^<]*)<\/f>/.exec(m[2]);
    if (!f) continue;
    const v = /<v>([^<]*)<\/v>/.exec(m[2]);
    out.set(m[1], { formula: f[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), cached: v?.[1] });
  }
  return out;
}

function modelOf(bc: BusinessCase): ReportModel {
  return {
    meta: { title: 't', customer: 'c', assessor: 'a', company: '', date: '2026-12-02', accentColor: '#0f6e8c', currency: 'EUR', tool: 'dcplan test', fullTables: {} },
    headline: [],
    sections: [],
    tables: [businessWorkbookTable(bc)],
    charts: [],
  };
}

async function sheetOf(bc: BusinessCase): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx(modelOf(bc), { date: new Date('2026-12-02T00:00:00Z'), reproducible: true })) as unknown as ArrayBuffer);
  return wb.getWorksheet('Business case')!;
}

/** Recalculates every formula cell of the sheet, inputs overridden by `set` (address → value). */
function recalc(ws: ExcelJS.Worksheet, set: Record<string, number> = {}): Map<string, Value> {
  const memo = new Map<string, Value>();
  const get = (addr: string): Value => {
    if (addr in set) return set[addr];
    if (memo.has(addr)) return memo.get(addr)!;
    const v = ws.getCell(addr).value;
    let out: Value;
    if (v !== null && typeof v === 'object' && 'formula' in v) out = evaluate(v.formula ?? '', get);
    else out = typeof v === 'number' || typeof v === 'string' ? v : null;
    memo.set(addr, out);
    return out;
  };
  ws.eachRow((row) => row.eachCell((c) => void get(c.address)));
  return memo;
}

const rowOf = (ws: ExcelJS.Worksheet, label: string): number => {
  let n = -1;
  ws.eachRow((row, i) => {
    const v = row.getCell(1).value;
    if (typeof v === 'string' && v.trim() === label && n < 0) n = i;
  });
  if (n < 0) throw new Error(`no row ${label}`);
  return n;
};

describe('business case workbook sheet', () => {
  test('formulas carry the report figures as cached results, and recalculate to them', async () => {
    const p = await plan();
    const bc = p.businessCase!;
    const ws = await sheetOf(bc);
    const stored = await storedFormulas(bc);
    const values = recalc(ws);
    expect(stored.size).toBeGreaterThan(50);
    for (const [addr, { formula, cached }] of stored) {
      expect([addr, cached !== undefined]).toEqual([addr, true]);
      const again = values.get(addr);
      // to the cent: the heads are rounded to cents in the sheet as in the model
      if (typeof again === 'number') expect([addr, formula, Math.round(again * 100) / 100]).toEqual([addr, formula, Math.round(Number(cached) * 100) / 100]);
      else expect([addr, again]).toEqual([addr, cached]);
    }
    // the totals the report prints
    const total = ws.getColumn(ws.columnCount).letter;
    const cachedAt = (addr: string) => Number(stored.get(addr)!.cached);
    expect(cachedAt(`${total}${rowOf(ws, 'Total before')}`)).toBeCloseTo(bc.totals.before, 1);
    expect(cachedAt(`${total}${rowOf(ws, 'Total after')}`)).toBeCloseTo(bc.totals.after, 1);
    expect(cachedAt(`B${rowOf(ws, 'Payback month')}`)).toBe(bc.paybackMonth);
  });

  test('a changed input cell recomputes like the model with that input', async () => {
    const p = await plan();
    const bc = p.businessCase!;
    const ws = await sheetOf(bc);
    const priceRow = rowOf(ws, 'Energy price (EUR per kWh)');
    const yearsRow = rowOf(ws, 'Years compared');
    // the inputs are shaded, the plan's quantities are not
    const fill = (addr: string) => (ws.getCell(addr).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([fill(`B${priceRow}`), fill(`B${yearsRow}`), fill(`B${rowOf(ws, 'New hosts')}`)]).toEqual(['FFDDEBF7', 'FFDDEBF7', undefined]);
    const values = recalc(ws, { [`B${priceRow}`]: 0.6, [`B${yearsRow}`]: 3 });
    // the same estate planned with energy at 0.60 and a 3-year horizon (one host model: the same hosts)
    const again = (await plan({ businessCase: { ...input().businessCase!, energyPricePerKwh: 0.6, years: 3 } })).businessCase!;
    expect(again.quantities).toEqual(bc.quantities);
    const total = ws.getColumn(ws.columnCount).letter;
    expect(values.get(`${total}${rowOf(ws, 'Total before')}`) as number).toBeCloseTo(again.totals.before, 1);
    expect(values.get(`${total}${rowOf(ws, 'Total after')}`) as number).toBeCloseTo(again.totals.after, 1);
    expect(values.get(`B${rowOf(ws, 'Payback month')}`)).toBe(again.paybackMonth);
  });
});
