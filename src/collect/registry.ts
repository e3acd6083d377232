import { Collector, FormatId } from './types';

/**
 * The collectors dcplan knows, in priority order. Each collector module registers itself here
 * by being listed; keep this the only place that enumerates formats.
 */
const collectors: Collector[] = [];

export function registerCollector(c: Collector): void {
  if (collectors.some((x) => x.id === c.id)) return;
  collectors.push(c);
}

export function allCollectors(): readonly Collector[] {
  return collectors;
}

export function collectorById(id: FormatId): Collector | undefined {
  return collectors.find((c) => c.id === id);
}
