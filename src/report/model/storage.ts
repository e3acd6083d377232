/**
 * "Current storage": the customer's existing datastores (RVTools vDatastore) as plain figures, a table and the sentences
 * the report prints. An inventory without datastores gives none of them (no empty section, no sentence).
 */
import { Datastore, Inventory } from '../../inventory/schema';
import { fmtInt, fmtNum, fmtPct } from '../format';
import { col } from './labels';
import { Block, Cell, Table } from './types';

/** A datastore with less free space than this share of its capacity is "near full". */
export const NEAR_FULL_FREE = 0.1;
const GIB_PER_TIB = 1024;

/** In use, GiB: RVTools `In Use`, else capacity − free; undefined when neither is known. */
export function usedGibOf(d: Datastore): number | undefined {
  if (d.usedGib !== undefined) return d.usedGib;
  if (d.freeGib !== undefined && d.capacityGib > 0) return d.capacityGib - d.freeGib;
  return undefined;
}

/** Free share of capacity (0-1); undefined when the capacity or the use is unknown. */
export function freeShareOf(d: Datastore): number | undefined {
  if (!(d.capacityGib > 0)) return undefined;
  const free = d.freeGib ?? (d.usedGib !== undefined ? d.capacityGib - d.usedGib : undefined);
  return free === undefined ? undefined : free / d.capacityGib;
}

export interface StorageSummary {
  datastores: number;
  byType: { type: string; count: number }[];
  capacityGib: number;
  /** In use, over the datastores whose use is known. */
  usedGib: number;
  /** usedGib ÷ the capacity of the datastores whose use is known (0-1). */
  usedShare: number;
  /** Datastores whose use is not known (left out of usedGib and usedShare). */
  usedUnknown: number;
  provisionedGib?: number;
  /** Capacity of the datastores that report provisioned space, and how many do. */
  provisionedOf: { capacityGib: number; datastores: number };
  /** Names of the datastores with less than NEAR_FULL_FREE free, fullest first. */
  nearFull: string[];
}

/** Datastores by (datastore) cluster then name; those in no datastore cluster last; id breaks ties. */
export function sortedDatastores(list: readonly Datastore[]): Datastore[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...list].sort(
    (a, b) =>
      Number(a.cluster === undefined || a.cluster === '') - Number(b.cluster === undefined || b.cluster === '') ||
      cmp(a.cluster ?? '', b.cluster ?? '') ||
      cmp(a.name, b.name) ||
      cmp(a.id, b.id),
  );
}

export function storageSummary(inventory: Inventory): StorageSummary | undefined {
  const list = inventory.datastores ?? [];
  if (list.length === 0) return undefined;
  const types = new Map<string, number>();
  let capacityGib = 0;
  let usedGib = 0;
  let knownCapacity = 0;
  let usedUnknown = 0;
  let provisionedGib: number | undefined;
  const provisionedOf = { capacityGib: 0, datastores: 0 };
  const full: { name: string; free: number }[] = [];
  for (const d of list) {
    const type = d.type ?? 'unknown type';
    types.set(type, (types.get(type) ?? 0) + 1);
    capacityGib += d.capacityGib;
    const used = usedGibOf(d);
    if (used === undefined) usedUnknown++;
    else {
      usedGib += used;
      knownCapacity += d.capacityGib;
    }
    if (d.provisionedGib !== undefined) {
      provisionedGib = (provisionedGib ?? 0) + d.provisionedGib;
      provisionedOf.capacityGib += d.capacityGib;
      provisionedOf.datastores++;
    }
    const free = freeShareOf(d);
    if (free !== undefined && free < NEAR_FULL_FREE) full.push({ name: d.name, free });
  }
  const byType = [...types].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1));
  full.sort((a, b) => a.free - b.free || (a.name < b.name ? -1 : 1));
  return {
    datastores: list.length,
    byType,
    capacityGib,
    usedGib,
    usedShare: knownCapacity > 0 ? usedGib / knownCapacity : 0,
    usedUnknown,
    provisionedGib,
    provisionedOf,
    nearFull: full.map((f) => f.name),
  };
}

const tib = (gib: number) => fmtNum(gib / GIB_PER_TIB);

/** "17 datastores, 199.5 TiB capacity, 123.9 TiB in use (62.1%); 1 near full (< 10% free): ps-vmfs02." */
export function storageSentence(s: StorageSummary, lead = 'Current storage: '): string {
  const names = s.nearFull.length === 0 ? '' : `: ${s.nearFull.slice(0, 5).join(', ')}${s.nearFull.length > 5 ? ', …' : ''}`;
  const unknown = s.usedUnknown > 0 ? ` (use not reported for ${fmtInt(s.usedUnknown)})` : '';
  return (
    `${lead}${fmtInt(s.datastores)} datastore${s.datastores === 1 ? '' : 's'}, ${tib(s.capacityGib)} TiB capacity, ` +
    `${tib(s.usedGib)} TiB in use (${fmtPct(s.usedShare)})${unknown}; ` +
    `${s.nearFull.length === 0 ? 'none' : fmtInt(s.nearFull.length)} near full (< ${fmtPct(NEAR_FULL_FREE, 0)} free)${names}.`
  );
}

