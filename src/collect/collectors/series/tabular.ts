/**
 * Table-shaped time series:
 * - generic LONG CSV: `timestamp, server, metric, value[, unit]` (one sample per row), and its WIDE variant
 *   `timestamp, server, cpu_pct, memory_pct, ...` (one row per server and time). Customer column names are mapped
 *   with `--map` (customer name → canonical name) before detection.
 * - Google Migration Center `perfInfo.csv`: `MachineId, TimeStamp, CpuUtilizationPercentage,
 *   MemoryUtilizationPercentage, UtilizedMemoryBytes, DiskReadOperationsPerSec, DiskWriteOperationsPerSec,
 *   NetworkBytesPerSecSent, NetworkBytesPerSecReceived`; machine names come from a `vmInfo.csv` beside it
 *   (`MachineId` → `MachineName`), else the id is the name.
 * Timestamps: ISO 8601 with `Z` or an offset, epoch seconds or ms; zone-less text is read as UTC (or shifted by
 * `--tz-bias`) and reported once.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { error, info, warning } from '../../../diagnostics';
import { detectEncoding, readHead, readLines, splitCsvLine } from '../../series/lines';
import { MetricKey, MetricUnit } from '../../series/types';
import { Series } from '../../series/store';
import { parseTimestamp } from '../../read/timestamps';
import { cellNumber, firstIssue, ParseInput, ParseStats } from '../../series/parse';
import { decimalCommaFor } from '../../read/numbers';
import { sniffDelimiter } from '../../read/sniff';

export const norm = (s: string): string => s.toLowerCase().replace(/^\*/, '').replace(/[^a-z0-9%]/g, '');

interface MetricSpec {
  metric: MetricKey;
  unit: MetricUnit;
  scale: number;
}

/** Metric names (normalised) of the long format and column names of the wide format. */
const METRICS: Record<string, MetricSpec> = {};
const def = (names: string[], metric: MetricKey, unit: MetricUnit, scale = 1) => names.forEach((n) => (METRICS[n] = { metric, unit, scale }));
def(['cpu', 'cpupct', 'cpu%', 'cpuutil', 'cpuutilpct', 'cpuutilization', 'cpuusage', 'cpuusagepct', 'processortime', '%processortime'], 'cpu', 'pct');
def(['cpumhz', 'cpuusagemhz'], 'cpu', 'MHz');
def(['cpughz'], 'cpu', 'MHz', 1000);
def(['memory', 'mem', 'mempct', 'mem%', 'memorypct', 'memoryutil', 'memoryutilpct', 'memoryutilization', 'memoryusage', 'memusage'], 'memory', 'pct');
def(['memorymib', 'memmib', 'memorymb', 'memmb', 'memoryusedmib', 'memoryusedmb'], 'memory', 'MiB');
def(['memorygib', 'memgib', 'memorygb', 'memgb'], 'memory', 'MiB', 1024);
def(['iops', 'diskiops', 'disktps', 'tps'], 'diskIops', 'IOPS');
def(['networkmbps', 'netmbps', 'network', 'net'], 'networkMbps', 'Mbps');
def(['networkkbps', 'netkbps'], 'networkMbps', 'Mbps', 1 / 1000);
def(['networkgbps', 'netgbps'], 'networkMbps', 'Mbps', 1000);
def(['networkbytespersec', 'netbytespersec'], 'networkMbps', 'Mbps', 8 / 1e6);

/** A unit column overrides the metric name's unit. */
const UNITS: Record<string, { unit: MetricUnit; scale: number }> = {
  '%': { unit: 'pct', scale: 1 }, pct: { unit: 'pct', scale: 1 }, percent: { unit: 'pct', scale: 1 },
  mhz: { unit: 'MHz', scale: 1 }, ghz: { unit: 'MHz', scale: 1000 }, mib: { unit: 'MiB', scale: 1 }, mb: { unit: 'MiB', scale: 1 },
  gib: { unit: 'MiB', scale: 1024 }, gb: { unit: 'MiB', scale: 1024 }, kb: { unit: 'MiB', scale: 1 / 1024 },
  bytes: { unit: 'MiB', scale: 1 / 1048576 }, iops: { unit: 'IOPS', scale: 1 }, ops: { unit: 'IOPS', scale: 1 },
  mbps: { unit: 'Mbps', scale: 1 }, gbps: { unit: 'Mbps', scale: 1000 }, kbps: { unit: 'Mbps', scale: 1 / 1000 },
  bps: { unit: 'Mbps', scale: 1 / 1e6 }, bs: { unit: 'Mbps', scale: 8 / 1e6 }, kbs: { unit: 'Mbps', scale: (8 * 1024) / 1e6 },
};

const TS_NAMES = ['timestamp', 'time', 'datetime', 'date', 'sampletime'];
const SERVER_NAMES = ['server', 'host', 'hostname', 'servername', 'vm', 'vmname', 'machine', 'machinename', 'name'];

export const MC_COLUMNS = ['machineid', 'timestamp', 'cpuutilizationpercentage', 'memoryutilizationpercentage'];

export type TableKind = 'long' | 'wide' | 'migration-center';

