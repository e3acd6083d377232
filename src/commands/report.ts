import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command';
import { rerenderReports, RerenderResult } from '../assess/rerender';
import { REPORT_FORMATS } from '../assess/types';
import { anonymisedNote, parseFormats } from './assess';

export default class Report extends BaseCommand {
  static summary = 'Re-render every report from the checkpoints of an out-dir';
  static description =
    'Reads inventory.json, plan.json (and plan-<scenario>.json), scorecard.json from the folder of an earlier ' +
    'dcplan assess, e.g. after editing one by hand, checks that they describe one estate (every planned workload in ' +
    'the inventory, the scorecard made from the same inventory; a mismatch is exit 2 naming the file and the field), ' +
    'and writes the reports into the same folder. --config gives the branding (customer, assessor, logo).';
  static examples = [
    '<%= config.bin %> report reports/2026-05-22-harbourline-logistics',
    '<%= config.bin %> report out/ --config assessment.yaml --format pdf,xlsx --json',
  ];
  static args = { dir: Args.string({ description: 'out-dir of dcplan assess', required: true }) };
  static flags = {
    config: Flags.string({ char: 'c', description: 'assessment config (YAML) for the report branding' }),
    format: Flags.string({ char: 'f', description: `report formats, comma-separated: ${REPORT_FORMATS.join(',')}`, default: REPORT_FORMATS.join(',') }),
    anonymise: Flags.boolean({ description: 'reports with stable pseudonyms for every name, IP and file of the estate; the mapping goes to anonymise-map.csv (the checkpoints keep the real names)', default: false }),
    salt: Flags.string({ description: 'secret salt file for --anonymise (default ~/.dcplan/salt, made if missing)', dependsOn: ['anonymise'] }),
    date: Flags.string({ description: 'report date YYYY-MM-DD (default: the assessment date in scorecard.json)' }),
  };

  async run(): Promise<RerenderResult> {
    const { args, flags } = await this.parse(Report);
    const result = await rerenderReports({ dir: args.dir, formats: parseFormats(flags.format), ...(flags.config ? { config: flags.config } : {}), ...(flags.date ? { date: flags.date } : {}),
      ...(flags.anonymise ? { anonymise: flags.salt ? { saltFile: flags.salt } : {} } : {}) });
    this.reportProblems(result.problems.filter((p) => p.severity === 'warning'), 5);
    this.say(`Checkpoints consistent: ${[result.checkpoints.inventory, result.checkpoints.plan, ...result.checkpoints.scenarioPlans, result.checkpoints.scorecard].join(', ')}`);
    if (result.scenarios.length > 1) this.say(`Scenarios compared: ${result.scenarios.join(', ')}`);
    this.say(`Wrote ${result.reports.length} report file(s) to ${result.dir} (dated ${result.date}):`);
    for (const f of result.reports) this.say(`  ${f}`);
    if (result.anonymised) this.say(anonymisedNote(result.anonymised));
    return result;
  }
}
