/**
 * The workbook (exceljs, its only importer): one sheet per table, real number formats, bold frozen header row,
 * auto filter, column widths from the content. Text that could run as a formula is stored neutralised.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { excelFormat } from '../format';
import { cellFormula, cellIsInput, cellKind, cellValue, ReportModel, Table } from '../model/types';
import { neutraliseFormula } from '../sanitize';

const MAX_WIDTH = 60;
/** Light blue: the cells a reader is meant to change (business case inputs). */
const INPUT_FILL = 'FFDDEBF7';

function addSheet(wb: ExcelJS.Workbook, t: Table, currency: string, accent: string): void {
  const ws = wb.addWorksheet(t.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = t.columns.map((c) => ({ header: c.header, key: c.key }));
  const widths = t.columns.map((c) => c.header.length);
  // a column's number format is set once on the column; a cell gets its own only when its kind differs (Summary)
  const colFmt = t.columns.map((c) => excelFormat(c.kind, currency));
  colFmt.forEach((fmt, i) => {
    if (fmt) ws.getColumn(i + 1).numFmt = fmt;
  });
  t.rows.forEach((row) => {
    const r = ws.addRow(t.columns.map((_, i) => {
      const v = cellValue(row[i] ?? null);
      // a formula the model wrote (business case) is kept, with the model's figure as its cached result
      const formula = cellFormula(row[i] ?? null);
      if (formula !== undefined) return { formula, result: v ?? undefined };
      return typeof v === 'string' ? neutraliseFormula(v) : v;
    }));
    t.columns.forEach((c, i) => {
      const v = cellValue(row[i] ?? null);
      if (typeof v === 'number') {
        const fmt = excelFormat(cellKind(row[i] ?? null, c), currency);
        if (fmt !== colFmt[i]) r.getCell(i + 1).numFmt = fmt ?? 'General';
      }
      if (cellIsInput(row[i] ?? null)) r.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
      const shown = typeof v === 'number' ? 12 : v === null ? 0 : String(v).length;
      widths[i] = Math.max(widths[i], shown);
    });
  });
  t.columns.forEach((_, i) => {
    ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(8, widths[i] + 2));
  });
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + accent.slice(1).toUpperCase() } };
  header.alignment = { vertical: 'middle', wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + t.rows.length, column: t.columns.length } };
}

export async function renderXlsx(model: ReportModel, opts: { date: Date; reproducible: boolean }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = model.meta.tool;
  wb.lastModifiedBy = model.meta.tool;
  wb.created = opts.date;
  wb.modified = opts.date;
  wb.title = `${model.meta.title}: ${model.meta.customer}`;
  for (const t of model.tables) addSheet(wb, t, model.meta.currency, model.meta.accentColor);
  const out = Buffer.from(await wb.xlsx.writeBuffer());
  return opts.reproducible ? restampZip(out, opts.date) : out;
}

/**
 * exceljs stamps every zip entry with the current time; for reproducible bytes the entries are re-packed, in the same
 * order, stamped with the report date.
 */
async function restampZip(data: Buffer, date: Date): Promise<Buffer> {
  const src = await JSZip.loadAsync(data);
  const dst = new JSZip();
  for (const entry of Object.values(src.files)) {
    if (entry.dir) continue;
    dst.file(entry.name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return dst.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
