import type * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import { PassThrough } from 'stream';
import JSZip from 'jszip';
import { UserError, error } from '../../../diagnostics';
import { TabName, tabResolver } from './columns';
import { TabSink } from './tabs';
import { untilStalled } from '../../../util/stall';
import { CELL_MAX_CHARS } from '../../../inventory/plausible';
import { refuseOversizedCells } from './xlsx-cells';

/** exceljs is loaded on first use: it costs ~0.2 s of start-up that CSV-only runs (and every other command) skip. */
let excelModule: typeof ExcelJS | undefined;
function excel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load (see above); import() would make every caller async
  return (excelModule ??= require('exceljs') as typeof ExcelJS);
}

/**
 * Reads the RVTools tabs of an xlsx workbook into a fresh TabSink, streaming with exceljs's WorkbookReader so memory
 * is bounded by the rows dcplan keeps (plus the compressed workbook), not by the sheets' XML.
 *
 * exceljs streams cleanly only when workbook.xml, its rels and sharedStrings.xml precede the sheets in the zip (as
 * RVTools writes them). Otherwise it buffers each sheet to a temp file, a path that drops sheets at random (seen on
 * rvtools-small-complete.xlsx, which has no sharedStrings.xml at all). Such workbooks are re-ordered in memory
 * first, reusing the compressed entries, with an empty shared-string table added when missing. Should a tab
 * listed in workbook.xml still not come through, the workbook is read whole instead (deterministic, more memory).
 *
 * Every cell is turned into the string a CSV export would hold, so both formats share one parser: numbers as
 * `String(n)` (Excel serial dates stay numbers and are never read as sizes), booleans as `True`/`False`, rich text
 * and hyperlinks as their text, formulas as their cached result, error cells as empty.
 */
export async function readXlsxTabs(path: string, displayName: string, loose = false): Promise<{ sheets: string[]; sink: TabSink }> {
  const layout = await workbookLayout(path, displayName);
  await refuseOversizedCells(layout.zip, layout.names, displayName);
  const tabOf = tabResolver([...layout.names.values()], loose);
  const expected = [...layout.names.values()].filter((n) => tabOf(n) !== undefined);
  const source = layout.streamable ? path : streamableCopy(layout.zip);
  const streamed = new TabSink();
  const current = { sheet: undefined as string | undefined };
  const seen = await untilStalled(streamTabs(source, displayName, layout.names, streamed, tabOf, current), async () =>
    corruptMember(displayName, (await damagedSheet(layout.zip, layout.names)) ?? current.sheet),
  );
  if (expected.every((n) => seen.includes(n))) return { sheets: inWorkbookOrder(layout.names, seen), sink: streamed };
  const sink = new TabSink();
  const sheets = await loadTabs(path, displayName, sink, tabOf);
  return { sheets: inWorkbookOrder(layout.names, sheets), sink };
}

/** Sheet names as Excel shows the tabs (workbook.xml order), whatever order the zip stores them in. */
function inWorkbookOrder(names: Map<string, string>, seen: string[]): string[] {
  const ordered = [...names.values()];
  return [...ordered.filter((n) => seen.includes(n)), ...seen.filter((n) => !ordered.includes(n))];
}

const EMPTY_SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';
const FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/** The workbook re-zipped with its index parts first (compressed entries are copied, not re-compressed). */
function streamableCopy(zip: JSZip): NodeJS.ReadableStream {
  if (!zip.file('xl/sharedStrings.xml')) zip.file('xl/sharedStrings.xml', EMPTY_SST);
  // JSZip writes entries in the key order of `files` (insertion order): move the index parts to the front.
  const files = zip.files as Record<string, JSZip.JSZipObject>;
  const rest = Object.keys(files).filter((k) => !FIRST.includes(k));
  for (const k of [...FIRST, ...rest]) {
    const f = files[k];
    if (!f) continue;
    delete files[k];
    files[k] = f;
  }
  return zip.generateNodeStream({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: false }).pipe(new PassThrough());
}

/** The first sheet whose compressed member does not inflate (one at a time: memory stays one sheet). */
async function damagedSheet(zip: JSZip, names: Map<string, string>): Promise<string | undefined> {
  for (const [n, name] of names) {
    try {
      await zip.file(`xl/worksheets/sheet${n}.xml`)?.async('uint8array');
    } catch {
      return name;
    }
  }
  return undefined;
}

/** The error for a workbook whose reading stopped inside a sheet (a compressed member that does not inflate). */
function corruptMember(displayName: string, sheet: string | undefined): UserError {
  return new UserError(
    error(
      'corrupt-xlsx',
      `The workbook is damaged: ${sheet ? `sheet ${sheet}` : 'a part of it'} cannot be decompressed, so it cannot be read.`,
      { file: displayName, ...(sheet ? { sheet } : {}) },
      'Copy the file again from its source, or open it in Excel (which offers to repair it) and save it again.',
    ),
  );
}

