/**
 * DMTF programmatic units (DSP0004 Annex C, used by OVF's AllocationUnits and capacityAllocationUnits), e.g.
 * `byte * 2^20`, `byte*10^9`, `hertz * 10^6`, `byte * 1024`, plus the legacy names older tools write (VirtualBox's
 * `MegaBytes`, OVF 0.9's `MegaHertz`, `KB`, `GB`). Binary prefixes are read as powers of 2 for bytes, as every
 * hypervisor writing these means them (VirtualBox's MegaBytes is 2^20 bytes).
 */

export interface Unit {
  base: 'byte' | 'bit' | 'hertz' | 'count';
  /** Multiplier onto the base unit. */
  factor: number;
}

const LEGACY: Record<string, Unit> = {
  byte: { base: 'byte', factor: 1 },
  bytes: { base: 'byte', factor: 1 },
  b: { base: 'byte', factor: 1 },
  kilobytes: { base: 'byte', factor: 2 ** 10 },
  kb: { base: 'byte', factor: 2 ** 10 },
  kib: { base: 'byte', factor: 2 ** 10 },
  megabytes: { base: 'byte', factor: 2 ** 20 },
  mb: { base: 'byte', factor: 2 ** 20 },
  mib: { base: 'byte', factor: 2 ** 20 },
  gigabytes: { base: 'byte', factor: 2 ** 30 },
  gb: { base: 'byte', factor: 2 ** 30 },
  gib: { base: 'byte', factor: 2 ** 30 },
  terabytes: { base: 'byte', factor: 2 ** 40 },
  tb: { base: 'byte', factor: 2 ** 40 },
  tib: { base: 'byte', factor: 2 ** 40 },
  hertz: { base: 'hertz', factor: 1 },
  hz: { base: 'hertz', factor: 1 },
  megahertz: { base: 'hertz', factor: 1e6 },
  mhz: { base: 'hertz', factor: 1e6 },
  gigahertz: { base: 'hertz', factor: 1e9 },
  ghz: { base: 'hertz', factor: 1e9 },
  bit: { base: 'bit', factor: 1 },
  bits: { base: 'bit', factor: 1 },
  count: { base: 'count', factor: 1 },
};

/** Parses a unit expression; undefined when it is not one dcplan understands. */
export function parseUnit(text: string | undefined): Unit | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  const legacy = LEGACY[t.replace(/\s+/g, '')];
  if (legacy) return legacy;
  // `base * term * term`, each term `N^M` or a plain integer; `/` (per second etc.) is not a size unit.
  const parts = t.split('*').map((p) => p.trim());
  const baseUnit = LEGACY[parts[0]];
  if (!baseUnit || parts.length < 2) return undefined;
  let factor = baseUnit.factor;
  for (const p of parts.slice(1)) {
    const pow = /^(\d+)\s*\^\s*(-?\d+)$/.exec(p);
    if (pow) factor *= Number(pow[1]) ** Number(pow[2]);
    else if (/^\d+$/.test(p)) factor *= Number(p);
    else return undefined;
  }
  return Number.isFinite(factor) && factor > 0 ? { base: baseUnit.base, factor } : undefined;
}

/** Bytes of `quantity` in `units`; undefined when the unit is not a byte unit. */
export function toBytes(quantity: number, units: string | undefined, fallback: string): number | undefined {
  const u = parseUnit(units ?? fallback);
  if (!u || u.base !== 'byte') return undefined;
  return quantity * u.factor;
}
