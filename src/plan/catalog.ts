/**
 * The host catalog as the planner sees it: per model, raw and plannable capacity per dimension
 * (plannable = raw × target utilisation; HCI storage = raw × (1 − storageSlack); a model on an external array has no
 * storage dimension at all — its VMs' disks are sized as array capacity), cores, cost, power and space. Optionally the customer's existing hosts,
 * grouped by identical configuration, as zero-cost models limited to how many there are.
 */
import { HostModel, Policy } from '../config/defaults';
import { Problem, warning } from '../diagnostics';
import { Inventory } from '../inventory/schema';
import { Dimension } from './types';

export interface CatalogModel {
  id: string;
  model: HostModel;
  cores: number;
  /** Raw hardware capacity per dimension (MHz, MiB, GiB, IOPS, Mbps). */
  raw: Partial<Record<Dimension, number>>;
  /** Capacity the planner may fill: raw × target utilisation. */
  capacity: Partial<Record<Dimension, number>>;
  existing: boolean;
}

/** `cpuFactor`: the CPU-generation conversion of the model's MHz (cpu-performance.ts modelFactor; 1 = raw MHz). */
export function rawCapacity(m: HostModel, cpuFactor = 1): Partial<Record<Dimension, number>> {
  const raw: Partial<Record<Dimension, number>> = {
    cpuMhz: m.sockets * m.coresPerSocket * m.cpuGhz * 1000 * cpuFactor,
    memoryMib: m.memoryGib * 1024,
  };
  if (m.storageGib !== undefined && m.storage === 'hci') raw.storageGib = m.storageGib;
  if (m.iops !== undefined) raw.iops = m.iops;
  if (m.networkGbps !== undefined) raw.networkMbps = m.networkGbps * 1000;
  return raw;
}

const TARGET_KEY: Record<Dimension, keyof Policy['targetUtilization']> = {
  cpuMhz: 'cpu',
  memoryMib: 'memory',
  storageGib: 'storage',
  iops: 'iops',
  networkMbps: 'network',
};

export function catalogModel(m: HostModel, policy: Policy, existing = false, cpuFactor = 1): CatalogModel {
  const raw = rawCapacity(m, cpuFactor);
  const capacity: Partial<Record<Dimension, number>> = {};
  for (const [dim, v] of Object.entries(raw) as [Dimension, number][])
    // vSAN slack space plays the role of the target utilisation for local capacity
    capacity[dim] = dim === 'storageGib' ? v * (1 - policy.storageSlack) : v * policy.targetUtilization[TARGET_KEY[dim]];
  return { id: m.id, model: m, cores: m.sockets * m.coresPerSocket, raw, capacity, existing };
}

/**
 * Existing hosts as models: one model per distinct (sockets, cores per socket, clock, memory), cost 0, maxCount = how
 * many. They carry no storage, IOPS or network figures in an inventory, so when the plan uses those dimensions they are
 * given the largest new model's figures (shared storage and network, as today) and the plan says so.
 */
export function existingHostModels(
  inv: Inventory,
  newModels: HostModel[],
  problems: Problem[],
  /** policy.existingHosts: the watts and rack units assumed for today's hosts, so a reused host is not counted as 0 W (issue 12). */
  assumed?: Policy['existingHosts'],
): HostModel[] {
  const groups = new Map<string, { sample: Inventory['hosts'][number]; count: number }>();
  for (const h of inv.hosts) {
    if (!(h.cpuMhz > 0) || !(h.memoryMib > 0) || !(h.cores > 0)) continue;
    // same sockets, cores, clock and memory: in practice the same CPU model too (the first host's is kept)
    const key = `${h.sockets}x${h.coresPerSocket}@${h.cpuMhz}/${h.memoryMib}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { sample: h, count: 1 });
  }
  // the current hosts join the catalog's storage kind: on an HCI catalog they are given its largest local capacity
  const largest = [...newModels].sort((a, b) => (b.storage === 'hci' ? b.storageGib ?? 0 : 0) - (a.storage === 'hci' ? a.storageGib ?? 0 : 0))[0];
  const hci = largest?.storage === 'hci';
  const out: HostModel[] = [];
  for (const [key, g] of [...groups].sort((a, b) => a[0].localeCompare(b[0], 'en-US'))) {
    const h = g.sample;
    const m: HostModel = {
      id: `existing-${key}`,
      sockets: h.sockets,
      coresPerSocket: h.coresPerSocket,
      cpuGhz: h.cpuMhz / 1000,
      memoryGib: h.memoryMib / 1024,
      ...(h.cpuModel ? { cpuModel: h.cpuModel } : {}),
      cost: 0,
      maxCount: g.count,
      storage: hci ? 'hci' : 'external',
      ...(assumed ? { powerIdleW: assumed.powerIdleW, powerMaxW: assumed.powerMaxW, rackUnits: assumed.rackUnits } : {}),
    };
    if (hci && largest.storageGib !== undefined) m.storageGib = largest.storageGib;
    if (largest?.iops !== undefined) m.iops = largest.iops;
    if (largest?.networkGbps !== undefined) m.networkGbps = largest.networkGbps;
    out.push(m);
  }
  if (out.length > 0)
    problems.push(
      warning(
        'existing-hosts-assumed',
        `reusing ${inv.hosts.length} existing host(s) as ${out.length} zero-cost model(s); their storage/IOPS/network capacity is unknown and taken as the largest new model's figures` +
          (assumed ? `, their power and space as policy.existingHosts (${assumed.powerIdleW}-${assumed.powerMaxW} W, ${assumed.rackUnits} U)` : ', their power and space as 0 W and 0 U'),
      ),
    );
  return out;
}
