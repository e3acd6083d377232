import { Random } from '../../../src/util/random';
import { buildDatastores } from './datastores';
import { LeastLoaded } from './least-loaded';
import { DemoEstate, DemoHost, DemoPhysical, DemoVm, HostSpec, VCenter } from './model';
import { pickRole, ROLES, Role, SPECIAL_VMS, SpecialVm } from './roles';

/**
 * Builds the demo estate as plain data (no files): a fictional customer with two datacenters, four clusters of older
 * 2-socket hosts, a few hundred VMs with the skew real estates show, and a set of physical servers.
 * Every random choice goes through the seeded PRNG, so the same (seed, size) gives the same estate.
 */

export const DEMO_SEED = 20260522;
export const DEMO_VMS = 480;

const VCENTERS: VCenter[] = [
  { server: 'vcsa-north.harbourline.example', uuid: '3f1c9a52-7d4e-4b61-9a0e-52c8d1f0a311', datacenter: 'DC-North' },
  { server: 'vcsa-south.harbourline.example', uuid: '8b27e0c4-1a9d-4e3f-b6c2-0d94a7e5f622', datacenter: 'DC-South' },
];

/** The existing, ageing hosts per cluster; `share` = share of the VMs that cluster runs. */
const CLUSTERS: { name: string; vcenter: number; share: number; prefix: string; spec: HostSpec }[] = [
  {
    name: 'Prod-North', vcenter: 0, share: 0.4, prefix: 'esx-n',
    spec: { vendor: 'Dell Inc.', model: 'PowerEdge R730', cpuModel: 'Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz',
      mhz: 2394, sockets: 2, coresPerSocket: 14, memoryGib: 512, esx: 'VMware ESXi 6.7.0 build-17700523', evc: 'intel-broadwell' },
  },
  {
    name: 'Dev-North', vcenter: 0, share: 0.2, prefix: 'esx-nd',
    spec: { vendor: 'HPE', model: 'ProLiant DL380 Gen9', cpuModel: 'Intel(R) Xeon(R) CPU E5-2650 v3 @ 2.30GHz',
      mhz: 2297, sockets: 2, coresPerSocket: 10, memoryGib: 384, esx: 'VMware ESXi 6.5.0 build-16576891', evc: 'intel-haswell' },
  },
  {
    name: 'Prod-South', vcenter: 1, share: 0.3, prefix: 'esx-s',
    spec: { vendor: 'Dell Inc.', model: 'PowerEdge R740', cpuModel: 'Intel(R) Xeon(R) Gold 6138 CPU @ 2.00GHz',
      mhz: 1995, sockets: 2, coresPerSocket: 20, memoryGib: 768, esx: 'VMware ESXi 7.0.3 build-21930508', evc: 'intel-skylake' },
  },
  {
    name: 'DMZ-South', vcenter: 1, share: 0.1, prefix: 'esx-sz',
    spec: { vendor: 'Cisco Systems Inc', model: 'UCSC-C220-M4S', cpuModel: 'Intel(R) Xeon(R) CPU E5-2630 v4 @ 2.20GHz',
      mhz: 2195, sockets: 2, coresPerSocket: 10, memoryGib: 256, esx: 'VMware ESXi 6.7.0 build-17700523', evc: 'intel-broadwell' },
  },
];

