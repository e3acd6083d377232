/**
 * Storage where it really lives (issue 10). A pool's host models declare it:
 *  - external (a SAN/NAS array): storage is no packing dimension; the array is sized instead, per source datastore type
 *      demand GiB  = (provisioned | used) GiB / storageDedupe × f           f = (1 + headroom) × (1 + growth)
 *      needed GiB  = demand GiB / targetUtilization.storage                 (usable capacity the array must offer)
 *    a workload's GiB are split over its disks' datastores in proportion to disk size; unknown datastores count as
 *    "unknown"; the thin (used) and thick (provisioned) figures are both given, the configured basis is the headline;
 *  - hci (vSAN-like local disks): storage is packed on the hosts
 *      data GiB    = max(figure, Σ disks + swap) with disks known, else figure + swap   (swap = memory − reservation;
 *                    the VM's provisioned figure in vCenter may already include its swap file, so it is not added twice)
 *      demand GiB  = data GiB × storage policy multiplier / storageDedupe × f
 *      capacity    = storageGib × (1 − storageSlack) per host; every cluster has at least the policy's minimum hosts.
 */
import { Policy } from '../config/defaults';
import { STORAGE_POLICIES, StoragePolicyFacts, StoragePolicyId } from '../config/storage-policy';
import { Datastore, Inventory, Workload } from '../inventory/schema';
import { CatalogModel } from './catalog';
import { demandFactor, provisionedGib, round, usedGib } from './sizing';
import { ArrayRow, ArraySizing, PlannedHost, PoolStorage } from './types';

export type StorageKind = 'external' | 'hci';

export function poolKind(models: CatalogModel[]): StorageKind {
  return models.length > 0 && models.every((m) => m.model.storage === 'hci') ? 'hci' : 'external';
}

export function policyFacts(id: StoragePolicyId): StoragePolicyFacts {
  return STORAGE_POLICIES[id];
}

/** The VM swap file: configured memory less the memory reservation, GiB. */
export function swapGib(w: Workload): number {
  const reserved = Math.min(w.memoryMib, Math.max(0, w.config.memoryReservationMib ?? 0));
  return Math.max(0, w.memoryMib - reserved) / 1024;
}

/** HCI demand of one workload (GiB of raw local capacity), and the swap share of it; undefined without a storage figure. */
export function hciDemand(w: Workload, policy: Policy, facts: StoragePolicyFacts): { gib: number; swapGib: number } | undefined {
  const prov = provisionedGib(w);
  const used = usedGib(w);
  const onUsed = policy.storageBasis === 'used' && used !== undefined;
  const figure = onUsed ? used : prov;
  if (figure === undefined) return undefined;
  let data = figure;
  const swap = policy.storageSwap ? swapGib(w) : 0;
  if (policy.storageSwap) {
    const disks = w.disks.length > 0 ? w.disks.reduce((s, d) => s + (onUsed ? d.usedGib ?? d.capacityGib : d.capacityGib), 0) : undefined;
    data = disks === undefined ? figure + swap : Math.max(figure, disks + swap);
  }
  const k = (facts.multiplier / policy.storageDedupe) * demandFactor(policy);
  // the swap files are in the demand either way: added to the disks, or already inside the VM's provisioned figure
  return { gib: data * k, swapGib: swap * k };
}

export function storageFormulas(policy: Policy): string[] {
  const p = STORAGE_POLICIES[policy.storagePolicy];
  return [
    `external array (host models with storage: external): needed usable GiB = ${policy.storageBasis} GiB / dedupe ${policy.storageDedupe} × f / target ${policy.targetUtilization.storage}, per source datastore type`,
    `HCI (storage: hci): demand GiB = max(${policy.storageBasis} GiB, disks + swap) × ${round(p.multiplier, 4)} (${p.label}) / dedupe ${policy.storageDedupe} × f` +
      `${policy.storageSwap ? '; swap = memory − memory reservation' : '; swap files not counted (storageSwap: false)'}; ` +
      `host capacity = storageGib × (1 − slack ${policy.storageSlack}); at least ${p.minHosts} hosts per cluster (${p.source})`,
  ];
}

const TYPE_LABEL: Record<string, string> = { vmfs: 'VMFS', nfs: 'NFS', nfs41: 'NFS 4.1', vsan: 'vSAN', vvol: 'vVol', pmem: 'PMem' };
export function datastoreType(t: string | undefined): string {
  if (!t) return 'unknown';
  return TYPE_LABEL[t.trim().toLowerCase()] ?? t.trim();
}

function emptyRow(type: string): ArrayRow {
  return { type, datastores: 0, currentCapacityGib: 0, currentUsedGib: 0, workloads: 0, provisionedGib: 0, usedGib: 0, neededProvisionedGib: 0, neededUsedGib: 0, neededGib: 0 };
}

