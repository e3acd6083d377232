/**
 * Confidence rating 1-5 from coverage (share of expected samples present in the window), with the thresholds
 * Azure Migrate documents for its performance-based assessments:
 *
 *   coverage   0-20 % → 1 star,  21-40 % → 2,  41-60 % → 3,  61-80 % → 4,  81-100 % → 5.
 *
 * "Expected" samples are the buckets of the chosen window (day / week / month, ending at the server's last sample),
 * at the resampling interval or at the source's own interval when that is coarser. So a 2-day perfmon log judged on
 * a month rates 1 star, exactly as Azure would rate a server discovered two days before the assessment.
 * A workload's rating is that of its least-covered metric (a plan is only as good as its weakest input).
 */
export function confidenceFromCoverage(coverage: number): 1 | 2 | 3 | 4 | 5 {
  const pct = coverage * 100;
  if (pct > 80) return 5;
  if (pct > 60) return 4;
  if (pct > 40) return 3;
  if (pct > 20) return 2;
  return 1;
}

export const CONFIDENCE_TABLE =
  'confidence (Azure Migrate thresholds): coverage ≤20 % → 1, ≤40 % → 2, ≤60 % → 3, ≤80 % → 4, >80 % → 5 stars';
