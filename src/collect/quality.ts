import { Coverage, Excluded, MetricUtil, Workload, WorkloadFlag } from '../inventory/schema';
import { systemVm, systemVmReason } from '../inventory/system-vms';

/**
 * Data-quality flags, exclusions and the coverage summary: pure functions over merged workloads.
 *
 * Idle / zombie follow Azure Migrate's definitions: idle = CPU and memory under 5 % and network under 2 %;
 * zombie = every measured figure zero. Network % needs a link speed the exports do not carry, so it is taken
 * against an assumed 1 Gbps adapter (2 % = 20 Mbps); a workload with no network figure is judged on CPU and memory.
 */
export const IDLE_CPU_PCT = 5;
export const IDLE_MEMORY_PCT = 5;
export const IDLE_NETWORK_PCT = 2;
export const ASSUMED_NIC_MBPS = 1000;

/** The representative level of a metric: its average, else p50 / p95 / peak (whichever the source gave). */
function level(m: MetricUtil | undefined): number | undefined {
  if (!m) return undefined;
  return m.avg ?? m.p50 ?? m.p95 ?? m.p90 ?? m.p99 ?? m.peak;
}

/** CPU as % of the workload's allocation (converting MHz when the clock is known). */
export function cpuPct(w: Workload): number | undefined {
  const m = w.utilization.cpu;
  const v = level(m);
  if (v === undefined || !m) return undefined;
  if (m.unit === 'pct') return v;
  if (m.unit === 'MHz' && w.cpuMhz && w.vcpus > 0) return (v / (w.cpuMhz * w.vcpus)) * 100;
  return undefined;
}

/** Memory as % of the workload's allocation: the held figure (`memory`), or `active` for vSphere's active estimate. */
export function memoryPct(w: Workload, which: 'held' | 'active' = 'held'): number | undefined {
  const m = which === 'active' ? w.utilization.memoryActive : w.utilization.memory;
  const v = level(m);
  if (v === undefined || !m) return undefined;
  if (m.unit === 'pct') return v;
  if (m.unit === 'MiB' && w.memoryMib > 0) return (v / w.memoryMib) * 100;
  return undefined;
}

function networkPct(w: Workload): number | undefined {
  const m = w.utilization.networkMbps;
  const v = level(m);
  if (v === undefined || !m) return undefined;
  return m.unit === 'pct' ? v : (v / ASSUMED_NIC_MBPS) * 100;
}

/** Flags the pipeline derives (template / SRM placeholder come from the collectors and are kept). */
export function deriveFlags(w: Workload): WorkloadFlag[] {
  const has = (f: WorkloadFlag) => w.flags.includes(f);
  let idle = has('idle');
  let zombie = has('zombie');
  const off = has('powered-off') || w.powerState === 'off';
  const cpu = cpuPct(w);
  // idle and zombie are about what the guest touches: the active estimate when the source has it (held memory stays
  // near the allocation on any long-running VM, busy or not)
  const mem = memoryPct(w, 'active') ?? memoryPct(w);
  const missing = has('missing-utilization') || (cpu === undefined && mem === undefined);
  if (cpu !== undefined && mem !== undefined && w.powerState !== 'off') {
    const net = networkPct(w);
    const iops = level(w.utilization.diskIops);
    const allZero = cpu === 0 && mem === 0 && (net ?? 0) === 0 && (iops ?? 0) === 0;
    if (allZero) zombie = true;
    else if (cpu < IDLE_CPU_PCT && mem < IDLE_MEMORY_PCT && (net === undefined || net < IDLE_NETWORK_PCT)) idle = true;
  }
  // Always in this order, whatever order the collector gave them in; one shared frozen array per combination (a
  // 200,000-VM export has a handful of combinations, not 200,000 arrays).
  let mask = 0;
  if (has('template')) mask |= 1;
  if (has('srm-placeholder')) mask |= 2;
  if (off) mask |= 4;
  if (missing) mask |= 8;
  if (idle) mask |= 16;
  if (zombie) mask |= 32;
  return FLAG_SETS[mask];
}

