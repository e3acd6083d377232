import { z } from 'zod';
import { Workload } from '../../inventory/schema';
import { WorkloadCheck } from './types';
import { GUEST_CLASSES, GuestClass, GuestPlatformsFile, OsLifecycleFile } from '../schema/rule-files';

/** Checks on one workload, used by rules/workload/*.yaml. Each returns the finding's detail, or undefined. */

const diskKind: WorkloadCheck<{ raw: boolean; multiWriter: boolean }> = {
  id: 'disk-kind',
  summary: 'the workload has raw-device-mapped and/or multi-writer (shared) disks',
  options: z.strictObject({ raw: z.boolean(), multiWriter: z.boolean() }),
  needsPlatform: false,
  run: (o, w) => {
    const hits = w.disks.filter(
      (d) => (o.raw && d.raw === true) || (o.multiWriter && d.sharing !== undefined && /multi.?writer/i.test(d.sharing)),
    );
    if (hits.length === 0) return undefined;
    return hits
      .map((d) => `${d.label} (${[d.raw ? 'RDM' : '', d.sharing && /multi/i.test(d.sharing) ? 'multi-writer' : ''].filter(Boolean).join(', ')})`)
      .join(', ');
  },
};

const COUNT_FIELDS = {
  snapshots: 'snapshot(s)',
  usbDevices: 'USB device(s)',
  passthroughDevices: 'passthrough PCI device(s)',
  sriovNics: 'SR-IOV NIC(s)',
} as const;

const configCountAbove: WorkloadCheck<{ fields: (keyof typeof COUNT_FIELDS)[]; above: number }> = {
  id: 'config-count-above',
  summary: 'a configuration count (snapshots, usbDevices, passthroughDevices, sriovNics) is above a number',
  options: z.strictObject({
    fields: z.array(z.enum(['snapshots', 'usbDevices', 'passthroughDevices', 'sriovNics'])).min(1),
    above: z.number().int().min(0),
  }),
  needsPlatform: false,
  run: (o, w) => {
    const parts = o.fields
      .filter((f) => (w.config[f] ?? 0) > o.above)
      .map((f) => `${w.config[f]} ${COUNT_FIELDS[f]}`);
    return parts.length > 0 ? parts.join(', ') : undefined;
  },
};

const ftEnabled: WorkloadCheck<{ states: string[] }> = {
  id: 'ft-enabled',
  summary: 'the FT state is one of the listed states (lower-case, e.g. running, needsecondary, starting)',
  options: z.strictObject({ states: z.array(z.string()).min(1) }),
  needsPlatform: false,
  run: (o, w) => {
    const s = w.config.ftState?.trim().toLowerCase();
    return s && o.states.includes(s) ? `FT state ${w.config.ftState}` : undefined;
  },
};

export function lifecycleOf(os: Workload['os'], table: OsLifecycleFile) {
  const name = [os.name, os.version].filter(Boolean).join(' ').toLowerCase();
  if (!name) return undefined;
  return table.entries.find(
    (e) => e.match.every((m) => name.includes(m.toLowerCase())) && !(e.exclude ?? []).some((x) => name.includes(x.toLowerCase())),
  );
}

const DAY_MS = 86400000;

const osEndOfSupport: WorkloadCheck<{ status: 'past' | 'within-days'; days: number }> = {
  id: 'os-end-of-support',
  summary: "the guest OS is past its end of support (status past) or reaches it within `days` of the as-of date",
  options: z.strictObject({ status: z.enum(['past', 'within-days']), days: z.number().int().min(1).default(365) }),
  needsPlatform: false,
  run: (o, w, ctx) => {
    const e = lifecycleOf(w.os, ctx.rules.osLifecycle);
    if (!e) return undefined;
    const left = (Date.parse(e.endOfSupport) - Date.parse(ctx.asOf)) / DAY_MS;
    const hit = o.status === 'past' ? left < 0 : left >= 0 && left <= o.days;
    return hit ? `${e.name}, end of support ${e.endOfSupport} (as of ${ctx.asOf})` : undefined;
  },
};

