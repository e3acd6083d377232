/**
 * One problem shape for every stage (collect, plan, score, report), modelled on zod's issues:
 * stages return problems as data; only the CLI edge renders them.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  /** Stable machine-readable code, kebab-case, e.g. `missing-column`, `row-skipped`. */
  code: string;
  severity: Severity;
  message: string;
  /** Where the problem is, as precisely as known. Row numbers are 1-based as a user sees them in Excel. */
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  /** A JSON-path-like location inside a structured document (config, rule file, plan). */
  path?: (string | number)[];
  /** What the user can do about it. */
  hint?: string;
}

export type Location = Pick<Problem, 'file' | 'sheet' | 'row' | 'column' | 'path'>;

export function problem(
  severity: Severity,
  code: string,
  message: string,
  where: Location = {},
  hint?: string,
): Problem {
  const p: Problem = { code, severity, message };
  if (where.file !== undefined) p.file = where.file;
  if (where.sheet !== undefined) p.sheet = where.sheet;
  if (where.row !== undefined) p.row = where.row;
  if (where.column !== undefined) p.column = where.column;
  if (where.path !== undefined) p.path = where.path;
  if (hint !== undefined) p.hint = hint;
  return p;
}

export const error = (code: string, message: string, where?: Location, hint?: string) =>
  problem('error', code, message, where, hint);
export const warning = (code: string, message: string, where?: Location, hint?: string) =>
  problem('warning', code, message, where, hint);
export const info = (code: string, message: string, where?: Location, hint?: string) =>
  problem('info', code, message, where, hint);

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');

/**
 * Thrown to stop a run because of bad user input (exit code 2). Carries the problems that caused it.
 * Anything else that escapes a command is a bug in dcplan and is reported as such (exit code 1).
 */
export class UserError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => p.message).join('; '));
    this.name = 'UserError';
    this.problems = list;
  }
}

/** Throws a UserError if any problem is an error; otherwise returns. */
export function throwIfErrors(problems: readonly Problem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new UserError(errors);
}
