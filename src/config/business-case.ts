/**
 * The `businessCase` section resolved (issue 12): defaults with their sources, and which inputs were not given (counted
 * as 0, and the report says so). The zod schema is in schema.ts (BusinessCaseSchema, LicenceSchemeSchema).
 */
import { BusinessCaseInput, LicenceScheme } from './schema';

/** Facts behind the defaults, printed in the report's assumptions. */
export const PUE_DEFAULT = 1.56;
export const PUE_SOURCE = 'Uptime Institute Global Data Center Survey 2024: average annual PUE 1.56';
export const YEARS_DEFAULT = 5;

/** The section with every default applied and the paths that were defaulted or not given (counted as 0). */
export interface BusinessCaseConfig {
  years: number;
  energyPricePerKwh: number;
  pue: number;
  spaceCostPerRackUnitMonth: number;
  hardwareSupportPct: number;
  hardwareSupportPerHost: number;
  existingSupportPerHost: number;
  residualValuePerHost: number;
  migrationPerWorkload: number;
  decommission: NonNullable<BusinessCaseInput['decommission']>;
  licences: LicenceScheme[];
  /** `businessCase.x` paths that took a default (years, pue). */
  defaulted: string[];
  /** Inputs not given, counted as 0. */
  notGiven: string[];
}

export function resolveBusinessCase(input: BusinessCaseInput): BusinessCaseConfig {
  const defaulted: string[] = [];
  const notGiven: string[] = [];
  const orZero = (v: number | undefined, path: string) => {
    if (v === undefined) notGiven.push(path);
    return v ?? 0;
  };
  if (input.years === undefined) defaulted.push('businessCase.years');
  if (input.pue === undefined) defaulted.push('businessCase.pue');
  const hs = input.hardwareSupport ?? {};
  if (hs.pctOfPricePerYear === undefined && hs.perHostPerYear === undefined) notGiven.push('businessCase.hardwareSupport');
  const mg = input.migration ?? {};
  const migrationPerWorkload = (mg.perWorkload ?? 0) + (mg.hoursPerWorkload ?? 0) * (mg.ratePerHour ?? 0);
  if (mg.perWorkload === undefined && (mg.hoursPerWorkload === undefined || mg.ratePerHour === undefined)) notGiven.push('businessCase.migration');
  return {
    years: input.years ?? YEARS_DEFAULT,
    energyPricePerKwh: input.energyPricePerKwh,
    pue: input.pue ?? PUE_DEFAULT,
    spaceCostPerRackUnitMonth: orZero(input.spaceCostPerRackUnitMonth, 'businessCase.spaceCostPerRackUnitMonth'),
    hardwareSupportPct: hs.pctOfPricePerYear ?? 0,
    hardwareSupportPerHost: hs.perHostPerYear ?? 0,
    existingSupportPerHost: orZero(input.existingHosts?.supportPerHostPerYear, 'businessCase.existingHosts.supportPerHostPerYear'),
    residualValuePerHost: orZero(input.existingHosts?.residualValuePerHost, 'businessCase.existingHosts.residualValuePerHost'),
    migrationPerWorkload,
    decommission: input.decommission ?? {},
    licences: input.licences ?? [],
    defaulted,
    notGiven,
  };
}
