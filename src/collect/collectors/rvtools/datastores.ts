import { Problem, info, warning } from '../../../diagnostics';
import { Datastore, Host } from '../../../inventory/schema';
import { resolveColumns } from '../../read/headers';
import { round } from '../../read/numbers';
import { bool, num, str } from './cells';
import { VDATASTORE } from './columns';
import { vcenterOf } from './hosts';
import type { RowParser, SkipRow } from './infra-tabs';
import { TabData, VDatastoreRow, VDiskRow, Where } from './records';

/**
 * RVTools vDatastore → inventory datastores, and the datastore a vDisk path names. vDatastore is small (one row per
 * datastore), so nothing here runs per VM.
 */

const GIB = 1024;

export function vDatastoreParser(headers: string[], where: Where, data: TabData, problems: Problem[], skip: SkipRow): RowParser | undefined {
  const sheet = where.sheet ?? 'vDatastore';
  const r = resolveColumns(headers, VDATASTORE, { ...where, sheet });
  problems.push(...r.problems);
  const c = r.columns;
  const n = r.names;
  if (c.name === undefined) {
    problems.push(warning('rvtools-tab-ignored', 'Tab vDatastore has no "Name" column; no datastores are read.', { ...where, sheet, row: 1 }));
    return undefined;
  }
  return (ctx) => {
    const name = str(ctx, c, 'name');
    if (name === undefined) {
      skip(ctx, 'vDatastore', 'no datastore name');
      return;
    }
    const vmsTotal = num(ctx, c, n, 'vmsTotal', 'a number of VMs');
    data.vDatastore.push({
      row: ctx.row,
      name,
      datacenter: str(ctx, c, 'datacenter'),
      accessible: bool(ctx, c, 'accessible'),
      type: str(ctx, c, 'type'),
      vms: vmsTotal ?? num(ctx, c, n, 'vms', 'a number of VMs'),
      capacityMib: num(ctx, c, n, 'capacity', 'a capacity in MiB'),
      provisionedMib: num(ctx, c, n, 'provisioned', 'MiB'),
      inUseMib: num(ctx, c, n, 'inUse', 'MiB'),
      freeMib: num(ctx, c, n, 'free', 'MiB'),
      hosts: num(ctx, c, n, 'hosts', 'a number of hosts'),
      hostNames: str(ctx, c, 'hostNames'),
      cluster: str(ctx, c, 'cluster'),
      url: str(ctx, c, 'url'),
      vcUuid: str(ctx, c, 'vcUuid')?.toLowerCase(),
      vcServer: str(ctx, c, 'vcServer'),
    });
  };
}

const DS_PATH = /^\s*\[([^\]]*)\]/;

/** `[ds-name] folder/file.vmdk` → `ds-name`; undefined for any other value (empty, RDM device names, ...). */
export function datastoreOfPath(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const m = DS_PATH.exec(path);
  const name = m?.[1].trim();
  return name ? name : undefined;
}

/** Finds the inventory host a vDatastore `Hosts` entry names (tolerantly, as VMs are joined to hosts). */
export type HostLookup = (name: string, vcenter: string | undefined) => Host | undefined;

/**
 * Datastores from vDatastore rows. Ids are `<vCenter or source>/<name>`; a name repeated within one vCenter (two
 * datacenters may each have a `datastore1`) keeps both rows, the second as `<id>#<row>`, with a warning. A missing
 * capacity is written as 0 with a warning (the schema requires a number; 0 never passes as real). Without a
 * Datacenter column (RVTools has none) the datacenter is the one every host mounting the datastore is in, if they agree.
 */
