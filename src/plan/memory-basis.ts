/**
 * The memory side of the sizing in one place for the report: which basis the policy asked for, how many VMs were sized
 * on it and how many fell back to their allocation, and the totals a reader compares (planned demand vs what the VMs
 * hold today, their active estimate and their allocation). Totals cover the workloads in scope, in MiB.
 */
import { Policy } from '../config/defaults';
import { MetricUtil, Workload } from '../inventory/schema';
import { Demand, pickUtil, metricPercentile } from './sizing';
import { MemorySizing } from './types';

/** The figure of a memory metric in MiB (a % is of the VM's configured memory), undefined without one. */
function mib(w: Workload, m: MetricUtil | undefined, percentile: number): number | undefined {
  const u = pickUtil(m, percentile);
  if (!u || !m) return undefined;
  return m.unit === 'MiB' ? u.value : (w.memoryMib * u.value) / 100;
}

export function memorySizing(scope: readonly Workload[], demands: readonly Demand[], policy: Policy): MemorySizing {
  const byBasis: Record<string, number> = {};
  let planned = 0;
  let allocated = 0;
  let consumed = 0;
  let withConsumed = 0;
  let active = 0;
  let withActive = 0;
  const p = metricPercentile(policy, 'memory');
  scope.forEach((w, i) => {
    const b = demands[i].basis.memoryBasis;
    byBasis[b] = (byBasis[b] ?? 0) + 1;
    planned += demands[i].memoryMib;
    allocated += w.memoryMib;
    const c = mib(w, w.utilization.memory, p);
    if (c !== undefined) {
      consumed += c;
      withConsumed++;
    }
    const a = mib(w, w.utilization.memoryActive, p);
    if (a !== undefined) {
      active += a;
      withActive++;
    }
  });
  const asked = policy.sizing === 'performance' ? policy.memoryBasis : 'allocated';
  const out: MemorySizing = {
    basis: asked,
    workloads: scope.length,
    byBasis,
    fellBack: asked === 'allocated' ? 0 : (byBasis.allocated ?? 0),
    plannedMib: Math.round(planned),
    allocatedMib: Math.round(allocated),
  };
  if (withConsumed > 0) Object.assign(out, { consumedMib: Math.round(consumed), withConsumed });
  if (withActive > 0) Object.assign(out, { activeMib: Math.round(active), withActive });
  return out;
}
