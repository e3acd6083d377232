import { Problem, error, info, warning } from '../../../diagnostics';
import { Excluded, Host, Workload } from '../../../inventory/schema';
import { CollectorOutput, FormatId } from '../../types';
import { TABS } from './columns';
import { buildDatastores, reportUnknownDiskDatastores } from './datastores';
import { addVmOnlyClusters, reportHostJoin, reportTabs } from './notes';
import { HostMatchHow, HostMatcher, buildClusters, buildHosts, vcenterOf } from './hosts';
import { VmIndex, groupByVm } from './join';
import { RuleCells, buildDrsRules } from './drs';
import { buildHealth, buildLicences } from './baseline-tabs';
import { TabData, VInfoRow, Where } from './records';
import { VmParts, completeFromTabs, cpuUtil, toWorkload } from './workload';

/**
 * Turns the tabs of one RVTools export into collector output: joins the per-VM tabs to vInfo, builds hosts and
 * clusters, joins each VM to its host (tolerantly, reporting every VM that cannot be joined), and derives the
 * point-in-time utilisation RVTools carries. Templates, SRM placeholders and powered-off VMs are returned flagged;
 * the pipeline decides what the estate keeps.
 */
export function buildOutput(
  format: FormatId,
  data: TabData,
  sourceKey: string,
  sheets: string[],
  problems: Problem[],
  excluded: Excluded[],
): CollectorOutput {
  const vInfoWhere = data.where.vInfo;
  if (!vInfoWhere) {
    problems.push(
      error('rvtools-no-vinfo', `No vInfo tab found (tabs seen: ${sheets.join(', ') || 'none'}).`, {}, 'Export the vInfo tab from RVTools; dcplan needs it to list the VMs.'),
    );
    return { format, sheets, rowsRead: 0, workloads: [], hosts: [], clusters: [], excluded, problems };
  }
  if ((data.rows.vInfo ?? 0) === 0) {
    problems.push(
      error('rvtools-empty-vinfo', 'The vInfo tab holds no VM rows (only its header, or nothing).', { file: vInfoWhere.file, sheet: vInfoWhere.sheet ?? 'vInfo' }, 'The export may be truncated or filtered to nothing; export again from RVTools.'),
    );
    return { format, sheets, rowsRead: 0, workloads: [], hosts: [], clusters: [], excluded, problems };
  }
  nameVcenters(data);
  const hosts = data.where.vHost ? buildHosts(data.vHost, data.where.vHost, sourceKey, problems) : [];

  const vms = data.vInfo;
  const index = new VmIndex(vms);
  const group = <R extends { row: number; name?: string }>(tab: Extract<keyof TabData, string>, rows: R[]) =>
    groupByVm(tab, rows, index, vms, data.where[tab as keyof TabData['where']], problems, excluded);
  const cpu = group('vCPU', data.vCPU);
  const mem = group('vMemory', data.vMemory);
  const disks = group('vDisk', data.vDisk);
  const parts = group('vPartition', data.vPartition);
  const snaps = group('vSnapshot', data.vSnapshot);
  const usb = group('vUSB', data.vUSB);
  const tools = group('vTools', data.vTools);
  const nets = group('vNetwork', data.vNetwork);

  const matcher = new HostMatcher(hosts);
  const joined = new Map<HostMatchHow, Map<string, string>>();
  const unjoined = new Map<string, number>();
  const hostUsed = new Set<string>();
  const hostClusters = new Map<string, Set<string>>();
  const noHost: string[] = [];
  const clusterClock = uniformClock(hosts);
  const ids = new Map<string, Map<string, number>>();
  const placements = new FirstPlacements();
  const workloads: Workload[] = [];
  const ruleCells: RuleCells[] = [];

  vms.forEach((vm, i) => {
    const p: VmParts = {
      vm,
      cpu: cpu.get(i)?.[0],
      mem: mem.get(i)?.[0],
      disks: disks.get(i) ?? NONE,
      partitions: parts.get(i) ?? NONE,
      snapshots: data.where.vSnapshot ? (snaps.get(i)?.length ?? 0) : undefined,
      snapshotRows: data.where.vSnapshot ? snaps.get(i) : undefined,
      // vUSB lists USB controllers as well as devices; only devices matter for migration.
      usb: data.where.vUSB ? (usb.get(i) ?? []).filter((u) => !/controller/i.test(`${u.type ?? ''} ${u.node ?? ''}`)).length : undefined,
      tools: tools.get(i)?.[0],
      networks: data.where.vNetwork ? nets.get(i) : undefined,
    };
    const at = { file: vInfoWhere.file, sheet: vInfoWhere.sheet ?? 'vInfo', row: vm.row };
    const nCpu = cpu.size > 0 ? (cpu.get(i)?.length ?? 0) : 0;
    const nMem = mem.size > 0 ? (mem.get(i)?.length ?? 0) : 0;
    if (nCpu > 1) problems.push(warning('rvtools-duplicate-row', `VM ${vm.name} has ${nCpu} rows in vCPU; the first one is used.`, at));
    if (nMem > 1) problems.push(warning('rvtools-duplicate-row', `VM ${vm.name} has ${nMem} rows in vMemory; the first one is used.`, at));
    const done = completeFromTabs(p);
    p.vm = done.vm;
    const a = { vcpus: done.vm.cpus, memoryMib: done.vm.memoryMib };
    if (a.vcpus === undefined || a.memoryMib === undefined) {
      const what = [a.vcpus === undefined ? 'vCPUs' : '', a.memoryMib === undefined ? 'memory' : ''].filter(Boolean).join(' and ');
      const reason = `no ${what} in vInfo, vCPU or vMemory`;
      excluded.push({ name: vm.name, kind: 'workload', code: 'rvtools-missing-size', reason, provenance: at });
      problems.push(warning('rvtools-missing-size', `VM ${vm.name} has ${reason}; it is left out of the estate.`, at));
      return;
    }
    if (done.filled.length > 0) {
      problems.push(
        warning('rvtools-incomplete-vinfo', `VM ${vm.name} has an incomplete vInfo row; taken ${done.filled.join('; ')}.`, at),
      );
    }
    const id = workloadId(vm, sourceKey, ids, problems, vInfoWhere);
    // The host is matched first: its clock is a top-level field, which toWorkload adds in schema order.
    const m = vm.host !== undefined ? matcher.match(vm.host, vcenterOf(vm)) : undefined;
    const w = toWorkload(p, id, a.vcpus, a.memoryMib, vInfoWhere, m && m.host.cpuMhz > 0 ? m.host.cpuMhz : undefined);
    let host: Host | undefined;
    if (vm.host !== undefined) {
      if (m) {
        host = m.host;
        w.location.hostId = m.host.id;
        hostUsed.add(m.host.id);
        if (w.location.cluster !== undefined && m.host.cluster === undefined) {
          if (!hostClusters.has(m.host.id)) hostClusters.set(m.host.id, new Set());
          hostClusters.get(m.host.id)!.add(w.location.cluster);
        }
        if (m.how !== 'exact' && m.how !== 'case-insensitive') {
          if (!joined.has(m.how)) joined.set(m.how, new Map());
          joined.get(m.how)!.set(vm.host, m.host.name);
        }
        if (w.location.cluster === undefined && m.host.cluster !== undefined) w.location.cluster = m.host.cluster;
      } else unjoined.set(vm.host, (unjoined.get(vm.host) ?? 0) + 1);
    } else noHost.push(`${vm.name} (row ${vm.row})`);
    if (w.powerState === 'on') {
      const u = cpuUtil(p, a.vcpus, host, clusterClock, w.location.cluster, vInfoWhere.file);
      if (u) w.utilization = { ...w.utilization, cpu: u };
    }
    workloads.push(w);
    placements.note(w);
    if (vm.drsRuleNames !== undefined) {
      ruleCells.push({ workload: w, name: vm.name, row: vm.row, vcenter: w.location.vcenter, cluster: w.location.cluster, types: vm.drsRuleTypes, names: vm.drsRuleNames });
    }
    // The row is no longer needed (the per-VM tabs are already grouped): let it go now, so a 200,000-VM export
    // never holds every vInfo row and every workload at once.
    (vms as (VInfoRow | undefined)[])[i] = undefined;
  });

  reportHostJoin(hosts, joined, unjoined, hostUsed, vInfoWhere, data.where.vHost, problems);
  if (noHost.length > 0) {
    problems.push(
      warning('rvtools-vm-without-host', `${noHost.length} VM(s) have no Host value in vInfo: ${noHost.slice(0, 5).join(', ')}${noHost.length > 5 ? ', …' : ''}.`, {
        file: vInfoWhere.file,
        sheet: vInfoWhere.sheet ?? 'vInfo',
        column: 'Host',
      }),
    );
  }
  // vHost without a Cluster column (the synthetic sample): a host whose VMs all sit in one cluster belongs to it.
  for (const h of hosts) {
    const cs = hostClusters.get(h.id);
    if (h.cluster === undefined && cs?.size === 1) h.cluster = [...cs][0];
  }
  const clusters = buildClusters(data.vCluster, data.where.vCluster, hosts);
  reportTabs(data, sheets, vInfoWhere, problems);
  const empties = TABS.map((t) => [t, data.emptyRows[t]] as const).filter(([, n]) => n !== undefined && n > 0);
  if (empties.length > 0) {
    problems.push(
      info('rvtools-empty-rows', `Ignored empty formatted rows (not counted as skipped): ${empties.map(([t, n]) => `${t} ${n!.toLocaleString('en-US')}`).join(', ')}.`, {
        file: vInfoWhere.file,
      }),
    );
  }
  addVmOnlyClusters(clusters, placements.firsts, problems);
  // workloadId gives every VM an id no other VM of this export has.
  const out: CollectorOutput = { format, sheets, rowsRead: data.rows.vInfo ?? 0, workloads, hosts, clusters, excluded, problems, uniqueIds: true };
  if (ruleCells.length > 0) out.drsRules = buildDrsRules(ruleCells, vInfoWhere, problems);
  if (data.where.vLicense && data.vLicense.length > 0) out.licences = buildLicences(data, data.where.vLicense);
  if (data.where.vHealth && data.vHealth.length > 0) out.health = buildHealth(data, data.where.vHealth);
  const dsWhere = data.where.vDatastore;
  if (dsWhere) {
    out.datastores = buildDatastores(data.vDatastore, dsWhere, sourceKey, (name, vc) => matcher.match(name, vc)?.host, problems);
    reportUnknownDiskDatastores(data.vDisk, out.datastores, data.where.vDisk, problems);
  }
  return out;
}

