import { Problem, warning } from '../../../diagnostics';
import { Cluster, Host } from '../../../inventory/schema';
import { VClusterRow, VHostRow, Where } from './records';

/** vCenter label for ids and `location.vcenter`: the server name when known, else its UUID. */
export function vcenterOf(r: { vcServer?: string; vcUuid?: string }): string | undefined {
  return r.vcServer ?? r.vcUuid;
}

/**
 * Hosts from vHost. Sockets, cores per socket and cores complete each other when one is missing; a field still
 * unknown is written as 0 with a warning naming the row (the schema requires a number; 0 never passes as real).
 */
export function buildHosts(rows: readonly VHostRow[], where: Where, sourceKey: string, problems: Problem[]): Host[] {
  const ids = new Set<string>();
  return rows.map((r) => {
    const cores = r.cores ?? (r.sockets !== undefined && r.coresPerCpu !== undefined ? r.sockets * r.coresPerCpu : undefined);
    const sockets = r.sockets ?? (cores !== undefined && r.coresPerCpu ? cores / r.coresPerCpu : undefined);
    const coresPerSocket = r.coresPerCpu ?? (cores !== undefined && sockets ? cores / sockets : undefined);
    const at = { file: where.file, sheet: where.sheet ?? 'vHost', row: r.row };
    const missing: string[] = [];
    if (sockets === undefined) missing.push('"# CPU" (sockets)');
    if (coresPerSocket === undefined) missing.push('"Cores per CPU"');
    if (cores === undefined) missing.push('"# Cores"');
    if (r.speedMhz === undefined) missing.push('"Speed" (MHz)');
    if (r.memoryMib === undefined) missing.push('"# Memory" (MiB)');
    if (missing.length > 0) {
      problems.push(
        warning('rvtools-host-incomplete', `Host ${r.host} has no ${missing.join(', ')}; written as 0 (unknown).`, at),
      );
    }
    const vcenter = vcenterOf(r);
    let id = `${vcenter ?? sourceKey}/${r.host}`;
    if (ids.has(id)) {
      problems.push(warning('rvtools-duplicate-host', `Host ${r.host} is listed twice in vHost; both rows are kept.`, at));
      id = `${id}#${r.row}`;
    }
    ids.add(id);
    const h: Host = {
      id,
      name: r.host,
      sockets: int(sockets),
      coresPerSocket: int(coresPerSocket),
      cores: int(cores),
      cpuMhz: r.speedMhz ?? 0,
      memoryMib: r.memoryMib ?? 0,
      provenance: [{ file: where.file, sheet: where.sheet ?? 'vHost', row: r.row }],
    };
    if (vcenter !== undefined) h.vcenter = vcenter;
    if (r.datacenter !== undefined) h.datacenter = r.datacenter;
    if (r.cluster !== undefined) h.cluster = r.cluster;
    if (r.cpuModel !== undefined) h.cpuModel = r.cpuModel;
    if (r.htActive !== undefined) {
      h.htActive = r.htActive;
      if (cores !== undefined) h.threads = int(r.htActive ? cores * 2 : cores);
    }
    if (r.cpuUsagePct !== undefined) h.cpuUsagePct = r.cpuUsagePct;
    if (r.memUsagePct !== undefined) h.memoryUsagePct = r.memUsagePct;
    if (r.vms !== undefined) h.vmCount = int(r.vms);
    if (r.vcpus !== undefined) h.vcpuCount = int(r.vcpus);
    if (r.maxEvc !== undefined) h.maxEvc = r.maxEvc;
    if (r.esxVersion !== undefined) h.hypervisor = r.esxVersion;
    if (r.vendor !== undefined) h.vendor = r.vendor;
    if (r.model !== undefined) h.model = r.model;
    return h;
  });
}

function int(v: number | undefined): number {
  return v === undefined || !Number.isFinite(v) ? 0 : Math.round(v);
}

