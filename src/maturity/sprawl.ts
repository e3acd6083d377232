import { Excluded, Inventory, Workload } from '../inventory/schema';

/**
 * VM sprawl as the export shows it: powered-off VMs and what they hold, snapshots and their age, idle and zombie
 * servers. Ages are counted in whole days up to the assessment date (`asOf`, yyyy-mm-dd), never the wall clock.
 */

const DAY_MS = 86_400_000;

/** Whole days from `day` to `asOf` (both yyyy-mm-dd); undefined when either is missing. */
export function daysBetween(day: string | undefined, asOf: string): number | undefined {
  if (day === undefined) return undefined;
  const d = Date.parse(`${day}T00:00:00Z`);
  const a = Date.parse(`${asOf}T00:00:00Z`);
  return Number.isNaN(d) || Number.isNaN(a) ? undefined : Math.floor((a - d) / DAY_MS);
}

/** A powered-off VM: kept in the estate (`--include-powered-off`) or left out of it, with what it holds. */
export interface PoweredOffVm {
  name: string;
  vcpus: number;
  memoryMib: number;
  provisionedGib?: number;
  cluster?: string;
  host?: string;
  createdOn?: string;
  /** Days since it was created (the export has no power-off date: a VM off today was off for at most this long). */
  ageDays?: number;
  inEstate: boolean;
}

function offFromWorkload(w: Workload, asOf: string): PoweredOffVm {
  return {
    name: w.name,
    vcpus: w.vcpus,
    memoryMib: w.memoryMib,
    ...(w.provisionedGib !== undefined ? { provisionedGib: w.provisionedGib } : {}),
    ...(w.location.cluster !== undefined ? { cluster: w.location.cluster } : {}),
    ...(w.location.host !== undefined ? { host: w.location.host } : {}),
    ...(w.config.createdOn !== undefined ? { createdOn: w.config.createdOn, ageDays: daysBetween(w.config.createdOn, asOf) } : {}),
    inEstate: true,
  };
}

function offFromExcluded(e: Excluded, asOf: string): PoweredOffVm {
  const h = e.held!;
  return {
    name: e.name ?? '(no name)',
    vcpus: h.vcpus,
    memoryMib: h.memoryMib,
    ...(h.provisionedGib !== undefined ? { provisionedGib: h.provisionedGib } : {}),
    ...(h.cluster !== undefined ? { cluster: h.cluster } : {}),
    ...(h.host !== undefined ? { host: h.host } : {}),
    ...(h.createdOn !== undefined ? { createdOn: h.createdOn, ageDays: daysBetween(h.createdOn, asOf) } : {}),
    inEstate: false,
  };
}