export function datastoresTable(inventory: Inventory): Table | undefined {
  const list = inventory.datastores ?? [];
  if (list.length === 0) return undefined;
  const rows: Cell[][] = sortedDatastores(list).map((d) => {
    const used = usedGibOf(d);
    const free = freeShareOf(d);
    return [
      d.name,
      d.type ?? '',
      d.cluster ?? '',
      d.datacenter ?? '',
      d.vcenter ?? '',
      d.capacityGib,
      d.provisionedGib ?? null,
      used ?? null,
      d.freeGib ?? (used !== undefined && d.capacityGib > 0 ? d.capacityGib - used : null),
      free === undefined ? null : Math.round(free * 1e4) / 1e4,
      free !== undefined && free < NEAR_FULL_FREE ? 'yes' : '',
      d.hosts ?? null,
      d.vms ?? null,
      d.accessible === undefined ? '' : d.accessible ? 'yes' : 'no',
      d.id,
    ];
  });
  return {
    id: 'datastores',
    sheet: 'Datastores',
    title: 'Current datastores',
    columns: [
      col('datastore', 'Datastore', 'text', 1.5),
      col('type', 'Type', 'text', 0.55),
      col('cluster', 'Datastore cluster', 'text', 1.2),
      col('datacenter', 'Datacenter', 'text', 1),
      col('vcenter', 'vCenter', 'text', 1.5),
      col('capacityGib', 'Capacity GiB', 'int', 0.85),
      col('provisionedGib', 'Provisioned GiB', 'int', 0.9),
      col('usedGib', 'In use GiB', 'int', 0.85),
      col('freeGib', 'Free GiB', 'int', 0.8),
      col('freePct', 'Free', 'pct', 0.6),
      col('nearFull', 'Near full', 'text', 0.6),
      col('hosts', 'Hosts', 'int', 0.5),
      col('vms', 'VMs', 'int', 0.5),
      col('accessible', 'Accessible', 'text', 0.7),
      col('id', 'ID', 'text', 2),
    ],
    rows,
    note: `Sorted by datastore cluster (storage DRS pod; datastores in none last), then name. In use is RVTools "In Use"; provisioned counts thin disks at full size, so it can exceed capacity. Near full: less than ${fmtPct(NEAR_FULL_FREE, 0)} free.`,
  };
}

/** Up to this many datastores are listed in the section itself; more go to an appendix (like the placement list). */
export const SECTION_MAX_ROWS = 40;
const PDF_COLUMNS = ['datastore', 'type', 'cluster', 'capacityGib', 'usedGib', 'freePct', 'hosts', 'vms'];

/**
 * The "Current storage" section's blocks, and an appendix listing every datastore when there are more than
 * SECTION_MAX_ROWS (the section then lists only the near-full ones). Both empty when the inventory has no datastores.
 */
export function storageBlocks(inventory: Inventory, table: Table | undefined): { section: Block[]; appendix: Block[] } {
  const s = storageSummary(inventory);
  if (!s || !table) return { section: [], appendix: [] };
  const types = s.byType.map((t) => `${fmtInt(t.count)} ${t.type}`).join(', ');
  const p = s.provisionedOf;
  const of = p.datastores === s.datastores ? 'of capacity' : `of the capacity of the ${fmtInt(p.datastores)} datastore(s) that report it`;
  const over =
    s.provisionedGib !== undefined && p.capacityGib > 0
      ? ` Provisioned (thin disks counted at full size): ${tib(s.provisionedGib)} TiB, ${fmtPct(s.provisionedGib / p.capacityGib)} ${of}.`
      : '';
  const intro: Block = { type: 'paragraph', text: `${storageSentence(s, '')} By type: ${types}.${over}` };
  if (table.rows.length <= SECTION_MAX_ROWS) return { section: [intro, { type: 'table', table, columns: PDF_COLUMNS }], appendix: [] };
  const nearCol = table.columns.findIndex((c) => c.key === 'nearFull');
  const near: Table = { ...table, id: 'datastores-near-full', title: 'Near-full datastores', rows: table.rows.filter((r) => r[nearCol] === 'yes'), note: undefined };
  const section: Block[] = [intro, { type: 'paragraph', text: `Every datastore is listed in the appendix and in the ${table.sheet} sheet of the workbook.` }];
  if (near.rows.length > 0) section.push({ type: 'table', table: near, columns: PDF_COLUMNS });
  return { section, appendix: [{ type: 'table', table, columns: PDF_COLUMNS }] };
}
