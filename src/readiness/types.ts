/**
 * The scorecard (`scorecard.json`) contract, read by the reports and tests, as TypeScript types inferred from the zod
 * schema in `scorecard-schema.ts`, which owns what a scorecard looks like; the readiness engine owns how it is produced.
 */
import { z } from 'zod';
import {
  CriterionRatingSchema,
  EvidenceSchema,
  MigrationEstimateSchema,
  PlatformCostSchema,
  PlatformScoreSchema,
  ScorecardSchema,
  WorkloadFindingSchema,
} from './scorecard-schema';

export { SCORECARD_SCHEMA } from './scorecard-schema';

export type Evidence = z.infer<typeof EvidenceSchema>;
export type CriterionRating = z.infer<typeof CriterionRatingSchema>;
export type PlatformScore = z.infer<typeof PlatformScoreSchema>;
export type WorkloadFinding = z.infer<typeof WorkloadFindingSchema>;
export type Scorecard = z.infer<typeof ScorecardSchema>;
export type MigrationEstimate = z.infer<typeof MigrationEstimateSchema>;
export type PlatformCost = z.infer<typeof PlatformCostSchema>;
