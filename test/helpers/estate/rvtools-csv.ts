import { datastoreFigures } from './datastores';
import { DemoEstate, DemoHost, DemoVm } from './model';

/**
 * Writes the estate as an RVTools "Export all to csv" folder: one `RVTools_tab<tab>.csv` per tab, every field quoted,
 * CRLF line ends, header names as RVTools 4.x writes them (MiB units, `VI SDK UUID`), custom attributes as columns between
 * `Annotation` and `Datacenter`.
 */

type Cell = string | number | boolean;
const CUSTOM_ATTRIBUTES = ['Application', 'Cost Centre', 'Environment', 'Owner'];

function csv(rows: Cell[][]): string {
  const field = (v: Cell) => {
    const s = typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v);
    return `"${s.replace(/"/g, '""')}"`;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

const mib = (gib: number) => Math.round(gib * 1024);
const diskMib = (vm: DemoVm) => vm.disks.reduce((s, d) => s + mib(d.capacityGib), 0);
const usedDiskMib = (vm: DemoVm) =>
  vm.disks.reduce((s, d) => s + (d.thin ? Math.round(mib(d.capacityGib) * vm.usedPct) : mib(d.capacityGib)), 0);
const on = (vm: DemoVm) => vm.powerState === 'poweredOn';
/** vCPU `Overall`: MHz in use at the moment of the export. */
export const overallMhz = (vm: DemoVm) => (on(vm) ? Math.round((vm.cpuPct / 100) * vm.vcpus * vm.host.spec.mhz) : 0);
export const consumedMib = (vm: DemoVm) => (on(vm) ? Math.round((vm.memConsumedPct / 100) * mib(vm.memoryGib)) : 0);
const activeMib = (vm: DemoVm) => (on(vm) ? Math.round((vm.memActivePct / 100) * mib(vm.memoryGib)) : 0);
const overheadMib = (vm: DemoVm) => (on(vm) ? 30 + vm.vcpus * 6 : 0);

function creationDate(vm: DemoVm): string {
  const n = parseInt(vm.uuid.slice(0, 6), 16);
  const year = 2015 + (n % 9);
  const month = 1 + ((n >> 4) % 12);
  const day = 1 + ((n >> 8) % 28);
  return `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')} ${String(n % 24).padStart(2, '0')}:${String((n >> 3) % 60).padStart(2, '0')}:00`;
}

/** The tail every per-VM tab shares: annotation, custom attributes, location, OS, ids, vCenter. */
function vmTail(e: DemoEstate, vm: DemoVm): Cell[] {
  const vc = e.vcenters[vm.host.vcenter];
  return [
    vm.annotation, vm.application, vm.costCentre, vm.environment, vm.owner,
    vc.datacenter, vm.host.cluster, vm.host.name, `/${vc.datacenter}/vm/${vm.application.replace(/[^A-Za-z0-9]+/g, '-')}`,
    vm.os.config, on(vm) ? vm.os.tools : '', vm.vmId, `42${vm.uuid.slice(2)}`, vc.server, vc.uuid,
  ];
}
const TAIL_HEADERS = ['Annotation', ...CUSTOM_ATTRIBUTES, 'Datacenter', 'Cluster', 'Host', 'Folder',
  'OS according to the configuration file', 'OS according to the VMware Tools', 'VM ID', 'VM UUID', 'VI SDK Server', 'VI SDK UUID'];
const HEAD = ['VM', 'Powerstate', 'Template', 'SRM Placeholder'];
const head = (vm: DemoVm): Cell[] => [vm.name, vm.powerState, vm.template, false];

function vInfo(e: DemoEstate): Cell[][] {
  const header = [...HEAD, 'Config status', 'Connection state', 'Guest state', 'Heartbeat', 'Consolidation Needed',
    'Creation date', 'CPUs', 'Memory', 'NICs', 'Disks', 'Total disk capacity MiB', 'Primary IP Address', 'Network #1',
    'Resource pool', 'DAS protection', 'FT State', 'FT Role', 'Provisioned MiB', 'In Use MiB', 'Unshared MiB',
    'HA Restart Priority', 'Cluster rule(s)', 'Cluster rule name(s)', 'EFI Secure boot', 'Firmware', 'HW version',
    ...TAIL_HEADERS.slice(0, 6), 'Cluster', 'Host', 'OS according to the configuration file',
    'OS according to the VMware Tools', 'VM ID', 'VM UUID', 'VI SDK Server', 'VI SDK UUID'];
  const rows: Cell[][] = [header];
  e.vms.forEach((vm, i) => {
    const t = vmTail(e, vm);
    const disk = diskMib(vm);
    const used = usedDiskMib(vm) + (on(vm) ? mib(vm.memoryGib) : 0);
    rows.push([...head(vm), 'green', 'connected', on(vm) ? 'running' : 'notRunning', on(vm) ? 'green' : 'gray', false,
      creationDate(vm), vm.vcpus, mib(vm.memoryGib), vm.nics, vm.disks.length, disk,
      on(vm) ? `10.${vm.host.vcenter === 0 ? 20 : 40}.${Math.floor(i / 250)}.${(i % 250) + 2}` : '',
      vm.host.cluster.startsWith('DMZ') ? 'dmz-vlan210' : vm.host.cluster.startsWith('Dev') ? 'dev-vlan120' : 'prod-vlan100',
      `/${t[5]}/host/${vm.host.cluster}/Resources`, on(vm), vm.ftState, vm.ftState === 'running' ? 'primary' : '',
      disk + mib(vm.memoryGib), used, used,
      'medium', vm.drsRule ? 'Anti-Affinity' : '', vm.drsRule ?? '', vm.secureBoot, vm.firmware, vm.hwVersion,
      ...t.slice(0, 6), vm.host.cluster, vm.host.name, vm.os.config, on(vm) ? vm.os.tools : '', t[11], t[12], t[13], t[14]]);
  });
  return rows;
}

function vCpu(e: DemoEstate): Cell[][] {
  const rows: Cell[][] = [[...HEAD, 'CPUs', 'Sockets', 'Cores p/s', 'Max', 'Overall', 'Level', 'Shares', 'Reservation',
    'Entitlement', 'DRS Entitlement', 'Limit', 'Hot Add', 'Hot Remove', ...TAIL_HEADERS]];
  for (const vm of e.vms) {
    const overall = overallMhz(vm);
    rows.push([...head(vm), vm.vcpus, vm.vcpus / vm.coresPerSocket, vm.coresPerSocket, vm.vcpus * vm.host.spec.mhz,
      overall, 'normal', vm.vcpus * 1000, 0, overall, overall, -1, vm.vcpus >= 8, false, ...vmTail(e, vm)]);
  }
  return rows;
}

function vMemory(e: DemoEstate): Cell[][] {
  const rows: Cell[][] = [[...HEAD, 'Size MiB', 'Memory Reservation Locked To Max', 'Overhead', 'Max', 'Consumed',
    'Consumed Overhead', 'Private', 'Shared', 'Swapped', 'Ballooned', 'Active', 'Entitlement', 'DRS Entitlement', 'Level',
    'Shares', 'Reservation', 'Limit', 'Hot Add', ...TAIL_HEADERS]];
  for (const vm of e.vms) {
    const size = mib(vm.memoryGib);
    const consumed = consumedMib(vm);
    const sqlReservation = /^sql/.test(vm.name) && vm.environment === 'prod' ? size : 0;
    rows.push([...head(vm), size, sqlReservation > 0, overheadMib(vm), size, consumed, overheadMib(vm),
      Math.round(consumed * 0.9), Math.round(consumed * 0.1), 0, 0, activeMib(vm), consumed, consumed, 'normal',
      size * 10, sqlReservation, -1, vm.memoryGib >= 32, ...vmTail(e, vm)]);
  }
  return rows;
}

function vDisk(e: DemoEstate): Cell[][] {
  const rows: Cell[][] = [[...HEAD, 'Disk', 'Disk Key', 'Capacity MiB', 'Raw', 'Disk Mode', 'Sharing mode', 'Thin',
    'Eagerly Scrub', 'Controller', 'Label', 'SCSI Unit #', 'Unit #', 'Shared Bus', 'Raw LUN ID', 'Raw Comp. Mode', 'Path',
    ...TAIL_HEADERS]];
  for (const vm of e.vms) {
    vm.disks.forEach((d, i) => {
      rows.push([...head(vm), `Hard disk ${i + 1}`, 2000 + i, mib(d.capacityGib), !!d.raw,
        d.raw ? 'independent_persistent' : 'persistent', d.sharing ?? 'sharingNone', d.thin, !d.thin && !d.raw,
        'VMware paravirtual SCSI', `SCSI controller ${d.sharing ? 1 : 0}`, i, i, d.sharing ? 'physicalSharing' : 'noSharing',
        d.raw ? `naa.600a0980383030${vm.uuid.replace(/-/g, '').slice(0, 18)}` : '', d.raw ? 'physicalMode' : '',
        diskPath(vm, i, !!d.raw), ...vmTail(e, vm)]);
    });
  }
  return rows;
}

/** `[datastore] vm/vm.vmdk`, `vm/vm_1.vmdk` for the second disk; an RDM's mapping file is `vm_N-rdmp.vmdk`. */
function diskPath(vm: DemoVm, i: number, raw: boolean): string {
  return `[${vm.datastore}] ${vm.name}/${vm.name}${i > 0 ? `_${i}` : ''}${raw ? '-rdmp' : ''}.vmdk`;
}

function vSnapshot(e: DemoEstate): Cell[][] {
  const rows: Cell[][] = [['VM', 'Powerstate', 'Name', 'Description', 'Date / time', 'Filename', 'Size MiB (vmsn)',
    'Size MiB (total)', 'Quiesced', 'State', ...TAIL_HEADERS]];
  for (const vm of e.vms)
    vm.snapshots.forEach((snap, i) => {
      rows.push([vm.name, vm.powerState, snap.name, i === 0 ? 'taken before patching' : '', snap.date,
        `[${vm.datastore}] ${vm.name}/${vm.name}-Snapshot${i + 1}.vmsn`, on(vm) ? Math.round(mib(vm.memoryGib) / 8) : 0,
        snap.sizeMib, false, vm.powerState, ...vmTail(e, vm)]);
    });
  return rows;
}

function vUsb(e: DemoEstate): Cell[][] {
  const rows: Cell[][] = [[...HEAD, 'Device Node', 'Device Type', 'Connected', 'Family', 'Speed', 'EHCI enabled',
    'Auto connect', 'Bus number', 'Unit number', ...TAIL_HEADERS]];
  for (const vm of e.vms)
    vm.usbDevices.forEach((dev, i) => {
      rows.push([...head(vm), `USB ${i + 1}`, dev, true, 'hid', 'full', false, true, 1, i + 1, ...vmTail(e, vm)]);
    });
  return rows;
}

function hostUsage(h: DemoHost): { cpuPct: number; memPct: number; vcpus: number; vram: number } {
  const running = h.vms.filter(on);
  const mhz = running.reduce((s, v) => s + overallMhz(v), 0);
  const mem = running.reduce((s, v) => s + consumedMib(v) + overheadMib(v), 0);
  const cores = h.spec.sockets * h.spec.coresPerSocket;
  return {
    // + a little hypervisor overhead, as real hosts show
    cpuPct: Math.min(100, Math.round((mhz / (cores * h.spec.mhz)) * 100 + 2)),
    memPct: Math.min(100, Math.round((mem / mib(h.spec.memoryGib)) * 100 + 3)),
    vcpus: running.reduce((s, v) => s + v.vcpus, 0),
    vram: running.reduce((s, v) => s + mib(v.memoryGib), 0),
  };
}

function vHost(e: DemoEstate): Cell[][] {
  const rows: Cell[][] = [['Host', 'Datacenter', 'Cluster', 'Config status', 'in Maintenance Mode', 'CPU Model', 'Speed',
    'HT Available', 'HT Active', '# CPU', 'Cores per CPU', '# Cores', 'CPU usage %', '# Memory', 'Memory usage %', '# NICs',
    '# HBAs', '# VMs total', '# VMs', 'VMs per Core', '# vCPUs', 'vCPUs per Core', 'vRAM', 'Current EVC', 'Max EVC',
    'ESX Version', 'Vendor', 'Model', 'Serial number', 'VI SDK Server', 'VI SDK UUID']];
  for (const h of e.hosts) {
    const u = hostUsage(h);
    const cores = h.spec.sockets * h.spec.coresPerSocket;
    const vc = e.vcenters[h.vcenter];
    const running = h.vms.filter(on).length;
    rows.push([h.name, vc.datacenter, h.cluster, 'green', false, h.spec.cpuModel, h.spec.mhz, true, true, h.spec.sockets,
      h.spec.coresPerSocket, cores, u.cpuPct, mib(h.spec.memoryGib), u.memPct, 4, 2, h.vms.length, running,
      Math.round((running / cores) * 100) / 100, u.vcpus, Math.round((u.vcpus / cores) * 100) / 100, u.vram, h.spec.evc,
      h.spec.evc, h.spec.esx, h.spec.vendor, h.spec.model, `SN${h.name.slice(0, 7).replace(/[^a-z0-9]/g, '').toUpperCase()}${cores}`,
      vc.server, vc.uuid]);
  }
  return rows;
}

function vCluster(e: DemoEstate): Cell[][] {
  const rows: Cell[][] = [['Name', 'Config status', 'OverallStatus', 'NumHosts', 'numEffectiveHosts', 'TotalCpu',
    'NumCpuCores', 'NumCpuThreads', 'Effective Cpu', 'TotalMemory', 'Effective Memory', 'Num VMotions', 'HA enabled',
    'Failover Level', 'AdmissionControlEnabled', 'Host monitoring', 'Isolation Response', 'Restart Priority', 'VM Monitoring',
    'DRS enabled', 'DRS default VM behavior', 'DRS vmotion rate', 'DPM enabled', 'VI SDK Server', 'VI SDK UUID']];
  for (const name of e.clusters) {
    const hosts = e.hosts.filter((h) => h.cluster === name);
    const cores = hosts.reduce((s, h) => s + h.spec.sockets * h.spec.coresPerSocket, 0);
    const mhz = hosts.reduce((s, h) => s + h.spec.sockets * h.spec.coresPerSocket * h.spec.mhz, 0);
    const memBytes = hosts.reduce((s, h) => s + h.spec.memoryGib * 1024 ** 3, 0);
    const vc = e.vcenters[hosts[0].vcenter];
    const dev = name.startsWith('Dev');
    rows.push([name, 'green', 'green', hosts.length, hosts.length, mhz, cores, cores * 2, Math.round(mhz * 0.97), memBytes,
      Math.round((memBytes / 1024 ** 2) * 0.96), 1200 + cores, !dev, dev ? 0 : 1, !dev, 'enabled', 'powerOff', 'medium',
      'vmMonitoringDisabled', true, 'fullyAutomated', 3, false, vc.server, vc.uuid]);
  }
  return rows;
}

function vDatastore(e: DemoEstate): Cell[][] {
  const rows: Cell[][] = [['Name', 'Config status', 'Address', 'Accessible', 'Type', '# VMs total', '# VMs', 'Capacity MiB',
    'Provisioned MiB', 'In Use MiB', 'Free MiB', 'Free %', '# Hosts', 'Hosts', 'Cluster name', 'URL', 'Object ID',
    'VI SDK Server', 'VI SDK UUID']];
  for (const d of e.datastores) {
    const f = datastoreFigures(d);
    const vc = e.vcenters[d.vcenter];
    rows.push([d.name, 'green', d.address, true, d.type, d.vms.length, f.vmsOn, d.capacityMib, f.provisionedMib, f.inUseMib,
      f.freeMib, f.freePct, d.hosts.length, d.hosts.join(', '), d.cluster, d.url, d.objectId, vc.server, vc.uuid]);
  }
  return rows;
}

/** File name → content of the RVTools CSV export folder. */
const TABS: Record<string, (e: DemoEstate) => Cell[][]> = {
  vInfo, vCPU: vCpu, vMemory, vDisk, vHost, vCluster, vSnapshot, vUSB: vUsb, vDatastore,
};
export type RvtoolsTab = keyof typeof TABS;

/** File name → content of each tab asked for (default: every tab, in RVTools' order). */
export function rvtoolsCsvFiles(e: DemoEstate, tabs: readonly string[] = Object.keys(TABS)): Record<string, string> {
  return Object.fromEntries(tabs.map((t) => [`RVTools_tab${t}.csv`, csv(TABS[t](e))]));
}
