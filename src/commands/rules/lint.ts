import { Flags } from '@oclif/core';
import * as path from 'path';
import { BaseCommand } from '../../cli/base-command';
import { Problem, UserError, hasErrors } from '../../diagnostics';
import { lintRules } from '../../readiness';
import { loadMaturityRules } from '../../maturity/loader';

export interface RulesLintResult {
  status: 'ok';
  dir: string;
  files: { criteria: number; platforms: number; profiles: number; workload: number; maturityCapabilities: number };
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
    const readiness = lintRules(flags['rules-dir'] ? path.resolve(flags['rules-dir']) : undefined);
    // the maturity rules (issue 14) live in the same folder's maturity/
    const maturity = loadMaturityRules(path.join(readiness.dir, 'maturity'));
    const problems = [...readiness.problems, ...maturity.problems];
    if (hasErrors(problems)) throw new UserError(problems.filter((p) => p.severity === 'error'));
    this.reportProblems(problems);
    const f = { ...readiness.files, maturityCapabilities: maturity.rules?.capabilities.length ?? 0 };
    this.say(
      `Rules OK: ${f.criteria} criteria, ${f.platforms} platforms, ${f.profiles} profiles, ${f.workload} workload rules, ` +
        `${f.maturityCapabilities} maturity capabilities${problems.length > 0 ? ` (${problems.length} warning(s) above)` : ''}.`,
    );
    return { status: 'ok', dir: readiness.dir, files: f, problems };
  }
}
