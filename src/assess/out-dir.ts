import * as fs from 'fs';
import * as path from 'path';
import { error, info, Problem, UserError } from '../diagnostics';
import { writeJsonAtomic } from '../util/atomic-write';

/**
 * The out-dir is dcplan's only where dcplan wrote it (issue 17.3). A run records what it wrote in `dcplan-manifest.json`;
 * the next run into the same folder removes only files that manifest lists (outputs the new run does not write again,
 * e.g. a scenario dropped from the config, a format no longer asked for) and the half-written temp files of dcplan's own
 * output names. Anything else in the folder is the user's: left as it is, and named when it looks like ours. A lock file
 * keeps two runs from writing one folder at once.
 */
export const MANIFEST = 'dcplan-manifest.json';
const LOCK = '.dcplan.lock';
const CHECKPOINTS = ['inventory.json', 'plan.json', 'scorecard.json'];

export interface OutDirClaim {
  /** Files the previous run wrote (from its manifest); empty for a new folder or one without a manifest. */
  previous: Set<string>;
  release(): void;
}

/** Refuses an out-dir that is the current folder itself (`--out-dir .` / `""`): dcplan does not manage the user's folder. */
export function checkOutDirFlag(given: string | undefined): void {
  if (given === undefined) return;
  if (given.trim() === '' || path.resolve(given) === path.resolve(process.cwd()))
    throw new UserError(
      error('out-dir-is-cwd', `--out-dir "${given}" is the current folder; dcplan writes its outputs into a folder of their own.`, { file: given }, 'Give a sub-folder, e.g. --out-dir reports/customer.'),
    );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock (a second run fails with a clear message; a lock left by a dead run is taken over). */
export function claimOutDir(dir: string, shown: string): OutDirClaim {
  const lock = path.join(dir, LOCK);
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
      let holder: { pid?: number; started?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(lock, 'utf8')) as typeof holder;
      } catch {
        /* an unreadable lock is a dead run's */
      }
      if (typeof holder.pid === 'number' && holder.pid !== process.pid && alive(holder.pid))
        throw new UserError(
          error('out-dir-busy', `Another dcplan run (process ${holder.pid}, started ${holder.started ?? '?'}) is writing to ${shown}.`, { file: shown }, `Wait for it to finish, or use another --out-dir. If no such run exists, remove ${path.join(shown, LOCK)}.`),
        );
      fs.rmSync(lock, { force: true });
    }
  }
  return { previous: readManifest(dir), release: () => fs.rmSync(lock, { force: true }) };
}

function readManifest(dir: string): Set<string> {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as { tool?: string; files?: unknown };
    if (m.tool !== 'dcplan' || !Array.isArray(m.files)) return new Set();
    // only plain names inside the folder: a hand-edited manifest cannot point removal elsewhere
    return new Set(m.files.filter((f): f is string => typeof f === 'string' && f === path.basename(f) && f !== MANIFEST && !f.startsWith('.')));
  } catch {
    return new Set();
  }
}

/** Temp files (`.<name>.<pid>.tmp`) of a killed run, for names dcplan writes here. */
export function removeOwnLeftovers(dir: string, claim: OutDirClaim): void {
  const ours = new Set([...claim.previous, ...CHECKPOINTS]);
  for (const f of fs.readdirSync(dir)) {
    const m = /^\.(.+)\.\d+\.tmp$/.exec(f);
    if (m && (ours.has(m[1]) || /^(report[.-]|plan-).+/.test(m[1]))) fs.rmSync(path.join(dir, f), { force: true });
  }
}

/**
 * After a run: removes what the previous run wrote and this one did not, writes the new manifest, and names files that
 * look like dcplan's outputs but are not in either (left alone: they may be the user's).
 */
export function finishOutDir(dir: string, claim: OutDirClaim, written: string[]): Problem[] {
  const now = new Set(written);
  for (const f of claim.previous) if (!now.has(f)) fs.rmSync(path.join(dir, f), { force: true });
  writeJsonAtomic(path.join(dir, MANIFEST), { tool: 'dcplan', note: 'files the last dcplan run wrote here; the next run removes only these', files: [...now].sort() });
  const foreign = fs
    .readdirSync(dir)
    .filter((f) => !now.has(f) && f !== MANIFEST && /^(plan-.+\.json|report[.-].+)$/.test(f))
    .sort();
  return foreign.length === 0
    ? []
    : [info('out-dir-foreign-files', `${foreign.length} file(s) in the out-dir look like dcplan outputs but were not written by this run or the previous one: ${foreign.slice(0, 10).join(', ')}${foreign.length > 10 ? ', …' : ''}; left as they are.`, { file: dir })];
}