/**
 * Tabs name their vCenter by server, by UUID (old exports: `vCenter UUID`), or both. Rows that carry only the UUID
 * get the server name seen beside that UUID on any other row, so one vCenter is one label everywhere.
 * (Only if the export names its vCenter at all: otherwise ids fall back to the file name.)
 */
function nameVcenters(data: TabData): void {
  const names = new Map<string, string>();
  const all = [data.vInfo, data.vCPU, data.vMemory, data.vDisk, data.vPartition, data.vHost, data.vCluster, data.vSnapshot, data.vUSB, data.vTools, data.vDatastore, data.vNetwork, data.vLicense, data.vHealth];
  for (const rows of all) for (const r of rows) if (r.vcUuid && r.vcServer && !names.has(r.vcUuid)) names.set(r.vcUuid, r.vcServer);
  const labels = new Set<string>();
  let last: string | undefined;
  for (const rows of all) {
    for (const r of rows) {
      if (r.vcUuid && !r.vcServer) r.vcServer = names.get(r.vcUuid);
      const label = r.vcServer ?? r.vcUuid;
      if (label !== undefined && label !== last) labels.add((last = label));
    }
  }
  // One vCenter in the whole export: hosts, clusters and VMs that do not say so belong to it too.
  if (labels.size !== 1) return;
  const only = [...labels][0];
  for (const rows of [data.vInfo, data.vHost, data.vCluster, data.vDatastore, data.vLicense, data.vHealth]) {
    for (const r of rows) if (r.vcServer === undefined && r.vcUuid === undefined) r.vcServer = only;
  }
}

