/**
 * A seeded generator of realistic estates for the planner benchmark and tests: the skew real estates have (many
 * 1-2 vCPU / 2-8 GiB VMs, a few 32-64 vCPU / 512 GiB monsters), CPU utilisation P95 around 15 %, memory 40-70 %,
 * log-normal disk sizes, older 2-socket hosts underneath. Same (n, seed) → the same inventory, byte for byte.
 */
import { Host, Inventory, INVENTORY_SCHEMA, Workload } from '../../../src/inventory/schema';
import { Random } from '../../../src/util/random';
import { VERSION } from '../../../src/version';

const VCPU_MIX: [number, number][] = [
  [1, 0.22],
  [2, 0.36],
  [4, 0.24],
  [8, 0.11],
  [16, 0.05],
  [32, 0.015],
  [64, 0.005],
];

const OSES: { family: Workload['os']['family']; name: string; weight: number }[] = [
  { family: 'windows', name: 'Microsoft Windows Server 2019 (64-bit)', weight: 0.3 },
  { family: 'windows', name: 'Microsoft Windows Server 2022 (64-bit)', weight: 0.22 },
  { family: 'linux', name: 'Red Hat Enterprise Linux 8 (64-bit)', weight: 0.22 },
  { family: 'linux', name: 'Ubuntu Linux (64-bit)', weight: 0.2 },
  { family: 'other', name: 'FreeBSD 13 (64-bit)', weight: 0.06 },
];

function weighted<T>(rng: Random, items: T[], weight: (t: T) => number): T {
  let r = rng.next();
  for (const it of items) {
    r -= weight(it);
    if (r <= 0) return it;
  }
  return items[items.length - 1];
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export interface EstateOptions {
  workloads: number;
  seed?: number;
  /** Share of workloads with no utilisation figures (sized on allocation). Default 0. */
  withoutUtilization?: number;
}

export function generateEstate(opts: EstateOptions): Inventory {
  const rng = new Random(opts.seed ?? 42);
  const n = opts.workloads;
  const hostCount = Math.max(2, Math.ceil(n / 22));
  const clusterCount = Math.max(1, Math.ceil(hostCount / 16));
  const prov = [{ file: `generated-estate-${n}-${opts.seed ?? 42}` }];
  const hosts: Host[] = [];
  for (let h = 0; h < hostCount; h++) {
    const cps = rng.pick([10, 12, 14, 16, 20]);
    const mhz = rng.pick([2100, 2200, 2400, 2600]);
    hosts.push({
      id: `gen/host-${h + 1}`,
      name: `esx${String(h + 1).padStart(4, '0')}.example.local`,
      cluster: `cl-${(h % clusterCount) + 1}`,
      sockets: 2,
      coresPerSocket: cps,
      cores: 2 * cps,
      cpuMhz: mhz,
      memoryMib: rng.pick([384, 512, 768]) * 1024,
      cpuUsagePct: r2(8 + rng.next() * 25),
      memoryUsagePct: r2(45 + rng.next() * 35),
      provenance: prov,
    });
  }
  const workloads: Workload[] = [];
  for (let i = 0; i < n; i++) {
    const vcpus = weighted(rng, VCPU_MIX, (x) => x[1])[0];
    const monster = vcpus >= 32;
    const memGib = monster ? rng.pick([256, 384, 512]) : Math.max(1, Math.round(vcpus * rng.pick([1, 2, 2, 4, 4, 8])));
    const os = weighted(rng, OSES, (o) => o.weight);
    const host = hosts[Math.floor(rng.next() * hosts.length)];
    const sql = os.family === 'windows' && rng.next() < 0.06;
    const name = `${sql ? 'sql' : os.family === 'windows' ? 'win' : 'lnx'}-${String(i + 1).padStart(6, '0')}`;
    const disk = Math.round(Math.min(8192, rng.logNormal(monster ? 800 : 80, 0.8)));
    const used = r2(disk * (0.35 + rng.next() * 0.5));
    const noUtil = rng.next() < (opts.withoutUtilization ?? 0);
    const cpuP95 = Math.min(100, rng.logNormal(13, 0.7));
    const memP95 = 40 + rng.next() * 30;
    const w: Workload = {
      id: `gen/${name}`,
      name,
      kind: 'vm',
      powerState: 'on',
      vcpus,
      memoryMib: memGib * 1024,
      provisionedGib: disk,
      usedGib: used,
      disks: [{ label: 'Hard disk 1', capacityGib: disk, usedGib: used }],
      utilization: noUtil
        ? {}
        : {
            cpu: { unit: 'pct', basis: 'percentile', avg: r2(cpuP95 * 0.45), p95: r2(cpuP95), peak: r2(Math.min(100, cpuP95 * 1.4)), samples: 8640 },
            memory: { unit: 'pct', basis: 'percentile', avg: r2(memP95 * 0.85), p95: r2(memP95), peak: r2(Math.min(100, memP95 * 1.1)), samples: 8640 },
          },
      os: { family: os.family, name: os.name },
      location: { cluster: host.cluster, host: host.name, hostId: host.id },
      tags: [],
      labels: {},
      drsRules: [],
      config: {},
      flags: noUtil ? ['missing-utilization'] : [],
      provenance: prov,
    };
    if (sql) w.application = 'sqlserver';
    workloads.push(w);
  }
  return {
    schema: INVENTORY_SCHEMA,
    generatedBy: { tool: 'dcplan', version: VERSION },
    sources: [{ file: prov[0].file, format: 'generated', rowsRead: n, workloads: n, hosts: hostCount, excluded: 0 }],
    workloads,
    hosts,
    clusters: [],
    excluded: [],
    coverage: {
      workloads: n,
      withCpuUtilization: workloads.filter((w) => w.utilization.cpu).length,
      withMemoryUtilization: workloads.filter((w) => w.utilization.memory).length,
      withStorage: n,
      withSeries: 0,
      withHostJoined: n,
      byFlag: {},
    },
    problems: [],
  };
}