const osNotSupportedByPlatform: WorkloadCheck<Record<string, never>> = {
  id: 'os-not-supported-by-platform',
  summary: "the guest OS family is not among the platform's guestOsFamilies, or its name matches unsupportedGuestOs",
  options: z.strictObject({}),
  needsPlatform: true,
  run: (_o, w, ctx) => {
    const p = ctx.platform!;
    const families = p.facts.guestOsFamilies?.value;
    if (w.os.family !== 'unknown' && w.os.family !== 'other' && Array.isArray(families) && !families.includes(w.os.family))
      return `${w.os.name ?? w.os.family} (${w.os.family}) is not a guest OS family ${p.name} runs`;
    const name = (w.os.name ?? '').toLowerCase();
    const bad = p.facts.unsupportedGuestOs?.value;
    const hit = Array.isArray(bad) ? bad.find((b) => name.includes(b.toLowerCase())) : undefined;
    return hit ? `${w.os.name} is not a supported guest on ${p.name}` : undefined;
  },
};

const firmwareNotSupported: WorkloadCheck<Record<string, never>> = {
  id: 'firmware-not-supported',
  summary: 'the workload needs EFI, Secure Boot or a vTPM that the platform does not offer',
  options: z.strictObject({}),
  needsPlatform: true,
  run: (_o, w, ctx) => {
    const f = ctx.platform!.facts;
    const missing: string[] = [];
    if (w.config.firmware === 'efi' && f.guestUefi?.value !== true) missing.push('EFI firmware');
    if (w.config.secureBoot === true && f.guestSecureBoot?.value !== true) missing.push('Secure Boot');
    if (w.config.vtpm === true && f.guestVtpm?.value !== true) missing.push('a virtual TPM');
    return missing.length > 0 ? `needs ${missing.join(', ')}` : undefined;
  },
};

const exceedsPlatformLimit: WorkloadCheck<Record<string, never>> = {
  id: 'exceeds-platform-limit',
  summary: "the workload's vCPUs or memory exceed the platform's per-VM maximums",
  options: z.strictObject({}),
  needsPlatform: true,
  run: (_o, w, ctx) => {
    const f = ctx.platform!.facts;
    const parts: string[] = [];
    const maxCpu = f.maxVcpusPerVm?.value;
    const maxMem = f.maxMemoryGibPerVm?.value;
    if (typeof maxCpu === 'number' && w.vcpus > maxCpu) parts.push(`${w.vcpus} vCPUs > ${maxCpu}`);
    if (typeof maxMem === 'number' && w.memoryMib / 1024 > maxMem) parts.push(`${round(w.memoryMib / 1024)} GiB > ${maxMem} GiB`);
    return parts.length > 0 ? parts.join(', ') : undefined;
  },
};

const exceedsHostModels: WorkloadCheck<Record<string, never>> = {
  id: 'exceeds-host-models',
  summary: 'the workload has more vCPUs than any host model has physical cores, or more memory than any model',
  options: z.strictObject({}),
  needsPlatform: false,
  run: (_o, w, ctx) => {
    const models = ctx.hostModels ?? [];
    if (models.length === 0) return undefined;
    const maxCores = Math.max(...models.map((m) => m.cores));
    const maxMem = Math.max(...models.map((m) => m.memoryGib));
    const parts: string[] = [];
    if (w.vcpus > maxCores) parts.push(`${w.vcpus} vCPUs > ${maxCores} cores of the largest host model`);
    if (w.memoryMib / 1024 > maxMem) parts.push(`${round(w.memoryMib / 1024)} GiB > ${maxMem} GiB of the largest host model`);
    return parts.length > 0 ? parts.join(', ') : undefined;
  },
};

