/**
 * Timestamp parsing for perf logs, always to milliseconds since the epoch in UTC. Never uses `Date.parse` on
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
  return parseSlashed(t, defaultBiasMinutes);
}

/** `MM/DD/YYYY HH:MM:SS.fff` (perfmon, typeperf, relog) or `DD.MM.YYYY HH:MM:SS` (some localised exports). */
const SLASH_RE = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?$/;

export function parseSlashed(t: string, biasMinutes: number): ParsedTime | undefined {
  const m = SLASH_RE.exec(t);
  if (!m) return undefined;
  const [month, day] = m[2] === '/' ? [+m[1], +m[3]] : [+m[3], +m[1]];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms =
    Date.UTC(+m[4], month - 1, day, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, m[7] ? +m[7] : 0) + fracMs(m[8]);
  return { ms: ms + biasMinutes * 60_000, zoned: false };
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
