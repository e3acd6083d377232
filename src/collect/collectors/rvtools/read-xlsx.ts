import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import { UserError, error } from '../../../diagnostics';
import { TabName, tabOf } from './columns';
import { TabSink } from './tabs';

/**
 * Streams the RVTools tabs of an xlsx workbook into a TabSink with exceljs's streaming WorkbookReader, so memory is
 * bounded by the rows dcplan keeps, not by the workbook (the SizingWorkshop vInfo sheet alone declares 3,503 rows).
 *
 * Every cell is turned into the string a CSV export would hold, so both formats share one parser: numbers as
 * `String(n)` (Excel serial dates stay numbers and are never read as sizes), booleans as `True`/`False`, rich text
 * and hyperlinks as their text, formulas as their cached result, error cells as empty.
 */
export async function readXlsxTabs(path: string, displayName: string, sink: TabSink): Promise<string[]> {
  const sheetFiles = await sheetNamesByFile(path, displayName);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const seen: string[] = [];
  try {
    for await (const ws of reader) {
      const w = ws as unknown as { id: number | string; name: string; [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row> };
      // exceljs names a sheet only when workbook.xml precedes it in the zip; otherwise map its sheetN.xml ourselves.
      const sheet = sheetFiles.get(String(w.id)) && /^Sheet\d+$/.test(w.name) ? sheetFiles.get(String(w.id))! : w.name;
      seen.push(sheet);
      const tab = tabOf(sheet);
      if (!tab) {
        for await (const _row of w) void _row; // drain: the reader needs every sheet consumed
        continue;
      }
      await readSheet(w, tab, sheet, displayName, sink);
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(
      error('unreadable-xlsx', `Cannot read the workbook: ${(e as Error).message}.`, { file: displayName }, 'Open it in Excel and save it again as .xlsx.'),
    );
  }
  return seen;
}

async function readSheet(
  ws: { [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row> },
  tab: TabName,
  sheet: string,
  file: string,
  sink: TabSink,
): Promise<void> {
  let started = false;
  let use = false;
  for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
    const values = rowStrings(row.values as unknown[]);
    if (!started) {
      // The header is the first row with any content (RVTools writes it on row 1).
      if (values.every((v) => v.trim() === '')) continue;
      started = true;
      use = sink.begin(tab, { file, sheet }, values);
      continue;
    }
    if (use) sink.row(values, row.number);
  }
  if (!started) sink.begin(tab, { file, sheet }, []);
}

/** exceljs row values are 1-based with holes; returns 0-based strings. */
function rowStrings(values: unknown[]): string[] {
  const out: string[] = new Array(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) out[i - 1] = cellString(values[i]);
  return out;
}

export function cellString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString();
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellString(o.result);
    if ('error' in o) return '';
    if (o.text !== undefined) return cellString(o.text);
  }
  return '';
}

/** `sheetN.xml` number → sheet name, from xl/workbook.xml and its rels (read without inflating the sheets). */
async function sheetNamesByFile(path: string, displayName: string): Promise<Map<string, string>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await fs.promises.readFile(path));
  } catch (e) {
    throw new UserError(
      error('unreadable-xlsx', `Not a readable xlsx workbook (${(e as Error).message}).`, { file: displayName }, 'Check that the file is complete and really an .xlsx workbook.'),
    );
  }
  const wb = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  const out = new Map<string, string>();
  if (!wb || !rels) return out;
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const t = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t);
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]+)"/.exec(m[0])?.[1];
    const file = rid ? /sheet(\d+)\.xml$/.exec(target.get(rid) ?? '')?.[1] : undefined;
    if (name !== undefined && file) out.set(file, decodeXml(name));
  }
  return out;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
