import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../../cli/base-command';
import { ApplianceCheckResult, checkAppliance, renderApplianceCheck } from '../../appliance/check';

export default class ApplianceCheck extends BaseCommand {
  static summary = 'Validate an OVF / OVA virtual appliance package';
  static description =
    'Checks a package (.ova, a folder with its .ovf, or a lone .ovf): well-formed XML, envelope version and namespaces, ' +
    'every referenced file present with its declared size, manifest digests (SHA1 / SHA256) recomputed, the certificate\'s ' +
    'signature over the manifest verified ("unsigned" when there is none), required sections, units and resource types, ' +
    'and consistent deployment options. Exit 0 when valid, 1 with findings, 2 when the file cannot be read as a package.';
  static examples = ['<%= config.bin %> appliance check appliance.ova', '<%= config.bin %> appliance check export/ --json'];
  static args = { file: Args.string({ description: 'the .ova, .ovf or folder to check', required: true }) };
  static flags = {
    date: Flags.string({ description: 'judge the signing certificate\'s validity on this date (YYYY-MM-DD)' }),
  };

  async run(): Promise<ApplianceCheckResult> {
    const { args, flags } = await this.parse(ApplianceCheck);
    const result = await checkAppliance(args.file, args.file, flags.date);
    this.reportProblems([...result.findings, ...result.notes], 20);
    this.say(renderApplianceCheck(result));
    if (result.status !== 'valid') process.exitCode = 1;
    return result;
  }
}
