/**
 * Turns a filled SeriesStore into per-server utilisation profiles, with the problems a reader should know about
 * (low confidence, gaps, duplicate or out-of-order timestamps), summarised per file rather than per server.
 */
import { Problem, info, warning } from '../../diagnostics';
import { MetricUtil, Utilization } from '../../inventory/schema';
import { profileSeries, SeriesProfile } from './profile/profile';
import { Series, SeriesStore } from './store';
import { MetricKey, SeriesOptions } from './types';

export interface ServerProfile {
  server: string;
  utilization: Partial<Utilization>;
  /** Lowest coverage over the server's metrics, 0-1. */
  coverage: number;
  confidence: number;
  /** Per metric details (present/expected buckets, gaps, empty slots). */
  details: Partial<Record<MetricKey, SeriesProfile>>;
}

const listNames = (names: string[], n = 5): string =>
  names.slice(0, n).join(', ') + (names.length > n ? ` and ${names.length - n} more` : '');

export function profileStore(
  store: SeriesStore,
  opts: SeriesOptions,
  file: string,
  transform?: (s: Series, util: MetricUtil) => MetricUtil | undefined,
): { profiles: ServerProfile[]; problems: Problem[] } {
  const byServer = new Map<string, ServerProfile>();
  const dupes: string[] = [];
  let dupeCount = 0;
  const unordered: string[] = [];
  const gappy: string[] = [];
  let maxGap = 0;
  let emptySlots = 0;
  for (const s of store.all()) {
    if (s.duplicates > 0 && !dupes.includes(s.server)) {
      // counted once per server (its metrics share the timestamps)
      dupeCount += s.duplicates;
      dupes.push(s.server);
    }
    if (s.outOfOrder > 0 && !unordered.includes(s.server)) unordered.push(s.server);
    const prof = profileSeries(s, opts, store.bucketMs);
    if (!prof) continue;
    const util = transform ? transform(s, prof.util) : prof.util;
    if (!util) continue;
    let sp = byServer.get(s.server);
    if (!sp) {
      sp = { server: s.server, utilization: {}, coverage: 1, confidence: 5, details: {} };
      byServer.set(s.server, sp);
    }
    sp.utilization[s.metric] = util;
    sp.details[s.metric] = prof;
    sp.coverage = Math.min(sp.coverage, prof.coverage);
    sp.confidence = Math.min(sp.confidence, prof.confidence);
    if (prof.gaps > 0 && !gappy.includes(s.server)) gappy.push(s.server);
    maxGap = Math.max(maxGap, prof.maxGapMs);
    emptySlots += prof.emptySlots;
  }
  const profiles = [...byServer.values()];
  for (const p of profiles) p.utilization.confidence = p.confidence;

  const problems: Problem[] = [];
  const low = profiles.filter((p) => p.confidence <= 2).map((p) => p.server);
  if (low.length > 0) {
    problems.push(
      warning(
        'low-confidence',
        `${low.length} of ${profiles.length} servers rate at most 2 of 5 for confidence ` +
          `(under 40 % of the expected samples in the ${opts.window} window): ${listNames(low)}`,
        { file },
        opts.window === 'all' ? undefined : 'collect a longer history, or size on a shorter window with --window day|week',
      ),
    );
  }
  if (dupeCount > 0) {
    problems.push(
      info('duplicate-timestamps', `${dupeCount} timestamps repeat the previous one of their server (kept; a bucket holds their peak): ${listNames(dupes)}`, {
        file,
      }),
    );
  }
  if (unordered.length > 0) {
    problems.push(info('out-of-order-samples', `samples out of time order for ${listNames(unordered)} (placed in their buckets)`, { file }));
  }
  if (gappy.length > 0) {
    problems.push(
      info('series-gaps', `${gappy.length} servers have gaps longer than 3 sampling intervals (longest ${Math.round(maxGap / 60000)} min): ${listNames(gappy)}`, {
        file,
      }),
    );
  }
  if (emptySlots > 0) {
    problems.push(
      info('shape-slots-filled', `${emptySlots} shape slots had no samples and take the series' overall percentile`, { file }),
    );
  }
  return { profiles, problems };
}
