import { Random } from '../../../src/util/random';
import { DemoDatastore, DemoEstate, DemoVm } from './model';

/**
 * The demo estate's datastores: a few VMFS datastores per cluster (mounted by every host of the cluster), one NFS
 * datastore in DC-North for the templates and some dev VMs, each VM's files on one datastore. Sizes follow from the VMs
 * placed on them, so vDatastore agrees with vInfo/vDisk: in use = the VMs' used disk (RDMs excluded: they are LUNs, not
 * files on the datastore) + swap of running VMs + snapshots; capacity leaves 20-45 % free, except one Prod-South
 * datastore that is near full so the report has something to say.
 *
 * Its own PRNG stream (seed + 1), drawn after the estate is built, so adding datastores did not reshuffle the rest.
 */

const MIB_PER_GIB = 1024;
/** Datastore cluster (storage DRS pod) per compute cluster; the dev and DMZ datastores are not in one. */
const DS_CLUSTER: Record<string, string> = { 'Prod-North': 'dsc-prod-north', 'Prod-South': 'dsc-prod-south' };
const SHORT: Record<string, string> = { 'Prod-North': 'pn', 'Dev-North': 'dn', 'Prod-South': 'ps', 'DMZ-South': 'dz' };
/** VMs per VMFS datastore (roughly): 480 VMs give 6 + 3 + 5 + 2. */
const VMS_PER_DATASTORE = 30;

const on = (vm: DemoVm) => vm.powerState === 'poweredOn';
const mib = (gib: number) => Math.round(gib * MIB_PER_GIB);

/** MiB a VM's files take on its datastore (thin disks at their used share, thick in full). */
export function vmInUseMib(vm: DemoVm): number {
  const disks = vm.disks.filter((d) => !d.raw).reduce((s, d) => s + (d.thin ? Math.round(mib(d.capacityGib) * vm.usedPct) : mib(d.capacityGib)), 0);
  return disks + (on(vm) ? mib(vm.memoryGib) : 0) + vm.snapshots.reduce((s, x) => s + x.sizeMib, 0);
}

/** MiB provisioned for a VM's files: every (non-RDM) disk at full size, swap of running VMs, snapshots. */
export function vmProvisionedMib(vm: DemoVm): number {
  const disks = vm.disks.filter((d) => !d.raw).reduce((s, d) => s + mib(d.capacityGib), 0);
  return disks + (on(vm) ? mib(vm.memoryGib) : 0) + vm.snapshots.reduce((s, x) => s + x.sizeMib, 0);
}

function hex(rng: Random, n: number): string {
  return Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
}

