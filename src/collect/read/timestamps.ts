/**
 * Timestamps as exports write them, for every text format (inventory and time series), always to milliseconds since
 * the epoch in UTC: ISO 8601, epoch numbers, `MM/DD/YYYY HH:MM:SS.mmm` (perfmon; US, with or without AM/PM),
 * `DD.MM.YYYY HH:MM` (EU), and month names (`12:00 AM 21 July 2026`, `Jul 21, 2026 12:00:00 AM`, `21-Jul-2026 00:00`). Never uses `Date.parse` on
 * zone-less text (V8 would read it in the machine's local zone and make output depend on the laptop).
 */

/** UTC offsets (minutes east of UTC) of the zone abbreviations sysstat and other tools print. */
export const TZ_ABBREVIATIONS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, IST: 330, WEST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, EET: 120,
  EEST: 180, MSK: 180, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, JST: 540, KST: 540, AEST: 600, AEDT: 660, ACST: 570, AWST: 480, NZST: 720,
  NZDT: 780, SGT: 480, HKT: 480,
};

const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?$/;

export interface ParsedTime {
  ms: number;
  /** True when the text said which zone it is in (Z, an offset, or a known abbreviation). */
  zoned: boolean;
  /** An abbreviation we did not know (treated as UTC). */
  unknownZone?: string;
}

function fracMs(f: string | undefined): number {
  if (!f) return 0;
  return Math.round(Number('0.' + f) * 1000);
}

/**
 * Parses `2024-03-01T12:00:00Z`, `2024-03-01 12:00:00+01:00`, `2019-04-18 13:20:19 UTC`, `... EST`, zone-less text
 * (read as UTC shifted by `defaultBiasMinutes`, perfmon convention: UTC = local + bias), and epoch numbers
 * (seconds below 10^11, else milliseconds). Returns undefined when the text is not a time.
 */
export function parseTimestamp(text: string, defaultBiasMinutes = 0): ParsedTime | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const c0 = t.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57 && /^\d+(\.\d+)?$/.test(t)) {
    const n = Number(t);
    if (t.length <= 4) return undefined; // a year or a small number is not an epoch
    return { ms: n < 1e11 ? Math.round(n * 1000) : Math.round(n), zoned: true };
  }
  const m = ISO_RE.exec(t);
  if (m) {
    const base = Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0) + fracMs(m[7]);
    if (Number.isNaN(base)) return undefined;
    const z = m[8];
    if (!z) return { ms: base + defaultBiasMinutes * 60_000, zoned: false };
    if (z === 'Z' || z === 'z') return { ms: base, zoned: true };
    if (z[0] === '+' || z[0] === '-') {
      const digits = z.slice(1).replace(':', '');
      const off = (+digits.slice(0, 2) * 60 + +digits.slice(2, 4)) * (z[0] === '-' ? -1 : 1);
      return { ms: base - off * 60_000, zoned: true };
    }
    const off = TZ_ABBREVIATIONS[z.toUpperCase()];
    if (off === undefined) return { ms: base, zoned: false, unknownZone: z };
    return { ms: base - off * 60_000, zoned: true };
  }
  return parseSlashed(t, defaultBiasMinutes) ?? parseMonthName(t, defaultBiasMinutes);
}

/**
 * `MM/DD/YYYY HH:MM:SS.fff` (perfmon, typeperf, relog; US exports add ` AM`/` PM`) or `DD.MM.YYYY HH:MM:SS` (EU
 * localised exports): the separator decides the order, never the values, so 03/04 is always 4 March with slashes.
 */
const SLASH_RE = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;

/** 24-hour clock from a 12-hour one: 12 AM is 0 h, 12 PM is 12 h; out-of-range hours give NaN. */
function hour24(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  if (h < 1 || h > 12) return NaN;
  const pm = ampm === 'p' || ampm === 'P';
  return (h % 12) + (pm ? 12 : 0);
}

export function parseSlashed(t: string, biasMinutes: number): ParsedTime | undefined {
  const m = SLASH_RE.exec(t);
  if (!m) return undefined;
  const [month, day] = m[2] === '/' ? [+m[1], +m[3]] : [+m[3], +m[1]];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const hour = hour24(m[5] ? +m[5] : 0, m[9]);
  if (Number.isNaN(hour)) return undefined;
  const ms = Date.UTC(+m[4], month - 1, day, hour, m[6] ? +m[6] : 0, m[7] ? +m[7] : 0) + fracMs(m[8]);
  return { ms: ms + biasMinutes * 60_000, zoned: false };
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const CLOCK_RE = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([AaPp])\.?[Mm]\.?)?/;
const ZONE_TAIL_RE = /\s+(Z|UTC|GMT|[+-]\d{2}:?\d{2})$/i;

/**
 * English month names, the time before or after the date: `12:00 AM 21 July 2026` (vROps / Aria Operations),
 * `Jul 21, 2026 12:00:00 AM`, `21 July 2026 00:00`, `21-Jul-2026 13:05`. The date must be exactly a day, a month name
 * and a four-digit year; a trailing `UTC`, `GMT`, `Z` or offset is honoured, anything else is zone-less.
 */
