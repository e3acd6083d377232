import { Scorecard } from './types';

/**
 * The readiness findings as migration waves read them (plan/waves.ts WaveOptions.findings): per workload id, the
 * severity of each distinct rule it breaks. A rule counts once per workload, whatever the number of platforms.
 */
export function findingSeveritiesByWorkload(scorecard: Pick<Scorecard, 'findings'>): Map<string, ('critical' | 'warning' | 'info')[]> {
  const out = new Map<string, ('critical' | 'warning' | 'info')[]>();
  const seen = new Set<string>();
  for (const f of scorecard.findings) {
    const key = `${f.workloadId}\u0000${f.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.set(f.workloadId, [...(out.get(f.workloadId) ?? []), f.severity]);
  }
  return out;
}
