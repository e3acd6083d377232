import { Args, Flags } from '@oclif/core';
import * as path from 'path';
import { BaseCommand } from '../cli/base-command';
import { Problem } from '../diagnostics';
import { loadColumnMap } from '../collect/column-map';
import { collectFiles } from '../collect/pipeline';
import { allCollectors } from '../collect/registry';
import { CollectSummary, renderSummary, summarizeInventory } from '../collect/summary';
import { FORMAT_IDS, FormatId } from '../collect/types';
import { writeInventory } from '../inventory/io';

export interface CollectCommandResult {
  status: 'ok';
  out: string;
  summary: CollectSummary;
  problems: Problem[];
}


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
    format: Flags.string({ description: 'force the input format instead of detecting it', options: [...FORMAT_IDS] }),
    map: Flags.string({ description: 'YAML file mapping your column names onto dcplan columns (e.g. "Server Name: name")' }),
    out: Flags.string({ char: 'o', description: 'inventory file to write', default: 'inventory.json' }),
    'include-powered-off': Flags.boolean({ description: 'keep powered-off VMs in the estate (they stay flagged)', default: false }),
    strict: Flags.boolean({ description: 'stop (exit 2) on any skipped or implausible row instead of listing it and going on', default: false }),
    // time-series options (issue 6, src/collect/series/types.ts)
    window: Flags.string({ description: 'time series: history window ending at the last sample', options: ['day', 'week', 'month', 'all'] }),
    'weekdays-only': Flags.boolean({ description: 'time series: keep Monday-Friday only' }),
    percentile: Flags.integer({ description: 'time series: percentile each hourly/weekly shape slot holds (default 95)' }),
    granularity: Flags.string({ description: 'time series: shape slots (auto = weekly with 7+ days of data)', options: ['auto', 'hourly', 'weekly'] }),
    resample: Flags.integer({ description: 'time series: resampling interval in seconds, dividing an hour (default 300)' }),
    interval: Flags.integer({ description: 'one-value-per-line traces: seconds between lines (default 300)' }),
    'capacity-mhz': Flags.integer({ description: 'one-value-per-line traces: CPU capacity in MHz of each traced machine' }),
    start: Flags.string({ description: 'one-value-per-line traces: time of the first line (ISO 8601)' }),
    'tz-bias': Flags.integer({ description: 'time series: minutes to add to zone-less local times to get UTC (perfmon convention)' }),
    'ovf-option': Flags.string({ description: 'OVF / OVA packages: the deployment option to size (default: the one the package marks default)' }),
    encoding: Flags.string({ description: 'time series: text encoding when detection is not enough (e.g. windows-1251)' }),
  };

  async run(): Promise<CollectCommandResult> {
    const { argv, flags } = await this.parse(Collect);
    const files = (argv as string[]).filter((a) => a !== '');
    const map = flags.map ? loadColumnMap(flags.map) : undefined;
    const result = await collectFiles(files, {
      format: flags.format as FormatId | undefined,
      columnMap: map?.columns,
      columnUnits: map?.units,
      includePoweredOff: flags['include-powered-off'],
      strict: flags.strict,
      ...(flags['ovf-option'] ? { ovfOption: flags['ovf-option'], ovfOptionFrom: 'flag' as const } : {}),
      series: {
        window: flags.window,
        weekdaysOnly: flags['weekdays-only'],
        percentile: flags.percentile,
        granularity: flags.granularity,
        resampleSeconds: flags.resample,
        intervalSeconds: flags.interval,
        capacityMhz: flags['capacity-mhz'],
        start: flags.start,
        tzBiasMinutes: flags['tz-bias'],
        encoding: flags.encoding,
      },
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
