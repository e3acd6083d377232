import { Problem, warning } from '../../../diagnostics';
import { HealthMessage, Licence } from '../../../inventory/schema';
import { resolveColumns } from '../../read/headers';
import { day, num, str } from './cells';
import { VHEALTH, VLICENSE } from './columns';
import { vcenterOf } from './hosts';
import { RowParser, SkipRow } from './infra-tabs';
import { TabData, Where } from './records';

/**
 * Today's licence baseline and RVTools' health findings (vLicense, vHealth): read for the report, not for sizing.
 * A licence key is masked the moment it is read, so the whole key never reaches the inventory, a problem or a report.
 */

/** `0A0AA-BBBBB-CCCCC-DDDDD-11111` → `*****-*****-*****-*****-11111`: the last 5 letters or digits kept (at most a quarter of them). */
export function maskLicenceKey(key: string): string {
  const alnum = key.replace(/[^0-9a-z]/gi, '').length;
  let keep = Math.min(5, Math.floor(alnum / 4));
  const out: string[] = [];
  for (let i = key.length - 1; i >= 0; i--) {
    const c = key[i];
    if (/[0-9a-z]/i.test(c)) out.push(keep-- > 0 ? c : '*');
    else out.push(c);
  }
  return out.reverse().join('');
}

const NEVER = /^(never|none|perpetual|unlimited|n\/a|-)$/i;

export function vLicenseParser(headers: string[], where: Where, data: TabData, problems: Problem[], skip: SkipRow): RowParser | undefined {
  const sheet = where.sheet ?? 'vLicense';
  const r = resolveColumns(headers, VLICENSE, { ...where, sheet });
  problems.push(...r.problems);
  const c = r.columns;
  const n = r.names;
  if (c.name === undefined) {
    problems.push(warning('rvtools-tab-ignored', 'Tab vLicense has no "Name" column; no licences are read.', { ...where, sheet, row: 1 }));
    return undefined;
  }
  return (ctx) => {
    const name = str(ctx, c, 'name');
    if (name === undefined) {
      skip(ctx, 'vLicense', 'no licence name');
      return;
    }
    const key = str(ctx, c, 'key');
    const expiration = str(ctx, c, 'expiration');
    data.vLicense.push({
      row: ctx.row,
      name,
      keyMasked: key === undefined ? undefined : maskLicenceKey(key),
      costUnit: str(ctx, c, 'costUnit'),
      total: num(ctx, c, n, 'total', 'a number of licence units'),
      used: num(ctx, c, n, 'used', 'a number of licence units'),
      expiration,
      expires: expiration === undefined || NEVER.test(expiration) ? undefined : day(ctx, c, n, 'expiration'),
      features: str(ctx, c, 'features'),
      vcUuid: str(ctx, c, 'vcUuid')?.toLowerCase(),
      vcServer: str(ctx, c, 'vcServer'),
    });
  };
}

export function vHealthParser(headers: string[], where: Where, data: TabData, problems: Problem[], skip: SkipRow): RowParser | undefined {
  const sheet = where.sheet ?? 'vHealth';
  const r = resolveColumns(headers, VHEALTH, { ...where, sheet });
  problems.push(...r.problems);
  const c = r.columns;
  if (c.name === undefined || c.message === undefined) {
    problems.push(warning('rvtools-tab-ignored', 'Tab vHealth has no "Name" or no "Message" column; no health findings are read.', { ...where, sheet, row: 1 }));
    return undefined;
  }
  return (ctx) => {
    const name = str(ctx, c, 'name');
    const message = str(ctx, c, 'message');
    if (name === undefined || message === undefined) {
      skip(ctx, 'vHealth', name === undefined ? 'no entity name' : 'no message');
      return;
    }
    data.vHealth.push({ row: ctx.row, name, message, kind: str(ctx, c, 'kind'), vcUuid: str(ctx, c, 'vcUuid')?.toLowerCase(), vcServer: str(ctx, c, 'vcServer') });
  };
}

/** Features as RVTools lists them: comma-, semicolon- or line-separated. */
function featureList(s: string | undefined): string[] {
  return (s ?? '')
    .split(/[,;\n]/)
    .map((f) => f.trim())
    .filter((f) => f !== '');
}

/** Drops the keys holding undefined (the schemas' optional fields are absent, never undefined), keeping the order. */
function withoutUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

export function buildLicences(data: TabData, where: Where): Licence[] {
  const sheet = where.sheet ?? 'vLicense';
  return data.vLicense.map((r) => {
    const vc = vcenterOf(r);
    return withoutUndefined<Licence>({
      name: r.name,
      keyMasked: r.keyMasked,
      costUnit: r.costUnit,
      total: r.total,
      used: r.used,
      expiration: r.expiration,
      expires: r.expires,
      features: featureList(r.features),
      vcenters: vc === undefined ? [] : [vc],
      provenance: [{ file: where.file, sheet, row: r.row }],
    });
  });
}

/** The kind of a message: `Message type` as written, else the message up to its first `!` (RVTools' own wording). */
export function healthKind(kind: string | undefined, message: string): string {
  if (kind !== undefined && kind.trim() !== '') return kind.trim();
  const bang = message.indexOf('!');
  return (bang > 0 ? message.slice(0, bang) : message).trim();
}

export function buildHealth(data: TabData, where: Where): HealthMessage[] {
  const sheet = where.sheet ?? 'vHealth';
  return data.vHealth.map((r) => {
    return withoutUndefined<HealthMessage>({
      entity: r.name,
      kind: healthKind(r.kind, r.message),
      message: r.message,
      vcenter: vcenterOf(r),
      provenance: { file: where.file, sheet, row: r.row },
    });
  });
}
