/**
 * The business case as plan.json carries it (issue 12): the inputs it used, the quantities it took from the plan, the
 * licence counts per scheme before and after, the cost per head and year, the totals and the payback month. Part of
 * the plan contract (src/plan/schema.ts); `npm run schemas` regenerates the JSON Schema.
 */
import { z } from 'zod';

export const BusinessLicenceRowSchema = z.strictObject({
  name: z.string(),
  covers: z.enum(['hosts', 'pool-hosts', 'vms']),
  unit: z.enum(['core', 'socket-pair', 'host', 'vcpu', 'vm']),
  term: z.enum(['perpetual', 'subscription']),
  price: z.number(),
  supportPct: z.number(),
  /** Units today's estate needs (0 when the scheme is not counted before) and the plan needs. */
  unitsBefore: z.number(),
  unitsAfter: z.number(),
  /** Perpetual: units owned today and the shortfall bought in year 0. */
  ownedUnits: z.number(),
  purchasedUnits: z.number(),
  purchase: z.number(),
  yearlyBefore: z.number(),
  yearlyAfter: z.number(),
  source: z.string().optional(),
});

/** One cost head: a one-off amount in year 0 or the same amount in every year 1..N. Negative = a credit. */
export const BusinessHeadSchema = z.strictObject({
  side: z.enum(['before', 'after']),
  id: z.string(),
  label: z.string(),
  when: z.enum(['one-off', 'yearly']),
  amount: z.number(),
  /** How the amount follows from the inputs, in words with the figures. */
  formula: z.string(),
});

export const BusinessYearSchema = z.strictObject({
  year: z.number(),
  before: z.number(),
  after: z.number(),
  cumulativeBefore: z.number(),
  cumulativeAfter: z.number(),
  savings: z.number(),
  cumulativeSavings: z.number(),
});

export const SensitivityRowSchema = z.strictObject({
  /** The input moved: energy price, oversubscription, growth. */
  input: z.string(),
  low: z.string(),
  high: z.string(),
  /** N-year savings with the input at its low and high value (the baseline's savings are `totals.savings`). */
  savingsLow: z.number(),
  savingsHigh: z.number(),
  /**
   * Hosts after with the input low / high: the baseline's for prices; for sizing inputs the quick re-plan's own count,
   * beside `quickHosts`, the quick re-plan with the input unmoved (a re-plan may change the model mix, so host counts
   * are compared between quick plans, not with the baseline).
   */
  hostsLow: z.number(),
  hostsHigh: z.number(),
  quickHosts: z.number().optional(),
});

export const BusinessCaseSchema = z.strictObject({
  currency: z.string(),
  years: z.number(),
  inputs: z.strictObject({
    energyPricePerKwh: z.number(),
    pue: z.number(),
    spaceCostPerRackUnitMonth: z.number(),
    hardwareSupportPct: z.number(),
    hardwareSupportPerHost: z.number(),
    existingSupportPerHost: z.number(),
    residualValuePerHost: z.number(),
    migrationPerWorkload: z.number(),
    /** businessCase paths that took a default (years, pue) and inputs not given (counted as 0). */
    defaulted: z.array(z.string()),
    notGiven: z.array(z.string()),
  }),
  quantities: z.strictObject({
    /** Today's hosts in all (physical servers included) and the hypervisor hosts among them (host-counted licences). */
    hostsBefore: z.number(),
    hypervisorHostsBefore: z.number(),
    /** Today's hosts whose cores the inventory does not give (host-counted licences count them as the smallest known host). */
    hostsBeforeUnknown: z.number(),
    hostsAfter: z.number(),
    hostsNew: z.number(),
    hostsReused: z.number(),
    hostsRetired: z.number(),
    kwBefore: z.number(),
    kwAfter: z.number(),
    rackUnitsBefore: z.number(),
    rackUnitsAfter: z.number(),
    newHardwareCost: z.number(),
    workloadsMigrated: z.number(),
    workloadsDecommissioned: z.number(),
  }),
  licences: z.array(BusinessLicenceRowSchema),
  heads: z.array(BusinessHeadSchema),
  byYear: z.array(BusinessYearSchema),
  totals: z.strictObject({ before: z.number(), after: z.number(), savings: z.number() }),
  /** First month (1-based) at which the cumulative cost after is no more than before; 0 = from the start; null = never. */
  paybackMonth: z.number().nullable(),
  sensitivity: z.array(SensitivityRowSchema).optional(),
});
export type BusinessCase = z.infer<typeof BusinessCaseSchema>;
export type BusinessHead = z.infer<typeof BusinessHeadSchema>;
export type BusinessLicenceRow = z.infer<typeof BusinessLicenceRowSchema>;
export type SensitivityRow = z.infer<typeof SensitivityRowSchema>;
