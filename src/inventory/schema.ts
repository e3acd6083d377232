import { z } from 'zod';

/**
 * The canonical inventory (`inventory.json`). Every later stage reads only this.
 * Units are canonical and carried in field names: MHz, MiB, GiB, Mbps, IOPS, percent (0-100).
 * Bump INVENTORY_SCHEMA on any incompatible change; `schemas/inventory.schema.json` is generated from this file.
 */
export const INVENTORY_SCHEMA = 'dcplan.inventory/v1';

export const ProvenanceSchema = z.strictObject({
  file: z.string(),
  sheet: z.string().optional(),
  /** 1-based row as a user sees it in Excel or a text editor (header = row 1). */
  row: z.number().int().optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const ProblemSchema = z.strictObject({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  file: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  hint: z.string().optional(),
});

/** Where a utilisation figure came from: one point-in-time reading, an average, a maximum, a percentile, or a full series. */
export const UtilBasisSchema = z.enum(['snapshot', 'avg', 'max', 'percentile', 'series']);
export type UtilBasis = z.infer<typeof UtilBasisSchema>;

/** A 24-slot (hourly) or 168-slot (weekly, Monday 00:00 first) demand shape, each slot the chosen percentile of that slot. */
export const ShapeSchema = z.strictObject({
  granularity: z.enum(['hourly', 'weekly']),
  percentile: z.number(),
  values: z.array(z.number()),
});
export type Shape = z.infer<typeof ShapeSchema>;

/**
 * Utilisation of one metric. `unit` says what the numbers are: `pct` = percent of the workload's allocation
 * (CPU % of its vCPUs, memory % of its memory), otherwise absolute (MHz, MiB, IOPS, Mbps).
 */
export const MetricUtilSchema = z.strictObject({
  unit: z.enum(['pct', 'MHz', 'MiB', 'IOPS', 'Mbps']),
  basis: UtilBasisSchema,
  avg: z.number().optional(),
  peak: z.number().optional(),
  p50: z.number().optional(),
  p90: z.number().optional(),
  p95: z.number().optional(),
  p99: z.number().optional(),
  /** Number of samples behind the figures (1 for a snapshot). */
  samples: z.number().int().optional(),
  /** Share of expected samples present, 0-1 (series only). */
  coverage: z.number().optional(),
  /** Window the figures cover, ISO timestamps (series only). */
  from: z.string().optional(),
  to: z.string().optional(),
  shape: ShapeSchema.optional(),
  /** Source file(s) of the figures. */
  source: z.string().optional(),
});
export type MetricUtil = z.infer<typeof MetricUtilSchema>;

/**
 * `memory` is the memory a VM holds today: RVTools vMemory `Consumed`, a monitoring tool's "memory used" (the figure
 * capacity tools size on). `memoryActive` is vSphere's estimate of the recently touched pages (vMemory `Active`, vInfo
 * `Active Memory`): a sampled working set, far below what the guest holds, used only when `policy.memoryBasis: active`.
 */
export const UtilizationSchema = z.strictObject({
  cpu: MetricUtilSchema.optional(),
  memory: MetricUtilSchema.optional(),
  memoryActive: MetricUtilSchema.optional(),
  diskIops: MetricUtilSchema.optional(),
  networkMbps: MetricUtilSchema.optional(),
  /** Confidence 1-5 in the utilisation data (Azure Migrate-style star rating by share of expected samples). */
  confidence: z.number().int().min(1).max(5).optional(),
});
export type Utilization = z.infer<typeof UtilizationSchema>;
/** The utilisation metrics a workload can carry (the keys of `Utilization` holding a `MetricUtil`). */
export type MetricKey = 'cpu' | 'memory' | 'diskIops' | 'networkMbps';
export const METRIC_KEYS: readonly MetricKey[] = ['cpu', 'memory', 'diskIops', 'networkMbps'];

export const DiskSchema = z.strictObject({
  label: z.string(),
  capacityGib: z.number(),
  usedGib: z.number().optional(),
  thin: z.boolean().optional(),
  /** Raw device mapping (physical or virtual compatibility). */
  raw: z.boolean().optional(),
  /** e.g. `sharingNone`, `sharingMultiWriter`. */
  sharing: z.string().optional(),
  mode: z.string().optional(),
  /** Name of the datastore holding the disk file (RVTools vDisk path `[ds-name] folder/file.vmdk`), when known. */
  datastore: z.string().optional(),
});
export type Disk = z.infer<typeof DiskSchema>;

export const OsFamilySchema = z.enum(['windows', 'linux', 'unix', 'other', 'unknown']);
export type OsFamily = z.infer<typeof OsFamilySchema>;

export const WorkloadFlagSchema = z.enum([
  'template',
  'srm-placeholder',
  'powered-off',
  'missing-utilization',
  'idle',
  'zombie',
]);
export type WorkloadFlag = z.infer<typeof WorkloadFlagSchema>;

/** One deployment option of an appliance, with what it deploys (so scenarios can compare the sizes). */
export const ApplianceOptionSchema = z.strictObject({
  id: z.string(),
  label: z.string().optional(),
  default: z.boolean(),
  vcpus: z.number(),
  memoryMib: z.number(),
  diskGib: z.number(),
  nics: z.number().int(),
});
export type ApplianceOption = z.infer<typeof ApplianceOptionSchema>;

/**
 * A virtual appliance (workload kind `appliance`): one VirtualSystem of an OVF / OVA package. Its vCPUs, memory and
 * disks are those of the chosen deployment option; `options` lists every option's size.
 */
export const ApplianceSchema = z.strictObject({
  /** The package as given: an .ova, a folder, or a lone .ovf descriptor. */
  package: z.string(),
  packageKind: z.enum(['ova', 'folder', 'descriptor']),
  ovfVersion: z.enum(['0.9', '1.x', '2.x']),
  /** The VirtualSystem's ovf:id. */
  virtualSystem: z.string(),
  product: z.string().optional(),
  vendor: z.string().optional(),
  version: z.string().optional(),
  /** VirtualSystemType tokens of its hardware sections (e.g. vmx-13, virtualbox-2.2). */
  hardwareFamily: z.array(z.string()),
  /** Disk formats (vmdk-streamOptimized, vhd, qcow2, raw, ...). */
  diskFormats: z.array(z.string()),
  networks: z.array(z.string()),
  /** The VirtualSystemCollection (vApp) it belongs to: its members are planned together. */
  group: z.strictObject({ id: z.string(), name: z.string(), members: z.number().int() }).optional(),
  /** The deployment option sized, and who chose it. */
  option: z.string().optional(),
  optionChosenBy: z.enum(['default', 'first', 'flag', 'config']).optional(),
  options: z.array(ApplianceOptionSchema),
  validation: z.strictObject({
    status: z.enum(['valid', 'findings', 'invalid']),
    errors: z.number().int(),
    warnings: z.number().int(),
    manifest: z.enum(['verified', 'mismatch', 'incomplete', 'none']),
    signature: z.enum(['verified', 'invalid', 'unsigned']),
    signer: z.string().optional(),
  }),
});
export type Appliance = z.infer<typeof ApplianceSchema>;

export const WorkloadSchema = z.strictObject({
  /** Stable id, unique in the inventory: `<source key>/<VM UUID or name>`. */
  id: z.string(),
  name: z.string(),
  /** `appliance`: a VM to be deployed from an OVF / OVA package (see `appliance`). */
  kind: z.enum(['vm', 'physical', 'appliance']),
  powerState: z.enum(['on', 'off', 'suspended', 'unknown']),
  vcpus: z.number(),
  cpuSockets: z.number().int().optional(),
  coresPerSocket: z.number().int().optional(),
  /** Clock of the CPU the workload runs on, MHz, where known (its own or its current host's). */
  cpuMhz: z.number().optional(),
  memoryMib: z.number(),
  provisionedGib: z.number().optional(),
  usedGib: z.number().optional(),
  disks: z.array(DiskSchema),
  nics: z.number().int().optional(),
  /** The VM's network adapters (RVTools vNetwork): port group, virtual switch and VLAN where the export gives them. */
  networks: z
    .array(
      z.strictObject({
        network: z.string(),
        switch: z.string().optional(),
        vlan: z.string().optional(),
        adapter: z.string().optional(),
        connected: z.boolean().optional(),
      }),
    )
    .optional(),
  utilization: UtilizationSchema,
  os: z.strictObject({
    family: OsFamilySchema,
    name: z.string().optional(),
    version: z.string().optional(),
    arch: z.string().optional(),
  }),
  location: z.strictObject({
    vcenter: z.string().optional(),
    datacenter: z.string().optional(),
    cluster: z.string().optional(),
    host: z.string().optional(),
    /** Id of the matching inventory host, when the host name could be joined. */
    hostId: z.string().optional(),
    /** The VM's folder (RVTools `Folder`), where the source gives it. */
    folder: z.string().optional(),
    /** The VM's own ids in its vCenter (RVTools `VM UUID`, `VM ID`): with `vcenter`, its identity across sources. */
    vmUuid: z.string().optional(),
    vmId: z.string().optional(),
  }),
  application: z.string().optional(),
  environment: z.string().optional(),
  tags: z.array(z.string()),
  /** Custom attributes and any other key/value labels, as found. */
  labels: z.record(z.string(), z.string()),
  /** DRS rule names the VM appears in (RVTools `Cluster rule name(s)`). */
  drsRules: z.array(z.string()),
  /** Platform-relevant configuration facts used by readiness rules; absent = unknown. */
  config: z.strictObject({
    firmware: z.enum(['bios', 'efi']).optional(),
    secureBoot: z.boolean().optional(),
    vtpm: z.boolean().optional(),
    hwVersion: z.string().optional(),
    ftState: z.string().optional(),
    snapshots: z.number().int().optional(),
    usbDevices: z.number().int().optional(),
    passthroughDevices: z.number().int().optional(),
    sriovNics: z.number().int().optional(),
    cpuReservationMhz: z.number().optional(),
    memoryReservationMib: z.number().optional(),
    hotAddCpu: z.boolean().optional(),
    hotAddMemory: z.boolean().optional(),
    toolsStatus: z.string().optional(),
    /** Day the VM was created (RVTools vInfo `Creation date`), yyyy-mm-dd. */
    createdOn: z.string().optional(),
    /** Day the VM was last powered on (RVTools vInfo `PowerOn`; empty while it is off), yyyy-mm-dd. */
    poweredOnOn: z.string().optional(),
    /** Its snapshots (RVTools vSnapshot), where the export has the tab: when each was taken and its size. */
    snapshotList: z.array(z.strictObject({ name: z.string().optional(), takenOn: z.string().optional(), sizeMib: z.number().optional() })).optional(),
  }),
  /** Appliances only. */
  appliance: ApplianceSchema.optional(),
  flags: z.array(WorkloadFlagSchema),
  provenance: z.array(ProvenanceSchema).min(1),
});
export type Workload = z.infer<typeof WorkloadSchema>;

export const HostSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  vcenter: z.string().optional(),
  datacenter: z.string().optional(),
  cluster: z.string().optional(),
  cpuModel: z.string().optional(),
  sockets: z.number().int(),
  coresPerSocket: z.number().int(),
  cores: z.number().int(),
  threads: z.number().int().optional(),
  htActive: z.boolean().optional(),
  cpuMhz: z.number(),
  memoryMib: z.number(),
  cpuUsagePct: z.number().optional(),
  memoryUsagePct: z.number().optional(),
  vmCount: z.number().int().optional(),
  vcpuCount: z.number().int().optional(),
  maxEvc: z.string().optional(),
  hypervisor: z.string().optional(),
  vendor: z.string().optional(),
  model: z.string().optional(),
  provenance: z.array(ProvenanceSchema).min(1),
});
export type Host = z.infer<typeof HostSchema>;

