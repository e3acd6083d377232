import { Inventory, Workload } from '../inventory/schema';
import { INDICATOR_IDS, Indicator, IndicatorId } from './schema';
import { idleServers, poweredOffVms, snapshotsOf } from './sprawl';

/**
 * Maturity indicators: figures read from the inventory, each with the tab and column it comes from. A figure the
 * export cannot show is `value: null` with the reason, never a guess (a missing vCluster tab is not "no HA").
 */
export { INDICATOR_IDS } from './schema';
export type { Indicator, IndicatorId } from './schema';

export interface IndicatorOptions {
  /** Assessment date yyyy-mm-dd: ages are counted to it. */
  asOf: string;
  /** A snapshot older than this many days counts as old (VMware: keep one no longer than 72 hours). */
  snapshotDays: number;
  /** A powered-off VM created more than this many days ago counts as old sprawl. */
  poweredOffDays: number;
  /** End of support of a guest OS (yyyy-mm-dd), from the readiness rules' OS lifecycle table; absent = not judged. */
  endOfSupportOf?: (os: Workload['os']) => string | undefined;
  /** Which networks (port groups) form the DMZ zone; default: names containing "dmz". */
  dmzNetwork?: RegExp;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
const r1 = (x: number) => Math.round(x * 10) / 10;
const shareFigure = (n: number, of: number, noun: string) => `${n} of ${of} ${noun} (${pct(n / of)})`;
/** `1 template`, `2 templates` (nouns with a plain -s plural). */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function known(id: IndicatorId, title: string, value: number, unit: Indicator['unit'], figure: string, source: string): Indicator {
  return { id, title, value, unit, figure, source };
}
function unknown(id: IndicatorId, title: string, unit: Indicator['unit'], source: string, missing: string): Indicator {
  return { id, title, value: null, unit, figure: 'not in the export', source, missing };
}
function share(id: IndicatorId, title: string, n: number, of: number, noun: string, source: string, missing: string): Indicator {
  return of === 0 ? unknown(id, title, 'share', source, missing) : known(id, title, n / of, 'share', shareFigure(n, of, noun), source);
}

const isVm = (w: Workload) => w.kind === 'vm' || w.kind === 'appliance';
const running = (w: Workload) => isVm(w) && w.powerState === 'on';

function consolidation(inv: Inventory): Indicator[] {
  const hosts = inv.hosts;
  const on = inv.workloads.filter(running);
  const cores = hosts.reduce((s, h) => s + h.cores, 0);
  const vcpus = on.reduce((s, w) => s + w.vcpus, 0);
  const noHosts = 'no existing hosts in the inventory (RVTools vHost tab)';
  return [
    hosts.length === 0
      ? unknown('vms-per-host', 'Running VMs per host', 'ratio', 'vInfo Powerstate, vHost', noHosts)
      : known('vms-per-host', 'Running VMs per host', r1(on.length / hosts.length), 'ratio', `${on.length} running VMs on ${hosts.length} hosts (${r1(on.length / hosts.length)} per host)`, 'vInfo Powerstate, vHost'),
    cores === 0
      ? unknown('vcpu-per-core', 'vCPU per physical core', 'ratio', 'vInfo CPUs, vHost # Cores', noHosts.replace(')', ' with # Cores)'))
      : known('vcpu-per-core', 'vCPU per physical core', r1(vcpus / cores), 'ratio', `${vcpus} vCPUs of running VMs on ${cores} cores (${r1(vcpus / cores)}:1)`, 'vInfo CPUs, vHost # Cores'),
  ];
}

function clusterSettings(inv: Inventory): Indicator[] {
  const cs = inv.clusters;
  const of = (pick: (c: Inventory['clusters'][number]) => boolean | undefined) => {
    const k = cs.filter((c) => pick(c) !== undefined);
    return { n: k.filter((c) => pick(c) === true).length, of: k.length };
  };
  const noTab = (col: string) => `no cluster with "${col}" (RVTools vCluster tab)`;
  const ha = of((c) => c.haEnabled);
  const ac = of((c) => (c.haEnabled === false ? false : c.admissionControl));
  const drs = of((c) => c.drsEnabled);
  const full = of((c) => (c.drsEnabled === false ? false : c.drsAutomation === undefined ? undefined : /^fully/i.test(c.drsAutomation)));
  const vm = cs.filter((c) => c.vmotions !== undefined);
  const moves = vm.reduce((s, c) => s + c.vmotions!, 0);
  const vms = inv.workloads.filter((w) => isVm(w) && vm.some((c) => c.name === w.location.cluster)).length;
  return [
    share('ha-share', 'Clusters with HA enabled', ha.n, ha.of, 'clusters', 'vCluster HA enabled', noTab('HA enabled')),
    share('admission-control-share', 'Clusters with HA admission control', ac.n, ac.of, 'clusters', 'vCluster AdmissionControlEnabled', noTab('AdmissionControlEnabled')),
    share('drs-enabled-share', 'Clusters with DRS enabled', drs.n, drs.of, 'clusters', 'vCluster DRS enabled', noTab('DRS enabled')),
    share('drs-fully-automated-share', 'Clusters with DRS fully automated', full.n, full.of, 'clusters', 'vCluster DRS enabled, DRS default VM behavior', noTab('DRS default VM behavior')),
    vm.length === 0 || vms === 0
      ? unknown('vmotions-per-vm', 'vMotions per VM', 'ratio', 'vCluster Num VMotions', noTab('Num VMotions'))
      : known('vmotions-per-vm', 'vMotions per VM', r1(moves / vms), 'ratio', `${moves} vMotions in ${vm.length} cluster(s) with ${vms} VMs (${r1(moves / vms)} per VM)`, 'vCluster Num VMotions'),
  ];
}

function snapshots(inv: Inventory, o: IndicatorOptions): Indicator[] {
  const withTab = inv.workloads.filter((w) => isVm(w) && w.config.snapshots !== undefined);
  const noTab = 'no workload has snapshot data (RVTools vSnapshot tab)';
  const snaps = snapshotsOf(inv, o.asOf);
  const dated = snaps.filter((s) => s.ageDays !== undefined);
  const old = dated.filter((s) => s.ageDays! > o.snapshotDays);
  const sized = snaps.filter((s) => s.sizeMib !== undefined);
  const gib = r1(sized.reduce((t, s) => t + s.sizeMib!, 0) / 1024);
  const vmsWith = withTab.filter((w) => (w.config.snapshots ?? 0) > 0).length;
  return [
    share('snapshot-vm-share', 'VMs with snapshots', vmsWith, withTab.length, 'VMs', 'vSnapshot', noTab),
    withTab.length === 0 || (snaps.length > 0 && dated.length === 0)
      ? unknown('old-snapshots', `Snapshots older than ${o.snapshotDays} days`, 'count', 'vSnapshot Date / time', withTab.length === 0 ? noTab : 'no snapshot has a date (vSnapshot "Date / time")')
      : known('old-snapshots', `Snapshots older than ${o.snapshotDays} days`, old.length, 'count', `${old.length} of ${count(snaps.length, 'snapshot')}${dated[0] ? `, the oldest ${dated[0].ageDays} days (${dated[0].vm})` : ''}`, 'vSnapshot Date / time'),
    withTab.length === 0 || (snaps.length > 0 && sized.length === 0)
      ? unknown('snapshot-storage-gib', 'Storage held by snapshots', 'GiB', 'vSnapshot Size MiB (total)', withTab.length === 0 ? noTab : 'no snapshot has a size (vSnapshot "Size MiB (total)")')
      : known('snapshot-storage-gib', 'Storage held by snapshots', gib, 'GiB', `${gib} GiB in ${count(sized.length, 'snapshot')}`, 'vSnapshot Size MiB (total)'),
  ];
}

function poweredOff(inv: Inventory, o: IndicatorOptions): Indicator[] {
  const off = poweredOffVms(inv, o.asOf);
  const keptVms = inv.workloads.filter(isVm).length;
  const all = keptVms + off.filter((v) => !v.inEstate).length;
  const dated = off.filter((v) => v.ageDays !== undefined);
  const old = dated.filter((v) => v.ageDays! > o.poweredOffDays);
  const gib = r1(off.reduce((s, v) => s + (v.provisionedGib ?? 0), 0));
  return [
    share('powered-off-share', 'Powered-off VMs', off.length, all, 'VMs', 'vInfo Powerstate', 'no VMs in the inventory'),
    off.length > 0 && dated.length === 0
      ? unknown('powered-off-old', `Powered-off VMs created over ${o.poweredOffDays} days ago`, 'count', 'vInfo Powerstate, Creation date', 'no powered-off VM has a creation date (vInfo "Creation date")')
      : known('powered-off-old', `Powered-off VMs created over ${o.poweredOffDays} days ago`, old.length, 'count', `${old.length} of ${count(off.length, 'powered-off VM')} (the export has no power-off date: age since creation)`, 'vInfo Powerstate, Creation date'),
    known('powered-off-storage-gib', 'Storage held by powered-off VMs', gib, 'GiB', `${gib} GiB provisioned by ${count(off.length, 'powered-off VM')}`, 'vInfo Powerstate, Provisioned MiB'),
  ];
}

function estateHygiene(inv: Inventory, o: IndicatorOptions): Indicator[] {
  const vms = inv.workloads.filter(isVm);
  const physical = inv.workloads.filter((w) => w.kind === 'physical').length;
  const offLeft = inv.excluded.filter((e) => e.kind === 'workload' && e.code === 'powered-off').length;
  const allVms = vms.length + offLeft;
  const measured = inv.workloads.filter((w) => w.utilization.cpu !== undefined);
  const idle = idleServers(inv).length;
  const templates = inv.excluded.filter((e) => e.code === 'template').length;
  const osNamed = vms.filter((w) => w.os.name !== undefined);
  const osNames = new Set(osNamed.map((w) => w.os.name));
  const judged = o.endOfSupportOf ? osNamed.map((w) => o.endOfSupportOf!(w.os)).filter((d): d is string => d !== undefined) : [];
  const past = judged.filter((d) => d < o.asOf).length;
  const tools = vms.filter((w) => w.config.toolsStatus !== undefined);
  const toolsOk = tools.filter((w) => /ok$/i.test(w.config.toolsStatus!.replace(/[^a-z]/gi, ''))).length;
  const hw = vms.map((w) => w.config.hwVersion).filter((v): v is string => v !== undefined);
  const hwSet = [...new Set(hw)].sort((a, b) => hwNumber(a) - hwNumber(b));
  const backupKeys = [...new Set(vms.flatMap((w) => Object.keys(w.labels)).filter((k) => /backup/i.test(k)))].sort();
  const backedUp = vms.filter((w) => backupKeys.some((k) => (w.labels[k] ?? '').trim() !== '')).length;
  const builds = [...new Set(inv.hosts.map((h) => h.hypervisor).filter((v): v is string => v !== undefined))].sort();
  return [
    share('virtualised-share', 'Virtualised share of servers', allVms, allVms + physical, 'servers are VMs', 'vInfo (VMs), physical-server inputs', 'no servers in the inventory'),
    share('idle-zombie-share', 'Idle or zombie servers', idle, measured.length, 'servers with CPU utilisation', 'vInfo / vCPU utilisation (Azure Migrate idle rule)', 'no workload has CPU utilisation'),
    known('templates', 'VM templates', templates, 'count', count(templates, 'template'), 'vInfo Template'),
    osNamed.length === 0
      ? unknown('os-versions', 'Distinct guest OS versions', 'count', 'vInfo OS according to the VMware Tools / configuration file', 'no workload has a guest OS name')
      : known('os-versions', 'Distinct guest OS versions', osNames.size, 'count', `${osNames.size} OS versions on ${osNamed.length} VMs`, 'vInfo OS according to the VMware Tools / configuration file'),
    judged.length === 0
      ? unknown('os-end-of-support-share', 'Guests past end of support', 'share', 'vInfo OS, rules/reference/os-lifecycle.yaml', 'no guest OS matches the OS lifecycle table')
      : known('os-end-of-support-share', 'Guests past end of support', past / judged.length, 'share', `${shareFigure(past, judged.length, 'VMs with a known OS lifecycle')} as of ${o.asOf}`, 'vInfo OS, rules/reference/os-lifecycle.yaml'),
    share('tools-ok-share', 'VMware Tools current and running', toolsOk, tools.length, 'VMs with a Tools status', 'vTools Tools', 'no workload has a Tools status (RVTools vTools tab)'),
    hw.length === 0
      ? unknown('hw-version-spread', 'Virtual hardware versions in use', 'count', 'vInfo HW version', 'no workload has a hardware version (vInfo "HW version")')
      : known('hw-version-spread', 'Virtual hardware versions in use', hwSet.length, 'count', `${hwSet.length} versions (${hwSet.join(', ')}) on ${hw.length} VMs`, 'vInfo HW version'),
    backupKeys.length === 0
      ? unknown('backup-attribute-share', 'VMs with a backup attribute', 'share', 'vInfo custom attributes', 'no custom attribute names a backup (e.g. "Last Backup")')
      : known('backup-attribute-share', 'VMs with a backup attribute', backedUp / vms.length, 'share', `${shareFigure(backedUp, vms.length, 'VMs')} carry ${backupKeys.map((k) => `"${k}"`).join(', ')}`, 'vInfo custom attributes'),
    builds.length === 0
      ? unknown('host-builds', 'Distinct host builds', 'count', 'vHost ESX Version', 'no host has a hypervisor version (vHost "ESX Version")')
      : known('host-builds', 'Distinct host builds', builds.length, 'count', `${count(builds.length, 'build')} on ${count(inv.hosts.length, 'host')}: ${builds.join('; ')}`, 'vHost ESX Version'),
  ];
}

/**
 * Hosts where a VM on a DMZ network (port group) runs beside a VM on none: the paper's "VMs placed in the wrong
 * security zone". Needs each VM's networks (RVTools vNetwork) and its host.
 */
function zones(inv: Inventory, o: IndicatorOptions): Indicator {
  const dmz = o.dmzNetwork ?? /dmz/i;
  const title = 'Hosts mixing DMZ and internal VMs';
  const source = 'vNetwork Network (port group), vInfo Host';
  const placed = inv.workloads.filter((w) => isVm(w) && w.networks !== undefined && w.location.host !== undefined);
  if (placed.length === 0) return unknown('zone-shared-hosts', title, 'count', source, 'no VM has both networks (RVTools vNetwork tab) and a host');
  const byHost = new Map<string, { dmz: number; internal: number }>();
  for (const w of placed) {
    const inDmz = w.networks!.some((n) => dmz.test(n.network));
    const h = byHost.get(w.location.host!) ?? { dmz: 0, internal: 0 };
    if (inDmz) h.dmz++;
    else h.internal++;
    byHost.set(w.location.host!, h);
  }
  const mixed = [...byHost].filter(([, h]) => h.dmz > 0 && h.internal > 0).map(([name]) => name).sort();
  const dmzVms = placed.filter((w) => w.networks!.some((n) => dmz.test(n.network))).length;
  return known('zone-shared-hosts', title, mixed.length, 'count',
    dmzVms === 0 ? `no VM on a DMZ network (${dmz.source}) among ${placed.length} VMs` : `${mixed.length} of ${count(byHost.size, 'host')} run DMZ and internal VMs side by side${mixed.length > 0 ? `: ${mixed.slice(0, 5).join(', ')}${mixed.length > 5 ? ', …' : ''}` : ''} (${count(dmzVms, 'VM')} on DMZ networks)`,
    source);
}

function hwNumber(v: string): number {
  const m = /(\d+)/.exec(v);
  return m ? Number(m[1]) : 0;
}

/** Every indicator, in INDICATOR_IDS order. */
export function computeIndicators(inv: Inventory, o: IndicatorOptions): Indicator[] {
  const all = [...estateHygiene(inv, o), ...consolidation(inv), ...clusterSettings(inv), ...snapshots(inv, o), ...poweredOff(inv, o), zones(inv, o)];
  return INDICATOR_IDS.map((id) => all.find((i) => i.id === id)!);
}