/** Which table form the headers are (after `--map`), or undefined. */
export function tableKind(headers: string[], columnMap?: Record<string, string>): TableKind | undefined {
  if (headers.length === 0 || headers[0].startsWith('#')) return undefined; // sadf block headers are not tables
  const h = headers.map((x) => norm(columnMap?.[x] ?? x));
  if (MC_COLUMNS.every((c) => h.includes(c))) return 'migration-center';
  const hasTs = h.some((x) => TS_NAMES.includes(x));
  const hasServer = h.some((x) => SERVER_NAMES.includes(x));
  if (!hasTs || !hasServer) return undefined;
  if (h.includes('metric') && h.includes('value')) return 'long';
  if (h.some((x) => METRICS[x] !== undefined)) return 'wide';
  return undefined;
}

/** The delimiter of a table file, sniffed as every text format is (quote-aware: vROps headers hold `|` in quotes). */
function delimiterOf(file: string, encoding: string): string {
  const text = iconv.decode(readHead(file), encoding).replace(/^\uFEFF/, '');
  return sniffDelimiter(text);
}

/** MachineId → MachineName from a `vmInfo.csv` next to a Migration Center `perfInfo.csv`. */
function machineNames(file: string): Map<string, string> {
  const dir = path.dirname(file);
  const names = new Map<string, string>();
  const cand = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.toLowerCase() === 'vminfo.csv') : undefined;
  if (!cand) return names;
  const lines = fs.readFileSync(path.join(dir, cand), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const head = splitCsvLine(lines[0] ?? '').map(norm);
  const id = head.indexOf('machineid');
  const nm = head.indexOf('machinename');
  if (id < 0 || nm < 0) return names;
  for (const l of lines.slice(1)) {
    if (!l.trim()) continue;
    const f = splitCsvLine(l);
    if (f[id] && f[nm]) names.set(f[id], f[nm]);
  }
  return names;
}

