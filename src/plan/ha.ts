/**
 * HA: the "before" side (today's clusters' vSphere HA settings as RVTools vCluster exports them: `HA enabled`,
 * `Failover Level`, `AdmissionControlEnabled`, `DRS enabled`), shown beside the reserve the plan holds.
 */
import { Inventory } from '../inventory/schema';
import { ClusterBefore } from './types';

export function clustersBefore(inv: Inventory): ClusterBefore[] {
  const hostsOf = new Map<string, number>();
  for (const h of inv.hosts) if (h.cluster) hostsOf.set(h.cluster, (hostsOf.get(h.cluster) ?? 0) + 1);
  return [...inv.clusters]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-US') || (a.vcenter ?? '').localeCompare(b.vcenter ?? '', 'en-US'))
    .map((c) => {
      const out: ClusterBefore = { name: c.name };
      const hosts = c.hostCount ?? hostsOf.get(c.name);
      if (hosts !== undefined) out.hosts = hosts;
      if (c.haEnabled !== undefined) out.haEnabled = c.haEnabled;
      if (c.failoverLevel !== undefined) out.failoverLevel = c.failoverLevel;
      if (c.admissionControl !== undefined) out.admissionControl = c.admissionControl;
      if (c.drsEnabled !== undefined) out.drsEnabled = c.drsEnabled;
      return out;
    });
}

/** One line for the terminal and the report: how many of today's clusters have HA, admission control and DRS on. */
export function haBeforeLine(cs: ClusterBefore[]): string | undefined {
  if (cs.length === 0) return undefined;
  const known = (k: 'haEnabled' | 'admissionControl' | 'drsEnabled') => cs.filter((c) => c[k] !== undefined).length;
  const on = (k: 'haEnabled' | 'admissionControl' | 'drsEnabled') => cs.filter((c) => c[k] === true).length;
  const part = (label: string, k: 'haEnabled' | 'admissionControl' | 'drsEnabled') =>
    known(k) === 0 ? `${label} not exported` : `${label} on in ${on(k)} of ${known(k)}`;
  const levels = [...new Set(cs.filter((c) => c.haEnabled && c.failoverLevel !== undefined).map((c) => c.failoverLevel!))].sort((a, b) => a - b);
  return (
    `${cs.length} cluster(s) today: ${part('HA', 'haEnabled')}${levels.length ? ` (failover level ${levels.join(', ')})` : ''}, ` +
    `${part('admission control', 'admissionControl')}, ${part('DRS', 'drsEnabled')}`
  );
}
