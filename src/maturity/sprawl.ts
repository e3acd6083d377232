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
