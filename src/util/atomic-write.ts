import * as fs from 'fs';
import * as path from 'path';
import { UserError, error } from '../diagnostics';
import { trackTemp, untrackTemp } from './temp-files';

/**
 * Writes a file so a reader never sees it half-written: write to a temporary name in the same folder, then rename.
 * Reruns therefore replace checkpoints and reports whole or not at all. The temporary file is removed on failure and
 * on SIGINT / SIGTERM; an existing target that is not a regular file (a folder, `/dev/full`, a FIFO) is refused
 * rather than renamed over.
 */
export function writeFileAtomic(file: string, data: string | Buffer | Uint8Array): void {
  const tmp = tempFor(file);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    throw withPath(e, file);
  } finally {
    dropTemp(tmp);
  }
}

/** A write error without a path (ENOSPC from write(2)) names the file being written, for the user's message. */
export function withPath(e: unknown, file: string): unknown {
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && typeof err.code === 'string' && err.path === undefined) err.path = file;
  return e;
}

/** Prepares the folder and the temporary name for `file` (tracked for clean-up); call dropTemp when done. */
export function tempFor(file: string): string {
  const abs = path.resolve(file);
  assertWritableTarget(file);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  trackTemp(tmp);
  return tmp;
}

export function dropTemp(tmp: string): void {
  untrackTemp(tmp);
  fs.rmSync(tmp, { force: true });
}

/** An output path that exists must be a regular file (replacing a device node or a folder is never what was meant). */
export function assertWritableTarget(file: string): void {
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(file);
  } catch {
    return; // does not exist yet (or its folder does not): mkdir / open report that
  }
  if (st.isFile()) return;
  throw new UserError(
    error(
      'cannot-write',
      `Cannot write ${file}: it is ${st.isDirectory() ? 'a folder' : st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file (a device, pipe or socket)'}.`,
      { file },
      'Choose another output path.',
    ),
  );
}

/** Stable JSON: 2-space indent and a trailing newline. Key order is the order objects were built in. */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n');
}
