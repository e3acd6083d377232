import { round } from '../../read/numbers';
import { Disk, Host, MetricUtil, Utilization, Workload, WorkloadFlag } from '../../../inventory/schema';
import { osArch, osFamily } from '../../../inventory/os';
import { Flyweights, NO_ITEMS, NO_UTILIZATION } from '../../../inventory/workload';
import { vcenterOf } from './hosts';
import { VCpuRow, VDiskRow, VInfoRow, VMemoryRow, VNetworkRow, VPartitionRow, VSnapshotRow, VToolsRow, Where } from './records';

/** Everything joined to one vInfo row. */
export interface VmParts {
  vm: VInfoRow;
  cpu?: VCpuRow;
  mem?: VMemoryRow;
  disks: VDiskRow[];
  partitions: VPartitionRow[];
  /** undefined when the export has no vSnapshot / vUSB tab (unknown), a count otherwise. */
  snapshots?: number;
  /** The vSnapshot rows (undefined without the tab). */
  snapshotRows?: VSnapshotRow[];
  usb?: number;
  tools?: VToolsRow;
  /** vNetwork rows (one per adapter); undefined without the tab. */
  networks?: VNetworkRow[];
}

function toNetwork(r: VNetworkRow): NonNullable<Workload['networks']>[number] {
  const n: NonNullable<Workload['networks']>[number] = { network: r.network ?? '(not connected)' };
  if (r.switch !== undefined) n.switch = r.switch;
  if (r.vlan !== undefined) n.vlan = r.vlan;
  if (r.adapter !== undefined) n.adapter = r.adapter;
  if (r.connected !== undefined) n.connected = r.connected;
  return n;
}

const GIB = 1024;

/** `poweredOn` / `poweredOff` / `suspended` (any case) → the canonical power state. */
export function powerState(s: string | undefined): Workload['powerState'] {
  let state = powerMemo.get(s ?? '');
  if (state === undefined) powerMemo.set(s ?? '', (state = classifyPower(s ?? '')));
  return state;
}

const powerMemo = new Map<string, Workload['powerState']>();

function classifyPower(s: string): Workload['powerState'] {
  const v = s.toLowerCase().replace(/[^a-z]/g, '');
  if (v === 'poweredon' || v === 'on') return 'on';
  if (v === 'poweredoff' || v === 'off') return 'off';
  if (v === 'suspended') return 'suspended';
  return 'unknown';
}

/**
 * Completes a vInfo row from the vCPU / vMemory rows joined to it: size (vCPUs, memory) and context (datacenter,
 * cluster, OS). The kubev2v sample's vm-9 has only its name and power state in vInfo; its size is in vCPU and
 * vMemory. The host is never taken from another tab (anonymised exports scramble it per tab). `filled` says what
 * came from where, for the warning.
 */
export function completeFromTabs(p: VmParts): { vm: VInfoRow; filled: string[] } {
  const v = p.vm;
  const complete = v.cpus !== undefined && v.memoryMib !== undefined && v.datacenter !== undefined && v.cluster !== undefined;
  if (complete && (v.osConfig !== undefined || v.osTools !== undefined)) return { vm: v, filled: NO_ITEMS };
  const filled: string[] = [];
  const vm: VInfoRow = { ...v };
  if (vm.cpus === undefined && p.cpu?.cpus !== undefined) {
    vm.cpus = p.cpu.cpus;
    filled.push(`vCPUs from vCPU row ${p.cpu.row}`);
  }
  if (vm.memoryMib === undefined && p.mem?.sizeMib !== undefined) {
    vm.memoryMib = p.mem.sizeMib;
    filled.push(`memory from vMemory row ${p.mem.row}`);
  }
  const context: string[] = [];
  for (const key of ['datacenter', 'cluster', 'osConfig', 'osTools'] as const) {
    if (vm[key] !== undefined) continue;
    const from = p.mem?.[key] !== undefined ? p.mem : p.cpu?.[key] !== undefined ? p.cpu : undefined;
    if (!from) continue;
    vm[key] = from[key];
    context.push(key === 'osConfig' ? 'OS (configuration file)' : key === 'osTools' ? 'OS (VMware Tools)' : key);
  }
  if (context.length > 0) filled.push(`${context.join(', ')} from ${p.mem?.row !== undefined ? 'vMemory' : 'vCPU'}`);
  return { vm, filled };
}

