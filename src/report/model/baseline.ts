/**
 * "Licence baseline and health": today's licence keys (RVTools vLicense; keys masked at collect time) and RVTools' own
 * health findings (vHealth) grouped by kind with counts and examples. An inventory with neither gives no section.
 */
import { HealthMessage, Inventory, Licence } from '../../inventory/schema';
import { fmtInt } from '../format';
import { col } from './labels';
import { Block, Table } from './types';

/** A licence expiring within this many days of the report date is called out. */
export const EXPIRY_SOON_DAYS = 90;
const DAY_MS = 86_400_000;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type LicenceState = 'over-used' | 'expired' | 'expires soon' | '';

/** Over-used (used > total), expired or expiring within EXPIRY_SOON_DAYS of `asOf` (yyyy-mm-dd). */
export function licenceState(l: Licence, asOf: string): LicenceState {
  if (l.total !== undefined && l.used !== undefined && l.total > 0 && l.used > l.total) return 'over-used';
  if (l.expires === undefined) return '';
  const left = (Date.parse(l.expires) - Date.parse(asOf)) / DAY_MS;
  return left < 0 ? 'expired' : left <= EXPIRY_SOON_DAYS ? 'expires soon' : '';
}

/** `*****-*****-*****-*****-11A1A` → `…11A1A`: the masked part says nothing, the visible end tells keys apart. */
const keyEnd = (masked: string | undefined): string => (masked === undefined ? '' : masked.replace(/^[*\-\s]+/, '…'));

export function licencesTable(inventory: Inventory, asOf: string): Table | undefined {
  const list = inventory.licences ?? [];
  if (list.length === 0) return undefined;
  const sorted = [...list].sort((a, b) => cmp(a.name, b.name) || cmp(a.keyMasked ?? '', b.keyMasked ?? ''));
  return {
    id: 'licences',
    sheet: 'Licences',
    title: "Today's licence keys (vCenter)",
    columns: [
      col('licence', 'Licence', 'text', 1.6, true),
      col('key', 'Key ends', 'text', 0.75),
      col('costUnit', 'Cost unit', 'text', 1, true),
      col('total', 'Total', 'int', 0.45),
      col('used', 'Used', 'int', 0.45),
      col('expiration', 'Expires', 'text', 0.85),
      col('state', 'Attention', 'text', 0.85, true),
      col('features', 'Features', 'text', 1.8, true),
      col('vcenters', 'vCenter(s)', 'text', 1.2, true),
    ],
    rows: sorted.map((l) => [
      l.name,
      keyEnd(l.keyMasked),
      l.costUnit ?? '',
      l.total ?? null,
      l.used ?? null,
      l.expires ?? l.expiration ?? '',
      licenceState(l, asOf),
      l.features.join(', '),
      l.vcenters.join(', '),
    ]),
    note: `Keys are masked: only their last characters are kept (Key ends). Attention: used above total, expired, or expiring within ${EXPIRY_SOON_DAYS} days of the report date. A key reported by linked vCenters is listed once. Total 0 is what vCenter reports for some keys (e.g. evaluation); it is shown as written.`,
  };
}

interface Kind {
  kind: string;
  messages: number;
  entities: Set<string>;
  example: string;
  vcenters: Set<string>;
}

function healthKinds(list: readonly HealthMessage[]): Kind[] {
  const by = new Map<string, Kind>();
  for (const h of list) {
    let k = by.get(h.kind);
    if (!k) by.set(h.kind, (k = { kind: h.kind, messages: 0, entities: new Set(), example: h.message, vcenters: new Set() }));
    k.messages++;
    k.entities.add(h.entity);
    if (h.vcenter) k.vcenters.add(h.vcenter);
  }
  return [...by.values()].sort((a, b) => b.messages - a.messages || cmp(a.kind, b.kind));
}

