import * as fs from 'fs';
import * as path from 'path';

/**
 * The package's root folder (package.json, rules/, datasets/), found by walking up from this file: the code runs from
 * src/ (ts-jest), dist/ (the CLI) or the tools' build (tools/dist/src/), each at another depth, so a fixed `../..`
 * would point elsewhere in one of them. The one home for "where the package is".
 */
export const PACKAGE_ROOT: string = findPackageRoot(__dirname);

function findPackageRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'rules'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(start, '..');
}

/** The dcplan version written into every checkpoint. */
export const VERSION: string = (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