/** Every powered-off VM of the export (templates and system VMs are not counted), sorted by name. */
export function poweredOffVms(inv: Inventory, asOf: string): PoweredOffVm[] {
  const kept = inv.workloads.filter((w) => w.kind === 'vm' && w.powerState === 'off').map((w) => offFromWorkload(w, asOf));
  const left = inv.excluded
    .filter((e) => e.kind === 'workload' && e.code === 'powered-off' && e.held !== undefined)
    .map((e) => offFromExcluded(e, asOf));
  return [...kept, ...left].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface SnapshotFact {
  vm: string;
  name?: string;
  takenOn?: string;
  ageDays?: number;
  sizeMib?: number;
  host?: string;
}

/** Every snapshot of the estate's workloads (vSnapshot rows), oldest first, then by VM. */
export function snapshotsOf(inv: Inventory, asOf: string): SnapshotFact[] {
  const out: SnapshotFact[] = [];
  for (const w of inv.workloads)
    for (const s of w.config.snapshotList ?? [])
      out.push({
        vm: w.name,
        ...(s.name !== undefined ? { name: s.name } : {}),
        ...(s.takenOn !== undefined ? { takenOn: s.takenOn, ageDays: daysBetween(s.takenOn, asOf) } : {}),
        ...(s.sizeMib !== undefined ? { sizeMib: s.sizeMib } : {}),
        ...(w.location.host !== undefined ? { host: w.location.host } : {}),
      });
  return out.sort((a, b) => (b.ageDays ?? -1) - (a.ageDays ?? -1) || (a.vm < b.vm ? -1 : a.vm > b.vm ? 1 : 0));
}

/** The estate's idle and zombie servers (collect's flags, Azure Migrate's definitions). */
export function idleServers(inv: Inventory): Workload[] {
  return inv.workloads.filter((w) => w.flags.includes('idle') || w.flags.includes('zombie'));
}

/**
 * The workloads a reclaim scenario removes from the estate: idle and zombie servers (decommission, don't migrate) and
 * powered-off VMs kept in it (`--include-powered-off`). Sorted by name.
 */
export function reclaimable(inv: Inventory): Workload[] {
  return inv.workloads
    .filter((w) => w.flags.includes('idle') || w.flags.includes('zombie') || (isVmKind(w) && w.powerState === 'off'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const isVmKind = (w: Workload) => w.kind === 'vm' || w.kind === 'appliance';

/** The inventory with the reclaimable workloads removed (the reclaim scenario plans this). */
export function withoutReclaimable(inv: Inventory): Inventory {
  const gone = new Set(reclaimable(inv).map((w) => w.id));
  const workloads = inv.workloads.filter((w) => !gone.has(w.id));
  return { ...inv, workloads, coverage: { ...inv.coverage, workloads: workloads.length } };
}

/** One line of the sprawl list: what it is, where it sits and what it holds. */
export interface SprawlItem {
  kind: 'powered-off' | 'snapshot' | 'idle' | 'zombie';
  name: string;
  detail: string;
  ageDays?: number;
  storageGib?: number;
  host?: string;
}

/** Powered-off VMs and snapshots older than their limits, idle and zombie servers: the sprawl list. */
export function sprawlItems(inv: Inventory, o: { asOf: string; snapshotDays: number; poweredOffDays: number }): SprawlItem[] {
  const opt = <K extends keyof SprawlItem>(k: K, v: SprawlItem[K] | undefined) => (v === undefined ? {} : { [k]: v });
  const off = poweredOffVms(inv, o.asOf)
    .filter((v) => (v.ageDays ?? -1) > o.poweredOffDays)
    .map((v): SprawlItem => ({ kind: 'powered-off', name: v.name, detail: `created ${v.createdOn}${v.inEstate ? '' : ', left out of the plan'}`, ...opt('ageDays', v.ageDays), ...opt('storageGib', v.provisionedGib), ...opt('host', v.host) }));
  const snaps = snapshotsOf(inv, o.asOf)
    .filter((s) => (s.ageDays ?? -1) > o.snapshotDays)
    .map((s): SprawlItem => ({ kind: 'snapshot', name: s.vm, detail: `snapshot "${s.name ?? ''}" taken ${s.takenOn}`, ...opt('ageDays', s.ageDays), ...opt('storageGib', s.sizeMib === undefined ? undefined : Math.round((s.sizeMib / 1024) * 10) / 10), ...opt('host', s.host) }));
  const idle = idleServers(inv).map((w): SprawlItem => ({
    kind: w.flags.includes('zombie') ? 'zombie' : 'idle',
    name: w.name,
    detail: `${w.vcpus} vCPU, ${Math.round(w.memoryMib / 102.4) / 10} GiB memory`,
    ...opt('storageGib', w.provisionedGib),
    ...opt('host', w.location.host),
  }));
  return [...off, ...snaps, ...idle];
}

function totals(ws: readonly Workload[], hosts: number) {
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    workloads: ws.length,
    hosts,
    vcpus: ws.reduce((s, w) => s + w.vcpus, 0),
    memoryGib: r1(ws.reduce((s, w) => s + w.memoryMib, 0) / 1024),
    storageGib: r1(ws.reduce((s, w) => s + (w.provisionedGib ?? 0), 0)),
  };
}

/** The reclaim scenario's figures from today's estate and the host counts of its two plans. */
export function reclaimFigures(inv: Inventory, hostsToday: number, hostsReclaimed: number) {
  const removed = reclaimable(inv);
  return {
    removed: removed.map((w) => w.name),
    today: totals(inv.workloads, hostsToday),
    reclaimed: totals(withoutReclaimable(inv).workloads, hostsReclaimed),
  };
}
