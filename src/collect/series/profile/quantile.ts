/**
 * Percentiles by linear interpolation between closest ranks (Hyndman & Fan type 7, the definition of Excel's
 * PERCENTILE.INC and numpy's default): for n sorted values and p in [0, 100], h = (n - 1) · p / 100 and the result is
 * v[⌊h⌋] + (h − ⌊h⌋) · (v[⌊h⌋+1] − v[⌊h⌋]). A consultant can reproduce every figure in a spreadsheet.
 * Applied to the resampled buckets (see ../store.ts) these are exact order statistics: no sketch error.
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0];
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/** Percentile of unsorted values (copies and sorts). */
export function percentile(values: ArrayLike<number>, p: number): number {
  const a = Float64Array.from(values);
  a.sort();
  return percentileSorted(a, p);
}

/** Rounds figures written to the inventory to 4 decimals so JSON stays readable and stable across platforms. */
export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
