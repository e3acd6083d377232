import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { environmentProblem } from '../../src/cli/base-command';
import { loadConfig } from '../../src/config';
import { loadLogo } from '../../src/report/model/build';
import { writeFileAtomic } from '../../src/util/atomic-write';
import { UserError, Problem } from '../../src/diagnostics';
import { runCli } from '../helpers/cli';
import { corpusDir, genericCsv, write } from './corpus';

/** Paths, YAML, images and the machine itself: every case a user error naming the path (exit 2), never a bug. */
const dir = corpusDir('environment');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const csv = () =>
  write(
    dir,
    'estate.csv',
    genericCsv([
      ['a', 2, 4],
      ['b', 4, 8],
    ]),
  );

describe('YAML', () => {
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`),
  ].join('\n');

  test('an alias bomb in the config is a YAML problem naming the file', () => {
    const file = write(dir, 'bomb.yaml', bomb);
    const loaded = loadConfig(file);
    expect(loaded.config).toBeNull();
    expect(loaded.problems[0]).toMatchObject({ code: 'config-yaml-syntax', file });
    expect(loaded.problems[0].message).toMatch(/alias/);
  });

  test('a folder or a device given as the config is exit 2, not an internal error', () => {
    const inv = path.join(dir, 'inv.json');
    expect(runCli(['collect', csv(), '--out', inv]).status).toBe(0);
    for (const config of [dir, '/dev/zero']) {
      const r = runCli(['plan', inv, '-c', config, '--out', path.join(dir, 'p.json')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`not-a-file at ${config}`);
      expect(r.stderr).not.toContain('internal error');
    }
  });

  test('an alias bomb as a column map is refused', () => {
    const map = write(dir, 'map.yaml', bomb);
    const r = runCli(['collect', csv(), '--map', map, '--out', path.join(dir, 'm.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`bad-yaml at ${map}`);
  });
});

describe('paths', () => {
  test('an output under a file is exit 2 naming the path; no temporary file is left', () => {
    const file = write(dir, 'plain-file', 'x');
    const r = runCli(['collect', csv(), '--out', path.join(file, 'sub', 'inv.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ENOTDIR/);
    const a = runCli(['assess', csv(), '--out-dir', path.join(file, 'sub')]);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/environment at .*plain-file/);
    expect(a.stderr).not.toContain('internal error');
  });

  test('an output that is a device or a folder is refused, never renamed over', () => {
    const fifo = path.join(dir, 'a-fifo');
    execFileSync('mkfifo', [fifo]);
    expect(() => writeFileAtomic(fifo, 'x')).toThrow(UserError);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    const sub = path.join(dir, 'a-folder');
    fs.mkdirSync(sub, { recursive: true });
    expect(() => writeFileAtomic(sub, 'x')).toThrow(/is a folder/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('machine errors map to exit-2 problems with the path: full disk, read-only, permission', () => {
    for (const code of ['ENOSPC', 'EROFS', 'EACCES', 'ENOTDIR', 'EISDIR']) {
      const p = environmentProblem(Object.assign(new Error(code), { code, path: '/x/y' }));
      expect(p).toMatchObject({ code: 'environment', severity: 'error', file: '/x/y' });
      expect(p!.message).toContain(code);
    }
    expect(environmentProblem(new TypeError('a bug'))).toBeUndefined();
  });

  test('--date 2026-02-30 is refused', () => {
    const r = runCli(['assess', csv(), '--date', '2026-02-30', '--out-dir', path.join(dir, 'dated')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad-date');
  });
});

describe('images', () => {
  const png = (w: number, h: number) => {
    const b = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
    b.writeUInt32BE(13, 8);
    b.write('IHDR', 12, 'latin1');
    b.writeUInt32BE(w, 16);
    b.writeUInt32BE(h, 20);
    return b;
  };

  test('a logo is checked for type, size and pixel dimensions before decoding, and only regular files are read', () => {
    const cases: [string, string][] = [
      ['/dev/zero', 'report-logo-unreadable'],
      [write(dir, 'huge.png', png(12000, 12000)), 'report-logo-size'],
      [write(dir, 'logo.gif', 'GIF89a....'), 'report-logo-format'],
      [write(dir, 'big.png', Buffer.alloc(5 * 1024 * 1024, 1)), 'report-logo-unreadable'],
    ];
    for (const [file, code] of cases) {
      const problems: Problem[] = [];
      expect(loadLogo(file, problems)).toBeUndefined();
      expect(problems.map((p) => p.code)).toEqual([code]);
    }
    const problems: Problem[] = [];
    expect(loadLogo(write(dir, 'ok.png', png(200, 80)), problems)?.mime).toBe('image/png');
    expect(problems).toEqual([]);
  });
});