export const ClusterSchema = z.strictObject({
  name: z.string(),
  vcenter: z.string().optional(),
  datacenter: z.string().optional(),
  hostCount: z.number().int().optional(),
  totalCpuMhz: z.number().optional(),
  totalMemoryMib: z.number().optional(),
  cores: z.number().int().optional(),
  haEnabled: z.boolean().optional(),
  failoverLevel: z.number().int().optional(),
  admissionControl: z.boolean().optional(),
  drsEnabled: z.boolean().optional(),
  /** DRS automation level as written (RVTools vCluster `DRS default VM behavior`: fullyAutomated, partiallyAutomated, manual). */
  drsAutomation: z.string().optional(),
  /** vMotions the cluster has run (RVTools vCluster `Num VMotions`, a counter since the cluster was made). */
  vmotions: z.number().int().optional(),
  provenance: z.array(ProvenanceSchema).min(1),
});
export type Cluster = z.infer<typeof ClusterSchema>;

/**
 * An existing datastore (RVTools vDatastore). Sizes in GiB (RVTools writes MiB, old exports label them MB).
 * `usedGib` is RVTools `In Use`; `provisionedGib` counts thin disks at their full size, so it can exceed capacity.
 */
export const DatastoreSchema = z.strictObject({
  /** Unique in the inventory: `<vCenter or source file>/<name>` (`#<row>` appended when a name repeats). */
  id: z.string(),
  name: z.string(),
  vcenter: z.string().optional(),
  datacenter: z.string().optional(),
  /** RVTools `Cluster name`: the datastore cluster (storage DRS pod) it belongs to, if any. */
  cluster: z.string().optional(),
  /** As written: VMFS, NFS, NFS41, vsan, VVOL, ... */
  type: z.string().optional(),
  capacityGib: z.number(),
  provisionedGib: z.number().optional(),
  usedGib: z.number().optional(),
  freeGib: z.number().optional(),
  /** Number of hosts that mount it. */
  hosts: z.number().int().optional(),
  /** Number of VMs with files on it. */
  vms: z.number().int().optional(),
  accessible: z.boolean().optional(),
  url: z.string().optional(),
  provenance: z.array(ProvenanceSchema).min(1),
});
export type Datastore = z.infer<typeof DatastoreSchema>;