const hasFlag: WorkloadCheck<{ flags: ('idle' | 'zombie')[] }> = {
  id: 'has-flag',
  summary: 'the collector flagged the workload (idle, zombie)',
  options: z.strictObject({ flags: z.array(z.enum(['idle', 'zombie'])).min(1) }),
  needsPlatform: false,
  run: (o, w) => {
    const hit = o.flags.filter((f) => w.flags.includes(f));
    return hit.length > 0 ? `flagged ${hit.join(' and ')}` : undefined;
  },
};

type CpuStat = 'p95' | 'p99' | 'peak' | 'avg';
const CpuStatSchema = z.enum(['p95', 'p99', 'peak', 'avg']);

/** The first statistic in `use` order the server's CPU utilisation (percent) carries, with its threshold. */
function firstCpuStat(use: { stat: CpuStat; above: number }[], w: Workload) {
  const cpu = w.utilization.cpu;
  if (!cpu || cpu.unit !== 'pct') return undefined;
  for (const u of use) {
    const v = cpu[u.stat];
    if (v !== undefined) return { ...u, value: v };
  }
  return undefined;
}

const physicalCpuAbove: WorkloadCheck<{ use: { stat: CpuStat; above: number }[] }> = {
  id: 'physical-cpu-above',
  summary:
    "a physical server's CPU utilisation (percent) is above a threshold: the first statistic of `use` (p95, p99, peak, avg) the server carries decides",
  options: z.strictObject({
    use: z.array(z.strictObject({ stat: CpuStatSchema, above: z.number().min(0).max(100) })).min(1),
  }),
  needsPlatform: false,
  run: (o, w) => {
    if (w.kind !== 'physical') return undefined;
    const s = firstCpuStat(o.use, w);
    return s && s.value > s.above ? `CPU ${s.stat} ${round(s.value)} % > ${s.above} %` : undefined;
  },
  lacks: (o, w) =>
    w.kind === 'physical' && !firstCpuStat(o.use, w) ? `no CPU ${o.use.map((u) => u.stat).join(' / ')} in percent` : undefined,
};

/** Whole-word match of a lower-case fragment, so "dos" does not match "freedos" nor "aix" "fairfax". */
function hasWord(text: string, fragment: string): boolean {
  const f = fragment.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${f}($|[^a-z0-9])`).test(text);
}

export function guestClassOf(os: Workload['os'], table: GuestPlatformsFile) {
  const name = [os.name, os.version].filter(Boolean).join(' ').toLowerCase();
  const entry = name
    ? table.entries.find((e) => e.match.every((m) => hasWord(name, m)) && !(e.exclude ?? []).some((x) => hasWord(name, x)))
    : undefined;
  if (entry) return { class: entry.class, name: entry.name, hardware: entry.hardware };
  const arch = (os.arch ?? '').toLowerCase();
  const nonX86 = arch ? table.nonX86Architectures.find((a) => arch.includes(a.match.toLowerCase())) : undefined;
  return nonX86 ? { class: 'non-x86' as const, name: os.name ?? os.arch!, hardware: nonX86.name } : undefined;
}

const guestClass: WorkloadCheck<{ class: GuestClass }> = {
  id: 'guest-class',
  summary: 'the guest OS is in a class of rules/reference/guest-platforms.yaml: non-x86 (AIX, HP-UX, Solaris SPARC, IBM i, z/OS) or legacy (OS/2, DOS, Windows NT)',
  options: z.strictObject({ class: z.enum(GUEST_CLASSES) }),
  needsPlatform: false,
  run: (o, w, ctx) => {
    const g = guestClassOf(w.os, ctx.rules.guestPlatforms);
    if (!g || g.class !== o.class) return undefined;
    const os = w.os.name ?? g.name;
    return g.hardware ? `${os} (${g.name}, built for ${g.hardware} hardware)` : `${os} (${g.name})`;
  },
};

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export const WORKLOAD_CHECKS: WorkloadCheck[] = [
  diskKind,
  configCountAbove,
  ftEnabled,
  osEndOfSupport,
  osNotSupportedByPlatform,
  firmwareNotSupported,
  exceedsPlatformLimit,
  exceedsHostModels,
  hasFlag,
  physicalCpuAbove,
  guestClass,
];
