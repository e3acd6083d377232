import { Flags } from '@oclif/core';
import * as path from 'path';
import { BaseCommand } from '../../cli/base-command';
import { Problem, UserError, hasErrors } from '../../diagnostics';
import { lintRules } from '../../readiness';

export interface RulesLintResult {
  status: 'ok';
  dir: string;
  files: { criteria: number; platforms: number; profiles: number; workload: number };
  problems: Problem[];
}

export default class RulesLint extends BaseCommand {
  static summary = 'Validate every readiness rule file (criteria, platforms, profiles, workload rules, reference tables)';
  static description =
    'Checks each YAML file under rules/ against its schema (unknown keys are errors), every check name and its options, ' +
    'every platform fact (known name, right type, a source listed under documents), ratings against each criterion\'s ' +
    'scale, and profile weights against the criteria. Errors name the file, line and path; exit code 2 when any is found.';
  static examples = ['<%= config.bin %> rules lint', '<%= config.bin %> rules lint --rules-dir ./my-rules'];
  static flags = {
    'rules-dir': Flags.string({ description: 'lint this folder instead of the rules shipped with dcplan' }),
  };

  async run(): Promise<RulesLintResult> {
    const { flags } = await this.parse(RulesLint);
    const r = lintRules(flags['rules-dir'] ? path.resolve(flags['rules-dir']) : undefined);
    if (hasErrors(r.problems)) throw new UserError(r.problems.filter((p) => p.severity === 'error'));
    this.reportProblems(r.problems);
    const f = r.files;
    this.say(
      `Rules OK: ${f.criteria} criteria, ${f.platforms} platforms, ${f.profiles} profiles, ${f.workload} workload rules` +
        `${r.problems.length > 0 ? ` (${r.problems.length} warning(s) above)` : ''}.`,
    );
    return { status: 'ok', dir: r.dir, files: r.files, problems: r.problems };
  }
}
