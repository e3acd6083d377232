/**
 * Target clusters and the N+K reserve. A pool's active hosts are split into as few clusters as maxHostsPerCluster allows
 * (each cluster holds at most maxHostsPerCluster − K active hosts, sizes differ by at most one), and every cluster gets K
 * spare hosts. A spare must be able to take over any failed host of its cluster, so its model is the cheapest model
 * used in the cluster whose plannable capacity covers every host's load in every dimension (with K spares and any K
 * failures, each failed host's workloads restart on their own spare); if no model in use covers all of them (a mixed
 * cluster where one model has more CPU and another more memory), the cheapest covering model of the pool is used, and
 * failing that the largest model in use, with a warning. Spares are never the customer's existing hosts (all of those
 * are counted as available for active duty).
 * HCI pools: a cluster with fewer hosts than its storage policy needs (RAID-1 FTT=1: 3, RAID-6: 6, ...) is topped up with
 * empty hosts of the spare's model (`floor`); they hold no workloads, so they also absorb host failures.
 */
import { Problem, warning } from '../diagnostics';
import { CatalogModel } from './catalog';
import { Dimension } from './types';

export interface ActiveHost {
  model: CatalogModel;
  load: Partial<Record<Dimension, number>>;
  members: number[];
}

export interface ClusterPlan {
  name: string;
  active: ActiveHost[];
  reserve: CatalogModel[];
  /** Empty hosts beyond the spares that the HCI storage policy's minimum cluster size requires. */
  floor: CatalogModel[];
}

export function clusterCount(active: number, maxHostsPerCluster: number, spares: number): number {
  if (active === 0) return 0;
  return Math.ceil(active / Math.max(1, maxHostsPerCluster - spares));
}

export function splitClusters(
  pool: string,
  active: ActiveHost[],
  poolModels: CatalogModel[],
  dims: Dimension[],
  maxHostsPerCluster: number,
  spares: number,
  problems: Problem[],
  minHosts = 1,
  /** The spare model the cost decision priced in (ha-mix.ts); used when it covers the cluster. */
  preferredSpare?: CatalogModel,
): ClusterPlan[] {
  if (active.length === 0) return [];
  if (maxHostsPerCluster - spares < 1)
    problems.push(
      warning(
        'cluster-size-too-small',
        `pool "${pool}": maxHostsPerCluster ${maxHostsPerCluster} leaves no room beside ${spares} spare host(s); planning 1 active host per cluster`,
      ),
    );
  const count = clusterCount(active.length, maxHostsPerCluster, spares);
  const base = Math.floor(active.length / count);
  const extra = active.length % count;
  const clusters: ClusterPlan[] = [];
  let at = 0;
  for (let c = 0; c < count; c++) {
    const size = base + (c < extra ? 1 : 0);
    const hosts = active.slice(at, at + size);
    at += size;
    const name = count === 1 ? pool : `${pool}-${c + 1}`;
    const short = Math.max(0, minHosts - hosts.length - spares);
    const reserveModel =
      spares > 0 || short > 0
        ? preferredSpare && covers(preferredSpare, hosts, dims)
          ? preferredSpare
          : chooseReserveModel(name, hosts, poolModels, dims, problems)
        : null;
    clusters.push({
      name,
      active: hosts,
      reserve: reserveModel && spares > 0 ? Array.from({ length: spares }, () => reserveModel) : [],
      floor: reserveModel && short > 0 ? Array.from({ length: short }, () => reserveModel) : [],
    });
  }
  return clusters;
}

function covers(m: CatalogModel, hosts: ActiveHost[], dims: Dimension[]): boolean {
  return hosts.every((h) => dims.every((d) => (h.load[d] ?? 0) <= (m.capacity[d] ?? 0) * (1 + 1e-9)));
}

export function chooseReserveModel(
  cluster: string,
  hosts: ActiveHost[],
  poolModels: CatalogModel[],
  dims: Dimension[],
  problems: Problem[],
): CatalogModel {
  const byCost = (a: CatalogModel, b: CatalogModel) => a.model.cost - b.model.cost || a.id.localeCompare(b.id, 'en-US');
  // existing hosts are all in use already (maxCount = how many there are): spares are bought new
  const used = [...new Map(hosts.map((h) => [h.model.id, h.model])).values()].filter((m) => !m.existing).sort(byCost);
  const inUse = used.find((m) => covers(m, hosts, dims));
  if (inUse) return inUse;
  const any = [...poolModels].filter((m) => !m.existing).sort(byCost).find((m) => covers(m, hosts, dims));
  if (any) return any;
  const largest = [...(used.length ? used : poolModels)].sort((a, b) => (b.capacity.memoryMib ?? 0) - (a.capacity.memoryMib ?? 0) || byCost(a, b))[0];
  problems.push(
    warning(
      'reserve-does-not-cover',
      `cluster "${cluster}": no host model covers the load of every host in every dimension; the spare is a ${largest.id}`,
    ),
  );
  return largest;
}
