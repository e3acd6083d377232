import { Datastore, Workload } from '../inventory/schema';

/**
 * Identity across sources. A VM is its vCenter plus its VM UUID (or VM ID): two records with the same identity are
 * one VM seen twice (the same export given twice, or two exports of one vCenter); two records with different
 * identities are two VMs, whatever their names. Only records without that identity (CSV inventories, cloud
 * assessments, exports without UUID columns) fall back to the name, and then only when their vCenters do not differ.
 * A datastore is its vCenter + datacenter + name (NFS datastores named `server:/path` recur across sites, and their
 * URLs, derived from server and path, recur with them).
 */

/** `vc|<vcenter>|uuid:<VM UUID>` and `vc|<vcenter>|id:<VM ID>`, as far as the record has them; none without a vCenter. */
export function identityKeys(w: Workload): string[] {
  const vc = w.location.vcenter?.toLowerCase();
  if (vc === undefined) return NO_KEYS;
  const keys: string[] = [];
  if (w.location.vmUuid !== undefined) keys.push(`vc|${vc}|uuid:${w.location.vmUuid.toLowerCase()}`);
  if (w.location.vmId !== undefined) keys.push(`vc|${vc}|id:${w.location.vmId.toLowerCase()}`);
  return keys;
}

const NO_KEYS: string[] = [];

/**
 * Whether two records with matching names may be one VM: not when both carry an identity (then only the identity
 * decides), nor when both name a vCenter and the vCenters differ.
 */
export function nameMayJoin(a: Workload, b: Workload): boolean {
  if (identityKeys(a).length > 0 && identityKeys(b).length > 0) return false;
  const va = a.location.vcenter?.toLowerCase();
  const vb = b.location.vcenter?.toLowerCase();
  return va === undefined || vb === undefined || va === vb;
}

/** Datastore key for merging files: none without a vCenter (file-named `datastore1`s are not one datastore). */
export function datastoreKey(d: Datastore): string | undefined {
  if (d.vcenter === undefined) return undefined;
  return `${d.vcenter.toLowerCase()}\u0000${(d.datacenter ?? '').toLowerCase()}\u0000${d.name}`;
}

/** Same key and no URL saying otherwise (two `local1` of one vCenter on different hosts have different URLs). */
export function sameDatastore(a: Datastore, b: Datastore): boolean {
  return a.url === undefined || b.url === undefined || a.url === b.url;
}

/** `vc-b.corp.local` → `vc-b`; a UUID label → its first 8 characters. */
function shortVcenter(vc: string): string {
  if (/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(vc)) return vc.slice(0, 8);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(vc)) return vc;
  return vc.split('.')[0];
}

/**
 * Display names made distinct where two kept workloads of different vCenters share one (`web01` in vc-a and in vc-b
 * become `web01 (vc-a)` and `web01 (vc-b)`), so plans and reports never show two different VMs under one name. The
 * full vCenter name is used when the short ones coincide. Returns the new names.
 */
export function distinctNames(workloads: Workload[]): string[] {
  const byName = new Map<string, Workload[]>();
  let vcenters: string | undefined;
  let several = false;
  for (const w of workloads) {
    const vc = w.location.vcenter;
    if (vc !== undefined && vcenters !== undefined && vc !== vcenters) several = true;
    vcenters ??= vc;
  }
  if (!several) return [];
  for (const w of workloads) {
    const k = w.name.trim().toLowerCase();
    const list = byName.get(k);
    if (list) list.push(w);
    else byName.set(k, [w]);
  }
  const renamed: string[] = [];
  for (const list of byName.values()) {
    if (list.length < 2) continue;
    const vcs = new Set(list.map((w) => w.location.vcenter?.toLowerCase()));
    if (vcs.size < 2) continue;
    const shorts = new Set([...vcs].map((v) => (v === undefined ? '' : shortVcenter(v))));
    for (const w of list) {
      const vc = w.location.vcenter;
      if (vc === undefined) continue;
      w.name = `${w.name} (${shorts.size === vcs.size ? shortVcenter(vc) : vc})`;
      renamed.push(w.name);
    }
  }
  return renamed;
}
