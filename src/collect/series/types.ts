/**
 * Shared vocabulary of the time-series part of dcplan (issue 6).
 *
 * Parsers turn files into samples `(server, metric, timestamp ms UTC, value)` and hand them to a `SeriesStore`
 * (see store.ts) that resamples on the fly; `profile/` turns each stored series into the inventory's `MetricUtil`.
 */
import { MetricUtil } from '../../inventory/schema';

export { METRIC_KEYS } from '../../inventory/schema';
export type { MetricKey } from '../../inventory/schema';

export type MetricUnit = MetricUtil['unit'];

export type WindowName = 'day' | 'week' | 'month' | 'all';
export const WINDOW_DAYS: Record<Exclude<WindowName, 'all'>, number> = { day: 1, week: 7, month: 30 };

export type ShapeGranularity = 'hourly' | 'weekly';

/** Options a user can give for time series (`dcplan collect --window week --percentile 95 ...`). */
export interface SeriesOptions {
  /** Resampling interval in seconds: samples are grouped into buckets of this length (default 300 = 5 min). */
  resampleSeconds: number;
  /** History window ending at each series' last sample (default month = 30 days, like Azure Migrate's longest). */
  window: WindowName;
  /** Keep only Monday-Friday (in the server's local time where the file says it). */
  weekdaysOnly: boolean;
  /** Percentile each shape slot holds (default 95). */
  percentile: number;
  /** Shape granularity; `auto` = weekly when a series covers at least 7 days, else hourly. */
  granularity: ShapeGranularity | 'auto';
  /** One-value-per-line traces: seconds between lines (PlanetLab: 300). */
  intervalSeconds?: number;
  /** One-value-per-line traces: CPU capacity in MHz of each traced machine (gives a workload with a clock). */
  capacityMhz?: number;
  /** One-value-per-line traces: time of the first line (ISO); default midnight UTC of a `YYYYMMDD` folder name. */
  start?: string;
  /** Minutes to ADD to local timestamps to get UTC, for files that do not say (perfmon bias convention). */
  tzBiasMinutes?: number;
  /** Text encoding, when detection is not enough (e.g. `windows-1251`). */
  encoding?: string;
}

export const DEFAULT_SERIES_OPTIONS: SeriesOptions = {
  resampleSeconds: 300,
  window: 'month',
  weekdaysOnly: false,
  percentile: 95,
  granularity: 'auto',
};

/** Reads `CollectOptions.series` (a loose record filled by CLI flags) into typed options with defaults. */
export function seriesOptions(raw: Record<string, unknown> | undefined): SeriesOptions {
  const o: SeriesOptions = { ...DEFAULT_SERIES_OPTIONS };
  if (!raw) return o;
  const num = (k: string): number | undefined => {
    const v = raw[k];
    if (v === undefined || v === null || v === '') return undefined;
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const r = num('resampleSeconds');
  if (r !== undefined && r > 0) o.resampleSeconds = r;
  if (raw.window === 'day' || raw.window === 'week' || raw.window === 'month' || raw.window === 'all') o.window = raw.window;
  if (raw.weekdaysOnly === true || raw.weekdaysOnly === 'true') o.weekdaysOnly = true;
  const p = num('percentile');
  if (p !== undefined && p > 0 && p <= 100) o.percentile = p;
  if (raw.granularity === 'hourly' || raw.granularity === 'weekly' || raw.granularity === 'auto') o.granularity = raw.granularity;
  o.intervalSeconds = num('intervalSeconds');
  o.capacityMhz = num('capacityMhz');
  if (typeof raw.start === 'string') o.start = raw.start;
  o.tzBiasMinutes = num('tzBiasMinutes');
  if (typeof raw.encoding === 'string') o.encoding = raw.encoding;
  return o;
}

/** Problems about the options themselves (bad resample interval etc.), as messages. */
export function validateSeriesOptions(o: SeriesOptions): string[] {
  const errs: string[] = [];
  if (!(o.resampleSeconds >= 1 && o.resampleSeconds <= 3600 && 3600 % o.resampleSeconds === 0)) {
    errs.push(`resample interval ${o.resampleSeconds} s must divide one hour evenly (e.g. 60, 300, 600, 900, 3600)`);
  }
  return errs;
}
