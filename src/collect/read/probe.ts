import * as fs from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import JSZip from 'jszip';
import { UserError, error } from '../../diagnostics';
import { FileProbe } from '../types';
import { readCsvText } from './csv';
import { looksLikeTar } from '../collectors/ovf/tar';
import { looksBinary, sniffDelimiter, sniffEncoding, sniffNewline } from './sniff';

const HEAD_BYTES = 64 * 1024;
/** Longest header row read to tell a file's columns. */
const HEADER_MAX_BYTES = 8 * 1024 * 1024;

/** What a user would expect a file with this extension to be, for messages. */
export function expectedByExtension(ext: string): string {
  switch (ext) {
    case '.xlsx':
    case '.xlsm':
      return 'an Excel workbook (.xlsx)';
    case '.xls':
      return 'an Excel workbook';
    case '.csv':
    case '.txt':
    case '.tsv':
      return 'a CSV text file';
    case '.json':
      return 'a JSON text file';
    case '.ova':
      return 'an OVA appliance package (a tar archive starting with its .ovf descriptor)';
    case '.ovf':
      return 'an OVF descriptor (XML)';
    default:
      return 'an inventory export (.xlsx workbook or .csv text)';
  }
}

/**
 * A quick look at a file: its real kind from magic bytes and content (never the extension), and for text its
 * encoding, delimiter and header row; for xlsx its sheet names (read from xl/workbook.xml only).
 * Throws UserError for a file that cannot be opened or a corrupt/truncated zip; other unreadable kinds (pdf, ole2,
 * binary, empty) are returned as such so the pipeline can say what was expected.
 */
export async function probeFile(file: string, displayName: string = file): Promise<FileProbe> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      error(
        code === 'ENOENT' ? 'file-not-found' : 'file-unreadable',
        code === 'ENOENT' ? `File not found: ${displayName}` : `Cannot read ${displayName}: ${(e as Error).message}`,
        { file: displayName },
      ),
    );
  }
  const ext = path.extname(file).toLowerCase();
  const base: Omit<FileProbe, 'kind' | 'head'> = { path: file, displayName, ext, size: stat.size };
  if (stat.isDirectory()) {
    const entries = fs.readdirSync(file).sort();
    return { ...base, kind: 'directory', head: Buffer.alloc(0), entries };
  }
  if (stat.size === 0) return { ...base, kind: 'empty', head: Buffer.alloc(0) };
  const head = readHead(file, displayName);

  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) {
    return { ...base, ...(await probeZip(file, displayName, ext)), head };
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { ...base, kind: 'pdf', head };
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return { ...base, kind: 'ole2', head };
  }

  // tar (an OVA): a valid header checksum in the first block; the first entry's name says what it holds.
  if (looksLikeTar(head)) {
    const first = head.subarray(0, 100);
    const z = first.indexOf(0);
    return { ...base, kind: 'tar', head, tarFirstEntry: first.subarray(0, z < 0 ? 100 : z).toString('utf8') };
  }

  const { encoding } = sniffEncoding(head);
  let text = iconv.decode(head, encoding);
  if (looksBinary(text)) return { ...base, kind: 'binary', head };
  // A header longer than the head (perfmon logs with a thousand counters): read on until the first line ends.
  if (!/[\r\n]/.test(text) && stat.size > head.length) text = iconv.decode(readHead(file, displayName, HEADER_MAX_BYTES), encoding);
  const newline = sniffNewline(text);
  const delimiter = sniffDelimiter(text.replace(/^\uFEFF/, ''), newline);
  let headers: string[] = [];
  // The head may end mid-record: parse it whole and keep only the header.
  readCsvText(text, { delimiter, file: displayName }, (h) => {
    headers = h;
    return false;
  }, () => false);
  return { ...base, kind: 'text', head, encoding, delimiter, headers };
}

function readHead(file: string, displayName: string, bytes = HEAD_BYTES): Buffer {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(bytes);
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      return buf.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    throw new UserError(error('file-unreadable', `Cannot read ${displayName}: ${(e as Error).message}`, { file: displayName }));
  }
}

async function probeZip(
  file: string,
  displayName: string,
  ext: string,
): Promise<Pick<FileProbe, 'kind' | 'sheetNames'>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(fs.readFileSync(file));
  } catch (e) {
    throw new UserError(
      error(
        'corrupt-zip',
        `${displayName} is a damaged or truncated zip archive (${(e as Error).message}); expected ${expectedByExtension(ext)}.`,
        { file: displayName },
        'Copy the file again from its source, or open it in Excel and save it again.',
      ),
    );
  }
  const wb = zip.file('xl/workbook.xml');
  if (!wb) return { kind: 'zip' };
  let xml: string;
  try {
    xml = await wb.async('string');
  } catch (e) {
    throw new UserError(
      error('corrupt-zip', `${displayName}: the workbook part cannot be read (${(e as Error).message}).`, { file: displayName }),
    );
  }
  return { kind: 'xlsx', sheetNames: sheetNamesFromWorkbookXml(xml) };
}

/** Sheet names in workbook order from `xl/workbook.xml` (`<sheet name="vInfo" .../>`), XML entities decoded. */
export function sheetNamesFromWorkbookXml(xml: string): string[] {
  const names: string[] = [];
  const re = /<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) names.push(decodeXml(m[1]));
  return names;
}

function decodeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    switch (e.toLowerCase()) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}
