import { MetricUtil, Utilization } from '../../inventory/schema';
import { osArch, osFamily } from '../../inventory/os';
import { headerIndex } from '../read/headers';
import { round } from '../read/numbers';
import { Collector, FileProbe } from '../types';
import { emptyWorkload } from '../../inventory/workload';
import { collectTabular, parseTags, RowReader } from './tabular';

/**
 * AWS Migration Hub (Application Discovery Service) import template. Figures come as `.Avg` and `.Max` over the
 * discovery window: utilisation basis `avg`, with `peak` from the `.Max` column. Memory use (`RAM.UsedSizeInMB`) is
 * turned into a percentage of `RAM.TotalSizeInMB`; disk ops are read + write; network KB/s (read + write) → Mbps
 * with KB = 1,000 bytes (× 0.008). Name: HostName, else VMware.VMName, else IPAddress; id: ExternalId when given.
 */
const columns = {
  externalId: { aliases: ['ExternalId'] },
  ip: { aliases: ['IPAddress'] },
  hostName: { aliases: ['HostName'] },
  moRefId: { aliases: ['VMware.MoRefId'] },
  vcenterId: { aliases: ['VMware.VCenterId'] },
  vmName: { aliases: ['VMware.VMName'] },
  processors: { aliases: ['CPU.NumberOfProcessors'] },
  cores: { aliases: ['CPU.NumberOfCores'] },
  logicalCores: { aliases: ['CPU.NumberOfLogicalCores'] },
  osName: { aliases: ['OS.Name'] },
  osVersion: { aliases: ['OS.Version'] },
  ramMb: { aliases: ['RAM.TotalSizeInMB'] },
  ramUsedAvg: { aliases: ['RAM.UsedSizeInMB.Avg'] },
  ramUsedMax: { aliases: ['RAM.UsedSizeInMB.Max'] },
  cpuAvg: { aliases: ['CPU.UsagePct.Avg'] },
  cpuMax: { aliases: ['CPU.UsagePct.Max'] },
  // Exports that write a metric once, without .Avg / .Max, give its average.
  rdOpsAvg: { aliases: ['DiskReadsOpsPerSecond.Avg', 'DiskReadsOpsPerSecond'] },
  rdOpsMax: { aliases: ['DiskReadsOpsPerSecond.Max'] },
  wrOpsAvg: { aliases: ['DiskWritesOpsPerSecond.Avg', 'DiskWritesOpsPerSecond'] },
  wrOpsMax: { aliases: ['DiskWritesOpsPerSecond.Max'] },
  netRdAvg: { aliases: ['NetworkReadsPerSecondInKB.Avg', 'NetworkReadsPerSecondInKB'] },
  netRdMax: { aliases: ['NetworkReadsPerSecondInKB.Max'] },
  netWrAvg: { aliases: ['NetworkWritesPerSecondInKB.Avg', 'NetworkWritesPerSecondInKB'] },
  netWrMax: { aliases: ['NetworkWritesPerSecondInKB.Max'] },
  applications: { aliases: ['Applications'] },
  wave: { aliases: ['ApplicationWave'] },
  tags: { aliases: ['Tags'] },
  // Known but not used (the inventory has no disk-throughput figure): listed so they do not become labels.
  rdKbAvg: { aliases: ['DiskReadsPerSecondInKB.Avg', 'DiskReadsPerSecondInKB'] },
  rdKbMax: { aliases: ['DiskReadsPerSecondInKB.Max'] },
  wrKbAvg: { aliases: ['DiskWritesPerSecondInKB.Avg', 'DiskWritesPerSecondInKB'] },
  wrKbMax: { aliases: ['DiskWritesPerSecondInKB.Max'] },
} as const;

type Key = keyof typeof columns;

/** Sum of two optional figures; undefined when both are absent. */
function sum(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}

function metric(unit: MetricUtil['unit'], avg: number | undefined, max: number | undefined): MetricUtil | undefined {
  if (avg === undefined && max === undefined) return undefined;
  const m: MetricUtil = { unit, basis: avg !== undefined ? 'avg' : 'max' };
  if (avg !== undefined) m.avg = round(avg);
  if (max !== undefined) m.peak = round(max);
  return m;
}

function nameOf(r: RowReader<Key>): string | undefined {
  return r.opt('hostName') ?? r.opt('vmName') ?? r.opt('ip');
}

