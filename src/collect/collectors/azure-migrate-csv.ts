import { Disk, Utilization } from '../../inventory/schema';
import { osArch, osFamily } from '../../inventory/os';
import { headerIndex } from '../read/headers';
import { round } from '../read/numbers';
import { Collector, FileProbe } from '../types';
import { emptyWorkload } from '../../inventory/workload';
import { collectTabular, RowReader } from './tabular';

/**
 * Azure Migrate "import using CSV" template (`*` marks mandatory columns; headers matched case-, space- and
 * `*`-insensitively). Units as Microsoft documents them: memory in MB (binary, = MiB, as VMware reports it), disk sizes
 * in GB (Azure's GB are GiB), throughputs in MB per second (network → Mbps = × 8), ops per second (IOPS).
 * Utilisation percentages are averages over the assessment window: basis `avg`.
 */
const MAX_DISKS = 8;

const base = {
  name: { aliases: ['*Server name'], required: true },
  ip: { aliases: ['IP addresses', 'IP address'] },
  cores: { aliases: ['*Cores'], required: true },
  memoryMb: { aliases: ['*Memory (In MB)'], required: true },
  osName: { aliases: ['*OS name'], required: true },
  osVersion: { aliases: ['OS version'] },
  osArch: { aliases: ['OS architecture'] },
  cpuPct: { aliases: ['CPU utilization percentage'] },
  memPct: { aliases: ['Memory utilization percentage'] },
  nics: { aliases: ['Network adapters'] },
  netIn: { aliases: ['Network In throughput'] },
  netOut: { aliases: ['Network Out throughput'] },
  bootType: { aliases: ['Boot type', 'Firmware type'] },
  diskCount: { aliases: ['Number of disks'] },
  storageInUse: { aliases: ['Storage in use (In GB)'] },
  totalReadOps: { aliases: ['Total disks read ops'] },
  totalWriteOps: { aliases: ['Total disks write ops'] },
  serverType: { aliases: ['Server type'] },
  hypervisor: { aliases: ['Hypervisor'] },
  hypervisorVersion: { aliases: ['Hypervisor version number'] },
  vmId: { aliases: ['Virtual machine ID', 'Hypervisor VM ID'] },
  vmmId: { aliases: ['VM host'] },
  fqdn: { aliases: ['FQDN'] },
  app: { aliases: ['Application 1 name'] },
  // Known but not used (the inventory has no disk-throughput figure): listed so they do not become labels.
  totalReadMbps: { aliases: ['Total disks read throughput'] },
  totalWriteMbps: { aliases: ['Total disks write throughput'] },
} as const;

type DiskKey = `disk${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}${'Size' | 'ReadOps' | 'WriteOps' | 'ReadMbps' | 'WriteMbps'}`;
type Key = keyof typeof base | DiskKey;

const columns = { ...base } as unknown as Record<Key, { aliases: readonly string[]; required?: boolean }>;
for (let i = 1; i <= MAX_DISKS; i++) {
  columns[`disk${i}Size` as DiskKey] = { aliases: [`Disk ${i} size (In GB)`] };
  columns[`disk${i}ReadOps` as DiskKey] = { aliases: [`Disk ${i} read ops (operations per second)`] };
  columns[`disk${i}WriteOps` as DiskKey] = { aliases: [`Disk ${i} write ops (operations per second)`] };
  columns[`disk${i}ReadMbps` as DiskKey] = { aliases: [`Disk ${i} read throughput (MB per second)`] };
  columns[`disk${i}WriteMbps` as DiskKey] = { aliases: [`Disk ${i} write throughput (MB per second)`] };
}

