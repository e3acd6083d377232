/**
 * Profile of one stored series: percentiles over a window, a 24- or 168-slot shape, coverage and confidence.
 *
 * - Window: the last `day` (1), `week` (7) or `month` (30) days ending at the series' last sample, or `all` of it;
 *   optionally Monday-Friday only (judged in the server's local time when the source states its time zone).
 * - Percentiles P50/P90/P95/P99 and the peak are taken over the resampled buckets (each bucket = the peak of its
 *   samples, see ../store.ts); `avg` is the exact mean of the raw samples in the window.
 * - Shape: slot = UTC hour of day (hourly, 24 slots) or UTC hour of the week, Monday 00:00 first (weekly, 168 slots);
 *   each slot holds the chosen percentile of the buckets falling in it. Slots are in UTC so that shapes of servers in
 *   different time zones add up in real time on a shared host. A slot with no data takes the series' overall value at
 *   the same percentile (a conservative fill, counted in `emptySlots`).
 * - Coverage: buckets present / buckets expected in the window, where a source sampling more coarsely than the
 *   resampling interval is expected to fill only every k-th bucket. Confidence from coverage: see confidence.ts.
 */
import { MetricUtil, Shape } from '../../../inventory/schema';
import { DAY_MS, Series } from '../store';
import { SeriesOptions, ShapeGranularity, WINDOW_DAYS } from '../types';
import { confidenceFromCoverage } from './confidence';
import { percentileSorted, round4 } from './quantile';

const HOUR_MS = 3_600_000;

export interface SeriesProfile {
  util: MetricUtil;
  coverage: number;
  confidence: 1 | 2 | 3 | 4 | 5;
  /** Buckets with data in the window, and how many were expected. */
  present: number;
  expected: number;
  /** Shape slots that had no data and took the overall percentile. */
  emptySlots: number;
  /** Longest run without data between the first and last bucket of the window, in ms (0 = no gap). */
  maxGapMs: number;
  /** Gaps longer than 3 expected intervals. */
  gaps: number;
}

/** Day of week, Monday = 0, of a day number counted from 1970-01-01 (a Thursday). */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

export function slotOf(bucketStartMs: number, granularity: ShapeGranularity): number {
  const day = Math.floor(bucketStartMs / DAY_MS);
  const hour = Math.floor((bucketStartMs - day * DAY_MS) / HOUR_MS);
  return granularity === 'hourly' ? hour : weekday(day) * 24 + hour;
}

