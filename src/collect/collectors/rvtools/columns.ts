import { ColumnSpec, ColumnSpecs, normHeader } from '../../read/headers';

/**
 * RVTools column names per tab, as the exports write them across versions:
 * - new (4.x) names with `MiB`, old (3.x) names with `MB` — the same numbers in MiB either way, so both map to one field;
 * - `VI SDK UUID` (new) vs `vCenter UUID` (old);
 * - `-DBColumnNames` exports: the tab name prefixed to a compact name (`vInfoVMName`, `vInfoCPUs`, `vHostNumCpu`).
 *   `withVariants` adds `<tab><alias>` and the MB spelling of every `MiB` alias, so the tables below list each name once.
 * Columns are always found by normalised name (`normHeader`), never by position.
 */

export type TabName =
  | 'vInfo'
  | 'vCPU'
  | 'vMemory'
  | 'vDisk'
  | 'vPartition'
  | 'vHost'
  | 'vCluster'
  | 'vDatastore'
  | 'vSnapshot'
  | 'vUSB'
  | 'vTools'
  | 'vNetwork'
  | 'vLicense'
  | 'vHealth';

export const TABS: readonly TabName[] = [
  'vInfo',
  'vCPU',
  'vMemory',
  'vDisk',
  'vPartition',
  'vHost',
  'vCluster',
  'vDatastore',
  'vSnapshot',
  'vUSB',
  'vTools',
  'vNetwork',
  'vLicense',
  'vHealth',
];

/** The tab a sheet name (or `RVTools_tab<name>.csv` part) stands for, case-insensitively. */
export function tabOf(sheetName: string): TabName | undefined {
  const n = sheetName.trim().toLowerCase();
  return TABS.find((t) => t.toLowerCase() === n);
}

/**
 * The tab a sheet name stands for when RVTools' tabs were renamed on the way (`Consolidated_vInfo`, `Site A - vHost`,
 * `vInfo (2)`): the tab name as the last word, or followed only by a copy number. Used only when the user forces
 * `--format rvtools-xlsx`, and only where no sheet has the exact name.
 */
export function looseTabOf(sheetName: string): TabName | undefined {
  const exact = tabOf(sheetName);
  if (exact) return exact;
  const n = sheetName.trim().toLowerCase().replace(/\s*\(\d+\)$/, '');
  return TABS.find((t) => new RegExp(`(^|[^a-z])${t.toLowerCase()}$`).test(n));
}

/** Sheet → tab for a workbook: exact names, else (loose) renamed tabs; a tab two sheets claim loosely is left to neither. */
export function tabResolver(sheets: readonly string[], loose: boolean): (sheet: string) => TabName | undefined {
  if (!loose) return tabOf;
  const exact = new Set(sheets.map(tabOf).filter((t) => t !== undefined));
  const claims = new Map<TabName, string[]>();
  for (const s of sheets) {
    const t = tabOf(s) ? undefined : looseTabOf(s);
    if (t && !exact.has(t)) claims.set(t, [...(claims.get(t) ?? []), s]);
  }
  const map = new Map<string, TabName>();
  for (const [t, ss] of claims) if (ss.length === 1) map.set(ss[0], t);
  return (sheet) => tabOf(sheet) ?? map.get(sheet);
}

function withVariants(tab: TabName, aliases: string[]): ColumnSpec {
  const out: string[] = [];
  const add = (a: string) => {
    if (!out.includes(a)) out.push(a);
  };
  for (const a of aliases) {
    add(a);
    if (/MiB$/.test(a)) add(a.replace(/MiB$/, 'MB'));
    if (/KiB$/.test(a)) add(a.replace(/KiB$/, 'KB'));
  }
  for (const a of [...out]) add(tab + a.replace(/\s+/g, ''));
  return { aliases: out };
}

function specs<K extends string>(tab: TabName, table: Record<K, string[]>): ColumnSpecs<K> {
  const out = {} as ColumnSpecs<K>;
  for (const k of Object.keys(table) as K[]) out[k] = withVariants(tab, table[k]);
  return out;
}

/** Identity columns every per-VM tab may carry; the join uses them (see join.ts). */
const VM_KEYS = {
  vm: ['VM', 'VMName', 'VM Name'],
  vmId: ['VM ID', 'VMID', 'VM MoRef', 'MoRef'],
  vmUuid: ['VM UUID', 'UUID', 'SMBIOS UUID'],
  vcUuid: ['VI SDK UUID', 'vCenter UUID', 'VISDKUUID'],
  vcServer: ['VI SDK Server', 'vCenter Server', 'VISDKServer'],
};

