import { probeFile } from '../../../src/collect/read/probe';
import { CollectOptions, CollectorOutput } from '../../../src/collect/types';
import { seriesCollectors } from '../../../src/collect/collectors/series';
import { MetricUtil, Utilization } from '../../../src/inventory/schema';

/** Probes a file or folder and runs the series collector that detects it best; returns its id and output. */
export async function collectSeries(file: string, series: Record<string, unknown> = {}, extra: Partial<CollectOptions> = {}) {
  const probe = await probeFile(file, file);
  let best = seriesCollectors[0];
  let score = 0;
  for (const c of seriesCollectors) {
    const s = c.detect(probe, { includePoweredOff: false, ...extra });
    if (s > score) {
      best = c;
      score = s;
    }
  }
  if (score === 0) throw new Error(`no series collector detects ${file}`);
  const out = await best.collect(probe, { includePoweredOff: false, series, ...extra });
  return { id: best.id, out };
}

/** `metric=samples unit` per metric of a utilisation, e.g. `cpu=11519 pct`. */
export function sampleSummary(u: Partial<Utilization>): string[] {
  return (['cpu', 'memory', 'diskIops', 'networkMbps'] as const)
    .filter((k) => u[k])
    .map((k) => `${k}=${(u[k] as MetricUtil).samples} ${(u[k] as MetricUtil).unit}`);
}

export function codes(out: CollectorOutput): string[] {
  return out.problems.map((p) => `${p.severity}:${p.code}${p.row !== undefined ? `@${p.row}` : ''}`);
}
