import { MetricUtil, Utilization } from '../../inventory/schema';
import { osFamily } from '../../inventory/os';
import { headerIndex, normHeader, applyColumnMap } from '../read/headers';
import { round } from '../read/numbers';
import { CollectOptions, Collector, FileProbe } from '../types';
import { emptyWorkload } from '../../inventory/workload';
import { collectTabular, parsePowerState, parseTags, RowReader } from './tabular';

/**
 * The generic inventory CSV a consultant fills by hand (documented in docs/generic-csv.md; `dcplan template inventory`
 * writes an empty one). One row per server; `name`, `vcpus` and `memory_gib` are required. `--map file.yaml` renames
 * a customer's own columns onto these. Columns dcplan does not know are kept as labels.
 */
export const GENERIC_COLUMNS = {
  name: { aliases: ['name', 'server', 'server_name', 'hostname', 'vm', 'vm_name'], required: true },
  vcpus: { aliases: ['vcpus', 'vcpu', 'cpus', 'cores'], required: true },
  memory_gib: { aliases: ['memory_gib', 'memory_gb', 'ram_gib', 'ram_gb'], required: true },
  storage_gib: { aliases: ['storage_gib', 'storage_gb', 'disk_gib', 'provisioned_gib'] },
  storage_used_gib: { aliases: ['storage_used_gib', 'storage_used_gb', 'used_gib'] },
  cpu_ghz: { aliases: ['cpu_ghz', 'clock_ghz'] },
  cpu_util_pct: { aliases: ['cpu_util_pct', 'cpu_pct', 'cpu_avg_pct'] },
  cpu_util_p95_pct: { aliases: ['cpu_util_p95_pct', 'cpu_p95_pct'] },
  memory_util_pct: { aliases: ['memory_util_pct', 'memory_pct', 'mem_util_pct'] },
  memory_util_p95_pct: { aliases: ['memory_util_p95_pct', 'memory_p95_pct'] },
  iops: { aliases: ['iops', 'disk_iops'] },
  network_mbps: { aliases: ['network_mbps', 'net_mbps'] },
  os: { aliases: ['os', 'os_name', 'operating_system'] },
  os_version: { aliases: ['os_version'] },
  environment: { aliases: ['environment', 'env'] },
  application: { aliases: ['application', 'app'] },
  datacenter: { aliases: ['datacenter', 'site'] },
  cluster: { aliases: ['cluster'] },
  host: { aliases: ['host'] },
  power_state: { aliases: ['power_state', 'powerstate', 'state'] },
  kind: { aliases: ['kind', 'type'] },
  tags: { aliases: ['tags'] },
} as const;

type Key = keyof typeof GENERIC_COLUMNS;

/** Header order `dcplan template inventory` writes. */
export const GENERIC_TEMPLATE_HEADERS: string[] = Object.values(GENERIC_COLUMNS).map((c) => c.aliases[0]);

function pctUtil(avg: number | undefined, p95: number | undefined): MetricUtil | undefined {
  if (avg === undefined && p95 === undefined) return undefined;
  const m: MetricUtil = { unit: 'pct', basis: p95 !== undefined ? 'percentile' : 'avg' };
  if (avg !== undefined) m.avg = avg;
  if (p95 !== undefined) m.p95 = p95;
  return m;
}