/** Where vCPU and vMemory repeat vInfo's context columns; used only to complete a vInfo row that lacks them. */
const VM_CONTEXT = {
  datacenter: ['Datacenter'],
  cluster: ['Cluster'],
  osConfig: ['OS according to the configuration file'],
  osTools: ['OS according to the VMware Tools'],
};

export const VINFO = specs('vInfo', {
  ...VM_KEYS,
  power: ['Powerstate', 'Power state'],
  template: ['Template'],
  srm: ['SRM Placeholder'],
  cpus: ['CPUs', 'Num CPU'],
  memory: ['Memory', 'Memory MiB', 'Memory Size MiB'],
  nics: ['NICs', 'Num NICs'],
  disks: ['Disks', 'NumVirtualDisks', 'Num Disks'],
  provisioned: ['Provisioned MiB', 'Provisioned'],
  inUse: ['In Use MiB', 'InUse'],
  totalDisk: ['Total disk capacity MiB', 'TotalDiskCapacityMiB'],
  activeMemory: ['Active Memory', 'ActiveMemory'],
  cpuUsagePct: ['CPU Usage %', 'CPU usage pct', 'CPU Utilization %'],
  memUsagePct: ['Memory Usage %', 'Memory usage pct', 'Memory Utilization %'],
  // `Cluster rule(s)` holds each rule's TYPE, `Cluster rule name(s)` its name, item by item (drs.ts pairs them).
  drsRules: ['Cluster rule name(s)', 'Cluster rule names', 'ClusterRuleNames', 'Cluster rule(s) name'],
  drsRuleTypes: ['Cluster rule(s)', 'Cluster rules', 'ClusterRules'],
  folder: ['Folder'],
  resourcePool: ['Resource pool', 'Resourcepool'],
  vApp: ['vApp'],
  ftState: ['FT State', 'FTState'],
  firmware: ['Firmware'],
  secureBoot: ['EFI Secure boot', 'Secure Boot', 'EFISecureBoot'],
  vtpm: ['vTPM', 'TPM'],
  hwVersion: ['HW version', 'HWVersion', 'VM Version'],
  createdOn: ['Creation date', 'CreateDate', 'Creation Date'],
  poweredOnOn: ['PowerOn', 'Power On', 'PowerOn date'],
  annotation: ['Annotation'],
  datacenter: ['Datacenter', 'Data center'],
  cluster: ['Cluster'],
  host: ['Host'],
  osConfig: ['OS according to the configuration file', 'OS', 'OS Config'],
  osTools: ['OS according to the VMware Tools', 'OSTools', 'OS according to VMware Tools'],
});

export const VCPU = specs('vCPU', {
  ...VM_KEYS,
  cpus: ['CPUs'],
  sockets: ['Sockets'],
  coresPerSocket: ['Cores p/s', 'Cores per socket', 'CoresPerSocket'],
  max: ['Max'],
  overall: ['Overall'],
  reservation: ['Reservation'],
  hotAdd: ['Hot Add', 'HotAdd'],
  ...VM_CONTEXT,
});

export const VMEMORY = specs('vMemory', {
  ...VM_KEYS,
  size: ['Size MiB', 'SizeMiB', 'Memory'],
  consumed: ['Consumed'],
  active: ['Active'],
  reservation: ['Reservation'],
  hotAdd: ['Hot Add', 'HotAdd'],
  ...VM_CONTEXT,
});

export const VDISK = specs('vDisk', {
  ...VM_KEYS,
  disk: ['Disk', 'Label'],
  diskKey: ['Disk Key', 'DiskKey'],
  capacity: ['Capacity MiB', 'CapacityMiB'],
  raw: ['Raw'],
  rawMode: ['Raw Comp. Mode', 'Raw Comp Mode', 'RawCompMode'],
  mode: ['Disk Mode', 'DiskMode'],
  sharing: ['Sharing mode', 'SharingMode'],
  thin: ['Thin'],
  // The disk file, `[datastore] folder/file.vmdk`: `Path` in older exports, `Disk Path` in 4.x (which also has a `Path`).
  diskPath: ['Disk Path', 'DiskPath', 'Filename'],
  path: ['Path'],
});