/**
 * Assembles the canonical workload (without CPU utilisation and the host join of `location`, which need the hosts:
 * see build.ts; `cpuMhz` is the joined host's clock, passed in). The top-level keys are added in schema order, so the
 * pipeline can hand the object on as it is instead of copying it into order (200,000 copies in a big export).
 */
export function toWorkload(p: VmParts, id: string, vcpus: number, memoryMib: number, where: Where, cpuMhz?: number): Workload {
  const vm = p.vm; // already completed by completeFromTabs
  const osName = vm.osTools ?? vm.osConfig;
  const disks = p.disks.length === 0 ? NO_ITEMS : p.disks.map((d) => toDisk(d, p.partitions));
  const flags: WorkloadFlag[] = [];
  if (vm.template) flags.push('template');
  if (vm.srm) flags.push('srm-placeholder');
  const power = powerState(vm.power);
  if (power === 'off') flags.push('powered-off');

  const w = new (PlainWorkload as unknown as new () => Workload)();
  w.id = id;
  w.name = vm.name;
  w.kind = 'vm';
  w.powerState = power;
  w.vcpus = vcpus;
  if (p.cpu?.sockets !== undefined) w.cpuSockets = Math.round(p.cpu.sockets);
  if (p.cpu?.coresPerSocket !== undefined) w.coresPerSocket = Math.round(p.cpu.coresPerSocket);
  if (cpuMhz !== undefined) w.cpuMhz = cpuMhz;
  w.memoryMib = memoryMib;
  const diskMib = p.disks.reduce((s, d) => s + (d.capacityMib ?? 0), 0);
  const provisioned = vm.provisionedMib ?? vm.totalDiskMib ?? (p.disks.length > 0 ? diskMib : undefined);
  if (provisioned !== undefined) w.provisionedGib = round(provisioned / GIB);
  const partUsed = p.partitions.reduce((s, x) => s + (x.consumedMib ?? 0), 0);
  const used = vm.inUseMib ?? (p.partitions.length > 0 ? partUsed : undefined);
  if (used !== undefined) w.usedGib = round(used / GIB);
  w.disks = disks;
  if (vm.nics !== undefined) w.nics = Math.round(vm.nics);
  if (p.networks !== undefined && p.networks.length > 0) w.networks = p.networks.map(toNetwork);
  const memUtil = power === 'on' ? memoryUtil(p, memoryMib, where) : undefined;
  w.utilization = memUtil && (memUtil.memory || memUtil.memoryActive) ? memUtil : NO_UTILIZATION;

  w.os = OS.get(osName ?? '') ?? OS.add(osName ?? '', osOf(osName));

  w.location = new (PlainLocation as unknown as new () => Workload['location'])();
  const vcenter = vcenterOf(vm);
  if (vcenter !== undefined) w.location.vcenter = vcenter;
  if (vm.datacenter !== undefined) w.location.datacenter = vm.datacenter;
  if (vm.cluster !== undefined) w.location.cluster = vm.cluster;
  if (vm.host !== undefined) w.location.host = vm.host;
  if (vm.folder !== undefined) w.location.folder = vm.folder;
  if (vm.vmUuid !== undefined) w.location.vmUuid = vm.vmUuid;
  if (vm.vmId !== undefined) w.location.vmId = vm.vmId;

  const app = labelValue(vm.labels, 'application');
  if (app !== undefined) w.application = app;
  const env = labelValue(vm.labels, 'environment');
  if (env !== undefined) w.environment = env;
  w.tags = NO_ITEMS;
  w.labels = vm.labels; // the row is dropped once its workload is built (build.ts): hand over, do not copy
  w.drsRules = vm.drsRules;

  const c: Workload['config'] = {};
  const fw = (vm.firmware ?? '').toLowerCase();
  if (fw === 'bios' || fw === 'efi') c.firmware = fw;
  if (vm.secureBoot !== undefined) c.secureBoot = vm.secureBoot;
  if (vm.vtpm !== undefined) c.vtpm = vm.vtpm;
  if (vm.hwVersion !== undefined) c.hwVersion = hwVersionOf(vm.hwVersion);
  if (vm.ftState !== undefined) c.ftState = vm.ftState;
  if (p.snapshots !== undefined) c.snapshots = p.snapshots;
  if (p.usb !== undefined) c.usbDevices = p.usb;
  if (p.cpu?.reservationMhz !== undefined) c.cpuReservationMhz = p.cpu.reservationMhz;
  if (p.mem?.reservationMib !== undefined) c.memoryReservationMib = p.mem.reservationMib;
  if (p.cpu?.hotAdd !== undefined) c.hotAddCpu = p.cpu.hotAdd;
  if (p.mem?.hotAdd !== undefined) c.hotAddMemory = p.mem.hotAdd;
  if (p.tools?.tools !== undefined) c.toolsStatus = p.tools.tools;
  if (vm.createdOn !== undefined) c.createdOn = vm.createdOn;
  if (vm.poweredOnOn !== undefined) c.poweredOnOn = vm.poweredOnOn;
  if (p.snapshotRows !== undefined && p.snapshotRows.length > 0) c.snapshotList = p.snapshotRows.map(toSnapshot);
  w.config = c;
  w.flags = flags;
  w.provenance = [{ file: where.file, sheet: where.sheet ?? 'vInfo', row: vm.row }];

  return w;
}

