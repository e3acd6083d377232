import * as fs from 'fs';
import { error, UserError } from '../diagnostics';

/** Commands that write one file the user names do not overwrite an existing one unless told to (`--force`). */
export function refuseOverwrite(out: string, force: boolean): void {
  if (fs.existsSync(out) && !force)
    throw new UserError(error('file-exists', `${out} already exists; not overwritten.`, { file: out }, 'Pass --force to overwrite it, or choose another --out.'));
}
