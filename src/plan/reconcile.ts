/**
 * Reconciliation per source cluster: Σ sized VM demand against Σ what the cluster's hosts measure today (RVTools vHost
 * `CPU usage %` × cores × clock, `Memory usage %` × memory). The sized side is taken before headroom and growth
 * (demand / f) and before any CPU-generation conversion, so both sides speak of today's hardware. A ratio far from 1
 * means the VM figures and the host figures tell different stories (allocation-based sizing of idle VMs, a snapshot
 * taken at a quiet hour, VMs missing from the export); beyond policy.reconciliationFactor either way the plan warns.
 */
import { Policy } from '../config/defaults';
import { Problem, warning } from '../diagnostics';
import { Host, Inventory, Workload } from '../inventory/schema';
import { Reconciliation } from './types';
import { demandFactor, round } from './sizing';

/** The source-side figures of one sized workload (MHz on its current CPU, MiB), with headroom and growth. */
export interface SourceDemand {
  sourceCpuMhz: number;
  memoryMib: number;
}

const key = (vcenter: string | undefined, cluster: string) => `${vcenter ?? ''}\u0000${cluster}`;

export function reconcileClusters(inv: Inventory, scope: readonly Workload[], demands: readonly SourceDemand[], policy: Policy, problems: Problem[]): Reconciliation[] {
  const f = demandFactor(policy);
  const hostsOf = new Map<string, Host[]>();
  for (const h of inv.hosts) {
    if (h.cluster === undefined) continue;
    const k = key(h.vcenter, h.cluster);
    hostsOf.set(k, [...(hostsOf.get(k) ?? []), h]);
  }
  const sized = new Map<string, { cpu: number; mem: number; n: number }>();
  scope.forEach((w, i) => {
    if (w.location.cluster === undefined || w.powerState !== 'on') return;
    const k = hostsOf.has(key(w.location.vcenter, w.location.cluster)) ? key(w.location.vcenter, w.location.cluster) : key(undefined, w.location.cluster);
    const s = sized.get(k) ?? { cpu: 0, mem: 0, n: 0 };
    s.cpu += demands[i].sourceCpuMhz / f;
    s.mem += demands[i].memoryMib / f;
    s.n++;
    sized.set(k, s);
  });
  const out: Reconciliation[] = [];
  for (const [k, s] of [...sized].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const hosts = hostsOf.get(k) ?? [];
    const [vcenter, cluster] = k.split('\u0000');
    const r: Reconciliation = { cluster, workloads: s.n, hosts: hosts.length, sizedCpuMhz: round(s.cpu, 0), sizedMemoryMib: round(s.mem, 0), flagged: [] };
    if (vcenter) r.vcenter = vcenter;
    const cpuHosts = hosts.filter((h) => h.cpuUsagePct !== undefined && h.cores > 0 && h.cpuMhz > 0);
    const memHosts = hosts.filter((h) => h.memoryUsagePct !== undefined && h.memoryMib > 0);
    if (cpuHosts.length > 0) {
      r.measuredCpuMhz = round(cpuHosts.reduce((t, h) => t + (h.cores * h.cpuMhz * h.cpuUsagePct!) / 100, 0), 0);
      r.cpuHostsMeasured = cpuHosts.length;
      if (r.measuredCpuMhz > 0) r.cpuRatio = round(s.cpu / r.measuredCpuMhz, 2);
    }
    if (memHosts.length > 0) {
      r.measuredMemoryMib = round(memHosts.reduce((t, h) => t + (h.memoryMib * h.memoryUsagePct!) / 100, 0), 0);
      r.memoryHostsMeasured = memHosts.length;
      if (r.measuredMemoryMib > 0) r.memoryRatio = round(s.mem / r.measuredMemoryMib, 2);
    }
    const far = (x: number | undefined) => x !== undefined && (x > policy.reconciliationFactor || x < 1 / policy.reconciliationFactor);
    if (far(r.cpuRatio)) r.flagged.push('cpu');
    if (far(r.memoryRatio)) r.flagged.push('memory');
    if (r.flagged.length > 0)
      problems.push(
        warning(
          'sizing-vs-hosts',
          `cluster "${cluster}": the ${s.n} VMs are sized at ${r.flagged.map((d) => `${d === 'cpu' ? r.cpuRatio : r.memoryRatio}× the measured host ${d}`).join(' and ')} ` +
            `(before headroom and growth), more than the factor ${policy.reconciliationFactor} apart`,
          {},
          'check the sizing basis of these VMs (allocation fallback, snapshot time) and whether the export holds every VM of the cluster',
        ),
      );
    out.push(r);
  }
  return out;
}
