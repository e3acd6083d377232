import type { Disk, Host, MetricUtil, Workload } from './schema';

/**
 * One set of plausibility bounds for every reader (collectors, the inventory.json / plan.json readers, the config):
 * a value outside them is a mistake in the input (a date cell read as a vCPU count, -1 MiB, 1e15), never something
 * to plan with. Bounds are the product limits of the largest platform dcplan plans for, so no real VM is refused.
 *
 * Source: VMware vSphere 8.0 Configuration Maximums (https://configmax.broadcom.com, "Virtual Machine Maximums"):
 * 768 virtual CPUs per VM, 24 TB memory per VM, 62 TB virtual disk size (VMFS6 / vSAN).
 */
export const BOUNDS = {
  /** vCPUs per VM: at least 1, at most the vSphere 8 maximum of 768. */
  vcpus: { min: 1, max: 768 },
  /** Memory per VM, MiB: more than nothing, at most 24 TiB (vSphere 8 maximum). */
  memoryMib: { min: 1, max: 24 * 1024 * 1024 },
  /** One virtual disk, GiB: 62 TiB (vSphere 8 maximum virtual disk size). */
  diskGib: { min: 0, max: 62 * 1024 },
  /** Storage of one workload, GiB: at most 256 disks (4 controllers x 64) of 62 TiB. */
  workloadStorageGib: { min: 0, max: 256 * 62 * 1024 },
  /** CPU clock, MHz: no server CPU runs below 100 MHz or above 10 GHz. */
  clockMhz: { min: 100, max: 10_000 },
  /** A host's utilisation percentage. */
  pct: { min: 0, max: 100 },
  /**
   * A workload's utilisation percentage of its own allocation: above 100 is real and kept as measured (CPU on turbo
   * over the nominal clock; vMemory Consumed with the VM's overhead), and sizing caps CPU at 100 (issue 10). Ten times
   * the allocation is no reading but a mistake.
   */
  utilPct: { min: 0, max: 1000 },
  /**
   * Host memory, MiB: at most 64 TiB (vSphere 8 maximum per host: 24 TB; room left for other hypervisors). 0 is
   * allowed: exports write it for a host they could not query (rvtools-small-complete.xlsx), read as unknown.
   */
  hostMemoryMib: { min: 0, max: 64 * 1024 * 1024 },
  /** Host cores: at most 4096 (vSphere 8: 896 logical CPUs per host; room left). 0 = not reported, as for memory. */
  hostCores: { min: 0, max: 4096 },
  /** A target host model's cores (sockets × cores per socket): at least one, at most the host bound above. */
  modelCores: { min: 1, max: 4096 },
  /** A target host model's memory, GiB: at most the host bound above (64 TiB). */
  modelMemoryGib: { min: 0, max: 64 * 1024 },
  /**
   * Any other number of a config or plan (prices, watts, rack units, IOPS, Gbit/s, counts, hours, factors): at most a
   * million million, so no sum or product over an estate reaches Infinity; a value beyond it is a typo or `1e308`.
   */
  configNumber: { min: -1e12, max: 1e12 },
} as const;

export type BoundName = keyof typeof BOUNDS;

/**
 * Text limits. Excel holds at most 32,767 characters in a cell, so no export a consultant is handed has a longer one:
 * a CSV field or workbook cell past CELL_MAX_CHARS (32 times that) is a broken or hostile file, refused naming file,
 * sheet, row and column before it is carried further. A workload or host name past NAME_MAX_CHARS is cut to it with a
 * warning (names are printed in every table), and a message quotes at most 120 characters of any value (`quote`).
 */
export const CELL_MAX_CHARS = 1024 * 1024;
export const NAME_MAX_CHARS = 1024;

/** A name or value as a message quotes it: at most 120 characters (a warning never carries a megabyte of text). */
export function quote(name: string): string {
  return name.length > 120 ? `"${name.slice(0, 117)}..."` : `"${name}"`;
}

/** One value out of its bounds: which field, the value, and what was expected (for the message). */
export interface Implausible {
  /** Inventory field, e.g. `vcpus`, `disks.2.capacityGib`. */
  field: string;
  value: number;
  expected: string;
}

export function within(v: number, bound: BoundName): boolean {
  const b = BOUNDS[bound];
  return Number.isFinite(v) && v >= b.min && v <= b.max;
}

/** "between 1 and 768" as a user reads it (big bounds in their own unit). */
export function expectedText(bound: BoundName): string {
  const b = BOUNDS[bound];
  return `a finite number from ${b.min} to ${b.max}`;
}

