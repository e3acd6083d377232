/** Small hand-built estates for the planner tests: every number in them is chosen so results can be computed by hand. */
import { Host, Inventory, INVENTORY_SCHEMA, Workload } from '../../src/inventory/schema';

export interface VmSpec {
  name: string;
  vcpus?: number;
  memGib?: number;
  /** CPU utilisation P95 in % (omitted = no CPU figure). */
  cpuP95?: number;
  memP95?: number;
  diskGib?: number;
  cpuMhz?: number;
  os?: string;
  application?: string;
  drsRules?: string[];
  hostId?: string;
  flags?: Workload['flags'];
}

export function vm(s: VmSpec): Workload {
  const w: Workload = {
    id: `t/${s.name}`,
    name: s.name,
    kind: 'vm',
    powerState: 'on',
    vcpus: s.vcpus ?? 2,
    memoryMib: (s.memGib ?? 4) * 1024,
    disks: s.diskGib !== undefined ? [{ label: 'Hard disk 1', capacityGib: s.diskGib }] : [],
    utilization: {},
    os: { family: s.os && /windows/i.test(s.os) ? 'windows' : 'linux', name: s.os ?? 'Ubuntu Linux (64-bit)' },
    location: s.hostId ? { hostId: s.hostId, host: s.hostId } : {},
    tags: [],
    labels: {},
    drsRules: s.drsRules ?? [],
    config: {},
    flags: s.flags ?? [],
    provenance: [{ file: 'test' }],
  };
  if (s.cpuP95 !== undefined) w.utilization.cpu = { unit: 'pct', basis: 'percentile', p95: s.cpuP95, peak: 100 };
  if (s.memP95 !== undefined) w.utilization.memory = { unit: 'pct', basis: 'percentile', p95: s.memP95, peak: 100 };
  if (s.cpuMhz !== undefined) w.cpuMhz = s.cpuMhz;
  if (s.application !== undefined) w.application = s.application;
  return w;
}

export function host(id: string, over: Partial<Host> = {}): Host {
  return {
    id,
    name: id,
    sockets: 2,
    coresPerSocket: 10,
    cores: 20,
    cpuMhz: 2000,
    memoryMib: 256 * 1024,
    provenance: [{ file: 'test' }],
    ...over,
  };
}

export function inventory(workloads: Workload[], hosts: Host[] = []): Inventory {
  return {
    schema: INVENTORY_SCHEMA,
    generatedBy: { tool: 'dcplan', version: 'test' },
    sources: [],
    workloads,
    hosts,
    clusters: [],
    excluded: [],
    coverage: { workloads: workloads.length, withCpuUtilization: 0, withMemoryUtilization: 0, withStorage: 0, withSeries: 0, withHostJoined: 0, byFlag: {} },
    problems: [],
  };
}