export function buildDatastores(
  rows: readonly VDatastoreRow[],
  where: Where,
  sourceKey: string,
  hostOf: HostLookup,
  problems: Problem[],
): Datastore[] {
  const sheet = where.sheet ?? 'vDatastore';
  const firstRow = new Map<string, number>();
  return rows.map((r) => {
    const at = { file: where.file, sheet, row: r.row };
    const vcenter = vcenterOf(r);
    const base = `${vcenter ?? sourceKey}/${r.name}`;
    let id = base;
    const earlier = firstRow.get(base);
    if (earlier !== undefined) {
      id = `${base}#${r.row}`;
      problems.push(
        warning(
          'rvtools-duplicate-datastore',
          `Datastore ${r.name} is listed twice in ${vcenter ? `vCenter ${vcenter}` : 'vDatastore'} (rows ${earlier} and ${r.row}); both are kept, this one as ${id}.`,
          at,
          'vCenter allows one name per datacenter: two datacenters can each have a datastore of this name.',
        ),
      );
    } else firstRow.set(base, r.row);
    if (r.capacityMib === undefined) {
      problems.push(warning('rvtools-datastore-incomplete', `Datastore ${r.name} has no capacity ("Capacity MiB"); written as 0 (unknown).`, at));
    }
    const names = r.hostNames ? splitNames(r.hostNames) : [];
    const d: Datastore = { id, name: r.name, capacityGib: 0, provenance: [at] };
    if (vcenter !== undefined) d.vcenter = vcenter;
    const dc = r.datacenter ?? commonDatacenter(names, vcenter, hostOf);
    if (dc !== undefined) d.datacenter = dc;
    if (r.cluster !== undefined) d.cluster = r.cluster;
    if (r.type !== undefined) d.type = r.type;
    d.capacityGib = round((r.capacityMib ?? 0) / GIB);
    if (r.provisionedMib !== undefined) d.provisionedGib = round(r.provisionedMib / GIB);
    if (r.inUseMib !== undefined) d.usedGib = round(r.inUseMib / GIB);
    if (r.freeMib !== undefined) d.freeGib = round(r.freeMib / GIB);
    const hostCount = r.hosts ?? (names.length > 0 ? names.length : undefined);
    if (hostCount !== undefined) d.hosts = Math.round(hostCount);
    if (r.vms !== undefined) d.vms = Math.round(r.vms);
    if (r.accessible !== undefined) d.accessible = r.accessible;
    if (r.url !== undefined) d.url = r.url;
    return d;
  });
}

/** RVTools lists a datastore's hosts comma-separated (some exports: semicolons). */
function splitNames(s: string): string[] {
  return s
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

function commonDatacenter(hostNames: readonly string[], vcenter: string | undefined, hostOf: HostLookup): string | undefined {
  let dc: string | undefined;
  for (const name of hostNames) {
    const h = hostOf(name, vcenter);
    if (h?.datacenter === undefined) return undefined;
    if (dc !== undefined && dc !== h.datacenter) return undefined;
    dc = h.datacenter;
  }
  return dc;
}

/**
 * Disks whose path names a datastore that vDatastore does not list (in the disk's vCenter), said in one note: the
 * export may cover part of the storage only. Run only when the export has both a vDatastore tab and disk paths.
 */
export function reportUnknownDiskDatastores(disks: readonly VDiskRow[], datastores: readonly Datastore[], where: Where | undefined, problems: Problem[]): void {
  const known = new Set(datastores.map((d) => `${d.vcenter ?? ''}\u0000${d.name}`));
  const names = new Set(datastores.map((d) => d.name));
  const unknown = new Map<string, number>();
  for (const d of disks) {
    if (d.datastore === undefined) continue;
    const vc = vcenterOf(d);
    const ok = vc !== undefined ? known.has(`${vc}\u0000${d.datastore}`) || known.has(`\u0000${d.datastore}`) : names.has(d.datastore);
    if (!ok) unknown.set(d.datastore, (unknown.get(d.datastore) ?? 0) + 1);
  }
  if (unknown.size === 0) return;
  const total = [...unknown.values()].reduce((s, x) => s + x, 0);
  const examples = [...unknown].slice(0, 5).map(([n, k]) => `${n} (${k} disk${k > 1 ? 's' : ''})`);
  problems.push(
    info(
      'rvtools-disk-datastore-unknown',
      `${total} disk(s) sit on ${unknown.size} datastore(s) that vDatastore does not list: ${examples.join(', ')}${unknown.size > 5 ? ', …' : ''}. The disks keep the datastore name.`,
      { file: where?.file, sheet: where?.sheet ?? 'vDisk' },
    ),
  );
}
