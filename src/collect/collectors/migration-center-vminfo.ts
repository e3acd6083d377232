import { osFamily } from '../../inventory/os';
import { emptyWorkload } from '../../inventory/workload';
import { headerIndex } from '../read/headers';
import { round } from '../read/numbers';
import { Collector, FileProbe } from '../types';
import { collectTabular, RowReader } from './tabular';

/**
 * Google Migration Center `vmInfo.csv` (the machine sheet of its manual-import CSV set, beside `perfInfo.csv`): one
 * machine per row, `MachineId`, `MachineName`, `AllocatedProcessorCoreCount`, `MemoryGiB`, disks in GiB
 * (`TotalDiskAllocatedGiB`, `TotalDiskUsedGiB`), `OsName`. Read as an inventory, so that a Migration Center export alone
 * gives workloads; `perfInfo.csv` then adds their utilisation by name (its MachineId values are named from this file).
 */
const columns = {
  id: { aliases: ['MachineId'], required: true },
  name: { aliases: ['MachineName'], required: true },
  cores: { aliases: ['AllocatedProcessorCoreCount', 'CoreCount'], required: true },
  memoryGib: { aliases: ['MemoryGiB'], required: true },
  diskGib: { aliases: ['TotalDiskAllocatedGiB'] },
  diskUsedGib: { aliases: ['TotalDiskUsedGiB'] },
  osName: { aliases: ['OsName'] },
  osVersion: { aliases: ['OsVersion'] },
  ip: { aliases: ['PrimaryIPAddress'] },
} as const;
type Key = keyof typeof columns;

function build(r: RowReader<Key>, ctx: { sourceKey: string; extraLabels: Record<string, string> }) {
  const name = r.text('name');
  const cores = r.need('cores', { expected: 'a whole number of cores', min: 1, integer: true });
  const memGib = r.need('memoryGib', { expected: 'memory in GiB', min: 0 });
  if (r.skip || cores === undefined || memGib === undefined) return undefined;
  const osName = r.text('osName');
  const w = emptyWorkload({
    id: `${ctx.sourceKey}/${r.text('id') || name}`,
    name,
    vcpus: cores,
    memoryMib: round(memGib * 1024),
    os: { family: osFamily(osName) },
    labels: { ...ctx.extraLabels },
    provenance: [{ file: r.file, row: r.row }],
  });
  if (osName) w.os.name = osName;
  const ver = r.opt('osVersion');
  if (ver) w.os.version = ver;
  const disk = r.num('diskGib', { expected: 'disk allocated in GiB', min: 0 });
  if (disk !== undefined) w.provisionedGib = disk;
  const used = r.num('diskUsedGib', { expected: 'disk used in GiB', min: 0 });
  if (used !== undefined) w.usedGib = used;
  const ip = r.opt('ip');
  if (ip) w.labels.ipAddresses = ip;
  w.labels.machineId = r.text('id');
  return w;
}

export const migrationCenterVmInfoCollector: Collector = {
  id: 'migration-center-vminfo',
  description: 'Google Migration Center vmInfo.csv (MachineId, MachineName, AllocatedProcessorCoreCount, MemoryGiB, ...)',
  detect(probe: FileProbe): number {
    if (probe.kind !== 'text' || !probe.headers) return 0;
    const idx = headerIndex(probe.headers);
    return ['machineid', 'machinename', 'allocatedprocessorcorecount', 'memorygib'].every((k) => idx.has(k)) ? 0.95 : 0;
  },
  collect: (probe, options) => collectTabular<Key>(probe, options, { format: 'migration-center-vminfo', columns, nameOf: (r) => r.opt('name'), build }),
};