/**
 * An empty plain object (its prototype is Object.prototype, as for `{}`), made with `new` so that V8 reserves room
 * inside the object for the properties toWorkload then adds one by one; `{}` has room for four, and every further
 * property would grow a separate property array (a copy each time, for each of 200,000 workloads and locations).
 * One constructor per shape: V8 sizes the room from the most properties any object of the constructor received.
 */
function PlainWorkload(): void {}
PlainWorkload.prototype = Object.prototype;
function PlainLocation(): void {}
PlainLocation.prototype = Object.prototype;

function toSnapshot(r: VSnapshotRow): NonNullable<Workload['config']['snapshotList']>[number] {
  const s: NonNullable<Workload['config']['snapshotList']>[number] = {};
  if (r.snapshot !== undefined) s.name = r.snapshot;
  if (r.takenOn !== undefined) s.takenOn = r.takenOn;
  if (r.sizeMib !== undefined) s.sizeMib = r.sizeMib;
  return s;
}

function toDisk(d: VDiskRow, partitions: readonly VPartitionRow[]): Disk {
  const disk: Disk = { label: d.disk ?? `disk ${d.diskKey ?? d.row}`, capacityGib: round((d.capacityMib ?? 0) / GIB) };
  if (d.diskKey !== undefined) {
    const parts = partitions.filter((p) => p.diskKey === d.diskKey && p.consumedMib !== undefined);
    if (parts.length > 0) disk.usedGib = round(parts.reduce((s, p) => s + p.consumedMib!, 0) / GIB);
  }
  if (d.thin !== undefined) disk.thin = d.thin;
  if (d.raw !== undefined || d.rawMode !== undefined) disk.raw = d.raw ?? /physical|virtual/i.test(d.rawMode ?? '');
  if (d.sharing !== undefined) disk.sharing = d.sharing;
  if (d.mode !== undefined) disk.mode = d.mode;
  if (d.datastore !== undefined) disk.datastore = d.datastore;
  return disk;
}

/**
 * Memory at export time, % of the VM's memory (kept as measured: never capped):
 * - held (`memory`): vMemory `Consumed` (host memory backing the guest, what capacity tools size on), else vInfo
 *   `Memory Usage %` where an export has it;
 * - active (`memoryActive`): vMemory `Active` (vSphere's sampled working-set estimate), else vInfo `Active Memory`.
 * Which one sizes the plan is `policy.memoryBasis` (default consumed).
 */
function memoryUtil(p: VmParts, memoryMib: number, where: Where): Utilization {
  const size = p.mem?.sizeMib ?? memoryMib;
  const snap = (pct: number): MetricUtil => {
    const v = round(Math.max(pct, 0), 2);
    return { unit: 'pct', basis: 'snapshot', avg: v, peak: v, samples: 1, source: where.file };
  };
  const u: Utilization = {};
  if (p.mem?.consumedMib !== undefined && size > 0) u.memory = snap((p.mem.consumedMib / size) * 100);
  else if (p.vm.memUsagePct !== undefined) u.memory = snap(p.vm.memUsagePct);
  if (p.mem?.activeMib !== undefined && size > 0) u.memoryActive = snap((p.mem.activeMib / size) * 100);
  else if (p.vm.activeMemoryMib !== undefined && memoryMib > 0) u.memoryActive = snap((p.vm.activeMemoryMib / memoryMib) * 100);
  return u;
}

