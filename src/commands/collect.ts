import { Args, Flags } from '@oclif/core';
import * as path from 'path';
import { BaseCommand } from '../cli/base-command';
import { Problem } from '../diagnostics';
import { loadColumnMap } from '../collect/column-map';
import { collectFiles } from '../collect/pipeline';
import { allCollectors } from '../collect/registry';
import { CollectSummary, renderSummary, summarizeInventory } from '../collect/summary';
import { FormatId } from '../collect/types';
import { writeInventory } from '../inventory/io';

export interface CollectCommandResult {
  status: 'ok';
  out: string;
  summary: CollectSummary;
  problems: Problem[];
}

const FORMATS: FormatId[] = [
  'rvtools-xlsx',
  'rvtools-csv',
  'azure-migrate-csv',
  'aws-import-csv',
  'generic-csv',
  'perfmon-csv',
  'sadf',
  'bitbrains',
  'planetlab',
  'migration-center-perf',
  'generic-series-csv',
];

export default class Collect extends BaseCommand {
  static summary = 'Read inventory exports into one canonical inventory.json';
  static description =
    'Reads RVTools workbooks or per-tab CSV exports, Azure Migrate and AWS import CSVs, the generic inventory CSV ' +
    '(see `dcplan template inventory`) and utilisation time series; detects each format from content, merges the ' +
    'files into one estate, flags templates, powered-off, idle and zombie servers, and writes inventory.json.';
  static examples = [
    '<%= config.bin %> collect RVTools_export.xlsx',
    '<%= config.bin %> collect servers.csv --map columns.yaml --out estate.json',
    '<%= config.bin %> collect vcenter1.xlsx vcenter2.xlsx perf/*.csv --include-powered-off',
  ];
  static strict = false;
  static args = {
    files: Args.string({ description: 'input files or folders (several merge into one estate)', required: true }),
  };
  static flags = {
    format: Flags.string({ description: 'force the input format instead of detecting it', options: FORMATS }),
    map: Flags.string({ description: 'YAML file mapping your column names onto dcplan columns (e.g. "Server Name: name")' }),
    out: Flags.string({ char: 'o', description: 'inventory file to write', default: 'inventory.json' }),
    'include-powered-off': Flags.boolean({ description: 'keep powered-off VMs in the estate (they stay flagged)', default: false }),
  };

  async run(): Promise<CollectCommandResult> {
    const { argv, flags } = await this.parse(Collect);
    const files = (argv as string[]).filter((a) => a !== '');
    const columnMap = flags.map ? loadColumnMap(flags.map) : undefined;
    const result = await collectFiles(files, {
      format: flags.format as FormatId | undefined,
      columnMap,
      includePoweredOff: flags['include-powered-off'],
    });
    writeInventory(flags.out, result.inventory);
    const summary = summarizeInventory(result.inventory);
    this.reportProblems(result.problems);
    this.say(renderSummary(summary, flags.out));
    return { status: 'ok', out: path.normalize(flags.out), summary, problems: result.problems };
  }
}

/** Formats registered at run time (kept for help texts and tests). */
export function registeredFormats(): string[] {
  return allCollectors().map((c) => c.id);
}
