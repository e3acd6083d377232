/** The parts of an OVF descriptor dcplan reads (DSP0243 0.9, 1.x, 2.x), namespace-free. */

export type OvfVersion = '0.9' | '1.x' | '2.x';

export interface OvfFile {
  id: string;
  href: string;
  size?: number;
  compression?: string;
  chunkSize?: number;
  line: number;
}

export interface OvfDisk {
  diskId: string;
  fileRef?: string;
  /** As written (a number, or a `${property}` reference). */
  capacity: string;
  capacityUnits?: string;
  /** Resolved capacity in bytes, when the capacity and its unit could be read. */
  capacityBytes?: number;
  populatedBytes?: number;
  format?: string;
  line: number;
}

export interface OvfOption {
  id: string;
  label?: string;
  description?: string;
  default: boolean;
  line: number;
}

export interface OvfItem {
  /** `Item`, `StorageItem` or `EthernetPortItem` (OVF 2.x). */
  element: string;
  instanceId?: string;
  resourceType?: number;
  resourceSubType?: string;
  quantity?: number;
  /** VirtualQuantityUnits when given (CIM 2.x), else AllocationUnits. */
  units?: string;
  hostResource: string[];
  connection: string[];
  name?: string;
  parent?: string;
  /** `ovf:configuration`: the deployment options this item applies to; absent = all. */
  configurations?: string[];
  /** `ovf:bound`: min / max items describe ranges, not the deployed value. */
  bound?: string;
  required: boolean;
  coresPerSocket?: number;
  line: number;
}

export interface OvfProduct {
  product?: string;
  vendor?: string;
  version?: string;
  fullVersion?: string;
  productUrl?: string;
  vendorUrl?: string;
  /** Property defaults by key (`${key}` references in disk capacities resolve to these). */
  properties: Record<string, string>;
}

export interface OvfSystem {
  id: string;
  name: string;
  /** Ids of the VirtualSystemCollections around it, outermost first. */
  collections: string[];
  /** `VirtualSystemType` tokens of every VirtualHardwareSection (e.g. vmx-13, virtualbox-2.2). */
  hardwareFamilies: string[];
  /** Items of the first VirtualHardwareSection (the one dcplan sizes). */
  items: OvfItem[];
  hardwareSections: number;
  os?: { id?: number; description?: string; version?: string; vmwOsType?: string; line: number };
  products: OvfProduct[];
  firmware?: 'bios' | 'efi';
  secureBoot?: boolean;
  vtpm?: boolean;
  line: number;
}

export interface OvfCollection {
  id: string;
  name: string;
  /** VirtualSystem ids inside it, nested collections flattened. */
  members: string[];
  products: OvfProduct[];
  line: number;
}

export interface OvfDescriptor {
  version: OvfVersion;
  namespace: string;
  files: OvfFile[];
  disks: OvfDisk[];
  networks: string[];
  options: OvfOption[];
  systems: OvfSystem[];
  collections: OvfCollection[];
  /** Top-level section and element names seen (for the required-section checks). */
  sections: string[];
}
