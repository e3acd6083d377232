/**
 * Counting licence units (issue 12). One home for the counting rules of every scheme unit; the rules' sources are in
 * docs/business-case.md and in each scheme's `source`:
 *  - core: every physical core of the host, at least minCoresPerCpu per CPU and minCoresPerHost per host
 *    (VCF / VVF: 16 cores per CPU; Windows Server: 8 per CPU and 16 per host; SQL Server per core: 4 per CPU / VM);
 *  - socket-pair: one unit per two CPUs of a host, rounded up (RHEL for Virtual Datacenters);
 *  - host: one per host; vcpu: the VM's virtual cores, at least minCoresPerVm (SQL Server per VM: 4); vm: one per VM.
 * A purchase minimum (minUnits) applies to a scheme's total, not per host.
 */
import { LicenceScheme } from '../config/schema';

export interface HostShape {
  sockets: number;
  cores: number;
}

export function hostUnits(s: LicenceScheme, h: HostShape): number {
  if (s.unit === 'core') return Math.max(h.cores, s.minCoresPerHost ?? 0, h.sockets * (s.minCoresPerCpu ?? 0));
  if (s.unit === 'socket-pair') return Math.ceil(h.sockets / 2);
  if (s.unit === 'host') return 1;
  return 0;
}

export function vmUnits(s: LicenceScheme, vcpus: number): number {
  if (s.unit === 'vcpu') return Math.max(Math.ceil(vcpus), s.minCoresPerVm ?? 0);
  if (s.unit === 'vm') return 1;
  return 0;
}

/** Whether a host-counted scheme licenses the hosts of this pool (covers hosts: every pool). */
export function coversPool(s: LicenceScheme, pool: string | undefined): boolean {
  if (s.covers === 'hosts') return true;
  if (s.covers === 'pool-hosts') return pool !== undefined && (s.pools ?? []).includes(pool);
  return false;
}

/** The scheme's total with its purchase minimum (nothing licensed: nothing bought). */
export function withMinimum(s: LicenceScheme, units: number): number {
  return units > 0 ? Math.max(units, s.minUnits ?? 0) : 0;
}

/** Yearly cost of one unit in use: the subscription, or the perpetual licence's support. */
export function yearlyPerUnit(s: LicenceScheme): number {
  return s.term === 'subscription' ? s.price : s.price * (s.supportPct ?? 0);
}

/**
 * What one more host costs in licences over the horizon, for the planner's cost objective: every unit priced in full
 * (purchase + support, or the subscription, for `years`). Units the customer already owns are left out on purpose:
 * they are shared by all hosts, and pricing every unit keeps the objective per host, ranking models by their licence
 * footprint — which is what decides between a few large and many small hosts.
 */
export function hostLicenceHorizonCost(schemes: LicenceScheme[], pool: string | undefined, h: HostShape, years: number): number {
  let sum = 0;
  for (const s of schemes) {
    if (!coversPool(s, pool)) continue;
    const perUnit = (s.term === 'perpetual' ? s.price : 0) + years * yearlyPerUnit(s);
    sum += hostUnits(s, h) * perUnit;
  }
  return sum;
}
