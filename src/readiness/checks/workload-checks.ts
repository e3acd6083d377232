import { z } from 'zod';
import { Workload } from '../../inventory/schema';
import { WorkloadCheck } from './types';
import { APPLIANCE_ASPECTS, ApplianceAspect, ApplianceImportFile, GUEST_CLASSES, GuestClass, GuestPlatformsFile, OsLifecycleFile } from '../schema/rule-files';

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

/**
 * VMware Tools states as RVTools vTools `Tools` writes them (vSphere API `VirtualMachineToolsStatus`: toolsOk,
 * toolsOld, toolsNotRunning, toolsNotInstalled) and the newer `guestTools…` version / running states, by state dcplan
 * judges. `unmanaged` (open-vm-tools, managed by the guest OS) and unknown texts are never flagged.
 */
export const TOOLS_STATES = ['not-installed', 'not-running', 'out-of-date'] as const;
export type ToolsState = (typeof TOOLS_STATES)[number] | 'ok' | 'unmanaged';
const TOOLS_TEXT: Record<string, ToolsState> = {
  toolsok: 'ok', guesttoolscurrent: 'ok', guesttoolsrunning: 'ok', guesttoolssupportednew: 'ok', ok: 'ok',
  toolsold: 'out-of-date', guesttoolsneedupgrade: 'out-of-date', guesttoolstooold: 'out-of-date',
  guesttoolssupportedold: 'out-of-date', guesttoolsblacklisted: 'out-of-date',
  toolsnotrunning: 'not-running', guesttoolsnotrunning: 'not-running', notrunning: 'not-running',
  toolsnotinstalled: 'not-installed', guesttoolsnotinstalled: 'not-installed', notinstalled: 'not-installed',
  guesttoolsunmanaged: 'unmanaged',
};
const TOOLS_WORDS: Record<(typeof TOOLS_STATES)[number], string> = {
  'not-installed': 'not installed',
  'not-running': 'installed but not running',
  'out-of-date': 'out of date',
};

export function toolsStateOf(status: string | undefined): ToolsState | undefined {
  return status === undefined ? undefined : TOOLS_TEXT[status.toLowerCase().replace(/[^a-z]/g, '')];
}

const toolsStatus: WorkloadCheck<{ states: (typeof TOOLS_STATES)[number][] }> = {
  id: 'tools-status',
  summary:
    "the VM's VMware Tools status (RVTools vTools) is one of `states`: not-installed, not-running (powered-on VMs only: a powered-off VM runs no Tools), out-of-date",
  options: z.strictObject({ states: z.array(z.enum(TOOLS_STATES)).min(1) }),
  needsPlatform: false,
  run: (o, w) => {
    const s = toolsStateOf(w.config.toolsStatus);
    if (s === undefined || s === 'ok' || s === 'unmanaged' || !o.states.includes(s)) return undefined;
    if (s === 'not-running' && w.powerState !== 'on') return undefined;
    return `VMware Tools ${TOOLS_WORDS[s]} (${w.config.toolsStatus})`;
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

type ImportTarget = ApplianceImportFile['targets'][number];
type ApplianceInfo = NonNullable<Workload['appliance']>;

/** What stops or hampers deploying the appliance on the target, per aspect; undefined when nothing does. */
const APPLIANCE_ASPECT_CHECKS: Record<ApplianceAspect, (a: ApplianceInfo, w: Workload, t: ImportTarget) => string | undefined> = {
  'no-import': (a, _w, t) => {
    if (t.import === 'none') return `has no OVF / OVA import (${t.tool})`;
    if (t.originVmxOnly && !a.hardwareFamily.some((f) => /^vmx-\d+$/i.test(f)))
      return `imports only packages made by VMware vSphere (${t.tool}); this one declares ${a.hardwareFamily.join(', ') || 'no hardware family'}`;
    return undefined;
  },
  'multi-vm': (a, _w, t) =>
    a.group && a.group.members > 1 && t.multiVm === false
      ? `is one of ${a.group.members} virtual systems of the collection "${a.group.name}", and ${t.tool} imports one VM at a time`
      : undefined,
  'hardware-version': (a, _w, t) => {
    const newest = Math.max(0, ...a.hardwareFamily.map((f) => /^vmx-(\d+)$/i.exec(f)).filter((m) => m !== null).map((m) => Number(m[1])));
    return t.maxVmxVersion !== undefined && newest > t.maxVmxVersion
      ? `declares virtual hardware vmx-${newest}, newer than vmx-${t.maxVmxVersion}, the newest it accepts`
      : undefined;
  },
  uefi: (_a, w, t) =>
    t.uefiImport === false && (w.config.firmware === 'efi' || w.config.secureBoot === true)
      ? `boots with UEFI${w.config.secureBoot ? ' and Secure Boot' : ''}, which ${t.tool} does not carry over from another hypervisor`
      : undefined,
  'disk-format': (a, _w, t) => {
    if (!t.diskFormats) return undefined;
    const bad = a.diskFormats.filter((f) => !t.diskFormats!.includes(f.split('-')[0].toLowerCase()));
    return bad.length > 0 ? `has disks in ${bad.join(', ')}, which it does not read (${t.diskFormats.join(', ')}): convert them first` : undefined;
  },
  'manifest-unchecked': (a, _w, t) =>
    t.checksManifest === false
      ? `is imported by ${t.tool} without checking its manifest or signature (dcplan appliance check: manifest ${a.validation.manifest}, ${a.validation.signature})`
      : undefined,
};

const appliancePortability: WorkloadCheck<{ aspect: ApplianceAspect }> = {
  id: 'appliance-portability',
  summary: "an appliance (OVF / OVA) meets a limit of the platform's import (rules/reference/appliance-import.yaml): no-import, multi-vm, hardware-version, uefi, disk-format, manifest-unchecked",
  options: z.strictObject({ aspect: z.enum(APPLIANCE_ASPECTS) }),
  needsPlatform: true,
  run: (o, w, ctx) => {
    const a = w.appliance;
    const t = ctx.rules.applianceImport.targets.find((x) => x.platform === ctx.platform!.id);
    return a && t ? APPLIANCE_ASPECT_CHECKS[o.aspect](a, w, t) : undefined;
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
  appliancePortability,
  toolsStatus,
];
