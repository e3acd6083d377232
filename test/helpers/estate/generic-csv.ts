import { DemoEstate } from './model';

/**
 * The physical servers of the demo estate as a generic inventory CSV (the hand-fillable format of issue 2): servers that
 * are not in vCenter, with averages and 95th percentiles from the customer's monitoring tool.
 */
export const GENERIC_COLUMNS = [
  'name', 'kind', 'vcpus', 'memory_gib', 'storage_gib', 'storage_used_gib', 'cpu_ghz', 'cpu_util_pct', 'cpu_util_p95_pct',
  'memory_util_pct', 'memory_util_p95_pct', 'iops', 'network_mbps', 'os', 'environment', 'application', 'cluster', 'host',
  'power_state', 'tags',
];

function field(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function genericCsv(e: DemoEstate): string {
  const lines = [GENERIC_COLUMNS.join(',')];
  for (const p of e.physical) {
    lines.push([
      p.name, 'physical', p.vcpus, p.memoryGib, p.storageGib, p.storageUsedGib, p.cpuGhz, p.cpuAvg, p.cpuP95, p.memAvg,
      p.memP95, p.iops, p.networkMbps, p.os, p.environment, p.application, '', p.name, p.powerState, p.tags.join(';'),
    ].map(field).join(','));
  }
  return lines.join('\n') + '\n';
}
