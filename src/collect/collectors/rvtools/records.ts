import type { TabName } from './columns';

/**
 * Compact per-tab records: what dcplan keeps of each RVTools row before the tabs are joined per VM.
 * Sizes are in MiB as RVTools writes them (old `MB` headers hold MiB too), clocks in MHz.
 */

/** Identity of the VM a row belongs to; the join (join.ts) tries VM ID, then VM UUID, then the name. */
export interface VmKeys {
  name?: string;
  vmId?: string;
  vmUuid?: string;
  vcUuid?: string;
  vcServer?: string;
}

export interface Where {
  file: string;
  sheet?: string;
}

/** Context columns vCPU and vMemory repeat from vInfo. */
export interface VmContext {
  datacenter?: string;
  cluster?: string;
  osConfig?: string;
  osTools?: string;
}

export interface VInfoRow extends VmKeys {
  row: number;
  name: string;
  power?: string;
  template?: boolean;
  srm?: boolean;
  cpus?: number;
  memoryMib?: number;
  nics?: number;
  disks?: number;
  provisionedMib?: number;
  inUseMib?: number;
  totalDiskMib?: number;
  activeMemoryMib?: number;
  cpuUsagePct?: number;
  memUsagePct?: number;
  drsRules: string[];
  /** `Cluster rule(s)` as written (the rule types, aligned with `drsRules`); undefined when empty. */
  drsRuleTypes?: string;
  /** `Cluster rule name(s)` as written (drsRules is its naive split). */
  drsRuleNames?: string;
  folder?: string;
  resourcePool?: string;
  vApp?: string;
  ftState?: string;
  firmware?: string;
  secureBoot?: boolean;
  vtpm?: boolean;
  hwVersion?: string;
  /** `Creation date` / `PowerOn` as calendar days (yyyy-mm-dd). */
  createdOn?: string;
  poweredOnOn?: string;
  annotation?: string;
  datacenter?: string;
  cluster?: string;
  host?: string;
  osConfig?: string;
  osTools?: string;
  labels: Record<string, string>;
}

export interface VCpuRow extends VmKeys, VmContext {
  row: number;
  cpus?: number;
  sockets?: number;
  coresPerSocket?: number;
  maxMhz?: number;
  overallMhz?: number;
  reservationMhz?: number;
  hotAdd?: boolean;
}

export interface VMemoryRow extends VmKeys, VmContext {
  row: number;
  sizeMib?: number;
  consumedMib?: number;
  activeMib?: number;
  reservationMib?: number;
  hotAdd?: boolean;
}

export interface VDiskRow extends VmKeys {
  row: number;
  disk?: string;
  diskKey?: string;
  capacityMib?: number;
  raw?: boolean;
  rawMode?: string;
  mode?: string;
  sharing?: string;
  thin?: boolean;
  /** From the disk's path `[datastore] folder/file.vmdk`, when vDisk has a path column. */
  datastore?: string;
}

export interface VPartitionRow extends VmKeys {
  row: number;
  disk?: string;
  diskKey?: string;
  capacityMib?: number;
  consumedMib?: number;
}

export interface VSnapshotRow extends VmKeys {
  row: number;
  snapshot?: string;
  /** yyyy-mm-dd */
  takenOn?: string;
  sizeMib?: number;
}

export interface VUsbRow extends VmKeys {
  row: number;
  node?: string;
  type?: string;
}

export interface VToolsRow extends VmKeys {
  row: number;
  tools?: string;
}

export interface VNetworkRow extends VmKeys {
  row: number;
  network?: string;
  switch?: string;
  vlan?: string;
  adapter?: string;
  connected?: boolean;
}

export interface VHostRow {
  row: number;
  host: string;
  datacenter?: string;
  cluster?: string;
  cpuModel?: string;
  speedMhz?: number;
  htActive?: boolean;
  sockets?: number;
  coresPerCpu?: number;
  cores?: number;
  cpuUsagePct?: number;
  memoryMib?: number;
  memUsagePct?: number;
  vms?: number;
  vcpus?: number;
  maxEvc?: string;
  esxVersion?: string;
  vendor?: string;
  model?: string;
  vcUuid?: string;
  vcServer?: string;
}

export interface VClusterRow {
  row: number;
  name: string;
  datacenter?: string;
  numHosts?: number;
  totalCpuMhz?: number;
  cores?: number;
  totalMemory?: number;
  haEnabled?: boolean;
  failoverLevel?: number;
  admissionControl?: boolean;
  drsEnabled?: boolean;
  drsAutomation?: string;
  vmotions?: number;
  vcUuid?: string;
  vcServer?: string;
}

export interface VDatastoreRow {
  row: number;
  name: string;
  datacenter?: string;
  accessible?: boolean;
  type?: string;
  vms?: number;
  capacityMib?: number;
  provisionedMib?: number;
  inUseMib?: number;
  freeMib?: number;
  hosts?: number;
  /** `Hosts`: the names of the hosts that mount it, comma-separated as written. */
  hostNames?: string;
  cluster?: string;
  url?: string;
  vcUuid?: string;
  vcServer?: string;
}

export interface VLicenseRow {
  row: number;
  name: string;
  /** The key already masked (never kept whole, see baseline-tabs.ts). */
  keyMasked?: string;
  costUnit?: string;
  total?: number;
  used?: number;
  expiration?: string;
  /** The expiration as a calendar day, when it is a date. */
  expires?: string;
  features?: string;
  vcUuid?: string;
  vcServer?: string;
}

export interface VHealthRow {
  row: number;
  name: string;
  message: string;
  kind?: string;
  vcUuid?: string;
  vcServer?: string;
}

/** Everything read from one RVTools export (one workbook, or one folder of per-tab CSV files). */
export interface TabData {
  /** Where each tab present came from (a sheet of the workbook, or its own CSV file). */
  where: Partial<Record<TabName, Where>>;
  /** Data rows seen per tab (empty formatted rows not counted). */
  rows: Partial<Record<TabName, number>>;
  /** Empty formatted rows ignored per tab. */
  emptyRows: Partial<Record<TabName, number>>;
  vInfo: VInfoRow[];
  vCPU: VCpuRow[];
  vMemory: VMemoryRow[];
  vDisk: VDiskRow[];
  vPartition: VPartitionRow[];
  vHost: VHostRow[];
  vCluster: VClusterRow[];
  vDatastore: VDatastoreRow[];
  vSnapshot: VSnapshotRow[];
  vUSB: VUsbRow[];
  vTools: VToolsRow[];
  vNetwork: VNetworkRow[];
  vLicense: VLicenseRow[];
  vHealth: VHealthRow[];
}


export function emptyTabData(): TabData {
  return {
    where: {},
    rows: {},
    emptyRows: {},
    vInfo: [],
    vCPU: [],
    vMemory: [],
    vDisk: [],
    vPartition: [],
    vHost: [],
    vCluster: [],
    vDatastore: [],
    vSnapshot: [],
    vUSB: [],
    vTools: [],
    vNetwork: [],
    vLicense: [],
    vHealth: [],
  };
}