function build(r: RowReader<Key>, ctx: { sourceKey: string; extraLabels: Record<string, string> }) {
  const name = nameOf(r)!;
  const count = { expected: 'a whole number of processors or cores', min: 1, integer: true };
  const logical = r.num('logicalCores', count);
  const cores = r.num('cores', count);
  const sockets = r.num('processors', count);
  const vcpus = logical ?? cores ?? sockets;
  if (vcpus === undefined)
    r.setSkip('missing-value', 'No CPU count; expected CPU.NumberOfLogicalCores, CPU.NumberOfCores or CPU.NumberOfProcessors.', 'CPU.NumberOfLogicalCores');
  const ramMb = r.need('ramMb', { expected: 'memory in MB', min: 0 });
  if (r.skip || vcpus === undefined || ramMb === undefined) return undefined;

  const pct = { expected: 'a percentage', min: 0, max: 100 };
  const num = { expected: 'a number', min: 0 };
  const toPct = (mb: number | undefined) => (mb === undefined || ramMb <= 0 ? undefined : (mb / ramMb) * 100);
  const kbToMbps = (kb: number | undefined) => (kb === undefined ? undefined : kb * 0.008);
  const utilization: Utilization = {};
  const cpu = metric('pct', r.num('cpuAvg', pct), r.num('cpuMax', pct));
  const mem = metric('pct', toPct(r.num('ramUsedAvg', num)), toPct(r.num('ramUsedMax', num)));
  // Sum of the two maxima: an upper bound of the combined peak (the peaks may not coincide).
  const iops = metric('IOPS', sum(r.num('rdOpsAvg', num), r.num('wrOpsAvg', num)), sum(r.num('rdOpsMax', num), r.num('wrOpsMax', num)));
  const net = metric(
    'Mbps',
    kbToMbps(sum(r.num('netRdAvg', num), r.num('netWrAvg', num))),
    kbToMbps(sum(r.num('netRdMax', num), r.num('netWrMax', num))),
  );
  if (cpu) utilization.cpu = cpu;
  if (mem) utilization.memory = mem;
  if (iops) utilization.diskIops = iops;
  if (net) utilization.networkMbps = net;

  const { tags, labels } = parseTags(r.opt('tags'));
  const osName = r.opt('osName');
  const w = emptyWorkload({
    id: `${ctx.sourceKey}/${r.opt('externalId') ?? name}`,
    name,
    kind: 'vm',
    vcpus,
    memoryMib: ramMb,
    utilization,
    os: { family: osFamily(osName) },
    tags,
    labels: { ...ctx.extraLabels, ...labels },
    provenance: [{ file: r.file, row: r.row }],
  });
  if (sockets !== undefined && cores !== undefined && cores % sockets === 0) {
    w.cpuSockets = sockets;
    w.coresPerSocket = cores / sockets;
  }
  if (osName) w.os.name = osName;
  const ver = r.opt('osVersion');
  if (ver) w.os.version = ver;
  const arch = osArch(osName);
  if (arch) w.os.arch = arch;
  const vc = r.opt('vcenterId');
  if (vc) w.location.vcenter = vc;
  const app = r.opt('applications');
  if (app) w.application = app;
  for (const [k, label] of [
    ['externalId', 'externalId'],
    ['ip', 'ipAddress'],
    ['moRefId', 'vmwareMoRefId'],
    ['wave', 'applicationWave'],
  ] as [Key, string][]) {
    const v = r.opt(k);
    if (v) w.labels[label] = v;
  }
  return w;
}

export const awsImportCsvCollector: Collector = {
  id: 'aws-import-csv',
  description: 'AWS Migration Hub import template (ExternalId, HostName, CPU.NumberOfLogicalCores, RAM.TotalSizeInMB, ...)',
  detect(probe: FileProbe): number {
    if (probe.kind !== 'text' || !probe.headers) return 0;
    const idx = headerIndex(probe.headers);
    const strong = ['ramtotalsizeinmb', 'cpunumberofprocessors', 'cpunumberofcores', 'cpunumberoflogicalcores', 'cpuusagepctavg'];
    const hits = strong.filter((k) => idx.has(k)).length;
    if (hits >= 2) return 0.95;
    return idx.has('externalid') && (idx.has('hostname') || idx.has('vmwarevmname')) ? 0.5 : 0;
  },
  collect: (probe, options) => collectTabular<Key>(probe, options, { format: 'aws-import-csv', columns, nameOf, build }),
};
