import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { sharedDir } from './helpers/shared';

/** Newest mtime of any file under dir (ms). */
function newest(dir: string): number {
  let t = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** CLI tests run bin/run.js on dist/; rebuild it when any source is newer, so tests never run stale code. */
export default function globalSetup(): void {
  const root = path.resolve(__dirname, '..');
  // Many tests read the public samples in ../shared; say so once, up front, instead of failing them one by one
  // (`npm run test:unit` leaves those tests out and sets DCPLAN_UNIT_ONLY, see jest.unit.config.js).
  const shared = sharedDir();
  if (process.env.DCPLAN_UNIT_ONLY !== '1' && !fs.existsSync(path.join(shared, 'datasets'))) {
    throw new Error(
      `the tests need the public sample datasets, looked for ${path.join(shared, 'datasets')}: ` +
        `put the shared/ folder beside the project, or set DCPLAN_SHARED to its location`,
    );
  }
  const stamp = path.join(root, 'dist', '.build-stamp');
  const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  if (newest(path.join(root, 'src')) <= built && fs.existsSync(path.join(root, 'dist', 'commands'))) return;
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    const msg = `TypeScript build failed before the tests:\n${r.stdout}${r.stderr}`;
    // In CI a broken build is fatal; while several people edit the tree, warn and let the other tests run.
    if (process.env.CI) throw new Error(msg);
    process.stderr.write(`\n[global-setup] WARNING ${msg}\n`);
    return;
  }
  fs.writeFileSync(stamp, new Date().toISOString());
}
