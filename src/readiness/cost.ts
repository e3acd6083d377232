import type { BusinessLicenceRow } from '../business/schema';
import { Platform } from './model';
import { PlatformCost } from './types';

/** The parts of plan.json's businessCase the cost criterion reads. */
export interface LicenceCostInput {
  currency: string;
  years: number;
  licences: Pick<BusinessLicenceRow, 'name' | 'unit' | 'unitsAfter' | 'purchase' | 'yearlyAfter'>[];
}

/**
 * Licence cost of each platform for this estate: the business case's licence schemes (plan.json `businessCase`,
 * counted on the planned hosts) that `readiness.licences` assigns to the platform, each over the horizon: purchase
 * in year 0 plus the yearly cost (subscription or support) for every year. A platform without an assignment, or an
 * estate without a business case, is not rated: dcplan carries no list prices and never guesses one.
 */
export function estimateCosts(
  platforms: Platform[],
  licences: Record<string, string[]> | undefined,
  businessCase: LicenceCostInput | undefined,
): Map<string, PlatformCost> {
  const out = new Map<string, PlatformCost>();
  for (const p of platforms) {
    const notRated = (why: string): PlatformCost => ({ platform: p.id, schemes: [], why });
    if (!businessCase) {
      out.set(p.id, notRated('no business case with licence schemes (plan.json from a config with businessCase.licences)'));
      continue;
    }
    const names = licences?.[p.id];
    if (names === undefined) {
      out.set(p.id, notRated(`readiness.licences assigns no licence scheme to ${p.id} (an empty list means no licence cost)`));
      continue;
    }
    const rows = names.map((n) => ({ n, row: businessCase.licences.find((r) => r.name === n) }));
    const missing = rows.filter((r) => !r.row).map((r) => r.n);
    if (missing.length > 0) {
      out.set(p.id, notRated(`readiness.licences names scheme(s) the business case does not have: ${missing.join(', ')}`));
      continue;
    }
    const schemes = rows.map(({ row }) => ({
      name: row!.name,
      units: row!.unitsAfter,
      unit: row!.unit,
      purchase: row!.purchase,
      yearly: row!.yearlyAfter,
      total: round2(row!.purchase + businessCase.years * row!.yearlyAfter),
    }));
    out.set(p.id, {
      platform: p.id,
      total: round2(schemes.reduce((s, x) => s + x.total, 0)),
      currency: businessCase.currency,
      years: businessCase.years,
      schemes,
    });
  }
  return out;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