/**
 * CPU in use at export time: vInfo `CPU Usage %` when the export has it, else vCPU `Overall` (MHz) as % of
 * vCPUs × the clock of the joined host, else of the vCPU tab's `Max` (vCPUs × clock as vCenter reports it), else of
 * the common clock of the hosts in the VM's cluster (`clusterClock`, looked up only then). Without any clock the MHz
 * figure is kept as it is (unit MHz). A figure over 100 % (turbo, or a VM whose vCPUs outrun the nominal clock) is kept
 * as measured; sizing caps it (sizing.ts) and says how many it capped.
 */
export function cpuUtil(
  p: VmParts,
  vcpus: number,
  host: Host | undefined,
  clusterClock: ReadonlyMap<string, number>,
  cluster: string | undefined,
  file: string,
): MetricUtil | undefined {
  const snap = (unit: MetricUtil['unit'], v: number): MetricUtil => ({
    unit,
    basis: 'snapshot',
    avg: v,
    peak: v,
    samples: 1,
    source: file,
  });
  if (p.vm.cpuUsagePct !== undefined) return snap('pct', round(Math.max(p.vm.cpuUsagePct, 0), 2));
  const mhz = p.cpu?.overallMhz;
  if (mhz === undefined) return undefined;
  const capacity =
    host && host.cpuMhz > 0
      ? vcpus * host.cpuMhz
      : p.cpu?.maxMhz && p.cpu.maxMhz > 0
        ? p.cpu.maxMhz
        : clusterClock.get(cluster ?? '')
          ? vcpus * clusterClock.get(cluster ?? '')!
          : undefined;
  if (capacity === undefined || capacity <= 0) return snap('MHz', mhz);
  return snap('pct', round((mhz / capacity) * 100, 2));
}

/** The first label whose column name says environment (`Env`, `Stage`, ...) or application (`App`, `Service`, ...). */
function labelValue(labels: Record<string, string>, role: LabelRole): string | undefined {
  for (const k in labels) if (labelRole(k) === role) return labels[k];
  return undefined;
}

type LabelRole = 'environment' | 'application' | undefined;
const ROLE_PATTERNS: [Exclude<LabelRole, undefined>, RegExp][] = [
  ['environment', /^(env|environment|stage|tier)$/],
  ['application', /^(app|application|service|workload)$/],
];

// Memos: a 200,000-VM export has a few dozen distinct OS names, power states and label columns; classify each once.
const roleMemo = new Map<string, LabelRole>();
function labelRole(key: string): LabelRole {
  if (roleMemo.has(key)) return roleMemo.get(key);
  const norm = key.toLowerCase().replace(/[^a-z]/g, '');
  const role = ROLE_PATTERNS.find(([, re]) => re.test(norm))?.[0];
  roleMemo.set(key, role);
  return role;
}
/** RVTools writes the virtual hardware version as `19` or `vmx-19`; the inventory says `vmx-19` (one string per version). */
const hwMemo = new Map<string, string>();
function hwVersionOf(v: string): string {
  let s = hwMemo.get(v);
  if (s === undefined) hwMemo.set(v, (s = /^\d+$/.test(v) ? `vmx-${v}` : v));
  return s;
}

/** One shared OS description per OS name (a large export has a few dozen). */
const OS = new Flyweights<Workload['os']>();
function osOf(osName: string | undefined): Workload['os'] {
  const os: Workload['os'] = { family: familyOf(osName) };
  if (osName !== undefined) os.name = osName;
  const arch = archOf(osName);
  if (arch !== undefined) os.arch = arch;
  return os;
}
const familyMemo = new Map<string, ReturnType<typeof osFamily>>();
function familyOf(name: string | undefined): ReturnType<typeof osFamily> {
  if (name === undefined) return osFamily(name);
  let f = familyMemo.get(name);
  if (f === undefined) familyMemo.set(name, (f = osFamily(name)));
  return f;
}
const archMemo = new Map<string, string | undefined>();
function archOf(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (!archMemo.has(name)) archMemo.set(name, osArch(name));
  return archMemo.get(name);
}
