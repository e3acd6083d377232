import { Workload } from '../inventory/schema';
import { absolute, templatePct } from './figures';
import { ExportColumn } from './types';

/**
 * Azure Migrate "Import using CSV" template (Microsoft Learn, "Assess servers using imported data"; headers as the
 * template writes them, `*` = mandatory; the collect side reads the same headers in azure-migrate-csv.ts and the
 * round-trip test keeps the two in step). Units: memory in MB (MiB), disk sizes in GB (GiB), throughput in MB/s, disk
 * ops per second. dcplan keeps one IOPS and one network figure per VM, so they go into the read / in columns (the
 * importer sums read + write and in + out, which gives the same totals back).
 */
export const MAX_DISKS = 8;

/**
 * Disk sizes as the template holds them: at most eight; a VM with more has the rest summed into the eighth (the total
 * stays right; the caller counts such VMs), and a VM known only by its provisioned total gets it as one disk.
 */
export function templateDisks(w: Workload): number[] {
  const sizes = w.disks.length > 0 ? w.disks.map((d) => d.capacityGib) : w.provisionedGib ? [w.provisionedGib] : [];
  if (sizes.length <= MAX_DISKS) return sizes;
  const rest = sizes.slice(MAX_DISKS - 1).reduce((a, b) => a + b, 0);
  return [...sizes.slice(0, MAX_DISKS - 1), Math.round(rest * 1000) / 1000];
}

const diskColumns: ExportColumn[] = Array.from({ length: MAX_DISKS }, (_, i) => [
  { header: `Disk ${i + 1} size (In GB)`, value: (w: Workload) => templateDisks(w)[i] },
  { header: `Disk ${i + 1} read throughput (MB per second)`, value: () => undefined },
  { header: `Disk ${i + 1} write throughput (MB per second)`, value: () => undefined },
  { header: `Disk ${i + 1} read ops (operations per second)`, value: () => undefined },
  { header: `Disk ${i + 1} write ops (operations per second)`, value: () => undefined },
]).flat();

export const AZURE_MIGRATE_COLUMNS: ExportColumn[] = [
  { header: '*Server name', value: (w) => w.name },
  { header: 'IP addresses', value: (w) => w.labels.ipAddresses ?? w.labels.ipAddress },
  { header: '*Cores', value: (w) => w.vcpus },
  { header: '*Memory (In MB)', value: (w) => w.memoryMib },
  { header: '*OS name', value: (w) => w.os.name ?? w.os.family },
  { header: 'OS version', value: (w) => w.os.version },
  { header: 'OS architecture', value: (w) => w.os.arch },
  { header: 'CPU utilization percentage', value: (w) => templatePct(w, 'cpu', 'avg') },
  { header: 'Memory utilization percentage', value: (w) => templatePct(w, 'memory', 'avg') },
  { header: 'Network adapters', value: (w) => w.nics },
  { header: 'Network In throughput', value: (w) => mbpsToMBps(absolute(w, 'networkMbps', 'avg')) },
  { header: 'Network Out throughput', value: (w) => (w.utilization.networkMbps?.avg !== undefined ? 0 : undefined) },
  { header: 'Boot type', value: (w) => (w.config.firmware === 'efi' ? 'UEFI' : w.config.firmware === 'bios' ? 'BIOS' : undefined) },
  { header: 'Number of disks', value: (w) => (templateDisks(w).length > 0 ? templateDisks(w).length : undefined) },
  ...diskColumns,
  { header: 'Storage in use (In GB)', value: (w) => w.usedGib },
  { header: 'Total disks read ops', value: (w) => absolute(w, 'diskIops', 'avg') },
  { header: 'Total disks write ops', value: (w) => (w.utilization.diskIops?.avg !== undefined ? 0 : undefined) },
  { header: 'Total disks read throughput', value: () => undefined },
  { header: 'Total disks write throughput', value: () => undefined },
  { header: 'Server type', value: (w) => (w.kind === 'physical' ? 'Physical' : 'Virtual') },
  { header: 'Hypervisor', value: (w) => w.labels.hypervisor ?? (w.kind === 'physical' ? undefined : 'VMware') },
  { header: 'Hypervisor version number', value: (w) => w.labels.hypervisorVersion },
  { header: 'Virtual machine ID', value: (w) => w.labels.vmId },
  { header: 'FQDN', value: (w) => w.labels.fqdn },
  { header: 'Application 1 name', value: (w) => w.application },
];

/** Mbps (bits) → MB per second (bytes), as the template counts throughput. */
function mbpsToMBps(mbps: number | undefined): number | undefined {
  return mbps === undefined ? undefined : Math.round((mbps / 8) * 1000) / 1000;
}
