import type { z } from 'zod';
import { Problem, UserError, error } from '../diagnostics';
import { MAX_YAML_BYTES, readRegularFile } from './input-file';
import { parseYamlWithLines } from './yaml-lines';

/* Rule files (readiness rules/, maturity rules/maturity/): read with line numbers, validated by a zod schema. */

/** A parsed YAML file that can say on which line a path sits, so every problem names file, line and path. */
export interface YamlFile {
  file: string;
  data: unknown;
  lineOf(path: (string | number)[]): number | undefined;
}

export function readYamlFile(absPath: string, displayName: string, problems: Problem[]): YamlFile | undefined {
  let text: string;
  try {
    text = readRegularFile(absPath, { noun: 'Rule file', maxBytes: MAX_YAML_BYTES, displayName }).toString('utf8');
  } catch (e) {
    if (e instanceof UserError) {
      problems.push(...e.problems);
      return undefined;
    }
    problems.push(error('rule-file-unreadable', `cannot read: ${(e as Error).message}`, { file: displayName }));
    return undefined;
  }
  const parsed = parseYamlWithLines(text);
  if (parsed.errors.length > 0) {
    for (const e of parsed.errors)
      problems.push(error('rule-file-malformed', `not valid YAML: ${e.message}`, { file: displayName, row: e.line }));
    return undefined;
  }
  return { file: displayName, data: parsed.data, lineOf: parsed.lineOf };
}

/** Adds line numbers to problems about this file that carry a path. */
export function withLines(f: YamlFile, problems: Problem[]): Problem[] {
  return problems.map((p) => (p.file === f.file && p.row === undefined && p.path ? { ...p, row: f.lineOf(p.path) } : p));
}

/** Validates a rule file with its schema; each issue is a problem naming file and path (an unknown key by its name). */
export function validateYaml<T>(schema: z.ZodType<T>, f: YamlFile, problems: Problem[]): T | undefined {
  const r = schema.safeParse(f.data);
  if (r.success) return r.data;
  for (const i of r.error.issues) {
    const keys = (i as { keys?: string[] }).keys;
    const p = i.path as (string | number)[];
    const unknownKey = i.code === 'unrecognized_keys' && keys;
    problems.push(
      error(
        'rule-file-invalid',
        unknownKey ? `unknown key(s) ${keys.map((k) => `"${k}"`).join(', ')}` : i.message,
        { file: f.file, path: unknownKey ? [...p, keys[0]] : p },
      ),
    );
  }
  return undefined;
}
