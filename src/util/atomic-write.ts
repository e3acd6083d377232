import * as fs from 'fs';
import * as path from 'path';

/**
 * Writes a file so a reader never sees it half-written: write to a temporary name in the same folder, then rename.
 * Reruns therefore replace checkpoints and reports whole or not at all.
 */
export function writeFileAtomic(file: string, data: string | Buffer | Uint8Array): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** Stable JSON: 2-space indent and a trailing newline. Key order is the order objects were built in. */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n');
}
