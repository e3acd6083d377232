import * as fs from 'fs';
import { UserError, error } from '../diagnostics';

/**
 * Reads a small input file a user names (config, column map, rule file, logo): only a regular file, and only up to
 * `maxBytes`. A folder, a device (`logo: /dev/zero` read forever), a FIFO, or a file past the limit is a user error
 * naming the path (exit 2), never a hang, an out-of-memory abort or an "internal error".
 */
export function readRegularFile(file: string, what: { noun: string; maxBytes: number; displayName?: string }): Buffer {
  const shown = what.displayName ?? file;
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? error('file-not-found', `${what.noun} not found: ${shown}`, { file: shown })
        : error('file-unreadable', `Cannot read ${what.noun.toLowerCase()} ${shown}: ${(e as Error).message}`, {
            file: shown,
          }),
    );
  }
  if (!st.isFile())
    throw new UserError(
      error(
        'not-a-file',
        `${what.noun} ${shown} is ${st.isDirectory() ? 'a folder' : 'not a regular file (a device, pipe or socket)'}; expected a file.`,
        { file: shown },
      ),
    );
  if (st.size > what.maxBytes)
    throw new UserError(
      error('file-too-large', `${what.noun} ${shown} is ${st.size} bytes; at most ${what.maxBytes} are read.`, {
        file: shown,
      }),
    );
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UserError(
      error('file-unreadable', `Cannot read ${what.noun.toLowerCase()} ${shown}: ${(e as Error).message}`, {
        file: shown,
      }),
    );
  }
}

/** Config, column map and rule files: 16 MiB is far beyond any real one. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;
