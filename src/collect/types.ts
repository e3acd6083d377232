import { Problem } from '../diagnostics';
import { Cluster, Datastore, DrsRule, Excluded, HealthMessage, Host, Licence, MetricUtil, Utilization, Workload, Provenance } from '../inventory/schema';

/** Format ids a user can pass to `--format`: the one list, read by the collect command's flag and by the registry's types. */
export const FORMAT_IDS = [
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
  'migration-center-vminfo',
  'generic-series-csv',
  'vrops-csv',
  'ovf',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** What a quick look at a file tells, so collectors can claim it without reading it whole. */
export interface FileProbe {
  path: string;
  /** Name shown to users in messages (the path as given on the command line). */
  displayName: string;
  /** Lower-case extension with dot, e.g. `.xlsx`, `.csv`, `` for none. */
  ext: string;
  size: number;
  /** Sniffed container kind from magic bytes / content, not the extension. */
  kind: 'empty' | 'xlsx' | 'zip' | 'pdf' | 'ole2' | 'text' | 'binary' | 'directory' | 'tar';
  /** First bytes of the file (up to 64 KiB). */
  head: Buffer;
  /** xlsx only: sheet names in workbook order. */
  sheetNames?: string[];
  /** text only: detected encoding and delimiter, and the first header row as written. */
  encoding?: string;
  delimiter?: string;
  headers?: string[];
  /** tar only: the name of the first entry (an OVA's descriptor). */
  tarFirstEntry?: string;
  /** directory only: file names inside (sorted). */
  entries?: string[];
}

/** Utilisation figures for a server known by name, to be merged into the workload of that name. */
export interface UtilizationUpdate {
  serverName: string;
  utilization: Partial<Utilization>;
  /**
   * Memory used minus the server's installed memory, MiB (perfmon `Available MBytes`, negated; every statistic and
   * shape value ≤ 0): becomes `utilization.memory` once the workload's memory is known (installed + this).
   */
  memoryBelowTotal?: MetricUtil;
  provenance: Provenance;
}

export interface CollectorOutput {
  format: FormatId;
  sheets?: string[];
  rowsRead: number;
  workloads: Workload[];
  hosts: Host[];
  clusters: Cluster[];
  /** Existing datastores (RVTools vDatastore); absent for formats that carry none. */
  datastores?: Datastore[];
  /** Today's DRS rules (RVTools vInfo), members by workload id as this output gives them. */
  drsRules?: DrsRule[];
  /** Today's licence keys (RVTools vLicense, keys masked) and RVTools' health findings (vHealth). */
  licences?: Licence[];
  health?: HealthMessage[];
  excluded: Excluded[];
  problems: Problem[];
  /** Time-series collectors return utilisation for servers by name instead of (or besides) workloads. */
  utilizationUpdates?: UtilizationUpdate[];
  /** The collector made every workload id unique itself (RVTools does, per vCenter); merging need not check again. */
  uniqueIds?: boolean;
}

export interface CollectOptions {
  /** Force a format instead of detecting it. */
  format?: FormatId;
  /** Column map (customer column name → canonical name), from `--map file.yaml`. */
  columnMap?: Record<string, string>;
  /** `--map` targets given with a unit: customer column → the size unit its values are in (converted on reading). */
  columnUnits?: Record<string, import('./column-map').SizeUnit>;
  /** Keep powered-off VMs in the estate (they are flagged either way). */
  includePoweredOff: boolean;
  /** Time-series options (issue 6): sample interval and capacity for one-value-per-line traces, etc. */
  series?: Record<string, unknown>;
  /** OVF / OVA: the deployment option to size (`--ovf-option`, or the config's `collect.ovfOption`). */
  ovfOption?: string;
  ovfOptionFrom?: 'flag' | 'config';
  /** `--strict`: any skipped or implausible row stops the run (exit 2) instead of being listed and left out. */
  strict?: boolean;
}

export interface Collector {
  id: FormatId;
  description: string;
  /**
   * 0 = not mine, 1 = certainly mine. The highest score wins; ties go to registry order.
   * `options` carries e.g. the `--map` column map, for formats whose headers it renames.
   */
  detect(probe: FileProbe, options?: CollectOptions): number;
  collect(probe: FileProbe, options: CollectOptions): Promise<CollectorOutput>;
}