/** Where each workload's storage is: datastore type → share of its GiB (shares sum to 1). */
function typeShares(w: Workload, lookup: (vc: string | undefined, name: string) => Datastore | undefined): Map<string, number> {
  const withDs = w.disks.filter((d) => d.datastore !== undefined);
  const total = withDs.reduce((s, d) => s + Math.max(0, d.capacityGib), 0);
  const out = new Map<string, number>();
  if (withDs.length === 0 || total <= 0) return out.set('unknown', 1);
  for (const d of withDs) {
    const t = datastoreType(lookup(w.location.vcenter, d.datastore!)?.type);
    out.set(t, (out.get(t) ?? 0) + Math.max(0, d.capacityGib) / total);
  }
  return out;
}

/** The external array: what the placed workloads of external pools need, per source datastore type, beside today's datastores. */
export function sizeArray(inv: Inventory, workloads: Workload[], policy: Policy): ArraySizing {
  const f = demandFactor(policy);
  const target = policy.targetUtilization.storage;
  const stores = inv.datastores ?? [];
  const byKey = new Map<string, Datastore>();
  const byName = new Map<string, Datastore>();
  for (const d of stores) {
    byKey.set(`${d.vcenter ?? ''}\u0000${d.name}`, d);
    if (!byName.has(d.name)) byName.set(d.name, d);
  }
  const lookup = (vc: string | undefined, name: string) => byKey.get(`${vc ?? ''}\u0000${name}`) ?? byName.get(name);
  const rows = new Map<string, ArrayRow>();
  const row = (t: string) => rows.get(t) ?? rows.set(t, emptyRow(t)).get(t)!;
  for (const d of stores) {
    const r = row(datastoreType(d.type));
    r.datastores++;
    r.currentCapacityGib += d.capacityGib;
    r.currentUsedGib! += d.usedGib ?? (d.freeGib !== undefined ? d.capacityGib - d.freeGib : 0);
  }
  let usedFallback = 0;
  let noFigure = 0;
  for (const w of workloads) {
    const prov = provisionedGib(w);
    if (prov === undefined) {
      noFigure++;
      continue;
    }
    let used = usedGib(w);
    if (used === undefined) {
      usedFallback++;
      used = prov;
    }
    for (const [t, share] of typeShares(w, lookup)) {
      const r = row(t);
      r.workloads++;
      r.provisionedGib += prov * share;
      r.usedGib += used * share;
    }
  }
  const finish = (r: ArrayRow): ArrayRow => {
    r.neededProvisionedGib = (r.provisionedGib / policy.storageDedupe) * (f / target);
    r.neededUsedGib = (r.usedGib / policy.storageDedupe) * (f / target);
    r.neededGib = policy.storageBasis === 'used' ? r.neededUsedGib : r.neededProvisionedGib;
    for (const k of ['currentCapacityGib', 'currentUsedGib', 'provisionedGib', 'usedGib', 'neededProvisionedGib', 'neededUsedGib', 'neededGib'] as const)
      if (r[k] !== undefined) r[k] = round(r[k], 1);
    return r;
  };
  const byType = [...rows.values()].sort((a, b) => b.neededGib - a.neededGib || b.currentCapacityGib - a.currentCapacityGib || a.type.localeCompare(b.type, 'en-US'));
  const total = emptyRow('total');
  for (const r of byType) {
    total.datastores += r.datastores;
    total.currentCapacityGib += r.currentCapacityGib;
    total.currentUsedGib! += r.currentUsedGib ?? 0;
    total.provisionedGib += r.provisionedGib;
    total.usedGib += r.usedGib;
  }
  total.workloads = workloads.length - noFigure;
  return {
    basis: policy.storageBasis,
    factor: round(f, 4),
    dedupe: policy.storageDedupe,
    targetUtilization: target,
    workloads: workloads.length,
    workloadsWithoutFigure: noFigure,
    usedFellBackToProvisioned: usedFallback,
    byType: byType.map(finish),
    total: finish(total),
  };
}

/** Per pool: storage kind, and for HCI the policy, hosts, raw / usable capacity and the packed demand. */
export function poolStorage(pool: string, kind: StorageKind, facts: StoragePolicyFacts, hosts: PlannedHost[], models: Map<string, CatalogModel>, swap: number, policy: Policy): PoolStorage {
  if (kind === 'external') return { pool, storage: 'external', hosts: hosts.length };
  let raw = 0;
  let usable = 0;
  let demand = 0;
  for (const h of hosts) {
    const m = models.get(h.model);
    raw += m?.raw.storageGib ?? 0;
    usable += m?.capacity.storageGib ?? 0;
    demand += h.load.storageGib ?? 0;
  }
  const clusters = new Set(hosts.map((h) => h.cluster)).size;
  return {
    pool,
    storage: 'hci',
    hosts: hosts.length,
    clusters,
    policy: facts.id,
    policyLabel: facts.label,
    multiplier: round(facts.multiplier, 4),
    minHostsPerCluster: facts.minHosts,
    slack: policy.storageSlack,
    rawGib: round(raw, 1),
    usableGib: round(usable, 1),
    demandGib: round(demand, 1),
    swapGib: round(swap, 1),
  };
}
