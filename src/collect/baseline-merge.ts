import { HealthMessage, Licence } from '../inventory/schema';

/**
 * Licences and health findings of several sources. A licence key reported by two linked vCenters (or the same export
 * given twice) is one licence, listing every vCenter that reports it: same name, masked key, cost unit, total, used
 * and expiration. A health finding repeated by a later file (the same vCenter, entity, kind and message) is that
 * file's copy of the same export and counted once; within one file every row stays.
 */
export function mergeLicences(perFile: readonly (Licence[] | undefined)[]): Licence[] {
  const out = new Map<string, Licence>();
  for (const list of perFile) {
    for (const l of list ?? []) {
      const key = [l.name, l.keyMasked, l.costUnit, l.total, l.used, l.expiration].map((v) => String(v ?? '')).join('\u0000');
      const earlier = out.get(key);
      if (!earlier) {
        out.set(key, { ...l, vcenters: [...l.vcenters], provenance: [...l.provenance] });
        continue;
      }
      for (const vc of l.vcenters) if (!earlier.vcenters.includes(vc)) earlier.vcenters.push(vc);
      earlier.provenance.push(...l.provenance);
    }
  }
  return [...out.values()];
}

export function mergeHealth(perFile: readonly (HealthMessage[] | undefined)[]): HealthMessage[] {
  const out: HealthMessage[] = [];
  const earlierFiles = new Set<string>();
  for (const list of perFile) {
    const mine = new Set<string>();
    for (const h of list ?? []) {
      const key = `${h.vcenter ?? ''}\u0000${h.entity}\u0000${h.kind}\u0000${h.message}`;
      if (earlierFiles.has(key)) continue;
      mine.add(key);
      out.push(h);
    }
    for (const k of mine) earlierFiles.add(k);
  }
  return out;
}