export function parseMonthName(text: string, biasMinutes: number): ParsedTime | undefined {
  if (!/[A-Za-z]{3}/.test(text)) return undefined;
  let t = text;
  let offset: number | undefined;
  const z = ZONE_TAIL_RE.exec(t);
  if (z) {
    const v = z[1].toUpperCase();
    const digits = v.slice(1).replace(':', '');
    offset = v === 'Z' || v === 'UTC' || v === 'GMT' ? 0 : (+digits.slice(0, 2) * 60 + +digits.slice(2, 4)) * (v[0] === '-' ? -1 : 1);
    t = t.slice(0, z.index);
  }
  const c = CLOCK_RE.exec(t);
  const rest = (c ? t.slice(0, c.index) + ' ' + t.slice(c.index + c[0].length) : t).split(/[\s,/-]+/).filter((x) => x !== '');
  if (rest.length !== 3) return undefined;
  let month: number | undefined;
  let year: number | undefined;
  let day: number | undefined;
  for (const part of rest) {
    const name = /^[A-Za-z]+\.?$/.test(part) ? MONTHS[part.replace('.', '').toLowerCase().slice(0, part.toLowerCase().startsWith('sept') ? 4 : 3)] : undefined;
    if (name !== undefined && month === undefined && /^[A-Za-z]{3,9}\.?$/.test(part)) month = name;
    else if (/^\d{4}$/.test(part) && year === undefined) year = +part;
    else if (/^\d{1,2}(st|nd|rd|th)?$/i.test(part) && day === undefined) day = parseInt(part, 10);
    else return undefined;
  }
  if (month === undefined || year === undefined || day === undefined || day < 1 || day > 31) return undefined;
  const hour = hour24(c ? +c[1] : 0, c?.[5]);
  if (Number.isNaN(hour) || (c && (+c[2] > 59 || (c[3] !== undefined && +c[3] > 60)))) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, c ? +c[2] : 0, c?.[3] ? +c[3] : 0) + fracMs(c?.[4]);
  if (new Date(wall).getUTCDate() !== day) return undefined; // 31 June
  if (offset !== undefined) return { ms: wall - offset * 60_000, zoned: true };
  return { ms: wall + biasMinutes * 60_000, zoned: false };
}

/**
 * Zones behind the abbreviations sysstat prints. sadf labels timestamps with the zone's STANDARD abbreviation even in
 * summer (the sysstat test files print `09:20:19 EST` for 13:20:19 UTC in April, i.e. UTC-4), so a label is read as
 * its zone, and the zone's rules (ICU data shipped with Node) decide the offset on that date.
 */
export const ABBREVIATION_ZONES: Record<string, string> = {
  EST: 'America/New_York', EDT: 'America/New_York', CST: 'America/Chicago', CDT: 'America/Chicago',
  MST: 'America/Denver', MDT: 'America/Denver', PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles',
  CET: 'Europe/Paris', CEST: 'Europe/Paris', MET: 'Europe/Paris', MEST: 'Europe/Paris', EET: 'Europe/Helsinki',
  EEST: 'Europe/Helsinki', WET: 'Europe/Lisbon', WEST: 'Europe/Lisbon', BST: 'Europe/London',
  AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney', NZST: 'Pacific/Auckland', NZDT: 'Pacific/Auckland',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of an IANA zone at an instant, minutes east of UTC. */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(utcMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** UTC instant of a wall-clock time (given as if it were UTC) in an IANA zone. */
export function wallToUtc(wallMs: number, zone: string): { ms: number; offsetMinutes: number } {
  let off = zoneOffsetMinutes(zone, wallMs);
  off = zoneOffsetMinutes(zone, wallMs - off * 60000);
  return { ms: wallMs - off * 60000, offsetMinutes: off };
}

/** Excel's day 0 (serial dates count days from 1899-12-30, the 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A calendar day (yyyy-mm-dd, UTC) from what inventory exports write in a date column: an Excel serial number (a
 * workbook cell without a date format, e.g. `45714.537` in RVTools 4.x exports), `yyyy/mm/dd hh:mm:ss` (RVTools CSV),
 * or any timestamp `parseTimestamp` reads. Serials are taken between 1 (1899-12-31) and 109,574 (2199-12-31); other
 * plain numbers are not dates. Undefined when the text is not a date.
 */
export function parseCalendarDay(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  let ms: number | undefined;
  if (/^\d+(\.\d+)?$/.test(t)) {
    const n = Number(t);
    ms = n >= 1 && n <= 109_574 ? EXCEL_EPOCH_MS + Math.floor(n) * 86_400_000 : undefined;
  } else {
    ms = parseTimestamp(/^\d{4}\/\d{1,2}\/\d{1,2}/.test(t) ? t.replace(/\//g, '-') : t)?.ms;
  }
  return ms === undefined || Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}