export const VPARTITION = specs('vPartition', {
  ...VM_KEYS,
  disk: ['Disk'],
  diskKey: ['Disk Key', 'DiskKey'],
  capacity: ['Capacity MiB', 'CapacityMiB'],
  consumed: ['Consumed MiB', 'ConsumedMiB'],
});

export const VSNAPSHOT = specs('vSnapshot', {
  ...VM_KEYS,
  name: ['Name', 'Snapshot'],
  takenOn: ['Date / time', 'Date/time', 'Date time', 'Date', 'Created'],
  // the snapshot's files in all (`Size MiB (vmsn)` is only its memory state file)
  sizeMib: ['Size MiB (total)', 'Size MB (total)', 'Size total MiB', 'SizeMiBTotal'],
});
export const VUSB = specs('vUSB', { ...VM_KEYS, node: ['Device Node', 'DeviceNode'], type: ['Device Type', 'DeviceType'] });
export const VNETWORK = specs('vNetwork', {
  ...VM_KEYS,
  network: ['Network', 'Port Group', 'Portgroup', 'Network Name'],
  switch: ['Switch', 'Virtual Switch', 'vSwitch', 'dvSwitch'],
  vlan: ['VLAN', 'VLAN ID', 'VlanId'],
  adapter: ['Adapter', 'Adapter type'],
  connected: ['Connected'],
});
export const VTOOLS = specs('vTools', { ...VM_KEYS, tools: ['Tools', 'Tools Status', 'ToolsStatus'] });

/**
 * vLicense: one row per licence key of the vCenter (vSphere API LicenseManagerLicenseInfo: name, licenseKey, costUnit,
 * total, used, plus the expiration and the feature list RVTools adds); RVTools 4.x writes Name, Key, Labels,
 * Cost Unit, Total, Used, Expiration Date, Features, VI SDK Server, VI SDK UUID.
 */
export const VLICENSE = specs('vLicense', {
  name: ['Name', 'License', 'Product', 'Product Name', 'License Name'],
  key: ['Key', 'License Key', 'LicenseKey'],
  costUnit: ['Cost Unit', 'CostUnit', 'Unit'],
  total: ['Total'],
  used: ['Used'],
  expiration: ['Expiration Date', 'ExpirationDate', 'Expiration', 'Expires'],
  features: ['Features'],
  vcUuid: VM_KEYS.vcUuid,
  vcServer: VM_KEYS.vcServer,
});

/** vHealth: RVTools' own checks, one row per finding: Name (a VM, host, datastore path), Message, Message type. */
export const VHEALTH = specs('vHealth', {
  name: ['Name', 'Object', 'Object Name', 'Entity'],
  message: ['Message'],
  kind: ['Message type', 'MessageType', 'Type', 'Status'],
  vcUuid: VM_KEYS.vcUuid,
  vcServer: VM_KEYS.vcServer,
});

export const VHOST = specs('vHost', {
  host: ['Host', 'Name', 'Host Name'],
  datacenter: ['Datacenter'],
  cluster: ['Cluster'],
  cpuModel: ['CPU Model', 'CpuModel'],
  speed: ['Speed', 'CpuMhz', 'Speed MHz'],
  htActive: ['HT Active', 'HTActive'],
  sockets: ['# CPU', 'NumCpu', 'CPUs'],
  coresPerCpu: ['Cores per CPU', 'CoresPerCPU'],
  cores: ['# Cores', 'NumCpuCores', 'Cores'],
  cpuUsagePct: ['CPU usage %', 'OverallCpuUsage', 'CPU usage'],
  memory: ['# Memory', 'MemorySize', 'Memory', 'Memory MiB'],
  memUsagePct: ['Memory usage %', 'OverallMemoryUsage', 'Memory usage'],
  vms: ['# VMs', 'VMs', 'NumVMs'],
  vcpus: ['# vCPUs', 'vCPUs'],
  maxEvc: ['Max EVC', 'MaxEVC'],
  esxVersion: ['ESX Version', 'ESXVersion', 'Version'],
  vendor: ['Vendor'],
  model: ['Model'],
  vcUuid: VM_KEYS.vcUuid,
  vcServer: VM_KEYS.vcServer,
});