type TabOf = (sheet: string) => TabName | undefined;

async function streamTabs(
  source: string | NodeJS.ReadableStream,
  displayName: string,
  sheetFiles: Map<string, string>,
  sink: TabSink,
  tabOf: TabOf,
  current: { sheet?: string } = {},
): Promise<string[]> {
  const reader = new (excel().stream.xlsx.WorkbookReader)(source as string, {
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
      current.sheet = sheet;
      const tab = tabOf(sheet);
      if (!tab) {
        for await (const _row of w) void _row; // drain: the reader needs every sheet consumed
        continue;
      }
      await readSheet(w, tab, sheet, displayName, sink);
    }
  } catch (e) {
    throw unreadable(displayName, e);
  }
  return seen;
}

/** Whole-workbook read (exceljs + JSZip): deterministic; only rows present in the sheet XML are visited. */
async function loadTabs(path: string, displayName: string, sink: TabSink, tabOf: TabOf): Promise<string[]> {
  const wb = new (excel().Workbook)();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw unreadable(displayName, e);
  }
  const seen: string[] = [];
  for (const ws of wb.worksheets) {
    seen.push(ws.name);
    const tab = tabOf(ws.name);
    if (!tab) continue;
    const rows: ExcelJS.Row[] = [];
    // includeEmpty visits every row number; keep those the XML defines (they have cells, even if only styled).
    ws.eachRow({ includeEmpty: true }, (row) => {
      if (row.cellCount > 0) rows.push(row);
    });
    await readSheet(rows, tab, ws.name, displayName, sink);
  }
  return seen;
}

function unreadable(displayName: string, e: unknown): UserError {
  if (e instanceof UserError) return e;
  return new UserError(
    error('unreadable-xlsx', `Cannot read the workbook: ${(e as Error).message}.`, { file: displayName }, 'Open it in Excel and save it again as .xlsx.'),
  );
}

async function readSheet(
  ws: AsyncIterable<ExcelJS.Row> | Iterable<ExcelJS.Row>,
  tab: TabName,
  sheet: string,
  file: string,
  sink: TabSink,
): Promise<void> {
  let started = false;
  let use = false;
  let header: string[] = [];
  for await (const row of ws) {
    const values = rowStrings(row.values as unknown[]);
    // the pre-scan (xlsx-cells.ts) finds tightly packed giants; a cell past the limit that got here is refused as well
    const long = values.findIndex((v) => v.length > CELL_MAX_CHARS);
    if (long >= 0) throw cellTooLong(file, sheet, row.number, header[long] ?? `column ${long + 1}`, values[long].length);
    if (!started) {
      // The header is the first row with any content (RVTools writes it on row 1).
      if (values.every((v) => v.trim() === '')) continue;
      started = true;
      header = values;
      use = sink.begin(tab, { file, sheet }, values);
      continue;
    }
    if (use) sink.row(values, row.number);
  }
  if (!started) sink.begin(tab, { file, sheet }, []);
}

function cellTooLong(file: string, sheet: string, row: number, column: string, length: number): UserError {
  return new UserError(
    error(
      'xlsx-cell-too-long',
      `Sheet ${sheet}, row ${row}, column "${column.slice(0, 120)}": a cell of ${length.toLocaleString('en-US')} characters, past the limit of ${CELL_MAX_CHARS.toLocaleString('en-US')} (Excel itself holds at most 32,767 in a cell); the workbook was not read.`,
      { file, sheet, row, column: column.slice(0, 120) },
      'Export the workbook again from its source, or check that cell in Excel.',
    ),
  );
}

/** exceljs row values are 1-based with holes; returns 0-based strings. */
function rowStrings(values: unknown[]): string[] {
  const out = new Array<string>(Math.max(0, values.length - 1));
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

/**
 * From xl/workbook.xml and its rels (read without inflating the sheets): `sheetN.xml` number → sheet name, and
 * whether exceljs can stream the workbook (workbook, rels and shared strings all before the first sheet).
 */
async function workbookLayout(
  path: string,
  displayName: string,
): Promise<{ names: Map<string, string>; streamable: boolean; zip: JSZip }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await fs.promises.readFile(path));
  } catch (e) {
    throw new UserError(
      error('unreadable-xlsx', `Not a readable xlsx workbook (${(e as Error).message}).`, { file: displayName }, 'Check that the file is complete and really an .xlsx workbook.'),
    );
  }
  const order = Object.keys(zip.files);
  const firstSheet = order.findIndex((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const before = (n: string) => {
    const i = order.indexOf(n);
    return i >= 0 && i < firstSheet;
  };
  const streamable = before('xl/workbook.xml') && before('xl/_rels/workbook.xml.rels') && before('xl/sharedStrings.xml');
  const wb = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  const names = new Map<string, string>();
  if (!wb || !rels) return { names, streamable: false, zip };
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
    if (name !== undefined && file) names.set(file, decodeXml(name));
  }
  return { names, streamable, zip };
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
