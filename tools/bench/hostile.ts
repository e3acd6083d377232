import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
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
