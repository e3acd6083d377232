/**
 * The scorecard (`scorecard.json`) contract as a zod schema: the types in `types.ts` are inferred from it, a reader
 * parses a scorecard file with it (`io.ts`), and `schemas/scorecard.schema.json` is generated from it (a test keeps the
 * file in sync). Bump SCORECARD_SCHEMA on an incompatible change; new optional fields keep the version.
 */
import { z } from 'zod';
import { ProblemSchema } from '../inventory/schema';

export const SCORECARD_SCHEMA = 'dcplan.scorecard/v1';

const SeverityCounts = z.strictObject({ critical: z.number(), warning: z.number(), info: z.number() });

export const EvidenceSchema = z.strictObject({
  /** `fact` = a platform fact with its source; `inventory` = a figure from the customer's estate. */
  kind: z.enum(['fact', 'inventory']),
  key: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
  source: z.string().optional(),
});

export const CriterionRatingSchema = z.strictObject({
  criterion: z.string(),
  /** Criterion title as printed in the seed's table, e.g. "OS Independence". */
  title: z.string(),
  /** The label on the criterion's own scale: Yes/No, Moderate/High, Partial Support/Full Support, ... */
  rating: z.string(),
  /** 0-100 */
  score: z.number(),
  weight: z.number(),
  rationale: z.string(),
  evidence: z.array(EvidenceSchema),
  /** The rating this platform gets on architecture alone (no inventory); differs when the estate moved it. */
  ratingWithoutEstate: z.string().optional(),
  /** Set when the criterion could not be rated (rating "not rated", score 0): what was missing. */
  notRated: z.string().optional(),
  /** false when the criterion is left out of the weighted totals (not rated for at least one scored platform). */
  inTotal: z.boolean().optional(),
});

export const PlatformLifecycleSchema = z.strictObject({
  status: z.enum(['current', 'historical']),
  release: z.string(),
  /** Last day of security fixes without a paid extension; null when no source gives it (see `unsourced`). */
  endOfSupport: z.string().nullable(),
  endOfSupportMeans: z.string(),
  source: z.string(),
  unsourced: z.string().optional(),
});

export const PlatformScoreSchema = z.strictObject({
  platform: z.string(),
  name: z.string(),
  lifecycle: PlatformLifecycleSchema.optional(),
  /** Why the recommendation passes this platform over (historical, past end of support); absent when it may pick it. */
  notRecommended: z.string().optional(),
  ratings: z.array(CriterionRatingSchema),
  /** Sum of score × weight / sum of weights, 0-100. */
  weightedTotal: z.number(),
  rank: z.number(),
  /** Findings that apply to this platform (its own plus the platform-independent ones), by severity. */
  findingCounts: SeverityCounts.optional(),
});

export const WorkloadFindingSchema = z.strictObject({
  rule: z.string(),
  severity: z.enum(['critical', 'warning', 'info']),
  workload: z.string(),
  workloadId: z.string(),
  /** Platform the finding applies to, or absent when platform-independent. */
  platform: z.string().optional(),
  message: z.string(),
  remediation: z.string(),
});

/** Migration effort of the estate onto one platform (criterion migration-effort), with the counts behind it. */
export const MigrationEstimateSchema = z.strictObject({
  platform: z.string(),
  /** Workloads to convert (appliances and workloads to re-platform are counted apart). */
  workloads: z.number(),
  routine: z.number(),
  handsOn: z.number(),
  replatform: z.number(),
  /** Deployed from their OVF / OVA package rather than converted (see the appliance-import findings). */
  appliances: z.number(),
  points: z.number(),
  pointsPerWorkload: z.number(),
  routes: z.array(
    z.strictObject({
      from: z.string(),
      tool: z.string(),
      mode: z.enum(['live', 'warm', 'cold', 'manual']),
      workloads: z.number(),
      source: z.string().optional(),
    }),
  ),
  /** What added points beyond the route's base: a finding rule, a blocked route or a disk band, with how many workloads. */
  factors: z.array(z.strictObject({ factor: z.string(), workloads: z.number(), points: z.number() })),
});

/** Licence cost of one platform for this estate over the business case's horizon (criterion cost-for-estate). */
export const PlatformCostSchema = z.strictObject({
  platform: z.string(),
  /** Absent when not rated; then `why` says what is missing. */
  total: z.number().optional(),
  currency: z.string().optional(),
  years: z.number().optional(),
  schemes: z.array(z.strictObject({ name: z.string(), units: z.number(), unit: z.string(), purchase: z.number(), yearly: z.number(), total: z.number() })),
  why: z.string().optional(),
});

export const ScorecardSchema = z.strictObject({
  schema: z.literal(SCORECARD_SCHEMA),
  generatedBy: z.strictObject({ tool: z.literal('dcplan'), version: z.string() }),
  profile: z.strictObject({ id: z.string(), name: z.string(), weights: z.record(z.string(), z.number()) }),
  criteria: z.array(z.strictObject({ id: z.string(), title: z.string() })),
  platforms: z.array(PlatformScoreSchema),
  recommendation: z.strictObject({ platform: z.string(), name: z.string(), reasons: z.array(z.string()) }),
  findings: z.array(WorkloadFindingSchema),
  findingCounts: SeverityCounts,
  /** Workload checks that could not run for lack of data, with what was missing. */
  checksNotRun: z.array(z.strictObject({ rule: z.string(), reason: z.string() })),
  problems: z.array(ProblemSchema),
  /** Date the end-of-support table was read against (YYYY-MM-DD). */
  asOf: z.string().optional(),
  /** Migration effort per platform (with an inventory). */
  migration: z.array(MigrationEstimateSchema).optional(),
  /** Licence cost per platform, or why it is not rated. */
  costs: z.array(PlatformCostSchema).optional(),
  /** What the scoring looked at: the estate's size, or absent when scored without an inventory. */
  estate: z.strictObject({ workloads: z.number(), hosts: z.number(), clusters: z.number() }).optional(),
});
