import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';

/** A fresh temporary folder for one test file's generated corpus. */
export function corpusDir(family: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `dcplan-hostile-${family}-`));
}

export function write(dir: string, name: string, text: string | Buffer): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

/** A generic inventory CSV from rows of [name, vcpus, memory_gib]. */
export function genericCsv(rows: (string | number)[][]): string {
  return ['name,vcpus,memory_gib', ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

const SHEET = (rows: string[][]) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r
          .map((v, j) => `<c r="${String.fromCharCode(65 + j)}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`)
          .join('')}</row>`,
    )
    .join('') +
  '</sheetData></worksheet>';

/**
 * A minimal RVTools workbook (vInfo and vHost), its sheets deflated; `corrupt` overwrites bytes inside one sheet's
 * compressed data, as a damaged download or a bad sector does. `firstName` replaces the first VM's name (row 2).
 */
export async function rvtoolsXlsx(vms: number, corrupt?: 'vInfo' | 'vHost', firstName?: string): Promise<Buffer> {
  const vinfo = [['VM', 'Powerstate', 'CPUs', 'Memory', 'Host', 'Cluster']];
  for (let i = 0; i < vms; i++) vinfo.push([i === 0 && firstName !== undefined ? firstName : `vm${i}`, 'poweredOn', '2', '4096', 'esx1', 'c1']);
  const pad = Array.from({ length: 400 }, (_, i) => [`pad${i}`, 'poweredOff', '1', '1024', 'esx1', 'c1']);
  vinfo.push(...pad.map((r, i) => [`x${i}-${r[0]}`, ...r.slice(1)]));
  const vhost = [['Host', 'Cluster', '# CPU', 'Cores per CPU', '# Cores', 'Speed', '# Memory']];
  for (let i = 0; i < 200; i++) vhost.push([`esx${i}`, 'c1', '2', '16', '32', '2400', '524288']);
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="vInfo" sheetId="1" r:id="rId1"/><sheet name="vHost" sheetId="2" r:id="rId2"/></sheets></workbook>',
  );
  zip.file(
    'xl/sharedStrings.xml',
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
  );
  zip.file('xl/worksheets/sheet1.xml', SHEET(vinfo));
  zip.file('xl/worksheets/sheet2.xml', SHEET(vhost));
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  if (!corrupt) return buf;
  const name = Buffer.from(`xl/worksheets/sheet${corrupt === 'vInfo' ? 1 : 2}.xml`);
  const at = buf.indexOf(name); // the local file header's name (it precedes the central directory's copy)
  const extra = buf.readUInt16LE(at - 2);
  const data = at + name.length + extra;
  for (let i = data + 40; i < data + 140; i++) buf[i] = 0xaa;
  return buf;
}
