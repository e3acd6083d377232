import { osFamily } from '../../../src/inventory/os';
import { Host, Inventory, INVENTORY_SCHEMA, Workload } from '../../../src/inventory/schema';
import { VERSION } from '../../../src/version';
import { buildDemoEstate } from './estate';
import { DemoOptions } from './demo-files';
import { DemoPhysical, DemoVm } from './model';

/**
 * The seeded demo estate (the one estate generator) as an inventory, built in memory for the planner's tests and
 * bench:plan (up to a million workloads, where writing and collecting files would dominate): the running VMs as
 * RVTools reports them (CPU and consumed memory at the moment of the export) and the physical servers with their
 * monitoring percentiles; templates and powered-off VMs are left out, as `dcplan collect` does by default.
 * Same (vms, seed) → the same inventory.
 */
export function estateInventory(opts: DemoOptions): Inventory {
  const estate = buildDemoEstate(opts);
  const prov = [{ file: `demo-estate-${estate.vms.length}-${estate.seed}` }];
  const hosts: Host[] = estate.hosts.map((h) => ({
    id: `demo/${h.name}`,
    name: h.name,
    cluster: h.cluster,
    sockets: h.spec.sockets,
    coresPerSocket: h.spec.coresPerSocket,
    cores: h.spec.sockets * h.spec.coresPerSocket,
    cpuMhz: h.spec.mhz,
    memoryMib: h.spec.memoryGib * 1024,
    provenance: prov,
  }));
  const running = estate.vms.filter((v) => !v.template && v.powerState === 'poweredOn');
  const workloads = [...running.map((v) => vmWorkload(v, prov)), ...estate.physical.map((p) => physicalWorkload(p, prov))];
  return {
    schema: INVENTORY_SCHEMA,
    generatedBy: { tool: 'dcplan', version: VERSION },
    sources: [{ file: prov[0].file, format: 'generated', rowsRead: workloads.length, workloads: workloads.length, hosts: hosts.length, excluded: 0 }],
    workloads,
    hosts,
    clusters: [],
    excluded: [],
    coverage: {
      workloads: workloads.length,
      withCpuUtilization: workloads.length,
      withMemoryUtilization: workloads.length,
      withStorage: workloads.length,
      withSeries: 0,
      withHostJoined: running.length,
      byFlag: {},
    },
    problems: [],
  };
}

const r2 = (x: number) => Math.round(x * 100) / 100;

function vmWorkload(vm: DemoVm, provenance: Workload['provenance']): Workload {
  const disks = vm.disks.map((d, i) => ({
    label: `Hard disk ${i + 1}`,
    capacityGib: d.capacityGib,
    usedGib: r2(d.thin ? d.capacityGib * vm.usedPct : d.capacityGib),
  }));
  const w: Workload = {
    id: `demo/${vm.name}`,
    name: vm.name,
    kind: 'vm',
    powerState: 'on',
    vcpus: vm.vcpus,
    memoryMib: vm.memoryGib * 1024,
    provisionedGib: disks.reduce((s, d) => s + d.capacityGib, 0),
    usedGib: r2(disks.reduce((s, d) => s + d.usedGib, 0)),
    disks,
    utilization: {
      cpu: { unit: 'pct', basis: 'snapshot', avg: vm.cpuPct, samples: 1 },
      memory: { unit: 'pct', basis: 'snapshot', avg: vm.memConsumedPct, samples: 1 },
    },
    os: { family: osFamily(vm.os.config), name: vm.os.config },
    location: { cluster: vm.host.cluster, host: vm.host.name, hostId: `demo/${vm.host.name}` },
    application: vm.application,
    tags: [],
    labels: {},
    drsRules: [],
    config: {},
    flags: [],
    provenance,
  };
  return w;
}

function physicalWorkload(p: DemoPhysical, provenance: Workload['provenance']): Workload {
  return {
    id: `demo/${p.name}`,
    name: p.name,
    kind: 'physical',
    powerState: 'on',
    vcpus: p.vcpus,
    memoryMib: p.memoryGib * 1024,
    provisionedGib: p.storageGib,
    usedGib: p.storageUsedGib,
    disks: [{ label: 'disk', capacityGib: p.storageGib, usedGib: p.storageUsedGib }],
    utilization: {
      cpu: { unit: 'pct', basis: 'percentile', avg: p.cpuAvg, p95: p.cpuP95 },
      memory: { unit: 'pct', basis: 'percentile', avg: p.memAvg, p95: p.memP95 },
    },
    os: { family: osFamily(p.os), name: p.os },
    location: {},
    application: p.application,
    tags: [],
    labels: {},
    drsRules: [],
    config: {},
    flags: [],
    provenance,
  };
}
