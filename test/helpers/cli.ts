import { spawnSync } from 'child_process';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the compiled CLI (`bin/run.js`) as a user would. dist/ is kept fresh by test/global-setup.ts. */
export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'run.js'), ...args], {
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Builds the tools (tools/tsconfig.json: benchmarks, the demo writer; incremental, so a build that is up to date costs
 * little) and returns the path of one compiled tool script, e.g. toolScript('bench', 'vbp').
 */
export function toolScript(folder: string, name: string): string {
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(repoRoot, 'tools', 'tsconfig.json')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`tools build failed:\n${r.stdout}${r.stderr}`);
  return path.join(repoRoot, 'tools', 'dist', 'tools', folder, `${name}.js`);
}
