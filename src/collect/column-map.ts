import * as fs from 'fs';
import YAML from 'yaml';
import { Problem, UserError, error } from '../diagnostics';

/**
 * `--map file.yaml`: the customer's column names mapped onto dcplan's canonical names, e.g.
 *
 *   columns:
 *     Server Name: name
 *     Cores: vcpus
 *     RAM (GB): memory_gib
 *
 * A flat mapping without the `columns:` key is accepted too. Names are matched like headers (case, spaces and
 * punctuation ignored).
 */
export function loadColumnMap(file: string): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(error('file-not-found', `Column map not found: ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { file }));
  }
  let doc: unknown;
  try {
    doc = YAML.parse(text);
  } catch (e) {
    throw new UserError(error('bad-yaml', `${file} is not valid YAML: ${(e as Error).message}`, { file }));
  }
  const root = doc && typeof doc === 'object' && 'columns' in doc ? doc.columns : doc;
  const prefix = doc && typeof doc === 'object' && 'columns' in doc ? ['columns'] : [];
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    throw new UserError(
      error('bad-map', `${file} must map customer column names to dcplan column names (e.g. "Server Name: name").`, { file, path: prefix }),
    );
  }
  const out: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const [from, to] of Object.entries(root as Record<string, unknown>)) {
    if (typeof to !== 'string' || to.trim() === '') {
      problems.push(error('bad-map', `The target of "${from}" must be a column name (text).`, { file, path: [...prefix, from] }));
      continue;
    }
    out[from] = to.trim();
  }
  if (problems.length > 0) throw new UserError(problems);
  return out;
}