/**
 * `<vCenter or file>/<VM UUID, else VM ID, else name>`, made unique with `#<row>` when a key repeats (clones).
 * `ids` holds, per prefix, the keys already given out (the key alone: hashing the whole id string of every one of
 * 200,000 VMs cost more than the rest of building its workload).
 */
function workloadId(vm: VInfoRow, sourceKey: string, ids: Map<string, Map<string, number>>, problems: Problem[], where: Where): string {
  const prefix = vcenterOf(vm) ?? sourceKey;
  let taken = ids.get(prefix);
  if (taken === undefined) ids.set(prefix, (taken = new Map<string, number>()));
  // The first of VM UUID, VM ID, name that no earlier VM of this vCenter has (written out: this runs per VM).
  let clash: number | undefined;
  let key: string | undefined;
  const uuidSeen = vm.vmUuid === undefined ? undefined : taken.get(vm.vmUuid);
  if (vm.vmUuid !== undefined && uuidSeen === undefined) key = vm.vmUuid;
  else {
    clash = uuidSeen;
    for (const k of [vm.vmId, vm.name]) {
      if (k === undefined) continue;
      const seen = taken.get(k);
      if (seen === undefined) {
        key = k;
        break;
      }
      clash ??= seen;
    }
  }
  key ??= `${vm.name}#${vm.row}`;
  taken.set(key, vm.row);
  const id = `${prefix}/${key}`;
  if (clash !== undefined) {
    problems.push(
      warning('rvtools-duplicate-vm', `VM ${vm.name} repeats the ${vm.vmUuid ? 'VM UUID' : 'name'} of row ${clash} in the same vCenter; both are kept, this one as ${id}.`, {
        file: where.file,
        sheet: where.sheet ?? 'vInfo',
        row: vm.row,
      }),
    );
  }
  return id;
}