const FLAG_ORDER: readonly WorkloadFlag[] = ['template', 'srm-placeholder', 'powered-off', 'missing-utilization', 'idle', 'zombie'];
const FLAG_SETS: WorkloadFlag[][] = Array.from({ length: 64 }, (_, mask) =>
  Object.freeze(FLAG_ORDER.filter((_f, bit) => (mask & (1 << bit)) !== 0)) as WorkloadFlag[],
);

const EXCLUDE_REASON: Record<'template' | 'srm-placeholder' | 'powered-off', string> = {
  template: 'VM template: not a running workload.',
  'srm-placeholder': 'Site Recovery Manager placeholder: the real VM runs at the other site.',
  'powered-off': 'Powered off; use --include-powered-off to keep powered-off VMs in the estate.',
};

/**
 * Splits workloads into kept and excluded: templates, SRM placeholders and system VMs (vCLS and other agent VMs vCenter
 * manages, see inventory/system-vms.ts) always; powered-off VMs unless asked.
 */
export function applyExclusions(
  workloads: Workload[],
  includePoweredOff: boolean,
): { kept: Workload[]; excluded: Excluded[]; keptIndex: number[]; excludedIndex: number[] } {
  const kept: Workload[] = [];
  const excluded: Excluded[] = [];
  const keptIndex: number[] = [];
  const excludedIndex: number[] = [];
  workloads.forEach((w, i) => {
    const system = w.kind === 'vm' ? systemVm({ name: w.name, folder: w.location.folder, annotation: w.labels.Annotation }) : undefined;
    const code = w.flags.includes('template')
      ? 'template'
      : w.flags.includes('srm-placeholder')
        ? 'srm-placeholder'
        : system
          ? 'system-vm'
          : w.flags.includes('powered-off') && !includePoweredOff
            ? 'powered-off'
            : undefined;
    if (code === undefined) {
      kept.push(w);
      keptIndex.push(i);
    } else {
      const reason = code === 'system-vm' ? systemVmReason(system!) : EXCLUDE_REASON[code];
      excluded.push({ name: w.name, kind: 'workload', code, reason, held: heldBy(w), provenance: w.provenance[0] });
      excludedIndex.push(i);
    }
  });
  return { kept, excluded, keptIndex, excludedIndex };
}

/** What a left-out workload holds today (sprawl: the storage and host a powered-off VM or template keeps). */
function heldBy(w: Workload): NonNullable<Excluded['held']> {
  const h: NonNullable<Excluded['held']> = { powerState: w.powerState, vcpus: w.vcpus, memoryMib: w.memoryMib };
  if (w.provisionedGib !== undefined) h.provisionedGib = w.provisionedGib;
  if (w.usedGib !== undefined) h.usedGib = w.usedGib;
  if (w.location.cluster !== undefined) h.cluster = w.location.cluster;
  if (w.location.host !== undefined) h.host = w.location.host;
  if (w.config.createdOn !== undefined) h.createdOn = w.config.createdOn;
  if (w.config.poweredOnOn !== undefined) h.poweredOnOn = w.config.poweredOnOn;
  return h;
}

export function coverageOf(workloads: readonly Workload[]): Coverage {
  const byFlag: Record<string, number> = {};
  let cpu = 0;
  let mem = 0;
  let storage = 0;
  let series = 0;
  let joined = 0;
  for (const w of workloads) {
    if (cpuPct(w) !== undefined) cpu++;
    if (memoryPct(w) !== undefined || memoryPct(w, 'active') !== undefined) mem++;
    if (w.provisionedGib !== undefined || w.usedGib !== undefined || w.disks.length > 0) storage++;
    const u = w.utilization;
    if ([u.cpu, u.memory, u.diskIops, u.networkMbps].some((m) => m?.basis === 'series')) series++;
    if (w.location.hostId !== undefined) joined++;
    for (const f of w.flags) byFlag[f] = (byFlag[f] ?? 0) + 1;
  }
  const sortedFlags: Record<string, number> = {};
  for (const k of Object.keys(byFlag).sort()) sortedFlags[k] = byFlag[k];
  return {
    workloads: workloads.length,
    withCpuUtilization: cpu,
    withMemoryUtilization: mem,
    withStorage: storage,
    withSeries: series,
    withHostJoined: joined,
    byFlag: sortedFlags,
  };
}
