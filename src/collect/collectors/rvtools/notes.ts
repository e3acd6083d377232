import { Problem, info, warning } from '../../../diagnostics';
import { Cluster, Host, Workload } from '../../../inventory/schema';
import { TABS, tabOf } from './columns';
import { HostMatchHow } from './hosts';
import { parseTabFileName } from './read-csv';
import { TabData, Where } from './records';

/** What the RVTools collector tells the user about an export besides the rows: tabs read, host joins, clusters. */

/** One line saying what was read from which tab and which tabs were not used (nothing is ignored silently). */
export function reportTabs(data: TabData, sheets: string[], vInfo: Where, problems: Problem[]): void {
  const read = TABS.filter((t) => data.where[t] !== undefined).map((t) => {
    const n = data.rows[t] ?? 0;
    return `${t} (${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'})`;
  });
  const readSheets = new Set(Object.values(data.where).map((w) => w?.sheet));
  const unused = sheets.filter((s) => {
    if (readSheets.has(s)) return false;
    const t = tabOf(s) ?? tabOf(parseTabFileName(s)?.tab ?? '');
    return t === undefined || data.where[t] === undefined;
  });
  problems.push(
    info('rvtools-tabs', `Read ${read.join(', ')}${unused.length > 0 ? `; not used: ${unused.join(', ')}` : ''}.`, { file: vInfo.file }),
  );
}

export function reportHostJoin(
  hosts: readonly Host[],
  joined: Map<HostMatchHow, Map<string, string>>,
  unjoined: Map<string, number>,
  hostUsed: Set<string>,
  vInfo: Where,
  vHost: Where | undefined,
  problems: Problem[],
): void {
  for (const how of ['short-name', 'affix'] as const) {
    const m = joined.get(how);
    if (!m || m.size === 0) continue;
    const examples = [...m].slice(0, 5).map(([a, b]) => `${a} → ${b}`);
    problems.push(
      info('rvtools-host-fuzzy-join', `${m.size} VM host name(s) were joined to vHost by ${how === 'affix' ? 'a unique suffix/prefix of the short name' : 'short name'}: ${examples.join(', ')}${m.size > 5 ? ', …' : ''}.`, {
        file: vInfo.file,
        sheet: vInfo.sheet ?? 'vInfo',
        column: 'Host',
      }),
    );
  }
  if (unjoined.size > 0) {
    const total = [...unjoined.values()].reduce((s, n) => s + n, 0);
    const examples = [...unjoined].slice(0, 5).map(([h, n]) => `${h} (${n} VM${n > 1 ? 's' : ''})`);
    problems.push(
      warning(
        'rvtools-host-not-joined',
        `${total} VM(s) run on ${unjoined.size} host(s) that match no vHost row: ${examples.join(', ')}${unjoined.size > 5 ? ', …' : ''}. ` +
          `They are kept, with their host name but no host details (clock, model).`,
        { file: vInfo.file, sheet: vInfo.sheet ?? 'vInfo', column: 'Host' },
        hosts.length === 0 ? 'The export has no vHost tab.' : 'Check that vHost lists every host (an export of one cluster or a partial vCenter).',
      ),
    );
  }
  const orphans = hosts.filter((h) => !hostUsed.has(h.id));
  if (orphans.length > 0 && vHost) {
    const names = orphans.slice(0, 8).map((h) => `${h.name}${h.vmCount ? ` (vHost says ${h.vmCount} VMs)` : ''}`);
    problems.push(
      warning(
        'rvtools-host-without-vms',
        `${orphans.length} of ${hosts.length} host(s) in vHost have no VM joined to them: ${names.join(', ')}${orphans.length > 8 ? ', …' : ''}.`,
        { file: vHost.file, sheet: vHost.sheet ?? 'vHost' },
        'Hosts that are empty, or whose names differ from the VMs\' Host column (anonymised exports).',
      ),
    );
  }
}

/**
 * Clusters named only in vInfo (no vHost or vCluster row) still appear, so every VM's cluster is listed. `workloads`
 * may be all of them or only the first of each (cluster, vCenter) pair (the others change nothing).
 */
export function addVmOnlyClusters(clusters: Cluster[], workloads: readonly Workload[], problems: Problem[]): void {
  // cluster name → the vCenters it is known in ('' = not said)
  const known = new Map<string, Set<string>>();
  for (const c of clusters) {
    if (!known.has(c.name)) known.set(c.name, new Set());
    known.get(c.name)!.add(c.vcenter ?? '');
  }
  const added: string[] = [];
  for (const w of workloads) {
    const name = w.location.cluster;
    if (name === undefined) continue;
    const vcs = known.get(name);
    const vc = w.location.vcenter ?? '';
    // Known when listed in the VM's vCenter, or in a vCenter-less way, or the VM does not say its vCenter.
    if (vcs && (vcs.has(vc) || vcs.has('') || vc === '')) continue;
    if (vcs) vcs.add(vc);
    else known.set(name, new Set([vc]));
    const c: Cluster = { name, provenance: [w.provenance[0]] };
    if (w.location.vcenter !== undefined) c.vcenter = w.location.vcenter;
    if (w.location.datacenter !== undefined) c.datacenter = w.location.datacenter;
    clusters.push(c);
    added.push(name);
  }
  if (added.length > 0) {
    problems.push(info('rvtools-cluster-from-vms', `Cluster(s) ${added.join(', ')} appear only in vInfo; listed without host details.`));
  }
}