/**
 * A DRS rule of today's clusters (RVTools vInfo `Cluster rule(s)` gives each rule's type, `Cluster rule name(s)` its
 * name, item by item). `workloads` are the ids of the estate's workloads in the rule (a rule is per cluster: the same
 * name in two clusters is two rules). `type` as read from the export; `typeAsWritten` keeps the cell text.
 */
export const DrsRuleSchema = z.strictObject({
  name: z.string(),
  type: z.enum(['affinity', 'anti-affinity', 'vm-host', 'dependency', 'unknown']),
  typeAsWritten: z.string().optional(),
  vcenter: z.string().optional(),
  cluster: z.string().optional(),
  workloads: z.array(z.string()),
  /** VM-Host rules: must or should (mandatory or preferential), run on or not run on a host group. */
  vmHost: z
    .strictObject({
      strength: z.enum(['must', 'should']).optional(),
      relation: z.enum(['run-on', 'not-run-on']),
      hostGroup: z.string().optional(),
    })
    .optional(),
  provenance: z.array(ProvenanceSchema).min(1),
});
export type DrsRule = z.infer<typeof DrsRuleSchema>;

/**
 * A licence key of today's vCenter (RVTools vLicense): today's licence baseline. The key itself is never stored:
 * `keyMasked` keeps only its last group (`*****-*****-*****-*****-1AB2C`), enough to tell keys apart in a report.
 */