const clusterKey = (vcenter: string | undefined, name: string) => `${vcenter ?? ''}\u0000${name}`;

/**
 * Clusters from vCluster (`Name`, or `Cluster` in some exports), then any cluster named by vHost that vCluster lacks
 * (or all of them when there is no vCluster tab), summing its hosts. vCluster `TotalMemory` is bytes in RVTools
 * (vSphere's summary.totalMemory); a value under 2^40 is taken as MiB, as some converters write it.
 */
export function buildClusters(rows: readonly VClusterRow[], where: Where | undefined, hosts: readonly Host[]): Cluster[] {
  const out: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const hostsOf = new Map<string, Host[]>();
  for (const h of hosts) {
    if (h.cluster === undefined) continue;
    const k = clusterKey(h.vcenter, h.cluster);
    const list = hostsOf.get(k);
    if (list) list.push(h);
    else hostsOf.set(k, [h]);
  }
  for (const r of rows) {
    const vcenter = vcenterOf(r);
    const c: Cluster = { name: r.name, provenance: [{ file: where!.file, sheet: where!.sheet ?? 'vCluster', row: r.row }] };
    if (vcenter !== undefined) c.vcenter = vcenter;
    const members = hostsOf.get(clusterKey(vcenter, r.name)) ?? hostsOf.get(clusterKey(undefined, r.name)) ?? [];
    const dc = r.datacenter ?? members.find((h) => h.datacenter)?.datacenter;
    if (dc !== undefined) c.datacenter = dc;
    const hostCount = r.numHosts ?? (members.length > 0 ? members.length : undefined);
    if (hostCount !== undefined) c.hostCount = Math.round(hostCount);
    if (r.totalCpuMhz !== undefined) c.totalCpuMhz = r.totalCpuMhz;
    if (r.totalMemory !== undefined) c.totalMemoryMib = r.totalMemory >= 2 ** 40 ? r.totalMemory / 1048576 : r.totalMemory;
    if (r.cores !== undefined) c.cores = Math.round(r.cores);
    if (r.haEnabled !== undefined) c.haEnabled = r.haEnabled;
    if (r.failoverLevel !== undefined) c.failoverLevel = Math.round(r.failoverLevel);
    if (r.admissionControl !== undefined) c.admissionControl = r.admissionControl;
    if (r.drsEnabled !== undefined) c.drsEnabled = r.drsEnabled;
    if (r.drsAutomation !== undefined) c.drsAutomation = r.drsAutomation;
    if (r.vmotions !== undefined) c.vmotions = Math.round(r.vmotions);
    if (members.length > 0) fillFromHosts(c, members, false);
    out.push(c);
    byKey.set(clusterKey(vcenter, r.name), c);
  }
  for (const [k, members] of hostsOf) {
    const h0 = members[0];
    if (byKey.has(k) || byKey.has(clusterKey(undefined, h0.cluster!))) continue;
    const c: Cluster = { name: h0.cluster!, provenance: [h0.provenance[0]] };
    if (h0.vcenter !== undefined) c.vcenter = h0.vcenter;
    if (h0.datacenter !== undefined) c.datacenter = h0.datacenter;
    fillFromHosts(c, members, true);
    out.push(c);
    byKey.set(k, c);
  }
  return out;
}

/** Fills the totals a cluster lacks from its hosts. */
function fillFromHosts(c: Cluster, members: readonly Host[], setCount: boolean): void {
  if (setCount || c.hostCount === undefined) c.hostCount = members.length;
  // A total is only written when every host knows its part (0 = unknown, see buildHosts).
  if (members.every((h) => h.cores > 0 && h.cpuMhz > 0)) c.totalCpuMhz ??= members.reduce((s, h) => s + h.cores * h.cpuMhz, 0);
  if (members.every((h) => h.memoryMib > 0)) c.totalMemoryMib ??= members.reduce((s, h) => s + h.memoryMib, 0);
  if (members.every((h) => h.cores > 0)) c.cores ??= members.reduce((s, h) => s + h.cores, 0);
}

