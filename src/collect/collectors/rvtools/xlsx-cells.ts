/**
 * Oversized workbook cells, found before exceljs reads the workbook (issue 17.4): exceljs gathers a cell's text into
 * one string, so a 780 KB workbook holding one 400 MB cell (deflate packs a run of one letter 1000:1) took 3.9 GB.
 * The members that could hold a cell past CELL_MAX_CHARS and pack tighter than a spreadsheet's XML does (a sheet or
 * the shared-string table, at least CELL_MAX_CHARS inflated and 20:1) are inflated once as a stream, counting the
 * bytes of each text run, and the first run past the limit is reported with its sheet, row and column (for a shared
 * string, the first cell that uses it). Memory stays one chunk; other workbooks are not inflated twice.
 */
import type JSZip from 'jszip';
import { UserError, error } from '../../../diagnostics';
import { CELL_MAX_CHARS } from '../../../inventory/plausible';

const SUSPECT_RATIO = 20;

interface Found {
  /** sheet name, or undefined for the shared-string table */
  sheet?: string;
  row?: number;
  column?: string;
  /** index in the shared-string table */
  shared?: number;
  bytes: number;
}

/** Throws a UserError naming file, sheet, row and column when some cell of the workbook is past CELL_MAX_CHARS. */
export async function refuseOversizedCells(zip: JSZip, names: Map<string, string>, displayName: string): Promise<void> {
  const members: [string, string | undefined][] = [['xl/sharedStrings.xml', undefined], ...[...names].map(([n, name]): [string, string] => [`xl/worksheets/sheet${n}.xml`, name])];
  for (const [path, sheet] of members) {
    const f = zip.file(path);
    if (!f || !suspect(f)) continue;
    const found = await longestRun(f, sheet);
    if (!found) continue;
    if (found.shared !== undefined) Object.assign(found, await cellUsing(zip, names, found.shared));
    throw oversized(displayName, found);
  }
}

function suspect(f: JSZip.JSZipObject): boolean {
  const d = (f as unknown as { _data?: { compressedSize?: number; uncompressedSize?: number } })._data;
  const packed = d?.compressedSize ?? 0;
  const size = d?.uncompressedSize ?? -1;
  if (!(size >= 0) || packed <= 0) return true; // sizes not stated: look
  return size >= CELL_MAX_CHARS && size >= SUSPECT_RATIO * packed;
}

/**
 * Feeds the member's inflated bytes to `step` chunk by chunk; `step` returns a result to stop early (the stream is
 * paused and left; JSZip's node stream is a readable-stream 2 stream, without an async iterator).
 */
function scan<T>(f: JSZip.JSZipObject, step: (chunk: Buffer) => T | undefined): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const src = f.nodeStream('nodebuffer');
    let done = false;
    src.on('data', (chunk: Buffer) => {
      if (done) return;
      const r = step(chunk);
      if (r !== undefined) {
        done = true;
        src.pause();
        resolve(r);
      }
    });
    src.on('end', () => resolve(undefined));
    src.on('error', (e: Error) => (done ? undefined : reject(e)));
  });
}

/** The first text run (bytes between tags) past CELL_MAX_CHARS, with the row / cell / shared-string index it is in. */
function longestRun(f: JSZip.JSZipObject, sheet: string | undefined): Promise<Found | undefined> {
  let run = 0;
  let inTag = false;
  let tag = '';
  let row: number | undefined;
  let cell: string | undefined;
  let si = -1;
  return scan(f, (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (inTag) {
        if (b === 0x3e) {
          inTag = false;
          const m = /^(?:\w+:)?(c|row|si)\b(?:[^]*?\br="([A-Z]*)(\d+)")?/.exec(tag);
          if (m?.[1] === 'si') si++;
          else if (m?.[1] === 'row' && m[3]) row = Number(m[3]);
          else if (m?.[1] === 'c' && m[2]) cell = m[2];
          run = 0;
        } else if (tag.length < 256) tag += String.fromCharCode(b);
      } else if (b === 0x3c) {
        inTag = true;
        tag = '';
      } else if (++run > CELL_MAX_CHARS) {
        return sheet === undefined ? { shared: si, bytes: run } : { sheet, row, column: cell, bytes: run };
      }
    }
    return undefined;
  });
}

/** The first cell of any sheet whose value is shared string `k` (t="s", <v>k</v>). */
async function cellUsing(zip: JSZip, names: Map<string, string>, k: number): Promise<Partial<Found>> {
  const re = new RegExp(`<(?:\\w+:)?c\\b[^>]*\\br="([A-Z]+)(\\d+)"[^>]*\\bt="s"[^>]*>(?:<(?:\\w+:)?v>)${k}<`);
  const re2 = new RegExp(`<(?:\\w+:)?c\\b[^>]*\\bt="s"[^>]*\\br="([A-Z]+)(\\d+)"[^>]*>(?:<(?:\\w+:)?v>)${k}<`);
  for (const [n, sheet] of names) {
    const f = zip.file(`xl/worksheets/sheet${n}.xml`);
    if (!f) continue;
    let tail = '';
    const hit = await scan(f, (chunk) => {
      const text = tail + chunk.toString('latin1');
      const m = re.exec(text) ?? re2.exec(text);
      tail = text.slice(-512);
      return m ? { sheet, row: Number(m[2]), column: m[1] } : undefined;
    });
    if (hit) return hit;
  }
  return {};
}

function oversized(file: string, f: Found): UserError {
  const where = f.sheet !== undefined ? `sheet ${f.sheet}${f.row !== undefined ? `, row ${f.row}` : ''}${f.column !== undefined ? `, column ${f.column}` : ''}` : `shared string ${f.shared}`;
  return new UserError(
    error(
      'xlsx-cell-too-long',
      `The workbook has a cell of more than ${CELL_MAX_CHARS.toLocaleString('en-US')} bytes of text (${where}); Excel itself holds at most 32,767 in a cell, so the file is damaged or not an export. It was not read.`,
      { file, ...(f.sheet !== undefined ? { sheet: f.sheet } : {}), ...(f.row !== undefined ? { row: f.row } : {}), ...(f.column !== undefined ? { column: f.column } : {}) },
      'Export the workbook again from its source, or check that cell in Excel.',
    ),
  );
}