function check(out: Implausible[], field: string, v: number | undefined, bound: BoundName): void {
  if (v === undefined || within(v, bound)) return;
  out.push({ field, value: v, expected: expectedText(bound) });
}

function checkMetric(out: Implausible[], field: string, m: MetricUtil | undefined): void {
  if (!m) return;
  for (const k of ['avg', 'peak', 'p50', 'p90', 'p95', 'p99'] as const) {
    const v = m[k];
    if (v === undefined) continue;
    if (m.unit === 'pct') check(out, `${field}.${k}`, v, 'utilPct');
    else if (!Number.isFinite(v) || v < 0)
      out.push({ field: `${field}.${k}`, value: v, expected: 'a finite number of at least 0' });
  }
}

/** Every implausible size or figure of one workload (empty = plausible). Cheap: a few comparisons per workload. */
export function implausibleWorkload(w: Workload): Implausible[] {
  const out: Implausible[] = [];
  check(out, 'vcpus', w.vcpus, 'vcpus');
  check(out, 'memoryMib', w.memoryMib, 'memoryMib');
  check(out, 'cpuMhz', w.cpuMhz, 'clockMhz');
  check(out, 'provisionedGib', w.provisionedGib, 'workloadStorageGib');
  check(out, 'usedGib', w.usedGib, 'workloadStorageGib');
  w.disks.forEach((d: Disk, i) => {
    check(out, `disks.${i}.capacityGib`, d.capacityGib, 'diskGib');
    check(out, `disks.${i}.usedGib`, d.usedGib, 'workloadStorageGib');
  });
  const u = w.utilization;
  if (u.cpu || u.memory || u.diskIops || u.networkMbps) {
    checkMetric(out, 'utilization.cpu', u.cpu);
    checkMetric(out, 'utilization.memory', u.memory);
    checkMetric(out, 'utilization.diskIops', u.diskIops);
    checkMetric(out, 'utilization.networkMbps', u.networkMbps);
  }
  return out;
}

export function implausibleHost(h: Host): Implausible[] {
  const out: Implausible[] = [];
  check(out, 'cores', h.cores, 'hostCores');
  check(out, 'memoryMib', h.memoryMib, 'hostMemoryMib');
  if (h.cpuMhz !== 0) check(out, 'cpuMhz', h.cpuMhz, 'clockMhz');
  check(out, 'cpuUsagePct', h.cpuUsagePct, 'pct');
  check(out, 'memoryUsagePct', h.memoryUsagePct, 'pct');
  return out;
}

/** The fields of a target host model (config `hostModels`, plan.json's catalog echo) that are bounded. */
export interface HostModelFigures {
  sockets: number;
  coresPerSocket: number;
  cpuGhz: number;
  memoryGib: number;
  [key: string]: unknown;
}

/**
 * Every implausible figure of a target host model: cores, clock and memory against the host bounds, memory above 0,
 * and every other number from 0 to the `configNumber` bound (cost, watts, storage, IOPS, network, maxCount ...).
 */
export function implausibleHostModel(m: HostModelFigures): Implausible[] {
  const out: Implausible[] = [];
  const cores = m.sockets * m.coresPerSocket;
  if (!within(cores, 'modelCores')) out.push({ field: 'sockets × coresPerSocket', value: cores, expected: expectedText('modelCores') });
  check(out, 'cpuGhz × 1000', m.cpuGhz * 1000, 'clockMhz');
  if (!(m.memoryGib > 0) || !within(m.memoryGib, 'modelMemoryGib'))
    out.push({ field: 'memoryGib', value: m.memoryGib, expected: `a finite number above 0 and at most ${BOUNDS.modelMemoryGib.max}` });
  for (const [k, v] of Object.entries(m))
    if (typeof v === 'number' && !['sockets', 'coresPerSocket', 'cpuGhz', 'memoryGib'].includes(k) && !(v >= 0 && within(v, 'configNumber')))
      out.push({ field: k, value: v, expected: `a finite number from 0 to ${BOUNDS.configNumber.max}` });
  return out;
}

/** `vcpus` = 43862 (expected ...) — one line per value. */
export function describeImplausible(
  list: readonly Implausible[],
  column: (field: string) => string = (f) => f,
): string {
  return list.map((i) => `${column(i.field)} = ${String(i.value)} (expected ${i.expected})`).join('; ');
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