/** Places every VM on a datastore (sets `vm.datastore`) and returns the datastores with their figures. */
export function buildDatastores(e: DemoEstate): DemoDatastore[] {
  const rng = new Random(e.seed + 1);
  const stores: DemoDatastore[] = [];
  const make = (name: string, type: 'VMFS' | 'NFS', hostClusters: string[], vcenter: number, dsCluster: string): DemoDatastore => {
    const d: DemoDatastore = {
      name,
      type,
      vcenter,
      cluster: dsCluster,
      hosts: e.hosts.filter((h) => hostClusters.includes(h.cluster)).map((h) => h.name),
      vms: [],
      capacityMib: 0,
      objectId: `datastore-${1100 + stores.length * 7}`,
      url: type === 'NFS' ? `ds:///vmfs/volumes/${hex(rng, 8)}-${hex(rng, 8)}/` : `ds:///vmfs/volumes/${hex(rng, 8)}-${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 12)}/`,
      address: type === 'NFS' ? 'nas01.dc-north.harbourline.example:/export/vmware-templates' : '',
    };
    stores.push(d);
    return d;
  };

  const vmfs = new Map<string, DemoDatastore[]>();
  for (const c of e.clusters) {
    const hosts = e.hosts.filter((h) => h.cluster === c);
    const vms = e.vms.filter((v) => v.host.cluster === c).length;
    const n = Math.max(2, Math.round(vms / VMS_PER_DATASTORE));
    const short = SHORT[c] ?? c.toLowerCase().replace(/[^a-z0-9]+/g, '');
    vmfs.set(c, Array.from({ length: n }, (_, i) => make(`${short}-vmfs${String(i + 1).padStart(2, '0')}`, 'VMFS', [c], hosts[0].vcenter, DS_CLUSTER[c] ?? '')));
  }
  const northClusters = e.clusters.filter((c) => e.hosts.some((h) => h.cluster === c && e.vcenters[h.vcenter].datacenter === 'DC-North'));
  const nfs = make('nfs-dn-templates', 'NFS', northClusters, 0, '');

  // VMs in estate order; each goes to the less filled of the two emptiest datastores of its cluster (by provisioned MiB)
  // (a heap per cluster keyed by provisioned MiB, then name: the order a full sort would give, at 200,000 VMs too)
  const provisioned = new Map<DemoDatastore, number>();
  const before = (a: DemoDatastore, b: DemoDatastore) => (provisioned.get(a) ?? 0) - (provisioned.get(b) ?? 0) || (a.name < b.name ? -1 : 1);
  const heaps = new Map([...vmfs].map(([c, list]) => [c, new Heap(list, before)]));
  for (const vm of e.vms) {
    let ds: DemoDatastore;
    const heap = heaps.get(vm.host.cluster)!;
    const emptiest = [heap.pop()!];
    if (vm.template || (vm.host.cluster.startsWith('Dev') && rng.next() < 0.12)) ds = nfs;
    else {
      if (heap.size > 0) emptiest.push(heap.pop()!);
      ds = emptiest[rng.next() < 0.75 ? 0 : emptiest.length - 1];
    }
    vm.datastore = ds.name;
    ds.vms.push(vm);
    provisioned.set(ds, (provisioned.get(ds) ?? 0) + vmProvisionedMib(vm));
    for (const d of emptiest) heap.push(d);
  }

  // The near-full one: the Prod-South datastore holding the most, else the fullest datastore of all.
  const south = vmfs.get('Prod-South') ?? [...vmfs.values()][0];
  const nearFull = [...south].sort((a, b) => inUse(b) - inUse(a) || (a.name < b.name ? -1 : 1))[0];
  for (const d of stores) {
    const used = inUse(d);
    if (d === nearFull) {
      // 92-94 % in use, in 64 GiB steps (a LUN grown once already)
      d.capacityMib = Math.ceil(used / (0.92 + rng.next() * 0.02) / mib(64)) * mib(64);
    } else {
      const target = d.type === 'NFS' ? 0.4 + rng.next() * 0.15 : 0.55 + rng.next() * 0.25;
      d.capacityMib = Math.max(mib(1024), Math.ceil(used / target / mib(512)) * mib(512));
    }
  }
  return stores;
}

function inUse(d: DemoDatastore): number {
  return d.vms.reduce((s, v) => s + vmInUseMib(v), 0);
}

/** Figures of a datastore as RVTools vDatastore writes them (MiB). */
export function datastoreFigures(d: DemoDatastore): { inUseMib: number; provisionedMib: number; freeMib: number; freePct: number; vmsOn: number } {
  const inUseMib = inUse(d);
  const provisionedMib = d.vms.reduce((s, v) => s + vmProvisionedMib(v), 0);
  const freeMib = d.capacityMib - inUseMib;
  return { inUseMib, provisionedMib, freeMib, freePct: Math.round((freeMib / d.capacityMib) * 100), vmsOn: d.vms.filter(on).length };
}

/** A binary min-heap under `before` (a total order). */
class Heap<T> {
  private readonly items: T[] = [];
  constructor(items: T[], private readonly before: (a: T, b: T) => number) {
    for (const x of items) this.push(x);
  }
  get size(): number {
    return this.items.length;
  }
  push(x: T): void {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.before(a[i], a[parent]) >= 0) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l], a[m]) < 0) m = l;
        if (r < a.length && this.before(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}
