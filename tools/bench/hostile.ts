import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { Readable } from 'stream';
import JSZip from 'jszip';
import { PACKAGE_ROOT } from '../../src/version';

/**
 * `npm run bench:hostile`: peak resident memory of the real CLI on one generated hostile input per family (issue 17),
 * measured with GNU time's maximum RSS. Target: under 1 GiB each. Prints one line per family.
 */
const root = PACKAGE_ROOT;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-bench-hostile-'));
const put = (name: string, data: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
};

const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');
const values = put(
  'values.csv',
  `name,vcpus,memory_gib\n${rows(200_000, (i) => `s${i},${[-4, 0, 43862, '1e15', '1e308', 4][i % 6]},${i % 7 === 0 ? -1 : 8}`)}\n`,
);
const excluded = put('excluded.csv', `name,vcpus,memory_gib\nok,2,4\n${rows(300_000, (i) => `bad${i},-1,4`)}\n`);
const bomb = put(
  'bomb.yaml',
  [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
  ].join('\n'),
);
const png = Buffer.alloc(33);
Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
png.writeUInt32BE(13, 8);
png.write('IHDR', 12, 'latin1');
png.writeUInt32BE(12000, 16);
png.writeUInt32BE(12000, 20);
put('huge.png', png);
const logoCfg = put('logo.yaml', 'report:\n  logo: huge.png\n');
const zeroCfg = put('zero.yaml', 'report:\n  logo: /dev/zero\n');
const small = put('small.csv', 'name,vcpus,memory_gib\na,2,4\nb,4,8\n');
const aFile = put('a-file', 'x');

// fields and cells (issue 17.4): a 10 MB CSV whose one name is 10 MB, and a workbook of well under 1 MB whose one
// cell is 400 MB (deflate packs a run of one letter about 1000:1), streamed into the zip so the bench stays small too
const bigName = put('big-name.csv', `name,vcpus,memory_gib\n${'x'.repeat(10 * 1024 * 1024)},2,4\nok,2,4\n`);
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
async function bigCellWorkbook(cellMiB: number): Promise<string> {
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>VM</t></is></c><c r="B1" t="inlineStr"><is><t>CPUs</t></is></c><c r="C1" t="inlineStr"><is><t>Memory</t></is></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>';
  const tail = '</t></is></c><c r="B2"><v>2</v></c><c r="C2"><v>4096</v></c></row></sheetData></worksheet>';
  const mib = 'x'.repeat(1024 * 1024);
  const sheet = Readable.from(
    (function* () {
      yield head;
      for (let i = 0; i < cellMiB; i++) yield mib;
      yield tail;
    })(),
  );
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="vInfo" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/sharedStrings.xml',
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
  );
  zip.file('xl/worksheets/sheet1.xml', sheet);
  const file = path.join(dir, 'big-cell.xlsx');
  await new Promise<void>((resolve, reject) => {
    zip
      .generateNodeStream({
        type: 'nodebuffer',
        compression: 'DEFLATE',
        compressionOptions: { level: 9 },
        streamFiles: true,
      })
      .pipe(fs.createWriteStream(file))
      .on('finish', resolve)
      .on('error', reject);
  });
  return file;
}

const cases: [string, string[]][] = [
  ['values (200k impossible sizes)', ['collect', values, '--out', path.join(dir, 'v.json')]],
  ['csv shapes (300k excluded rows)', ['collect', excluded, '--out', path.join(dir, 'e.json')]],
  ['yaml (alias bomb config)', ['plan', small, '-c', bomb, '--out', path.join(dir, 'p.json')]],
  [
    'images (12000x12000 logo)',
    ['assess', small, '-c', logoCfg, '--date', '2026-05-22', '--out-dir', path.join(dir, 'a1')],
  ],
  [
    'images (logo: /dev/zero)',
    ['assess', small, '-c', zeroCfg, '--date', '2026-05-22', '--out-dir', path.join(dir, 'a2')],
  ],
  ['paths (out-dir under a file)', ['assess', small, '--out-dir', path.join(aFile, 'x')]],
];

async function main(): Promise<void> {
  const bigCell = await bigCellWorkbook(400);
  cases.push(
    ['fields (10 MB CSV, one 10 MB name)', ['collect', bigName, '--out', path.join(dir, 'f.json')]],
    [
      `cells (${(fs.statSync(bigCell).size / 1024).toFixed(0)} KB xlsx, 400 MB cell)`,
      ['collect', bigCell, '--out', path.join(dir, 'c.json')],
    ],
  );
  console.log(
    `bench:hostile — peak RSS per hostile family (target < 1024 MiB), ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`,
  );
  for (const [family, args] of cases) {
    const t0 = Date.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.join(root, 'bin', 'run.js'), ...args], {
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 64 << 20,
    });
    const kib = Number((r.stderr.trim().split('\n').pop() ?? '').trim());
    const mib = Number.isFinite(kib) ? (kib / 1024).toFixed(0) : '?';
    console.log(
      `  ${family.padEnd(34)} exit ${String(r.status).padEnd(4)} peak ${String(mib).padStart(5)} MiB  ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
