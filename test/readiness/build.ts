import { Inventory, InventorySchema, INVENTORY_SCHEMA, Workload, Host, Cluster } from '../../src/inventory/schema';

/** Small hand-written inventories for the readiness tests: only the fields a test cares about, the rest defaulted. */
export type WorkloadSpec = Partial<Omit<Workload, 'os' | 'config' | 'location'>> & {
  name: string;
  os?: Partial<Workload['os']>;
  config?: Workload['config'];
  location?: Workload['location'];
};
export type HostSpec = Partial<Host> & { name: string };
export type ClusterSpec = Partial<Cluster> & { name: string };

export interface InventorySpec {
  workloads: WorkloadSpec[];
  hosts?: HostSpec[];
  clusters?: ClusterSpec[];
}

const prov = [{ file: 'fixture' }];

export function buildInventory(spec: InventorySpec): Inventory {
  const workloads: Workload[] = spec.workloads.map((w) => ({
    id: w.id ?? `fixture/${w.name}`,
    kind: 'vm',
    powerState: 'on',
    vcpus: 2,
    memoryMib: 4096,
    disks: [],
    utilization: {},
    tags: [],
    labels: {},
    drsRules: [],
    flags: [],
    provenance: prov,
    ...w,
    os: { family: 'unknown', ...(w.os ?? {}) },
    config: w.config ?? {},
    location: w.location ?? {},
  }));
  const hosts: Host[] = (spec.hosts ?? []).map((h) => ({
    id: h.id ?? `fixture/${h.name}`,
    sockets: 2,
    coresPerSocket: 8,
    cores: 16,
    cpuMhz: 2400,
    memoryMib: 262144,
    provenance: prov,
    ...h,
  }));
  const clusters: Cluster[] = (spec.clusters ?? []).map((c) => ({ provenance: prov, ...c }));
  const inv = {
    schema: INVENTORY_SCHEMA,
    generatedBy: { tool: 'dcplan', version: 'test' },
    sources: [],
    workloads,
    hosts,
    clusters,
    excluded: [],
    coverage: { workloads: workloads.length, withCpuUtilization: 0, withMemoryUtilization: 0, withStorage: 0, withSeries: 0, withHostJoined: 0, byFlag: {} },
    problems: [],
  };
  // Fixtures must be valid inventories, or a test could pass on data the collectors can never produce.
  return InventorySchema.parse(inv);
}