function build(r: RowReader<Key>, ctx: { sourceKey: string; extraLabels: Record<string, string> }) {
  const name = r.text('name');
  const cores = r.need('cores', { expected: 'a whole number of cores', min: 1 });
  const memMb = r.need('memoryMb', { expected: 'memory in MB', min: 0 });
  if (r.skip || cores === undefined || memMb === undefined) return undefined;
  const pct = { expected: 'a percentage', min: 0, max: 100 };
  const cpuPct = r.num('cpuPct', pct);
  const memPct = r.num('memPct', pct);
  const mbps = { expected: 'MB per second', min: 0 };
  const netIn = r.num('netIn', mbps);
  const netOut = r.num('netOut', mbps);

  const disks: Disk[] = [];
  let diskOps: number | undefined;
  for (let i = 1; i <= MAX_DISKS; i++) {
    const size = r.num(`disk${i}Size` as DiskKey, { expected: 'a disk size in GB', min: 0 });
    const rd = r.num(`disk${i}ReadOps` as DiskKey, { expected: 'operations per second', min: 0 });
    const wr = r.num(`disk${i}WriteOps` as DiskKey, { expected: 'operations per second', min: 0 });
    if (size !== undefined) disks.push({ label: `Disk ${i}`, capacityGib: size });
    if (rd !== undefined || wr !== undefined) diskOps = (diskOps ?? 0) + (rd ?? 0) + (wr ?? 0);
  }
  const totalRd = r.num('totalReadOps', { expected: 'operations per second', min: 0 });
  const totalWr = r.num('totalWriteOps', { expected: 'operations per second', min: 0 });
  if (totalRd !== undefined || totalWr !== undefined) diskOps = (totalRd ?? 0) + (totalWr ?? 0);

  const utilization: Utilization = {};
  if (cpuPct !== undefined) utilization.cpu = { unit: 'pct', basis: 'avg', avg: cpuPct };
  if (memPct !== undefined) utilization.memory = { unit: 'pct', basis: 'avg', avg: memPct };
  if (diskOps !== undefined) utilization.diskIops = { unit: 'IOPS', basis: 'avg', avg: round(diskOps) };
  if (netIn !== undefined || netOut !== undefined)
    utilization.networkMbps = { unit: 'Mbps', basis: 'avg', avg: round(((netIn ?? 0) + (netOut ?? 0)) * 8) };

  const osName = r.text('osName');
  const w = emptyWorkload({
    id: `${ctx.sourceKey}/${r.opt('vmId') ?? name}`,
    name,
    kind: /physical/i.test(r.text('serverType')) ? 'physical' : 'vm',
    vcpus: cores,
    memoryMib: memMb,
    disks,
    utilization,
    os: { family: osFamily(osName) },
    labels: { ...ctx.extraLabels },
    provenance: [{ file: r.file, row: r.row }],
  });
  if (osName) w.os.name = osName;
  const ver = r.opt('osVersion');
  if (ver) w.os.version = ver;
  const arch = osArch(r.opt('osArch') ?? osName);
  if (arch) w.os.arch = arch;
  const inUse = r.num('storageInUse', { expected: 'storage in use in GB', min: 0 });
  if (disks.length > 0) w.provisionedGib = round(disks.reduce((s, d) => s + d.capacityGib, 0));
  if (inUse !== undefined) w.usedGib = inUse;
  const nics = r.num('nics', { expected: 'a whole number of network adapters', min: 0, integer: true });
  if (nics !== undefined) w.nics = nics;
  const boot = r.text('bootType').toLowerCase();
  if (boot === 'bios') w.config.firmware = 'bios';
  else if (boot === 'uefi' || boot === 'efi') w.config.firmware = 'efi';
  const declared = r.num('diskCount', { expected: 'a whole number of disks', min: 0, integer: true });
  if (declared !== undefined && declared > disks.length && disks.length < MAX_DISKS) {
    r.problems.push({
      code: 'disks-missing',
      severity: 'info',
      message: `Number of disks says ${declared} but sizes are given for ${disks.length}.`,
      file: r.file,
      row: r.row,
      column: 'Number of disks',
    });
  }
  const app = r.opt('app');
  if (app) w.application = app;
  for (const [k, label] of [
    ['ip', 'ipAddresses'],
    ['hypervisor', 'hypervisor'],
    ['hypervisorVersion', 'hypervisorVersion'],
    ['vmId', 'vmId'],
    ['fqdn', 'fqdn'],
  ] as [Key, string][]) {
    const v = r.opt(k);
    if (v) w.labels[label] = v;
  }
  return w;
}

export const azureMigrateCsvCollector: Collector = {
  id: 'azure-migrate-csv',
  description: 'Azure Migrate "import using CSV" template (*Server name, *Cores, *Memory (In MB), *OS name, ...)',
  detect(probe: FileProbe): number {
    if (probe.kind !== 'text' || !probe.headers) return 0;
    const idx = headerIndex(probe.headers);
    const hits = ['servername', 'cores', 'memoryinmb', 'osname'].filter((k) => idx.has(k)).length;
    if (hits === 4) return 0.95;
    return idx.has('memoryinmb') && idx.has('servername') ? 0.6 : 0;
  },
  collect: (probe, options) =>
    collectTabular<Key>(probe, options, { format: 'azure-migrate-csv', columns, nameOf: (r) => r.opt('name'), build }),
};