function build(r: RowReader<Key>, ctx: { sourceKey: string; extraLabels: Record<string, string> }) {
  const name = r.text('name');
  const vcpus = r.need('vcpus', { expected: 'a number of vCPUs (e.g. 4)', min: 0.01 });
  const memGib = r.need('memory_gib', { expected: 'memory in GiB (e.g. 16)', min: 0 });
  const storage = r.num('storage_gib', { expected: 'provisioned storage in GiB', min: 0 });
  const used = r.num('storage_used_gib', { expected: 'used storage in GiB', min: 0 });
  const ghz = r.num('cpu_ghz', { expected: 'CPU clock in GHz (e.g. 2.4)', min: 0 });
  const pct = { expected: 'a percentage', min: 0, max: 100 };
  const cpu = pctUtil(r.num('cpu_util_pct', pct), r.num('cpu_util_p95_pct', pct));
  const mem = pctUtil(r.num('memory_util_pct', pct), r.num('memory_util_p95_pct', pct));
  const iops = r.num('iops', { expected: 'disk IOPS', min: 0 });
  const net = r.num('network_mbps', { expected: 'network throughput in Mbps', min: 0 });
  if (r.skip || vcpus === undefined || memGib === undefined) return undefined;

  const power = parsePowerState(r.text('power_state'));
  if (power === undefined)
    r.problems.push({
      code: 'bad-value',
      severity: 'warning',
      message: `Power state "${r.text('power_state')}" is not recognised (expected on / off / suspended); taken as unknown.`,
      file: r.file,
      row: r.row,
      column: 'power_state',
    });
  const kindText = r.text('kind').toLowerCase();
  const kind = /^(physical|bare ?metal|server|pm|hw)$/.test(kindText) ? 'physical' : 'vm';
  const utilization: Utilization = {};
  if (cpu) utilization.cpu = cpu;
  if (mem) utilization.memory = mem;
  if (iops !== undefined) utilization.diskIops = { unit: 'IOPS', basis: 'avg', avg: iops };
  if (net !== undefined) utilization.networkMbps = { unit: 'Mbps', basis: 'avg', avg: net };
  const { tags, labels } = parseTags(r.opt('tags'));
  const w = emptyWorkload({
    id: `${ctx.sourceKey}/${name}`,
    name,
    kind,
    powerState: power ?? 'unknown',
    vcpus,
    memoryMib: round(memGib * 1024),
    utilization,
    os: { family: osFamily(r.opt('os')) },
    labels: { ...ctx.extraLabels, ...labels },
    tags,
    provenance: [{ file: r.file, row: r.row }],
  });
  if (ghz !== undefined) w.cpuMhz = round(ghz * 1000);
  if (storage !== undefined) w.provisionedGib = storage;
  if (used !== undefined) w.usedGib = used;
  const osName = r.opt('os');
  if (osName) w.os.name = osName;
  const osVersion = r.opt('os_version');
  if (osVersion) w.os.version = osVersion;
  const loc: [Key, 'datacenter' | 'cluster' | 'host'][] = [
    ['datacenter', 'datacenter'],
    ['cluster', 'cluster'],
    ['host', 'host'],
  ];
  for (const [k, field] of loc) {
    const v = r.opt(k);
    if (v) w.location[field] = v;
  }
  const env = r.opt('environment');
  if (env) w.environment = env;
  const app = r.opt('application');
  if (app) w.application = app;
  return w;
}

export const genericCsvCollector: Collector = {
  id: 'generic-csv',
  description: 'generic inventory CSV (name, vcpus, memory_gib, ...; see docs/generic-csv.md)',
  detect(probe: FileProbe, options?: CollectOptions): number {
    if (probe.kind !== 'text' || !probe.headers) return 0;
    const headers = applyColumnMap(probe.headers, options?.columnMap).headers;
    const idx = headerIndex(headers);
    const has = (k: Key) => GENERIC_COLUMNS[k].aliases.some((a) => idx.has(normHeader(a)));
    if (has('name') && has('vcpus') && has('memory_gib')) return 0.8;
    // Claims a file with our exact canonical names even when a required one is missing, so the user hears which.
    const exact = GENERIC_TEMPLATE_HEADERS.filter((h) => idx.has(normHeader(h))).length;
    return exact >= 2 && idx.has('name') ? 0.3 : 0;
  },
  collect: (probe, options) =>
    collectTabular<Key>(probe, options, {
      format: 'generic-csv',
      columns: GENERIC_COLUMNS,
      useColumnMap: true,
      nameOf: (r) => r.opt('name'),
      build,
    }),
};
