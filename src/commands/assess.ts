import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command';
import { error, UserError } from '../diagnostics';
import { runAssessment } from '../assess/pipeline';
import { progressWriter } from '../assess/progress';
import { renderAssessSummary } from '../assess/render-summary';
import { defaultStages } from '../assess/stages';
import { AnonymisedInfo, AssessResult, REPORT_FORMATS, ReportFormat } from '../assess/types';

export default class Assess extends BaseCommand {
  static summary = 'Run the whole assessment: collect → plan → score → report';
  static description =
    'Reads the input files (RVTools, Azure Migrate, AWS, generic CSV, time series), plans the consolidation for every ' +
    'scenario, rates the readiness platforms against the estate, and writes inventory.json, plan.json (plus ' +
    'plan-<scenario>.json), scorecard.json and the reports into one folder. With no files it runs on the demo estate ' +
    'shipped in datasets/ with datasets/assessment.yaml.';
  static examples = [
    '<%= config.bin %> assess',
    '<%= config.bin %> assess RVTools_export.xlsx --config assessment.yaml',
    '<%= config.bin %> assess export/ servers.csv --config base.yaml --config dense.yaml --format pdf,xlsx',
    '<%= config.bin %> assess --out-dir reports/demo --date 2026-05-22 --json',
  ];
  static strict = false;
  static args = {
    files: Args.string({ description: 'input files or folders; none = the demo estate in datasets/', required: false }),
  };
  static flags = {
    config: Flags.string({
      char: 'c',
      description: 'assessment config (YAML); repeat to compare configs as scenarios',
      multiple: true,
      // `--config a.yaml export.xlsx`: the file after the config is an input, not a second config
      multipleNonGreedy: true,
    }),
    'out-dir': Flags.string({ char: 'o', description: 'output folder (default reports/<date>-<customer>)' }),
    format: Flags.string({ char: 'f', description: `report formats, comma-separated: ${REPORT_FORMATS.join(',')}`, default: REPORT_FORMATS.join(',') }),
    'ovf-option': Flags.string({ description: 'OVF / OVA packages: the deployment option to size (default: the one the package marks default)' }),
    maturity: Flags.string({ description: 'maturity questionnaire answers (YAML from `dcplan template maturity`): complete the levels the export cannot show' }),
    anonymise: Flags.boolean({ description: 'reports with stable pseudonyms for every name, IP and file of the estate; the mapping goes to anonymise-map.csv (the checkpoints keep the real names)', default: false }),
    salt: Flags.string({ description: 'secret salt file for --anonymise (default ~/.dcplan/salt, made if missing)', dependsOn: ['anonymise'] }),
    date: Flags.string({ description: 'assessment date YYYY-MM-DD; fixes the folder name, report date and PDF metadata (reproducible checkpoints)' }),
  };

  async run(): Promise<AssessResult> {
    const { argv, flags } = await this.parse(Assess);
    const files = (argv as string[]).filter((a) => a !== '');
    const formats = parseFormats(flags.format);
    const progress = progressWriter(process.stderr);
    let result: AssessResult;
    try {
      result = await runAssessment(
        { files, configs: flags.config ?? [], outDir: flags['out-dir'], formats, date: flags.date, ovfOption: flags['ovf-option'], maturityAnswers: flags.maturity, onProgress: progress,
          ...(flags.anonymise ? { anonymise: flags.salt ? { saltFile: flags.salt } : {} } : {}) },
        defaultStages,
      );
    } finally {
      progress.done();
    }
    this.reportProblems(result.problems.filter((p) => p.severity === 'warning'), 5);
    this.say(renderAssessSummary(result));
    if (result.anonymised) this.say(anonymisedNote(result.anonymised));
    return result;
  }
}

export function parseFormats(s: string): ReportFormat[] {
  const list = s.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== '');
  const bad = list.filter((x) => !(REPORT_FORMATS as readonly string[]).includes(x));
  if (bad.length > 0 || list.length === 0)
    throw new UserError(error('bad-format', `--format: unknown report format ${bad.map((b) => `"${b}"`).join(', ') || '(empty)'}; ` +
      `expected a comma-separated list of ${REPORT_FORMATS.join(', ')}`, { column: '--format' }));
  return [...new Set(list)] as ReportFormat[];
}

/** Where the pseudonyms' key went, said after an anonymised run. */
export function anonymisedNote(a: AnonymisedInfo): string {
  return `Reports anonymised with the salt ${a.saltFile}${a.saltCreated ? ' (made now: keep it to get the same pseudonyms next time)' : ''}; the mapping is in ${a.map}: keep it, do not send it with the reports.`;
}
