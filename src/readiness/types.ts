/**
 * The scorecard (`scorecard.json`) contract, read by the reports and tests.
 * The readiness engine owns how it is produced; this file owns what it looks like.
 */
import { Problem } from '../diagnostics';

export const SCORECARD_SCHEMA = 'dcplan.scorecard/v1';

export interface Evidence {
  /** `fact` = a platform fact with its source; `inventory` = a figure from the customer's estate. */
  kind: 'fact' | 'inventory';
  key: string;
  value: string | number | boolean;
  source?: string;
}

export interface CriterionRating {
  criterion: string;
  /** Criterion title as printed in the seed's table, e.g. "OS Independence". */
  title: string;
  /** The label on the criterion's own scale: Yes/No, Moderate/High, Partial Support/Full Support, ... */
  rating: string;
  /** 0-100 */
  score: number;
  weight: number;
  rationale: string;
  evidence: Evidence[];
  /** The rating this platform gets on architecture alone (no inventory); differs when the estate moved it. */
  ratingWithoutEstate?: string;
}

export interface PlatformScore {
  platform: string;
  name: string;
  ratings: CriterionRating[];
  /** Sum of score × weight / sum of weights, 0-100. */
  weightedTotal: number;
  rank: number;
  /** Findings that apply to this platform (its own plus the platform-independent ones), by severity. */
  findingCounts?: { critical: number; warning: number; info: number };
}

export interface WorkloadFinding {
  rule: string;
  severity: 'critical' | 'warning' | 'info';
  workload: string;
  workloadId: string;
  /** Platform the finding applies to, or absent when platform-independent. */
  platform?: string;
  message: string;
  remediation: string;
}

export interface Scorecard {
  schema: typeof SCORECARD_SCHEMA;
  generatedBy: { tool: 'dcplan'; version: string };
  profile: { id: string; name: string; weights: Record<string, number> };
  criteria: { id: string; title: string }[];
  platforms: PlatformScore[];
  recommendation: { platform: string; name: string; reasons: string[] };
  findings: WorkloadFinding[];
  findingCounts: { critical: number; warning: number; info: number };
  /** Workload checks that could not run for lack of data, with what was missing. */
  checksNotRun: { rule: string; reason: string }[];
  problems: Problem[];
  /** Date the end-of-support table was read against (YYYY-MM-DD). */
  asOf?: string;
  /** What the scoring looked at: the estate's size, or absent when scored without an inventory. */
  estate?: { workloads: number; hosts: number; clusters: number };
}