export const LicenceSchema = z.strictObject({
  name: z.string(),
  keyMasked: z.string().optional(),
  /** What one unit licenses, as written (`cpuPackage`, `CPU (1-32 cores)`, `server`, `vm`, ...). */
  costUnit: z.string().optional(),
  total: z.number().optional(),
  used: z.number().optional(),
  /** `Expiration Date` as written (`Never`, a date). */
  expiration: z.string().optional(),
  /** The expiration as a calendar day (yyyy-mm-dd), when it is one. */
  expires: z.string().optional(),
  features: z.array(z.string()),
  /** The vCenters that report this key (the same key seen from two linked vCenters is one licence). */
  vcenters: z.array(z.string()),
  provenance: z.array(ProvenanceSchema).min(1),
});
export type Licence = z.infer<typeof LicenceSchema>;

/** One finding of RVTools' own health checks (vHealth): the entity it is about, its kind and message. */
export const HealthMessageSchema = z.strictObject({
  /** The VM, host or datastore path (`[ds1] folder/file.vmdk`) the message is about. */
  entity: z.string(),
  /** `Message type` as written (Zombie, Snapshot, NTP, ...), else the message up to its first `!`. */
  kind: z.string(),
  message: z.string(),
  vcenter: z.string().optional(),
  provenance: ProvenanceSchema,
});
export type HealthMessage = z.infer<typeof HealthMessageSchema>;

