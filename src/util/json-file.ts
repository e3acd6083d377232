import * as fs from 'fs';
import { UserError, error } from '../diagnostics';

/**
 * The text of a JSON document a user hands back to dcplan (inventory.json, plan.json), parsed. A missing or
 * unreadable file and text that is not JSON are user errors naming the file (exit 2), never stack traces; what the
 * document must contain is the caller's business.
 */
export function readJsonFile(file: string, what: { noun: string; displayName?: string; createHint?: string }): unknown {
  const shown = what.displayName ?? file;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? error('file-not-found', `${what.noun} not found: ${shown}`, { file: shown }, what.createHint)
        : error('file-unreadable', `Cannot read ${shown}: ${(e as Error).message}`, { file: shown }),
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(error('bad-json', `${shown} is not valid JSON: ${(e as Error).message}`, { file: shown }));
  }
}