export function profileSeries(s: Series, opts: SeriesOptions, bucketMs: number): SeriesProfile | undefined {
  if (s.samples === 0) return undefined;
  const perDay = Math.round(DAY_MS / bucketMs);
  const endBucket = Math.floor(s.lastTs / bucketMs);
  const startBucket =
    opts.window === 'all' ? Math.floor(s.firstTs / bucketMs) : endBucket - WINDOW_DAYS[opts.window] * perDay + 1;
  const offsetMs = s.utcOffsetMinutes * 60_000;
  const isKeptDay = (bucket: number): boolean => {
    if (!opts.weekdaysOnly) return true;
    const localDay = Math.floor((bucket * bucketMs + offsetMs) / DAY_MS);
    return weekday(localDay) < 5;
  };

  // gather present buckets of the window, in time order
  const cap = Math.max(1, Math.min(endBucket - startBucket + 1, s.chunks.size * perDay));
  const values = new Float64Array(cap);
  const bucketIdx = new Float64Array(cap);
  let n = 0;
  let rawSum = 0;
  let rawCount = 0;
  let firstPresent = -1;
  let lastPresent = -1;
  let maxGapBuckets = 0;
  let gaps = 0;
  const native = s.nativeIntervalMs() ?? bucketMs;
  const step = Math.max(1, native / bucketMs);
  const gapLimit = Math.max(3 * step, 3);
  const days = [...s.chunks.keys()].sort((a, b) => a - b);
  const firstDay = Math.floor(startBucket / perDay);
  const lastDay = Math.floor(endBucket / perDay);
  for (const d of days) {
    if (d < firstDay || d > lastDay) continue;
    const c = s.chunks.get(d)!;
    const max = c.max;
    const base = d * perDay;
    const bFrom = Math.max(0, startBucket - base);
    const bTo = Math.min(perDay - 1, endBucket - base);
    for (let b = bFrom; b <= bTo; b++) {
      const v = max[b];
      if (v !== v) continue;
      const g = base + b;
      if (opts.weekdaysOnly && !isKeptDay(g)) continue;
      if (lastPresent >= 0) {
        const gap = g - lastPresent - 1;
        if (gap >= gapLimit) gaps++;
        if (gap > maxGapBuckets) maxGapBuckets = gap;
      } else firstPresent = g;
      lastPresent = g;
      values[n] = v;
      bucketIdx[n] = g;
      n++;
      rawSum += c.sum[b];
      rawCount += c.count[b];
    }
  }
  if (n === 0) return undefined;
  const weeklyPossible = (lastPresent - firstPresent + 1) * bucketMs >= 7 * DAY_MS;
  const granularity: ShapeGranularity = opts.granularity !== 'auto' ? opts.granularity : weeklyPossible ? 'weekly' : 'hourly';
  const nSlots = granularity === 'hourly' ? 24 : 168;
  const slots = new Uint8Array(n);
  const perSlotCount = new Int32Array(nSlots);
  for (let i = 0; i < n; i++) {
    const sl = slotOf(bucketIdx[i] * bucketMs, granularity);
    slots[i] = sl;
    perSlotCount[sl]++;
  }

  // expected buckets in the window (weekday filter applied the same way)
  let windowBuckets = 0;
  if (!opts.weekdaysOnly) windowBuckets = endBucket - startBucket + 1;
  else for (let g = startBucket; g <= endBucket; g += 1) if (isKeptDay(g)) windowBuckets++;
  const expected = Math.max(1, Math.round(windowBuckets / step));
  const coverage = Math.min(1, n / expected);

  const sorted = values.slice(0, n).sort();
  const p = opts.percentile;
  const overall = percentileSorted(sorted, p);
  // group values by slot (counting sort), then each slot's percentile
  const offsets = new Int32Array(nSlots + 1);
  for (let k = 0; k < nSlots; k++) offsets[k + 1] = offsets[k] + perSlotCount[k];
  const fill = offsets.slice(0, nSlots);
  const grouped = new Float64Array(n);
  for (let i = 0; i < n; i++) grouped[fill[slots[i]]++] = values[i];
  let emptySlots = 0;
  const shapeValues: number[] = [];
  for (let k = 0; k < nSlots; k++) {
    if (perSlotCount[k] === 0) {
      emptySlots++;
      shapeValues.push(round4(overall));
    } else shapeValues.push(round4(percentileSorted(grouped.subarray(offsets[k], offsets[k + 1]).sort(), p)));
  }
  const shape: Shape = { granularity, percentile: p, values: shapeValues };

  const util: MetricUtil = {
    unit: s.unit,
    basis: 'series',
    avg: round4(rawSum / rawCount),
    peak: round4(sorted[sorted.length - 1]),
    p50: round4(percentileSorted(sorted, 50)),
    p90: round4(percentileSorted(sorted, 90)),
    p95: round4(percentileSorted(sorted, 95)),
    p99: round4(percentileSorted(sorted, 99)),
    samples: rawCount,
    coverage: round4(coverage),
    from: new Date(firstPresent * bucketMs).toISOString(),
    to: new Date(s.lastTs).toISOString(),
    shape,
    source: [...s.sources].sort().join(', '),
  };
  return {
    util,
    coverage,
    confidence: confidenceFromCoverage(coverage),
    present: n,
    expected,
    emptySlots,
    maxGapMs: maxGapBuckets * bucketMs,
    gaps,
  };
}
