import { Problem, warning } from '../../../diagnostics';
import { Excluded } from '../../../inventory/schema';
import { VInfoRow, VmKeys, Where } from './records';

/**
 * Joins rows of the per-VM tabs (vCPU, vMemory, vDisk, ...) to their vInfo row.
 *
 * Keys, strongest first: `VM ID` (the vCenter managed-object id, unique within one vCenter), `VM UUID` (can repeat on
 * clones), then the VM name. Each key is scoped by the vCenter (`VI SDK UUID`, old `vCenter UUID`, or
 * `VI SDK Server`) when the row carries it, so two vCenters with a VM of the same name stay apart; a row without a
 * vCenter column matches across vCenters only when the key is unique in the whole export. Host names are never used:
 * they are not stable across tabs (the kubev2v sample anonymised them per tab).
 */
export type JoinedBy = 'vm-id' | 'vm-uuid' | 'name';

export class VmIndex {
  private maps?: Map<string, number[]>;

  constructor(private readonly vms: readonly VInfoRow[]) {}

  /** Built on the first lookup: an export with vInfo and vHost only (the common 200,000-VM case) never needs it. */
  private build(): Map<string, number[]> {
    this.maps = new Map();
    this.vms.forEach((vm, i) => {
      for (const [kind, value] of keyValues(vm)) {
        for (const scope of scopes(vm)) this.add(`${kind}\u0000${scope}\u0000${value}`, i);
      }
    });
    return this.maps;
  }

  private add(key: string, i: number): void {
    const list = this.maps!.get(key);
    if (!list) this.maps!.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  }

  /** The index of the vInfo row this row belongs to, and the key that matched; undefined when none or ambiguous. */
  find(row: VmKeys): { index: number; by: JoinedBy } | { ambiguous: JoinedBy } | undefined {
    const maps = this.maps ?? this.build();
    let ambiguous: JoinedBy | undefined;
    for (const [kind, value] of keyValues(row)) {
      for (const scope of scopes(row)) {
        const hits = maps.get(`${kind}\u0000${scope}\u0000${value}`);
        if (!hits) continue;
        if (hits.length === 1) {
          if (scope === '*' && otherVcenter(row, this.vms[hits[0]])) continue;
          return { index: hits[0], by: kind };
        }
        ambiguous ??= kind;
        break; // a scoped key with several hits stays ambiguous: do not widen it to all vCenters
      }
    }
    return ambiguous ? { ambiguous } : undefined;
  }

  get size(): number {
    return this.vms.length;
  }
}

function keyValues(k: VmKeys): [JoinedBy, string][] {
  const out: [JoinedBy, string][] = [];
  if (k.vmId) out.push(['vm-id', k.vmId]);
  if (k.vmUuid) out.push(['vm-uuid', k.vmUuid]);
  if (k.name) out.push(['name', k.name]);
  return out;
}

/** Both rows name their vCenter and the names differ: never join them, even by a unique key. */
function otherVcenter(a: VmKeys, b: VmKeys): boolean {
  if (a.vcUuid && b.vcUuid) return a.vcUuid !== b.vcUuid;
  if (a.vcServer && b.vcServer) return a.vcServer.toLowerCase() !== b.vcServer.toLowerCase();
  return false;
}

/** Most specific first; `*` = any vCenter. */
function scopes(k: VmKeys): string[] {
  const out: string[] = [];
  if (k.vcUuid) out.push('u:' + k.vcUuid);
  if (k.vcServer) out.push('s:' + k.vcServer.toLowerCase());
  out.push('*');
  return out;
}

/**
 * Groups the rows of one per-VM tab by the vInfo row they join to. Rows that join no VM are listed in `excluded`
 * (each with a warning); rows joined by ID whose VM name differs from vInfo are summarised in one warning per tab.
 */
export function groupByVm<R extends VmKeys & { row: number }>(
  tab: string,
  rows: readonly R[],
  index: VmIndex,
  vms: readonly VInfoRow[],
  where: Where | undefined,
  problems: Problem[],
  excluded: Excluded[],
): Map<number, R[]> {
  const out = new Map<number, R[]>();
  const renamed: string[] = [];
  for (const r of rows) {
    const hit = index.find(r);
    const at = { file: where?.file ?? '', sheet: where?.sheet ?? tab, row: r.row };
    if (!hit || 'ambiguous' in hit) {
      const what = r.name ?? r.vmId ?? r.vmUuid ?? '?';
      const reason = hit
        ? `its ${hit.ambiguous} "${what}" matches several VMs in vInfo (add the VI SDK UUID column to tell vCenters apart)`
        : `VM "${what}" is not in vInfo`;
      excluded.push({ name: r.name, kind: 'row', code: 'rvtools-unjoined-row', reason: `${tab}: ${reason}`, provenance: at });
      problems.push(warning('rvtools-unjoined-row', `${tab} row ${r.row}: ${reason}; the row is not used.`, at));
      continue;
    }
    if (r.name !== undefined && hit.by !== 'name' && r.name !== vms[hit.index].name) {
      renamed.push(`row ${r.row} "${r.name}" → ${vms[hit.index].name}`);
    }
    const list = out.get(hit.index);
    if (list) list.push(r);
    else out.set(hit.index, [r]);
  }
  if (renamed.length > 0) {
    problems.push(
      warning(
        'rvtools-join-name-mismatch',
        `${tab}: ${renamed.length} row(s) were joined to their VM by VM ID / UUID although the VM name differs from vInfo ` +
          `(${renamed.slice(0, 5).join('; ')}${renamed.length > 5 ? '; …' : ''}).`,
        { file: where?.file, sheet: where?.sheet ?? tab },
        'The export may have been anonymised per tab or a VM renamed between tabs; the VM ID is trusted over the name.',
      ),
    );
  }
  return out;
}