export const VCLUSTER = specs('vCluster', {
  name: ['Name', 'Cluster', 'Cluster Name'],
  datacenter: ['Datacenter'],
  numHosts: ['NumHosts', '# Hosts', 'Num Hosts'],
  totalCpu: ['TotalCpu', 'Total Cpu'],
  cores: ['NumCpuCores', '# Cores', 'Num Cpu Cores'],
  totalMemory: ['TotalMemory', 'Total Memory'],
  haEnabled: ['HA enabled', 'HAEnabled'],
  failoverLevel: ['Failover Level', 'FailoverLevel'],
  admissionControl: ['AdmissionControlEnabled', 'Admission Control Enabled'],
  drsEnabled: ['DRS enabled', 'DRSEnabled'],
  drsAutomation: ['DRS default VM behavior', 'DRS default VM behaviour', 'DrsDefaultVmBehavior', 'DRS automation level'],
  vmotions: ['Num VMotions', 'NumVmotions', '# VMotions', 'VMotions'],
  vcUuid: VM_KEYS.vcUuid,
  vcServer: VM_KEYS.vcServer,
});

export const VDATASTORE = specs('vDatastore', {
  name: ['Name', 'Datastore', 'Datastore Name'],
  datacenter: ['Datacenter'],
  accessible: ['Accessible'],
  type: ['Type'],
  // `# VMs total` counts every VM with files on the datastore; `# VMs` (older exports: the only one) is used without it.
  vmsTotal: ['# VMs total', 'NumVMsTotal', 'VMs total'],
  vms: ['# VMs', 'NumVMs', 'VMs'],
  capacity: ['Capacity MiB', 'Capacity'],
  provisioned: ['Provisioned MiB', 'Provisioned'],
  inUse: ['In Use MiB', 'InUse', 'In Use'],
  free: ['Free MiB', 'Free', 'FreeSpace MiB'],
  hosts: ['# Hosts', 'NumHosts', 'Num Hosts'],
  hostNames: ['Hosts'],
  cluster: ['Cluster name', 'ClusterName', 'Cluster'],
  url: ['URL'],
  vcUuid: VM_KEYS.vcUuid,
  vcServer: VM_KEYS.vcServer,
});

/**
 * Standard vInfo columns dcplan does not use. Any other column without a spec is a custom attribute and becomes a
 * label (RVTools inserts custom attributes between `Annotation` and `Datacenter`).
 */
const VINFO_STANDARD = [
  'Config status', 'DNS Name', 'Connection state', 'Guest state', 'Heartbeat', 'Consolidation Needed',
  'Suspended To Memory', 'Suspend time', 'Suspend Interval', 'Change Version', 'Overall Cpu Readiness',
  'Latency Sensitivity', 'Op Notification Timeout', 'EnableUUID', 'disk.EnableUUID', 'CBT', 'Primary IP Address',
  'Num Monitors', 'Video Ram KiB', 'Video Ram KB', 'Resource pool', 'Folder ID', 'Folder', 'vApp', 'DAS protection',
  'FT Role', 'FT Latency', 'FT Bandwidth', 'FT Sec. Latency', 'Vm Failover In Progress', 'Unshared MiB', 'Unshared MB',
  'HA Restart Priority', 'HA Isolation Response', 'HA VM Monitoring', 'Cluster rule(s)', 'Boot Required', 'Boot delay',
  'Boot retry delay', 'Boot retry enabled', 'Boot BIOS setup', 'Reboot PowerOff', 'HW upgrade status',
  'HW upgrade policy', 'HW target', 'Path', 'Log directory', 'Snapshot directory', 'Suspend directory',
  'Customization Info', 'Guest Detailed Data', 'VI SDK Server type', 'VI SDK API Version', 'Fixed Passthru HotPlug',
  'min Required EVC Mode Key', 'Tools', 'Tools Version', 'SMBIOS UUID', 'Instance UUID', 'Cluster rule(s) name',
  'Guest Hostname', 'GuestHostName', 'Resourcepool', 'Network', 'Latency', 'Sockets', 'Cores p/s',
];

const VINFO_STANDARD_NORM = new Set(
  VINFO_STANDARD.flatMap((h) => [normHeader(h), normHeader('vInfo' + h)]),
);

/** True for standard RVTools vInfo columns (used or not), false for custom attributes. */
export function isStandardVInfoColumn(header: string): boolean {
  const n = normHeader(header);
  if (VINFO_STANDARD_NORM.has(n)) return true;
  // "Network #1".."Network #8", "vInfoNetwork1".
  return /^(vinfo)?networknum\d+$|^(vinfo)?network\d+$/.test(n);
}
