import { Workload } from '../inventory/schema';
import { absolute, templatePct } from './figures';
import { ExportColumn } from './types';

/**
 * AWS Migration Hub / Application Discovery Service import template (AWS docs, "Importing data": the CSV headers of the
 * import template; the collect side reads the same headers in aws-import-csv.ts and the round-trip test keeps the two in
 * step). Units: memory in MB, CPU % of the server, disk ops per second, network KB per second (KB = 1,000 bytes, so
 * Mbps × 125). dcplan keeps one IOPS and one network figure per VM: they go into the reads columns (the importer sums
 * reads + writes, which gives the same totals back). Memory used is the memory % of the total, as MB.
 */
const mbpsToKBps = (mbps: number | undefined) => (mbps === undefined ? undefined : Math.round(mbps * 125 * 1000) / 1000);
const memUsedMb = (w: Workload, figure: 'avg' | 'peak') => {
  const pct = templatePct(w, 'memory', figure);
  return pct === undefined ? undefined : Math.round(((pct / 100) * w.memoryMib) * 1000) / 1000;
};
const zeroIf = (v: number | undefined) => (v === undefined ? undefined : 0);

export const AWS_IMPORT_COLUMNS: ExportColumn[] = [
  { header: 'ExternalId', value: (w) => w.id },
  { header: 'IPAddress', value: (w) => w.labels.ipAddress ?? w.labels.ipAddresses },
  { header: 'HostName', value: (w) => w.name },
  { header: 'VMware.MoRefId', value: (w) => w.labels.vmwareMoRefId },
  { header: 'VMware.VCenterId', value: (w) => w.location.vcenter },
  { header: 'VMware.VMName', value: (w) => (w.kind === 'vm' ? w.name : undefined) },
  { header: 'CPU.NumberOfProcessors', value: (w) => w.cpuSockets },
  { header: 'CPU.NumberOfCores', value: (w) => (w.cpuSockets !== undefined && w.coresPerSocket !== undefined ? w.cpuSockets * w.coresPerSocket : undefined) },
  { header: 'CPU.NumberOfLogicalCores', value: (w) => w.vcpus },
  { header: 'OS.Name', value: (w) => w.os.name ?? w.os.family },
  { header: 'OS.Version', value: (w) => w.os.version },
  { header: 'RAM.TotalSizeInMB', value: (w) => w.memoryMib },
  { header: 'RAM.UsedSizeInMB.Avg', value: (w) => memUsedMb(w, 'avg') },
  { header: 'RAM.UsedSizeInMB.Max', value: (w) => memUsedMb(w, 'peak') },
  { header: 'CPU.UsagePct.Avg', value: (w) => templatePct(w, 'cpu', 'avg') },
  { header: 'CPU.UsagePct.Max', value: (w) => templatePct(w, 'cpu', 'peak') },
  { header: 'DiskReadsPerSecondInKB.Avg', value: () => undefined },
  { header: 'DiskWritesPerSecondInKB.Avg', value: () => undefined },
  { header: 'DiskReadsPerSecondInKB.Max', value: () => undefined },
  { header: 'DiskWritesPerSecondInKB.Max', value: () => undefined },
  { header: 'DiskReadsOpsPerSecond.Avg', value: (w) => absolute(w, 'diskIops', 'avg') },
  { header: 'DiskWritesOpsPerSecond.Avg', value: (w) => zeroIf(absolute(w, 'diskIops', 'avg')) },
  { header: 'DiskReadsOpsPerSecond.Max', value: (w) => absolute(w, 'diskIops', 'peak') },
  { header: 'DiskWritesOpsPerSecond.Max', value: (w) => zeroIf(absolute(w, 'diskIops', 'peak')) },
  { header: 'NetworkReadsPerSecondInKB.Avg', value: (w) => mbpsToKBps(absolute(w, 'networkMbps', 'avg')) },
  { header: 'NetworkWritesPerSecondInKB.Avg', value: (w) => zeroIf(absolute(w, 'networkMbps', 'avg')) },
  { header: 'NetworkReadsPerSecondInKB.Max', value: (w) => mbpsToKBps(absolute(w, 'networkMbps', 'peak')) },
  { header: 'NetworkWritesPerSecondInKB.Max', value: (w) => zeroIf(absolute(w, 'networkMbps', 'peak')) },
  { header: 'Applications', value: (w) => w.application },
  { header: 'ApplicationWave', value: (w) => w.labels.applicationWave },
  { header: 'Tags', value: (w) => (w.tags.length > 0 ? w.tags.join(';') : undefined) },
];