export async function parseTable(inp: ParseInput, expect: 'generic' | 'migration-center'): Promise<ParseStats> {
  const { file, display, store, opts, issues, columnMap } = inp;
  const encoding = opts.encoding ?? detectEncoding(readHead(file));
  const problems: ParseStats['problems'] = [];
  const servers = new Set<string>();
  const delim = delimiterOf(file, encoding);
  const decimalComma = decimalCommaFor(delim);
  let kind: TableKind | undefined;
  let tsCol = -1;
  let serverCol = -1;
  let metricCol = -1;
  let valueCol = -1;
  let unitCol = -1;
  let wide: { col: number[]; spec: MetricSpec; name: string }[] = [];
  let headers: string[] = [];
  let samples = 0;
  let zoneless = 0;
  const unknownMetrics = new Map<string, number>();
  const metricCache = new Map<string, MetricSpec | undefined>();
  const names = expect === 'migration-center' ? machineNames(file) : new Map<string, string>();
  let lastTsText = '';
  let lastTs = 0;
  let lastTsOk = false;
  const bias = opts.tzBiasMinutes ?? 0;

  // per server, the series of each metric: one Map lookup per row instead of a key string per sample
  const seriesCache = new Map<string, Partial<Record<MetricKey, Series>>>();
  let cachedServer = '';
  let cachedRec: Partial<Record<MetricKey, Series>> = {};
  const put = (server: string, spec: MetricSpec, ts: number, v: number, lineNo: number, column: string) => {
    if (server !== cachedServer) {
      let rec = seriesCache.get(server);
      if (!rec) {
        rec = {};
        seriesCache.set(server, rec);
        servers.add(server);
      }
      cachedServer = server;
      cachedRec = rec;
    }
    const s = cachedRec[spec.metric] ?? (cachedRec[spec.metric] = store.get(server, spec.metric, spec.unit));
    if (s.unit !== spec.unit) {
      issues.add('unit-conflict', 'warning', lineNo, `${server} ${spec.metric} is in ${s.unit} earlier in the file, here in ${spec.unit}; value skipped`, { column });
      return;
    }
    if (s.samples === 0) {
      s.sources.add(display);
      s.utcOffsetMinutes = -bias;
    }
    s.add(ts, v * spec.scale);
    samples++;
  };

  const rows = await readLines(file, encoding, (line, lineNo) => {
    if (lineNo === 1) {
      headers = splitCsvLine(line, delim).map((x) => x.trim());
      const h = headers.map((x) => norm(columnMap?.[x] ?? x));
      kind = tableKind(headers, columnMap);
      tsCol = h.findIndex((x) => TS_NAMES.includes(x));
      serverCol = kind === 'migration-center' ? h.indexOf('machineid') : h.findIndex((x) => SERVER_NAMES.includes(x));
      metricCol = h.indexOf('metric');
      valueCol = h.indexOf('value');
      unitCol = h.indexOf('unit');
      if (kind === 'wide') wide = h.map((x, i) => ({ col: [i], spec: METRICS[x], name: headers[i] })).filter((x) => x.spec && x.col[0] !== tsCol);
      if (kind === 'migration-center') {
        const at = (n: string) => h.indexOf(n);
        const mc: { col: number[]; spec: MetricSpec; name: string }[] = [
          { col: [at('cpuutilizationpercentage')], spec: { metric: 'cpu', unit: 'pct', scale: 1 }, name: 'CpuUtilizationPercentage' },
          { col: [at('memoryutilizationpercentage')], spec: { metric: 'memory', unit: 'pct', scale: 1 }, name: 'MemoryUtilizationPercentage' },
          { col: [at('diskreadoperationspersec'), at('diskwriteoperationspersec')], spec: { metric: 'diskIops', unit: 'IOPS', scale: 1 }, name: 'DiskRead+WriteOperationsPerSec' },
          { col: [at('networkbytespersecsent'), at('networkbytespersecreceived')], spec: { metric: 'networkMbps', unit: 'Mbps', scale: 8 / 1e6 }, name: 'NetworkBytesPerSecSent+Received' },
        ];
        wide = mc.map((w) => ({ ...w, col: w.col.filter((c) => c >= 0) })).filter((w) => w.col.length > 0);
      }
      if (!kind) issues.add('bad-header', 'error', 1, `headers ${headers.join(', ')} are neither timestamp/server/metric/value nor timestamp/server/<metric columns>`, { skipsRow: true });
      return;
    }
    if (!kind || line.trim() === '') return;
    const f = line.indexOf('"') < 0 ? line.split(delim) : splitCsvLine(line, delim);
    const tsText = f[tsCol] ?? '';
    if (tsText !== lastTsText) {
      const t = parseTimestamp(tsText, bias);
      lastTsText = tsText;
      lastTsOk = !!t;
      if (t) {
        lastTs = t.ms;
        if (!t.zoned) zoneless++;
      }
    }
    if (!lastTsOk) {
      issues.add('bad-timestamp', 'warning', lineNo, `"${tsText}" is not a timestamp (ISO 8601 or epoch); row skipped`, { column: headers[tsCol], skipsRow: true });
      return;
    }
    let rawServer = f[serverCol] ?? '';
    if (rawServer.length > 0 && (rawServer.charCodeAt(0) <= 32 || rawServer.charCodeAt(rawServer.length - 1) <= 32)) rawServer = rawServer.trim();
    if (rawServer === '') {
      issues.add('missing-server', 'warning', lineNo, 'no server name; row skipped', { column: headers[serverCol], skipsRow: true });
      return;
    }
    const server = names.size > 0 ? names.get(rawServer) ?? rawServer : rawServer;
    if (kind === 'long') {
      const rawMetric = f[metricCol] ?? '';
      let spec = metricCache.get(rawMetric);
      if (spec === undefined && !metricCache.has(rawMetric)) {
        spec = METRICS[norm(rawMetric)];
        metricCache.set(rawMetric, spec);
      }
      if (!spec) {
        unknownMetrics.set(f[metricCol], (unknownMetrics.get(f[metricCol]) ?? 0) + 1);
        issues.add('unknown-metric', 'warning', lineNo, `metric "${f[metricCol]}" is not one dcplan sizes on; row skipped`, { column: headers[metricCol], skipsRow: true });
        return;
      }
      if (unitCol >= 0 && (f[unitCol] ?? '').trim() !== '') {
        const u = UNITS[norm(f[unitCol])];
        if (u) spec = { metric: spec.metric, unit: u.unit, scale: u.scale };
      }
      const v = cellNumber(f[valueCol] ?? '', decimalComma);
      if (v === undefined || !Number.isFinite(v)) {
        issues.add('bad-number', 'warning', lineNo, `value "${f[valueCol] ?? ''}" is not a number; row skipped`, { column: headers[valueCol], skipsRow: true });
        return;
      }
      put(server, spec, lastTs, v, lineNo, headers[valueCol]);
      return;
    }
    for (const w of wide) {
      let total = 0;
      let any = false;
      for (const c of w.col) {
        const t = f[c];
        if (t === undefined) continue;
        const v = cellNumber(t, decimalComma);
        if (v === undefined) continue;
        if (!Number.isFinite(v)) {
          issues.add('bad-number', 'warning', lineNo, `"${t}" is not a number; value skipped`, { column: headers[c] });
          any = false;
          break;
        }
        total += v;
        any = true;
      }
      if (any) put(server, w.spec, lastTs, total, lineNo, w.name);
    }
  });
  if (zoneless > 0) {
    problems.push(
      info('timezone-assumed', `${zoneless} distinct timestamps carry no zone: read as ${bias === 0 ? 'UTC' : `local time with bias ${bias} min`}`, { file: display }),
    );
  }
  if (kind && samples === 0 && rows > 1 && issues.count('bad-timestamp') + issues.count('bad-number') + issues.count('unknown-metric') > 0) {
    problems.push(error('no-valid-rows', `none of the ${rows - 1} data rows gave a sample${firstIssue(issues)}`, { file: display }));
  }
  if (expect === 'migration-center' && names.size === 0) {
    problems.push(warning('machine-names-missing', 'no vmInfo.csv beside perfInfo.csv: MachineId values are used as server names', { file: display }, 'put vmInfo.csv in the same folder'));
  }
  return { rowsRead: rows, samples, problems, servers: [...servers] };
}
