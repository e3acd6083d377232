/** Plain-data model of the generated demo estate, before it is written in any file format. */

export interface VCenter {
  server: string;
  uuid: string;
  datacenter: string;
}

export interface HostSpec {
  vendor: string;
  model: string;
  cpuModel: string;
  /** CPU clock, MHz as RVTools reports it. */
  mhz: number;
  sockets: number;
  coresPerSocket: number;
  memoryGib: number;
  esx: string;
  evc: string;
}

export interface DemoHost {
  name: string;
  cluster: string;
  /** Index into DemoEstate.vcenters. */
  vcenter: number;
  spec: HostSpec;
  vms: DemoVm[];
}

export interface DemoOs {
  /** `OS according to the configuration file` */
  config: string;
  /** `OS according to the VMware Tools` (empty when Tools are not running) */
  tools: string;
}

export interface DemoDisk {
  capacityGib: number;
  thin: boolean;
  raw?: boolean;
  sharing?: 'sharingNone' | 'sharingMultiWriter';
}

export interface DemoVm {
  name: string;
  vmId: string;
  uuid: string;
  host: DemoHost;
  powerState: 'poweredOn' | 'poweredOff';
  template: boolean;
  idle: boolean;
  zombie: boolean;
  vcpus: number;
  coresPerSocket: number;
  memoryGib: number;
  /** CPU use as a share of the VM's vCPUs × host clock, percent (RVTools vCPU `Overall` is derived from it). */
  cpuPct: number;
  memActivePct: number;
  memConsumedPct: number;
  disks: DemoDisk[];
  /** Share of provisioned disk in use, 0-1. */
  usedPct: number;
  nics: number;
  os: DemoOs;
  firmware: 'bios' | 'efi';
  secureBoot: boolean;
  hwVersion: string;
  application: string;
  environment: string;
  owner: string;
  costCentre: string;
  drsRule?: string;
  ftState: string;
  /** Snapshots left on the VM (RVTools vSnapshot rows). */
  snapshots: { name: string; date: string; sizeMib: number }[];
  /** USB devices passed through to the VM (RVTools vUSB rows), e.g. a licence dongle. */
  usbDevices: string[];
  annotation: string;
  /** The datastore holding the VM's files (every disk, swap and snapshots); set once the datastores are built. */
  datastore?: string;
}

export interface DemoPhysical {
  name: string;
  vcpus: number;
  memoryGib: number;
  storageGib: number;
  storageUsedGib: number;
  cpuGhz: number;
  cpuAvg: number;
  cpuP95: number;
  memAvg: number;
  memP95: number;
  iops: number;
  networkMbps: number;
  os: string;
  environment: string;
  application: string;
  datacenter: string;
  powerState: 'on' | 'off';
  tags: string[];
}

/** An existing datastore (RVTools vDatastore row); sizes in MiB as RVTools writes them. */
export interface DemoDatastore {
  name: string;
  type: 'VMFS' | 'NFS';
  /** Index into DemoEstate.vcenters. */
  vcenter: number;
  /** Datastore cluster (storage DRS pod), '' when none. */
  cluster: string;
  /** Names of the hosts that mount it. */
  hosts: string[];
  /** VMs with files on it. */
  vms: DemoVm[];
  capacityMib: number;
  objectId: string;
  url: string;
  /** NFS server and export; '' for VMFS. */
  address: string;
}

export interface DemoEstate {
  seed: number;
  vcenters: VCenter[];
  clusters: string[];
  hosts: DemoHost[];
  vms: DemoVm[];
  physical: DemoPhysical[];
  datastores: DemoDatastore[];
}
