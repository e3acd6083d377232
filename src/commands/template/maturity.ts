import { Flags } from '@oclif/core';
import { BaseCommand } from '../../cli/base-command';
import { refuseOverwrite } from '../../cli/refuse-overwrite';
import { UserError } from '../../diagnostics';
import { questionnaireYaml } from '../../maturity/answers';
import { loadMaturityRules } from '../../maturity/loader';
import { writeFileAtomic } from '../../util/atomic-write';

export interface TemplateMaturityResult {
  status: 'ok';
  out: string;
  questions: string[];
}

export default class TemplateMaturity extends BaseCommand {
  static summary = 'Write the maturity questionnaire (what an export cannot show) as a YAML file to fill in';
  static description =
    'One question per line, each with its possible answers in comments: directory coverage, patch process, backup ' +
    'SLAs and DR tests, change management, monitoring. Give the filled file to `dcplan assess --maturity file.yaml`; ' +
    'questions left empty are shown as unanswered, never guessed.';
  static examples = ['<%= config.bin %> template maturity --out maturity-answers.yaml'];
  static flags = {
    out: Flags.string({ char: 'o', description: 'YAML file to write', default: 'maturity-answers.yaml' }),
    force: Flags.boolean({ description: 'overwrite an existing file', default: false }),
  };

  async run(): Promise<TemplateMaturityResult> {
    const { flags } = await this.parse(TemplateMaturity);
    const { rules, problems } = loadMaturityRules();
    if (!rules) throw new UserError(problems);
    refuseOverwrite(flags.out, flags.force);
    writeFileAtomic(flags.out, questionnaireYaml(rules.questions));
    const ids = rules.questions.questions.map((q) => q.id);
    this.say(`Wrote ${flags.out} with ${ids.length} questions: ${ids.join(', ')}`);
    this.say(`Answer them and run: dcplan assess <export> --maturity ${flags.out}`);
    return { status: 'ok', out: flags.out, questions: ids };
  }
}
