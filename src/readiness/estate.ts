import { cmpText } from './order';
import { Host, Inventory, OsFamily, Workload } from '../inventory/schema';
import { CpuAssistsFile } from './schema/rule-files';

/**
 * Figures about the customer's estate that the criteria look at. Derived once per scoring run from the inventory;
 * `undefined` parts mean the inventory does not carry that data (the checks then say so instead of guessing).
 */
export interface EstateFacts {
  /** Workloads that count: everything except templates and SRM placeholders. */
  workloads: Workload[];
  osFamilyCounts: Partial<Record<OsFamily, number>>;
  /** Workloads with a known OS family. */
  knownOs: number;
  largestOsFamily?: { family: OsFamily; count: number };
  /** Share of known-OS workloads outside the largest family: what would need separate pools on a no-mixing platform. */
  osMinorityShare?: number;
  /** Workloads that need HA: production environment or in an HA-enabled cluster. Undefined when neither is known. */
  haNeeding?: { count: number; share: number };
  hostAssists: { total: number; withAssists: number; withoutAssists: string[]; unknown: string[] };
}

const EXCLUDED_FLAGS = new Set(['template', 'srm-placeholder']);

export function isProduction(w: Workload): boolean {
  return w.environment !== undefined && /^(prod|production|prd)\b|\bprod(uction)?\b/i.test(w.environment);
}

/** Does a host's CPU have VT-x / AMD-V? true / false / undefined (cannot tell). */
export function hostHasAssists(h: Host, table: CpuAssistsFile): boolean | undefined {
  if (table.evcImpliesAssists && h.maxEvc && h.maxEvc.trim() !== '' && !/^(disabled|none|n\/a)$/i.test(h.maxEvc.trim()))
    return true;
  if (!h.cpuModel) return undefined;
  const model = h.cpuModel.toLowerCase().replace(/\s+/g, ' ');
  for (const p of table.patterns) if (p.match.every((m) => model.includes(m.toLowerCase()))) return p.hasAssists;
  return undefined;
}

export function deriveEstate(inv: Inventory, cpuAssists: CpuAssistsFile): EstateFacts {
  const workloads = inv.workloads.filter((w) => !w.flags.some((f) => EXCLUDED_FLAGS.has(f)));
  const osFamilyCounts: Partial<Record<OsFamily, number>> = {};
  let knownOs = 0;
  for (const w of workloads) {
    if (w.os.family === 'unknown') continue;
    knownOs++;
    osFamilyCounts[w.os.family] = (osFamilyCounts[w.os.family] ?? 0) + 1;
  }
  // Largest family; ties broken by family name so the result never depends on input order.
  const families = (Object.entries(osFamilyCounts) as [OsFamily, number][]).sort(
    (a, b) => b[1] - a[1] || cmpText(a[0], b[0]),
  );
  const largestOsFamily = families.length > 0 ? { family: families[0][0], count: families[0][1] } : undefined;
  const osMinorityShare = largestOsFamily && knownOs > 0 ? (knownOs - largestOsFamily.count) / knownOs : undefined;

  const haClusters = new Set(inv.clusters.filter((c) => c.haEnabled === true).map((c) => c.name));
  const haKnown = workloads.some((w) => w.environment !== undefined) || inv.clusters.some((c) => c.haEnabled !== undefined);
  let haNeeding: EstateFacts['haNeeding'];
  if (haKnown && workloads.length > 0) {
    const count = workloads.filter(
      (w) => isProduction(w) || (w.location.cluster !== undefined && haClusters.has(w.location.cluster)),
    ).length;
    haNeeding = { count, share: count / workloads.length };
  }

  const hostAssists: EstateFacts['hostAssists'] = { total: inv.hosts.length, withAssists: 0, withoutAssists: [], unknown: [] };
  for (const h of [...inv.hosts].sort((a, b) => cmpText(a.name, b.name))) {
    const has = hostHasAssists(h, cpuAssists);
    if (has === true) hostAssists.withAssists++;
    else if (has === false) hostAssists.withoutAssists.push(h.name);
    else hostAssists.unknown.push(h.name);
  }
  return { workloads, osFamilyCounts, knownOs, largestOsFamily, osMinorityShare, haNeeding, hostAssists };
}

export const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