export type HostMatchHow = 'exact' | 'case-insensitive' | 'short-name' | 'affix';

const isIp = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || s.includes(':');
const shortName = (s: string) => (isIp(s) ? s.toLowerCase() : s.toLowerCase().split('.')[0]);

/**
 * Joins a VM's `Host` value to a vHost row, tolerantly: exact, then case-insensitive, then FQDN → short name on
 * both sides, then a unique suffix/prefix match of the short names (SizingWorkshop: `bovmsp-04.customer.com` runs on
 * vHost `vmsp-04`). IP addresses are only ever compared whole. Within the VM's vCenter when the hosts carry one.
 */
export class HostMatcher {
  /** vCenter → VM host name → result (null = no match): a 200,000-VM export has a few thousand host names. */
  private readonly cache = new Map<string, Map<string, { host: Host; how: HostMatchHow } | null>>();
  private readonly pools = new Map<string, HostPool>();
  private readonly all: HostPool;

  constructor(hosts: readonly Host[]) {
    this.all = pool(hosts);
    const byVc = new Map<string, Host[]>();
    for (const h of hosts) {
      if (h.vcenter === undefined) continue;
      const list = byVc.get(h.vcenter);
      if (list) list.push(h);
      else byVc.set(h.vcenter, [h]);
    }
    for (const [vc, list] of byVc) this.pools.set(vc, pool(list));
  }

  match(name: string, vcenter: string | undefined): { host: Host; how: HostMatchHow } | undefined {
    let byName = this.cache.get(vcenter ?? '');
    if (!byName) this.cache.set(vcenter ?? '', (byName = new Map<string, { host: Host; how: HostMatchHow } | null>()));
    let hit = byName.get(name);
    if (hit === undefined) {
      hit = this.find(name, (vcenter !== undefined && this.pools.get(vcenter)) || this.all) ?? null;
      byName.set(name, hit);
    }
    return hit ?? undefined;
  }

  private find(name: string, p: HostPool): { host: Host; how: HostMatchHow } | undefined {
    const one = (list: Host[] | undefined) => (list && list.length === 1 ? list[0] : undefined);
    let h = one(p.exact.get(name));
    if (h) return { host: h, how: 'exact' };
    h = one(p.lower.get(name.toLowerCase()));
    if (h) return { host: h, how: 'case-insensitive' };
    const short = shortName(name);
    h = one(p.short.get(short));
    if (h) return { host: h, how: 'short-name' };
    if (isIp(name)) return undefined;
    h = one(p.hosts.filter((x) => !isIp(x.name) && affix(short, shortName(x.name))));
    if (h) return { host: h, how: 'affix' };
    return undefined;
  }
}

interface HostPool {
  hosts: readonly Host[];
  exact: Map<string, Host[]>;
  lower: Map<string, Host[]>;
  short: Map<string, Host[]>;
}

function pool(hosts: readonly Host[]): HostPool {
  const p: HostPool = { hosts, exact: new Map(), lower: new Map(), short: new Map() };
  const add = (m: Map<string, Host[]>, k: string, h: Host) => {
    const list = m.get(k);
    if (list) list.push(h);
    else m.set(k, [h]);
  };
  for (const h of hosts) {
    add(p.exact, h.name, h);
    add(p.lower, h.name.toLowerCase(), h);
    add(p.short, shortName(h.name), h);
  }
  return p;
}

/**
 * One short name ends with the other (`bovmsp-04` / `vmsp-04`), or starts with it followed by a separator
 * (`esx01-mgmt` / `esx01`, but never `esx1` / `esx10`). The shorter must hold at least 4 characters and a digit.
 */
function affix(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length < 4 || s === l || !/\d/.test(s)) return false;
  if (l.endsWith(s)) return true;
  return l.startsWith(s) && /[^a-z0-9]/.test(l[s.length]);
}
