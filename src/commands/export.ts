import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command';
import { refuseOverwrite } from '../cli/refuse-overwrite';
import { Problem } from '../diagnostics';
import { EXPORT_TARGETS, exportInventory, ExportTarget } from '../export';
import { readInventory } from '../inventory/io';
import { writeFileAtomic } from '../util/atomic-write';

export interface ExportCommandResult {
  status: 'ok';
  target: ExportTarget;
  out: string;
  rows: number;
  columns: string[];
  problems: Problem[];
}

export default class Export extends BaseCommand {
  static summary = "Write an inventory as a cloud vendor's import template (Azure Migrate, AWS Migration Hub) or the generic CSV";
  static description =
    "Writes one row per workload of inventory.json in the target's own import template: its column names, order and " +
    'units (Azure Migrate "Import using CSV": memory MB, disks GB, throughput MB/s; AWS Migration Hub import: memory MB, ' +
    'network KB/s; generic: dcplan\'s own CSV, docs/generic-csv.md). Utilisation is written as the averages the templates ' +
    'ask for; what a template cannot hold is listed. `dcplan collect` reads every file this writes.';
  static examples = [
    '<%= config.bin %> export inventory.json --to azure-migrate --out azure-import.csv',
    '<%= config.bin %> export inventory.json --to aws-import',
  ];
  static args = { inventory: Args.string({ description: 'inventory.json from dcplan collect', required: true }) };
  static flags = {
    to: Flags.string({ description: 'template to write', options: [...EXPORT_TARGETS], required: true }),
    out: Flags.string({ char: 'o', description: 'CSV file to write (default: <target>-import.csv)' }),
    force: Flags.boolean({ description: 'overwrite an existing file', default: false }),
  };

  async run(): Promise<ExportCommandResult> {
    const { args, flags } = await this.parse(Export);
    const target = flags.to as ExportTarget;
    const out = flags.out ?? `${target}-import.csv`;
    refuseOverwrite(out, flags.force);
    const result = exportInventory(readInventory(args.inventory), target);
    writeFileAtomic(out, result.text);
    this.reportProblems(result.problems);
    this.say(`Wrote ${out}: ${result.rows} workload(s) as ${target} (${result.columns.length} columns)`);
    return { status: 'ok', target, out, rows: result.rows, columns: result.columns, problems: result.problems };
  }
}
