import { Command, Errors } from '@oclif/core';
import { Problem, UserError, error, formatProblems } from '../diagnostics';

/**
 * Every dcplan command extends this: `--json` everywhere (oclif prints the value `run()` returns),
 * user errors rendered as a problem list with exit code 2 and no stack trace, bugs told apart (exit 1).
 */
export abstract class BaseCommand extends Command {
  static enableJsonFlag = true;

  /** Human-facing progress and summaries go to stderr when --json is on, so stdout stays parseable. */
  protected say(message = ''): void {
    if (this.jsonEnabled()) process.stderr.write(message + '\n');
    else this.log(message);
  }

  /** Prints warnings/infos (never stops the run). */
  protected reportProblems(problems: readonly Problem[], perCode = 10): void {
    if (problems.length === 0) return;
    process.stderr.write(formatProblems(problems, perCode) + '\n');
  }

  protected async catch(err: Error & { exitCode?: number }): Promise<unknown> {
    if (err instanceof UserError) {
      if (this.jsonEnabled()) {
        process.stdout.write(JSON.stringify({ status: 'error', problems: err.problems }, null, 2) + '\n');
      } else {
        process.stderr.write(`dcplan: cannot continue, ${err.problems.length} problem(s):\n`);
        process.stderr.write(formatProblems(err.problems) + '\n');
      }
      process.exitCode = 2;
      return;
    }
    // oclif's own errors (bad flags, exit()) keep their behaviour; flag parsing errors are user errors too.
    if (err instanceof Errors.CLIError || (err as { oclif?: unknown }).oclif) {
      if (err.message && !(err instanceof Errors.ExitError)) {
        process.stderr.write(`dcplan: ${err.message.replace(/\n\s*See more help.*$/s, '')}\n`);
        process.exitCode = 2;
        return;
      }
      throw err;
    }
    const env = environmentProblem(err);
    if (env) return this.catch(new UserError(env));
    process.stderr.write(
      `dcplan: internal error — this is a bug in dcplan, not a problem with your files.\n  ${err.message}\n` +
        (process.env.DEBUG ? `${err.stack}\n` : '  (set DEBUG=1 for the stack trace)\n'),
    );
    process.exitCode = 1;
    return;
  }
}

/**
 * Errors of the machine, not of dcplan: a full disk, a read-only or forbidden folder, a path through a file, a folder
 * where a file was expected, too many open files. Reported as user errors (exit 2) with the path and the reason.
 */
const ENVIRONMENT: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'no such file or folder',
  EEXIST: 'it already exists',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EIO: 'an input/output error of the device',
};

export function environmentProblem(
  err: Error & { code?: unknown; path?: unknown; dest?: unknown },
): Problem | undefined {
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (!code || !(code in ENVIRONMENT)) return undefined;
  const where = typeof err.path === 'string' ? err.path : undefined;
  return error(
    'environment',
    `${where ? `${where}: ` : ''}${ENVIRONMENT[code]} (${code}).`,
    where ? { file: where } : {},
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'Free some space or choose another output folder.'
      : 'Check the path and its permissions, or choose another one.',
  );
}