const OWNERS = ['a.bakker', 'm.jansen', 'j.devries', 's.peeters', 'l.dubois', 'r.okafor', 'team-platform', 'team-data'];
const COST_CENTRES = ['CC1010', 'CC1020', 'CC2100', 'CC3300', 'CC4150'];

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function uuid(rng: Random): string {
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

function buildHosts(totalVms: number): { hosts: DemoHost[]; vmsPerCluster: number[] } {
  const hosts: DemoHost[] = [];
  const vmsPerCluster = CLUSTERS.map((c) => Math.round(totalVms * c.share));
  vmsPerCluster[0] += totalVms - vmsPerCluster.reduce((a, b) => a + b, 0);
  CLUSTERS.forEach((c, ci) => {
    const count = Math.max(3, Math.round(vmsPerCluster[ci] / 16));
    const dc = VCENTERS[c.vcenter];
    for (let i = 1; i <= count; i++) {
      hosts.push({
        name: `${c.prefix}${String(i).padStart(2, '0')}.${dc.datacenter.toLowerCase()}.harbourline.example`,
        cluster: c.name,
        vcenter: c.vcenter,
        spec: c.spec,
        vms: [],
      });
    }
  });
  return { hosts, vmsPerCluster };
}

/** CPU utilisation in percent: log-normal around ~11 % (mean ~15 %), the figure studies of server estates keep finding. */
function cpuUtil(rng: Random, role: Role): number {
  return round1(clamp(rng.logNormal(role.cpuMedianPct ?? 10, 0.75), 0.5, 88));
}

function makeDisks(rng: Random, role: Role, bigData: boolean): DemoVm['disks'] {
  const disks: DemoVm['disks'] = [{ capacityGib: rng.pick([40, 60, 80, 100]), thin: true }];
  const extra = role.dataDisks ?? rng.pick([0, 1, 1, 2]);
  for (let i = 0; i < extra; i++) {
    const size = bigData ? rng.logNormal(900, 0.5) : rng.logNormal(120, 0.8);
    disks.push({ capacityGib: Math.max(10, Math.round(size / 10) * 10), thin: rng.next() < 0.8 });
  }
  return disks;
}

function sizeFor(rng: Random, role: Role): { vcpus: number; memoryGib: number } {
  if (role.size) return { vcpus: rng.pick(role.size.vcpus), memoryGib: rng.pick(role.size.memoryGib) };
  // The long tail: most VMs are 1-2 vCPU / 2-8 GiB, a few are much larger.
  const vcpus = rng.pick([1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 8, 16]);
  const perVcpu = rng.pick([2, 2, 4, 4, 4, 8]);
  return { vcpus, memoryGib: Math.min(128, Math.max(2, vcpus * perVcpu)) };
}

function makeVm(rng: Random, name: string, role: Role | SpecialVm, host: DemoHost, id: number): DemoVm {
  const isSpecial = 'fixed' in role;
  const size = isSpecial ? role.fixed : sizeFor(rng, role);
  const os = rng.pick(role.os);
  const state = isSpecial ? 'active' : rng.next() < 0.06 ? 'off' : rng.next() < 0.06 ? 'idle' : rng.next() < 0.025 ? 'zombie' : 'active';
  const cpuPct = state === 'zombie' ? 0 : state === 'idle' ? round1(rng.next() * 2.5 + 0.2) : cpuUtil(rng, role);
  const activePct = state === 'zombie' ? 0 : state === 'idle' ? round1(rng.next() * 3 + 0.5) : round1(15 + rng.next() * 45);
  const consumedPct = state === 'zombie' ? 0 : round1(clamp(activePct + 25 + rng.next() * 30, 0, 98));
  const env = role.environment ?? (host.cluster.startsWith('Dev') ? rng.pick(['dev', 'test', 'test', 'acceptance']) : 'prod');
  return {
    name,
    vmId: `vm-${1000 + id}`,
    uuid: uuid(rng),
    host,
    powerState: state === 'off' ? 'poweredOff' : 'poweredOn',
    template: false,
    idle: state === 'idle',
    zombie: state === 'zombie',
    vcpus: size.vcpus,
    coresPerSocket: size.vcpus >= 8 && size.vcpus % 2 === 0 ? size.vcpus / 2 : 1,
    memoryGib: size.memoryGib,
    cpuPct: state === 'off' ? 0 : cpuPct,
    memActivePct: state === 'off' ? 0 : activePct,
    memConsumedPct: state === 'off' ? 0 : consumedPct,
    disks: isSpecial && role.disks ? role.disks.map((d) => ({ ...d })) : makeDisks(rng, role, !!role.bigData),
    usedPct: 0.3 + rng.next() * 0.5,
    nics: rng.next() < 0.85 ? 1 : 2,
    os,
    firmware: /2016|2019|2022|Enterprise Linux [89]|Ubuntu|SUSE.*15/.test(os.config) ? 'efi' : 'bios',
    secureBoot: /2022/.test(os.config) && rng.next() < 0.5,
    hwVersion: rng.pick(['13', '14', '14', '15', '19']),
    application: role.application,
    environment: env,
    owner: role.owner ?? rng.pick(OWNERS),
    costCentre: role.costCentre ?? rng.pick(COST_CENTRES),
    drsRule: isSpecial ? role.drsRule : undefined,
    ftState: isSpecial && role.ftState ? role.ftState : 'notConfigured',
    annotation: role.annotation ?? '',
    snapshots: [],
    usbDevices: isSpecial && role.usbDevices ? [...role.usbDevices] : [],
  };
}

/**
 * About one VM in twenty carries forgotten snapshots. Chosen from the VM's UUID rather than the PRNG so adding them did
 * not reshuffle the rest of the estate.
 */
function addSnapshots(vm: DemoVm): void {
  const h = parseInt(vm.uuid.slice(9, 13), 16);
  if (vm.template || h % 20 !== 0) return;
  const count = 1 + (h % 3);
  for (let i = 0; i < count; i++) {
    const month = 1 + ((h >> (i + 2)) % 12);
    vm.snapshots.push({
      name: i === 0 ? `before-patch-2024-${String(month).padStart(2, '0')}` : `pre-upgrade-${i}`,
      date: `2024/${String(month).padStart(2, '0')}/${String(1 + ((h >> 3) % 27)).padStart(2, '0')} 22:${String(10 + i).padStart(2, '0')}:00`,
      sizeMib: 512 + ((h * (i + 7)) % 40000),
    });
  }
}

/** Places a VM on the least-populated host of its cluster that does not hold an anti-affinity partner (ties: first). */
function chooseHost(rng: Random, hosts: DemoHost[], cluster: string, avoid: string | undefined): DemoHost {
  const candidates = hosts.filter((h) => h.cluster === cluster && !(avoid && h.vms.some((v) => v.drsRule === avoid)));
  const min = Math.min(...candidates.map((h) => h.vms.length));
  const least = candidates.filter((h) => h.vms.length <= min + 2);
  return rng.pick(least);
}

function makePhysical(rng: Random, index: number, counters: Map<string, number>): DemoPhysical {
  const kinds = [
    { prefix: 'phy-oracle', os: 'Oracle Linux 8', app: 'Oracle DB', cores: [16, 24, 32], mem: [128, 256, 384], util: 16 },
    { prefix: 'phy-backup', os: 'Microsoft Windows Server 2016 Standard', app: 'Backup', cores: [8, 16], mem: [64, 128], util: 9 },
    { prefix: 'phy-file', os: 'Microsoft Windows Server 2012 R2 Standard', app: 'File services', cores: [8, 12], mem: [32, 64], util: 6 },
    { prefix: 'phy-hpc', os: 'Rocky Linux 9', app: 'Route optimisation', cores: [24, 32], mem: [192, 256], util: 55 },
    { prefix: 'phy-aix-gw', os: 'FreeBSD 13.2', app: 'Mail gateway', cores: [4, 8], mem: [16, 32], util: 4 },
    { prefix: 'phy-scada', os: 'Microsoft Windows Server 2008 R2 Enterprise', app: 'Warehouse control', cores: [4, 8], mem: [16, 32], util: 12 },
    { prefix: 'phy-lnx', os: 'Red Hat Enterprise Linux 7.9', app: 'Legacy batch', cores: [8, 12, 16], mem: [32, 64, 96], util: 10 },
  ];
  const k = index < kinds.length ? kinds[index] : rng.pick(kinds);
  const n = (counters.get(k.prefix) ?? 0) + 1;
  counters.set(k.prefix, n);
  const vcpus = rng.pick(k.cores);
  const avg = round1(clamp(rng.logNormal(k.util, 0.45), 0.8, 70));
  const p95 = round1(clamp(avg * (1.5 + rng.next() * 0.9), avg, 95));
  const memAvg = round1(25 + rng.next() * 45);
  const storage = Math.round(rng.logNormal(1200, 0.7) / 100) * 100;
  return {
    name: `${k.prefix}-${String(n).padStart(2, '0')}`,
    vcpus,
    memoryGib: rng.pick(k.mem),
    storageGib: storage,
    storageUsedGib: Math.round(storage * (0.35 + rng.next() * 0.45)),
    cpuGhz: rng.pick([2.1, 2.4, 2.6, 3.0]),
    cpuAvg: avg,
    cpuP95: p95,
    memAvg,
    memP95: round1(clamp(memAvg * (1.1 + rng.next() * 0.3), memAvg, 96)),
    iops: Math.round(rng.logNormal(k.app === 'Oracle DB' ? 4000 : 600, 0.6)),
    networkMbps: Math.round(rng.logNormal(k.app === 'Backup' ? 900 : 120, 0.6)),
    os: k.os,
    environment: rng.next() < 0.8 ? 'prod' : 'test',
    application: k.app,
    datacenter: index % 2 === 0 ? 'DC-North' : 'DC-South',
    powerState: 'on',
    tags: [`rack:${rng.pick(['A', 'B', 'C'])}${rng.int(1, 24)}`, `owner:${rng.pick(OWNERS)}`],
  };
}

export function buildDemoEstate(opts: { seed?: number; vms?: number } = {}): DemoEstate {
  const rng = new Random(opts.seed ?? DEMO_SEED);
  const totalVms = opts.vms ?? DEMO_VMS;
  const { hosts, vmsPerCluster } = buildHosts(totalVms);
  const vms: DemoVm[] = [];
  const counters = new Map<string, number>();
  let id = 0;

  // The named VMs first (domain controllers, ERP, SQL, templates, the largest VMs), then the long tail by role.
  for (const s of SPECIAL_VMS) {
    if (vms.length >= totalVms) break;
    const host = chooseHost(rng, hosts, s.cluster, s.drsRule);
    const vm = makeVm(rng, s.name, s, host, id++);
    if (s.template) {
      vm.template = true;
      vm.powerState = 'poweredOff';
      vm.cpuPct = vm.memActivePct = vm.memConsumedPct = 0;
    }
    host.vms.push(vm);
    vms.push(vm);
  }
  const used = CLUSTERS.map((c) => vms.filter((v) => v.host.cluster === c.name).length);
  CLUSTERS.forEach((c, ci) => {
    const placer = new LeastLoaded(hosts.filter((h) => h.cluster === c.name));
    for (let i = used[ci]; i < vmsPerCluster[ci] && vms.length < totalVms; i++) {
      const role = pickRole(rng, c.name);
      const n = (counters.get(role.prefix) ?? 0) + 1;
      counters.set(role.prefix, n);
      const host = placer.place(rng);
      const vm = makeVm(rng, `${role.prefix}-${String(n).padStart(n > 99 ? 3 : 2, '0')}`, role, host, id++);
      host.vms.push(vm);
      vms.push(vm);
    }
  });

  vms.forEach(addSnapshots);
  const physCounters = new Map<string, number>();
  const physicalCount = Math.max(8, Math.round(totalVms * 0.075));
  const physical = Array.from({ length: physicalCount }, (_, i) => makePhysical(rng, i, physCounters));
  const estate: DemoEstate = { seed: opts.seed ?? DEMO_SEED, vcenters: VCENTERS, clusters: CLUSTERS.map((c) => c.name), hosts, vms, physical, datastores: [] };
  estate.datastores = buildDatastores(estate);
  return estate;
}

export { ROLES };
