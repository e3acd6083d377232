import type { z } from 'zod';
import { Problem, UserError, error } from '../diagnostics';
import { readJsonFile } from './json-file';

/** What a reader of one checkpoint kind (inventory.json, plan.json, scorecard.json) needs to say about its files. */
export interface CheckpointKind<T> {
  /** e.g. `Plan`: "Plan not found: x.json". */
  noun: string;
  /** The `schema` tag this dcplan writes and reads, e.g. `dcplan.plan/v1`. */
  tag: string;
  schema: z.ZodType<T>;
  /** Problem code for a document of the right kind with a wrong field, e.g. `invalid-plan`. */
  invalidCode: string;
  /** How to make the file: shown when it does not exist. */
  createHint: string;
  /** What to do about a document of another schema version. */
  versionHint: string;
  /** Checks beyond the schema (plausible sizes, unique ids), run on a document that fits it; errors stop the read. */
  check?: (doc: T, displayName: string) => Problem[];
}

/** Schema problems listed before the rest are counted: a wrong field repeats over every row of a big file. */
const LISTED = 50;

/**
 * Reads a checkpoint a user hands back and validates it with its zod schema. Every way it can be wrong is a user
 * error (exit 2) naming the file: missing, unreadable, not JSON, not an object, another schema version (with what
 * to do), and each field that does not fit, with its JSON path (`hosts.3.workloads`).
 */
export function readCheckpoint<T>(file: string, kind: CheckpointKind<T>, displayName: string = file): T {
  const data = readJsonFile(file, { noun: kind.noun, displayName, createHint: kind.createHint });
  return parseCheckpoint(data, kind, displayName);
}

/** The validation half of readCheckpoint, for a document already parsed. */
export function parseCheckpoint<T>(data: unknown, kind: CheckpointKind<T>, displayName: string): T {
  const what = kind.noun.toLowerCase();
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new UserError(
      error(kind.invalidCode, `${displayName} is not a dcplan ${what} (expected a JSON object).`, {
        file: displayName,
      }),
    );
  const tag = (data as { schema?: unknown }).schema;
  if (tag !== kind.tag) {
    const is =
      typeof tag === 'string' ? `is a "${tag}" document` : `is not a dcplan ${what} (it has no "schema" field)`;
    throw new UserError(
      error(
        'schema-version',
        `${displayName} ${is}; this dcplan reads "${kind.tag}".`,
        { file: displayName, path: ['schema'] },
        kind.versionHint,
      ),
    );
  }
  const parsed = kind.schema.safeParse(data);
  if (parsed.success) {
    const found = kind.check?.(parsed.data, displayName) ?? [];
    if (found.length > LISTED)
      found.splice(
        LISTED,
        found.length - LISTED,
        error(kind.invalidCode, `${found.length - LISTED} more problems not listed.`, { file: displayName }),
      );
    if (found.length > 0) throw new UserError(found);
    return parsed.data;
  }
  const issues = parsed.error.issues;
  const problems: Problem[] = issues.slice(0, LISTED).map((i) =>
    error(kind.invalidCode, `${i.message} at ${i.path.length ? i.path.join('.') : '(top level)'}.`, {
      file: displayName,
      path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    }),
  );
  if (issues.length > LISTED)
    problems.push(
      error(kind.invalidCode, `${issues.length - LISTED} more schema problems not listed.`, { file: displayName }),
    );
  throw new UserError(problems);
}
