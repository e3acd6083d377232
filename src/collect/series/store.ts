/**
 * Resampling store: the bounded-memory heart of time-series ingestion.
 *
 * Every sample lands in a bucket of `resampleSeconds` (default 5 min) of its series. A bucket keeps the MAX of its
 * samples (what percentiles and shapes are computed on: Azure Migrate likewise keeps the peak of each 10-minute
 * interval, so a short burst inside a bucket is never averaged away), and the sum and count of the raw samples (for an
 * exact average). Memory is therefore O(series × covered buckets) = 10 bytes per bucket, independent of the file size
 * and of the raw sampling rate: a 15-second perfmon log shrinks 20-fold, and 30 days of 5-minute data is 86 KB per
 * series. Buckets live in one chunk per UTC day, allocated on first use, so gaps cost nothing.
 *
 * Percentiles later computed from the buckets are exact order statistics of the resampled series (no sketch error);
 * the only approximation is the resampling itself, which by construction never under-states a peak.
 */
import { MetricKey, MetricUnit } from './types';

export const DAY_MS = 86_400_000;

export class DayChunk {
  readonly max: Float32Array;
  readonly sum: Float32Array;
  readonly count: Uint16Array;
  constructor(perDay: number) {
    this.max = new Float32Array(perDay).fill(NaN);
    this.sum = new Float32Array(perDay);
    this.count = new Uint16Array(perDay);
  }
}

export class Series {
  readonly chunks = new Map<number, DayChunk>();
  samples = 0;
  firstTs = Infinity;
  lastTs = -Infinity;
  /** Consecutive samples with the same timestamp as the previous one. */
  duplicates = 0;
  /** Samples earlier than the previous one of the same series (still stored in their bucket). */
  outOfOrder = 0;
  /** Local-time offset of the source in minutes east of UTC (for the weekday filter); 0 when unknown. */
  utcOffsetMinutes = 0;
  /** Source files (display names) that fed this series. */
  readonly sources = new Set<string>();
  private prevTs = NaN;
  private readonly deltas = new Map<number, number>();
  private deltaSeen = 0;
  private lastChunkDay = NaN;
  private lastChunk: DayChunk | undefined;

  constructor(
    readonly server: string,
    readonly metric: MetricKey,
    readonly unit: MetricUnit,
    private readonly bucketMs: number,
    private readonly perDay: number,
  ) {}

  add(ts: number, value: number): void {
    const day = Math.floor(ts / DAY_MS);
    let chunk = this.lastChunk;
    if (day !== this.lastChunkDay) {
      chunk = this.chunks.get(day);
      if (!chunk) {
        chunk = new DayChunk(this.perDay);
        this.chunks.set(day, chunk);
      }
      this.lastChunk = chunk;
      this.lastChunkDay = day;
    }
    const b = Math.floor((ts - day * DAY_MS) / this.bucketMs);
    const c = chunk as DayChunk;
    const m = c.max[b];
    if (!(m >= value)) c.max[b] = value; // NaN-safe: an empty bucket takes the first value
    c.sum[b] += value;
    if (c.count[b] < 65535) c.count[b]++;
    this.samples++;
    if (ts < this.firstTs) this.firstTs = ts;
    if (ts > this.lastTs) this.lastTs = ts;
    const prev = this.prevTs;
    if (ts === prev) this.duplicates++;
    else if (ts < prev) this.outOfOrder++;
    else if (prev === prev && this.deltaSeen < 512) {
      // the native sampling interval: the most common positive step among the first 512
      const d = ts - prev;
      this.deltas.set(d, (this.deltas.get(d) ?? 0) + 1);
      this.deltaSeen++;
    }
    this.prevTs = ts;
  }

  /** Most common step between consecutive samples in ms (ties → the smaller), or undefined with < 2 samples. */
  nativeIntervalMs(): number | undefined {
    let best: number | undefined;
    let bestN = 0;
    for (const [d, n] of this.deltas) {
      if (n > bestN || (n === bestN && best !== undefined && d < best)) {
        best = d;
        bestN = n;
      }
    }
    return best;
  }

  /** A series stated at a fixed interval (one-value-per-line traces) sets its native interval directly. */
  setNativeInterval(ms: number): void {
    this.deltas.clear();
    this.deltas.set(ms, 1);
    this.deltaSeen = 512;
  }
}

export class SeriesStore {
  readonly bucketMs: number;
  readonly perDay: number;
  private readonly map = new Map<string, Series>();

  constructor(resampleSeconds: number) {
    this.bucketMs = resampleSeconds * 1000;
    this.perDay = Math.round(DAY_MS / this.bucketMs);
  }

  /** The series of (server, metric), created on first use. Unit is fixed by the first caller. */
  get(server: string, metric: MetricKey, unit: MetricUnit): Series {
    const key = server + '\u0001' + metric;
    let s = this.map.get(key);
    if (!s) {
      s = new Series(server, metric, unit, this.bucketMs, this.perDay);
      this.map.set(key, s);
    }
    return s;
  }

  /** All series, sorted by server then metric order, so output is deterministic whatever the file order. */
  all(): Series[] {
    const order: Record<MetricKey, number> = { cpu: 0, memory: 1, diskIops: 2, networkMbps: 3 };
    return [...this.map.values()].sort((a, b) =>
      a.server < b.server ? -1 : a.server > b.server ? 1 : order[a.metric] - order[b.metric],
    );
  }

  servers(): string[] {
    return [...new Set(this.all().map((s) => s.server))];
  }

  get size(): number {
    return this.map.size;
  }
}