/**
 * The first workload of each distinct (cluster, vCenter) pair, in workload order: what addVmOnlyClusters needs,
 * noted while each workload is at hand instead of walking 200,000 workloads again afterwards.
 */
class FirstPlacements {
  readonly firsts: Workload[] = [];
  private readonly seen = new Map<string, Set<string>>();

  note(w: Workload): void {
    const cluster = w.location.cluster;
    if (cluster === undefined) return;
    const vc = w.location.vcenter ?? '';
    let vcs = this.seen.get(cluster);
    if (vcs === undefined) this.seen.set(cluster, (vcs = new Set()));
    else if (vcs.has(vc)) return;
    vcs.add(vc);
    this.firsts.push(w);
  }
}

/** Shared "no rows" for VMs without disks or partitions (read only: toWorkload maps it to a fresh array). */
const NONE: never[] = [];

/** Cluster → the clock its hosts share (only when they all agree), for VMs whose own host is not known. */
function uniformClock(hosts: readonly Host[]): Map<string, number> {
  const clocks = new Map<string, Set<number>>();
  for (const h of hosts) {
    if (h.cluster === undefined || h.cpuMhz <= 0) continue;
    if (!clocks.has(h.cluster)) clocks.set(h.cluster, new Set());
    clocks.get(h.cluster)!.add(h.cpuMhz);
  }
  const out = new Map<string, number>();
  for (const [c, s] of clocks) if (s.size === 1) out.set(c, [...s][0]);
  return out;
}

