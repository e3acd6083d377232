import { GENERIC_TEMPLATE_HEADERS } from '../collect/collectors/generic-csv';
import { Workload } from '../inventory/schema';
import { absolute, gib, templatePct } from './figures';
import { Cell, ExportColumn } from './types';

/**
 * dcplan's own generic inventory CSV (docs/generic-csv.md), the headers `dcplan template inventory` writes: the header
 * list is the collector's (one home), and every header must have a value here (checked below at load).
 */
const VALUES: Record<string, (w: Workload) => Cell> = {
  name: (w) => w.name,
  vcpus: (w) => w.vcpus,
  memory_gib: (w) => gib(w.memoryMib),
  storage_gib: (w) => w.provisionedGib,
  storage_used_gib: (w) => w.usedGib,
  cpu_ghz: (w) => (w.cpuMhz !== undefined ? Math.round(w.cpuMhz) / 1000 : undefined),
  cpu_util_pct: (w) => templatePct(w, 'cpu', 'avg'),
  cpu_util_p95_pct: (w) => templatePct(w, 'cpu', 'p95'),
  memory_util_pct: (w) => templatePct(w, 'memory', 'avg'),
  memory_util_p95_pct: (w) => templatePct(w, 'memory', 'p95'),
  iops: (w) => absolute(w, 'diskIops', 'avg'),
  network_mbps: (w) => absolute(w, 'networkMbps', 'avg'),
  os: (w) => w.os.name,
  os_version: (w) => w.os.version,
  environment: (w) => w.environment,
  application: (w) => w.application,
  datacenter: (w) => w.location.datacenter,
  cluster: (w) => w.location.cluster,
  host: (w) => w.location.host,
  power_state: (w) => (w.powerState === 'unknown' ? undefined : w.powerState),
  kind: (w) => (w.kind === 'physical' ? 'physical' : 'vm'),
  tags: (w) => (w.tags.length > 0 ? w.tags.join(';') : undefined),
};

export const GENERIC_EXPORT_COLUMNS: ExportColumn[] = GENERIC_TEMPLATE_HEADERS.map((header) => {
  const value = VALUES[header];
  if (!value) throw new Error(`generic export: no value for template column ${header}`);
  return { header, value };
});
