/** Profiles on hand-computed series: percentiles, windows, weekday filter, shapes, coverage, confidence, gaps. */
import { confidenceFromCoverage } from '../../../src/collect/series/profile/confidence';
import { profileSeries, slotOf, weekday } from '../../../src/collect/series/profile/profile';
import { percentile, percentileSorted } from '../../../src/collect/series/profile/quantile';
import { SeriesStore } from '../../../src/collect/series/store';
import { DEFAULT_SERIES_OPTIONS, SeriesOptions } from '../../../src/collect/series/types';
import { shapeAt } from '../../../src/plan/series/slots';

const T0 = Date.UTC(2024, 0, 1); // Monday 2024-01-01 00:00 UTC
const H = 3_600_000;
const opts = (o: Partial<SeriesOptions> = {}): SeriesOptions => ({ ...DEFAULT_SERIES_OPTIONS, ...o });

describe('percentiles (linear interpolation, Excel PERCENTILE.INC)', () => {
  test('hand-computed values', () => {
    expect(percentileSorted([1, 2, 3, 4, 5], 95)).toBeCloseTo(4.8, 12); // h = 4 × 0.95 = 3.8
    expect(percentileSorted([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentileSorted([10, 20], 90)).toBeCloseTo(19, 12);
    expect(percentileSorted([7], 99)).toBe(7);
    expect(percentile([5, 1, 4, 2, 3], 100)).toBe(5);
    expect(Number.isNaN(percentileSorted([], 50))).toBe(true);
  });
});

describe('confidence from coverage (Azure Migrate thresholds)', () => {
  test.each([
    [0, 1], [0.2, 1], [0.21, 2], [0.4, 2], [0.41, 3], [0.6, 3], [0.61, 4], [0.8, 4], [0.81, 5], [1, 5],
  ])('coverage %p → %p stars', (c, stars) => expect(confidenceFromCoverage(c)).toBe(stars));
});

describe('profileSeries', () => {
  /** One day at 5-minute samples where every sample in hour h has value h. */
  function hourRamp(store: SeriesStore) {
    const s = store.get('web01', 'cpu', 'pct');
    for (let i = 0; i < 288; i++) s.add(T0 + i * 300_000, Math.floor(i / 12));
    return s;
  }

  test('hourly ramp: percentiles, shape = the hour, full coverage on a day window', () => {
    const store = new SeriesStore(300);
    const p = profileSeries(hourRamp(store), opts({ window: 'day' }), store.bucketMs)!;
    // 288 values, each hour 0..23 twelve times: P50 → h = 143.5 between 11 (index 143) and 12 (index 144)
    expect(p.util.p50).toBe(11.5);
    // P95 → h = 272.65: indices 272 and 273 are both 22
    expect(p.util.p95).toBe(22);
    expect(p.util.peak).toBe(23);
    expect(p.util.avg).toBe(11.5);
    expect(p.util.samples).toBe(288);
    expect(p.util.shape).toEqual({ granularity: 'hourly', percentile: 95, values: Array.from({ length: 24 }, (_, h) => h) });
    expect([p.present, p.expected, p.coverage, p.confidence, p.gaps]).toEqual([288, 288, 1, 5, 0]);
    expect(p.util.from).toBe('2024-01-01T00:00:00.000Z');
    expect(p.util.to).toBe('2024-01-01T23:55:00.000Z');
  });

  test('the same day judged on a week: coverage 288 / 2016, 1 star; on a month: 288 / 8640', () => {
    const store = new SeriesStore(300);
    const s = hourRamp(store);
    const week = profileSeries(s, opts({ window: 'week' }), store.bucketMs)!;
    expect([week.expected, week.util.coverage, week.confidence]).toEqual([2016, 0.1429, 1]);
    const month = profileSeries(s, opts({ window: 'month' }), store.bucketMs)!;
    expect([month.expected, month.util.coverage]).toEqual([8640, 0.0333]);
  });

  test('a bucket keeps the peak of its samples; the average is over raw samples', () => {
    const store = new SeriesStore(300);
    const s = store.get('a', 'memory', 'pct');
    s.add(T0, 10);
    s.add(T0 + 60_000, 50);
    s.add(T0 + 120_000, 30);
    s.add(T0 + 300_000, 20);
    const p = profileSeries(s, opts({ window: 'all' }), store.bucketMs)!;
    expect([p.util.peak, p.util.p50, p.util.avg, p.util.samples, p.present]).toEqual([50, 35, 27.5, 4, 2]);
  });

  test('a source coarser than the resampling interval is expected only every k-th bucket', () => {
    const store = new SeriesStore(300);
    const s = store.get('a', 'cpu', 'pct');
    for (let h = 0; h < 24; h++) s.add(T0 + h * H, 5);
    const p = profileSeries(s, opts({ window: 'day' }), store.bucketMs)!;
    expect([p.present, p.expected, p.coverage]).toEqual([24, 24, 1]);
  });

  test('gaps: a missing hour in a 5-minute series is one gap of 13 buckets (65 min)', () => {
    const store = new SeriesStore(300);
    const s = store.get('a', 'cpu', 'pct');
    for (let i = 0; i < 288; i++) if (i < 100 || i > 112) s.add(T0 + i * 300_000, 1);
    const p = profileSeries(s, opts({ window: 'day' }), store.bucketMs)!;
    expect([p.gaps, p.maxGapMs, p.present]).toEqual([1, 13 * 300_000, 275]);
  });

  test('weekdays only: weekend samples leave percentiles and the expected count', () => {
    const store = new SeriesStore(3600);
    const s = store.get('a', 'cpu', 'pct');
    for (let h = 0; h < 7 * 24; h++) s.add(T0 + h * H, Math.floor(h / 24) >= 5 ? 100 : 10);
    const all = profileSeries(s, opts({ window: 'week' }), store.bucketMs)!;
    expect(all.util.peak).toBe(100);
    expect(all.util.shape!.granularity).toBe('weekly'); // auto: 7 days of data
    expect(all.util.shape!.values.slice(0, 3)).toEqual([10, 10, 10]);
    expect(all.util.shape!.values[5 * 24]).toBe(100); // Saturday 00:00
    const wd = profileSeries(s, opts({ window: 'week', weekdaysOnly: true }), store.bucketMs)!;
    expect([wd.util.peak, wd.present, wd.expected, wd.coverage]).toEqual([10, 120, 120, 1]);
    // auto granularity: Monday 00:00 .. Friday 23:00 spans under 7 days → hourly
    expect(wd.util.shape!.granularity).toBe('hourly');
    // forced weekly: weekend slots have no weekday data and take the overall P95 (10)
    const wk = profileSeries(s, opts({ window: 'week', weekdaysOnly: true, granularity: 'weekly' }), store.bucketMs)!;
    expect(wk.util.shape!.values[5 * 24]).toBe(10);
    expect(wk.emptySlots).toBe(48);
  });

  test('the weekday filter uses the source local time: Friday 23:30 UTC is Saturday at UTC+2', () => {
    const store = new SeriesStore(300);
    const s = store.get('a', 'cpu', 'pct');
    s.utcOffsetMinutes = 120;
    const fri2330 = T0 + 4 * 24 * H + 23.5 * H;
    s.add(fri2330, 50);
    s.add(fri2330 - 2 * H, 20);
    const p = profileSeries(s, opts({ window: 'all', weekdaysOnly: true }), store.bucketMs)!;
    expect(p.util.peak).toBe(20);
  });

  test('slot numbering: Monday 00:00 UTC is weekly slot 0, Sunday 23:00 is 167', () => {
    expect(weekday(Math.floor(T0 / 86_400_000))).toBe(0);
    expect(slotOf(T0, 'weekly')).toBe(0);
    expect(slotOf(T0 + 6 * 24 * H + 23 * H, 'weekly')).toBe(167);
    expect(slotOf(T0 + 6 * 24 * H + 23 * H, 'hourly')).toBe(23);
  });
});

describe('shape granularity conversion for the plan', () => {
  test('weekly → hourly takes the max over the 7 days; hourly → weekly repeats', () => {
    const weekly = Array.from({ length: 168 }, (_, s) => (s === 3 * 24 + 5 ? 90 : s % 24));
    const hourly = shapeAt({ granularity: 'weekly', percentile: 95, values: weekly }, 'hourly')!;
    expect(hourly[5]).toBe(90);
    expect(hourly[6]).toBe(6);
    const back = shapeAt({ granularity: 'hourly', percentile: 95, values: Array.from({ length: 24 }, (_, h) => h) }, 'weekly')!;
    expect(back).toHaveLength(168);
    expect(back[24 + 7]).toBe(7);
    expect(shapeAt({ granularity: 'hourly', percentile: 95, values: [1, 2] }, 'hourly')).toBeUndefined();
  });
});