const EXAMPLES = 3;
const examplesOf = (entities: Set<string>) => {
  const names = [...entities].slice(0, EXAMPLES);
  return names.join(', ') + (entities.size > EXAMPLES ? `, … (${fmtInt(entities.size - EXAMPLES)} more)` : '');
};

export function healthByKindTable(inventory: Inventory): Table | undefined {
  const list = inventory.health ?? [];
  if (list.length === 0) return undefined;
  return {
    id: 'health-by-kind',
    sheet: 'Health by kind',
    title: 'RVTools health findings by kind',
    columns: [
      col('kind', 'Kind', 'text', 1.2, true),
      col('messages', 'Messages', 'int', 0.6),
      col('entities', 'Entities', 'int', 0.6),
      col('example', 'Example message', 'text', 2.6, true),
      col('examples', 'Example entities', 'text', 2.2, true),
    ],
    rows: healthKinds(list).map((k) => [k.kind, k.messages, k.entities.size, k.example, examplesOf(k.entities)]),
    note: 'Kind: the Message type RVTools writes, else the message up to its first "!". Every message is in the Health sheet of the workbook.',
  };
}

/** Every health message (workbook and CSV only: an estate can have thousands). */
export function healthTable(inventory: Inventory): Table | undefined {
  const list = inventory.health ?? [];
  if (list.length === 0) return undefined;
  return {
    id: 'health',
    sheet: 'Health',
    title: 'RVTools health findings',
    columns: [
      col('kind', 'Kind', 'text', 1),
      col('entity', 'Entity', 'text', 1.5),
      col('message', 'Message', 'text', 3, true),
      col('vcenter', 'vCenter', 'text', 1),
      col('file', 'File', 'text', 1.5),
      col('row', 'Row', 'int', 0.4),
    ],
    rows: list.map((h) => [h.kind, h.entity, h.message, h.vcenter ?? '', h.provenance.file, h.provenance.row ?? null]),
  };
}

function licenceSentence(list: readonly Licence[], asOf: string): string {
  const states = list.map((l) => licenceState(l, asOf));
  const count = (s: LicenceState) => states.filter((x) => x === s).length;
  const names = (s: LicenceState) => list.filter((_, i) => states[i] === s).map((l) => l.name);
  const parts = [`${fmtInt(list.length)} licence key(s) in today's vCenter(s)`];
  for (const s of ['over-used', 'expired', 'expires soon'] as const)
    if (count(s) > 0) parts.push(`${fmtInt(count(s))} ${s === 'expires soon' ? `expire within ${EXPIRY_SOON_DAYS} days` : s}: ${names(s).join(', ')}`);
  return parts.join('; ') + '.';
}

export function baselineBlocks(inventory: Inventory, asOf: string, licences: Table | undefined, byKind: Table | undefined): Block[] {
  const blocks: Block[] = [];
  if (licences) {
    blocks.push(
      { type: 'heading', text: 'Licence baseline' },
      { type: 'paragraph', text: `${licenceSentence(inventory.licences ?? [], asOf)} What is licensed today, against which the target platform's licences are compared.` },
      { type: 'table', table: licences, columns: ['licence', 'key', 'costUnit', 'total', 'used', 'expiration', 'state', 'features'] },
    );
  }
  if (byKind) {
    const list = inventory.health ?? [];
    const entities = new Set(list.map((h) => `${h.vcenter ?? ''}\u0000${h.entity}`)).size;
    blocks.push(
      { type: 'heading', text: 'Health findings (RVTools vHealth)' },
      {
        type: 'paragraph',
        text: `${fmtInt(list.length)} finding(s) of ${fmtInt(byKind.rows.length)} kind(s) on ${fmtInt(entities)} entit${entities === 1 ? 'y' : 'ies'} (VMs, hosts, datastore files): worth clearing before a migration (snapshots, zombie files, Tools, time sync).`,
      },
      { type: 'table', table: byKind },
    );
  }
  return blocks;
}