/** A record that was read but left out of the estate, with the reason (nothing is dropped silently). */
export const ExcludedSchema = z.strictObject({
  name: z.string().optional(),
  kind: z.enum(['workload', 'host', 'cluster', 'row']),
  code: z.string(),
  reason: z.string(),
  /**
   * What a left-out workload holds today (templates, powered-off VMs, system VMs): its size, storage, place and dates,
   * so sprawl (what powered-off VMs keep) can be counted without planning them.
   */
  held: z
    .strictObject({
      powerState: z.enum(['on', 'off', 'suspended', 'unknown']),
      vcpus: z.number(),
      memoryMib: z.number(),
      provisionedGib: z.number().optional(),
      usedGib: z.number().optional(),
      cluster: z.string().optional(),
      host: z.string().optional(),
      createdOn: z.string().optional(),
      poweredOnOn: z.string().optional(),
    })
    .optional(),
  provenance: ProvenanceSchema,
});
export type Excluded = z.infer<typeof ExcludedSchema>;

export const SourceSchema = z.strictObject({
  file: z.string(),
  format: z.string(),
  sheets: z.array(z.string()).optional(),
  rowsRead: z.number().int(),
  workloads: z.number().int(),
  hosts: z.number().int(),
  /** Datastores read from the source (absent: none). */
  datastores: z.number().int().optional(),
  excluded: z.number().int(),
});
export type Source = z.infer<typeof SourceSchema>;

export const CoverageSchema = z.strictObject({
  workloads: z.number().int(),
  withCpuUtilization: z.number().int(),
  withMemoryUtilization: z.number().int(),
  withStorage: z.number().int(),
  withSeries: z.number().int(),
  withHostJoined: z.number().int(),
  byFlag: z.record(z.string(), z.number().int()),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const InventorySchema = z.strictObject({
  schema: z.literal(INVENTORY_SCHEMA),
  generatedBy: z.strictObject({ tool: z.literal('dcplan'), version: z.string() }),
  sources: z.array(SourceSchema),
  workloads: z.array(WorkloadSchema),
  hosts: z.array(HostSchema),
  clusters: z.array(ClusterSchema),
  /**
   * Existing datastores. `dcplan collect` always writes the key (empty when the sources have none); optional so that
   * v1 inventories written before it existed still load (read a missing key as none).
   */
  datastores: z.array(DatastoreSchema).optional(),
  /** Today's DRS rules (RVTools); optional so that inventories written before it existed still load. */
  drsRules: z.array(DrsRuleSchema).optional(),
  /** Today's licence keys (RVTools vLicense); optional: absent when no source has any. */
  licences: z.array(LicenceSchema).optional(),
  /** RVTools vHealth findings; optional: absent when no source has any. */
  health: z.array(HealthMessageSchema).optional(),
  excluded: z.array(ExcludedSchema),
  coverage: CoverageSchema,
  problems: z.array(ProblemSchema),
});
export type Inventory = z.infer<typeof InventorySchema>;
