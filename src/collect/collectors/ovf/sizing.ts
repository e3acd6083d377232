import { OvfDescriptor, OvfItem, OvfSystem } from './model';
import { toBytes } from './units';

/**
 * Deployment options and the hardware each one deploys (DSP0243 "DeploymentOptionSection"): an item without
 * `ovf:configuration` applies to every option; an item whose configuration list names the option applies to it, and
 * replaces an item of the same InstanceID that applies to all. The default option is the one marked
 * `ovf:default="true"`, else the first listed.
 */

export const RT = { cpu: 3, memory: 4, ethernet: 10, otherNetwork: 11, disk: 17 } as const;
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

export function defaultOption(d: OvfDescriptor): string | undefined {
  return (d.options.find((o) => o.default) ?? d.options[0])?.id;
}

/** The items deployed with an option (undefined = no DeploymentOptionSection: only the items for all options). */
export function itemsFor(items: OvfItem[], option: string | undefined): OvfItem[] {
  const chosen = new Map<string, OvfItem>();
  const loose: OvfItem[] = [];
  for (const it of items) {
    if (it.bound === 'min' || it.bound === 'max') continue;
    const applies = it.configurations === undefined || (option !== undefined && it.configurations.includes(option));
    if (!applies) continue;
    if (it.instanceId === undefined) {
      loose.push(it);
      continue;
    }
    const prev = chosen.get(it.instanceId);
    // A configuration-specific item wins over the one for all options, whichever comes first in the file.
    if (!prev || (prev.configurations === undefined && it.configurations !== undefined)) chosen.set(it.instanceId, it);
  }
  return [...chosen.values(), ...loose].sort((x, y) => x.line - y.line);
}

export interface DiskSize {
  label: string;
  diskId?: string;
  capacityGib?: number;
  usedGib?: number;
  format?: string;
}

export interface SystemSize {
  vcpus?: number;
  coresPerSocket?: number;
  memoryMib?: number;
  /** Memory AllocationUnits was absent and read as MiB. */
  memoryUnitAssumed?: boolean;
  disks: DiskSize[];
  diskGib: number;
  nics: number;
  networks: string[];
}

/** What a virtual system deploys with the option: vCPUs, memory, disks and NICs. */
export function sizeOf(sys: OvfSystem, d: OvfDescriptor, option: string | undefined): SystemSize {
  const items = itemsFor(sys.items, option);
  const out: SystemSize = { disks: [], diskGib: 0, nics: 0, networks: [] };
  const cpu = items.find((i) => i.resourceType === RT.cpu);
  if (cpu?.quantity !== undefined) out.vcpus = cpu.quantity;
  if (cpu?.coresPerSocket !== undefined) out.coresPerSocket = cpu.coresPerSocket;
  const mem = items.find((i) => i.resourceType === RT.memory);
  if (mem?.quantity !== undefined) {
    const bytes = toBytes(mem.quantity, mem.units, 'byte * 2^20');
    if (bytes !== undefined) out.memoryMib = bytes / MIB;
    if (mem.units === undefined) out.memoryUnitAssumed = true;
  }
  for (const it of items.filter((i) => i.resourceType === RT.disk)) {
    const ref = it.hostResource[0] ?? '';
    const m = /^(?:ovf:)?\/?disk\/(.+)$/.exec(ref);
    const disk = m ? d.disks.find((x) => x.diskId === m[1]) : undefined;
    const size: DiskSize = { label: it.name ?? disk?.diskId ?? `disk ${it.instanceId ?? ''}`.trim() };
    if (disk) {
      size.diskId = disk.diskId;
      if (disk.capacityBytes !== undefined) size.capacityGib = disk.capacityBytes / GIB;
      if (disk.populatedBytes !== undefined) size.usedGib = disk.populatedBytes / GIB;
      if (disk.format) size.format = diskFormat(disk.format);
    }
    out.disks.push(size);
    out.diskGib += size.capacityGib ?? 0;
  }
  const nics = items.filter((i) => i.resourceType === RT.ethernet || i.resourceType === RT.otherNetwork);
  out.nics = nics.length;
  out.networks = [...new Set(nics.flatMap((n) => n.connection))];
  return out;
}

/** Short disk format name from the format URI (e.g. `vmdk-streamOptimized`, `vhd`, `qcow2`, `raw`). */
export function diskFormat(uri: string): string {
  const u = uri.toLowerCase();
  if (u.includes('vmdk')) return `vmdk${uri.includes('#') ? `-${uri.split('#').pop()}` : ''}`;
  if (u.includes('vhdx')) return 'vhdx';
  if (u.includes('vhd')) return 'vhd';
  if (u.includes('qcow')) return 'qcow2';
  if (u.includes('raw') || u.endsWith('.img')) return 'raw';
  return uri;
}
