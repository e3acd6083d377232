/**
 * VMware vRealize / Aria Operations view and report exports as time series (id `vrops-csv`): a List view with
 * "Interval Breakdown" (one row per object and interval) or a trend export, e.g.
 *
 *     Name,"Interval Breakdown","VM|CPU|Demand (MHz)|Avg","VM|Memory|Consumed (KB)|Avg"
 *     web01,"12:00 AM 1 July 2026","162.52","4,194,304"
 *
 * Metric headers are `[object type|]Group|Metric (unit)[|transformation]` with `|` inside the quoted header (the
 * delimiter is sniffed quote-aware). Per object (server) and metric dcplan sizes on, ONE column is read:
 * - cpu: `CPU|Demand` before `CPU|Usage` (Aria sizes on demand), in MHz (Hz, KHz, GHz converted) or %;
 * - memory: `Memory|Consumed`, else `Utilization`, else `Usage`, else `Active`, in KB (KiB, as vSphere counts), MB,
 *   GB, TB (converted to MiB) or %;
 * and of its transformations the average (or none), else `Last`, else `Max`. A metric column without a unit is not
 * read (the view's Units setting decides it; dcplan does not guess), and every column not read is listed.
 * Sources: Broadcom, Aria Operations "VM metrics" (CPU|Demand (MHz) `cpu|demandmhz`, CPU|Demand (%), CPU|Usage (%),
 * Memory|Consumed (KB), Memory|Usage (%)), and the view data options (units selectable: Hz, KHz, MHz, GHz), e.g.
 * https://docs.vmware.com/en/vRealize-Operations/8.6/com.vmware.vcom.core.doc/GUID-FA44BAFA-0412-4D63-A889-BC606F9C1B59.html;
 * the header and row shape as a production export writes them (public test of a vROps importer, 2026).
 */
import { error, info, warning } from '../../../diagnostics';
import { detectEncoding, readHead, readLines, splitCsvLine } from '../../series/lines';
import { MetricKey, MetricUnit } from '../../series/types';
import { parseTimestamp } from '../../read/timestamps';
import { decimalCommaFor } from '../../read/numbers';
import { sniffDelimiter } from '../../read/sniff';
import { cellNumber, firstIssue, ParseInput, ParseStats } from '../../series/parse';
import * as iconv from 'iconv-lite';

const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9%]/g, '');
const NAME_COLUMNS = ['name', 'objectname', 'resourcename', 'resource', 'virtualmachine', 'vmname', 'vm', 'object'];
const TIME_COLUMNS = ['intervalbreakdown', 'time', 'timestamp', 'datetime', 'date', 'intervalstart'];
const TRANSFORMS: Record<string, number> = { avg: 0, average: 0, mean: 0, '': 0, last: 1, current: 1, max: 2, maximum: 2 };
const OBJECT_TYPES = new Set(['vm', 'virtualmachine', 'host', 'hostsystem', 'vspherehostsystem', 'cluster', 'clustercomputeresource']);

/** Unit text (lower-case) → dcplan unit and factor. */
const UNITS: Record<string, { unit: MetricUnit; scale: number }> = {
  '%': { unit: 'pct', scale: 1 },
  hz: { unit: 'MHz', scale: 1e-6 }, khz: { unit: 'MHz', scale: 1e-3 }, mhz: { unit: 'MHz', scale: 1 }, ghz: { unit: 'MHz', scale: 1000 },
  kb: { unit: 'MiB', scale: 1 / 1024 }, kib: { unit: 'MiB', scale: 1 / 1024 }, mb: { unit: 'MiB', scale: 1 }, mib: { unit: 'MiB', scale: 1 },
  gb: { unit: 'MiB', scale: 1024 }, gib: { unit: 'MiB', scale: 1024 }, tb: { unit: 'MiB', scale: 1048576 }, tib: { unit: 'MiB', scale: 1048576 },
};
/** Metric names per dimension, the preferred first. */
const METRICS: Record<'cpu' | 'memory', string[]> = {
  cpu: ['demand', 'usage'],
  memory: ['consumed', 'utilization', 'usage', 'active'],
};

export interface VropsColumn {
  index: number;
  header: string;
  metric: MetricKey;
  unit: MetricUnit;
  scale: number;
  /** Lower is preferred: metric name rank × 10 + transformation rank. */
  rank: number;
}

/** What a vROps metric header says, or why it cannot be read (undefined: not a vROps metric header at all). */
export function vropsColumn(header: string, index: number): VropsColumn | { header: string; skip: string } | undefined {
  if (header.indexOf('|') < 0) return undefined;
  const parts = header.split('|').map((p) => p.trim());
  let transform = 0;
  if (parts.length >= 3 && key(parts[parts.length - 1]) in TRANSFORMS) transform = TRANSFORMS[key(parts.pop()!)];
  else if (parts.length >= 3 && !/\(.*\)$/.test(parts[parts.length - 1])) return { header, skip: `transformation "${parts[parts.length - 1]}" (dcplan reads Avg, Last or Max)` };
  while (parts.length > 2 && OBJECT_TYPES.has(key(parts[0]))) parts.shift();
  if (parts.length !== 2) return { header, skip: 'not a CPU or memory metric dcplan sizes on' };
  const group = key(parts[0]);
  const m = /^(.*?)\s*(?:\(([^)]*)\))?$/.exec(parts[1])!;
  const name = key(m[1]);
  const dim = group === 'cpu' ? 'cpu' : group === 'memory' || group === 'mem' ? 'memory' : undefined;
  const nameRank = dim ? METRICS[dim].indexOf(name) : -1;
  if (!dim || nameRank < 0) return { header, skip: 'not a CPU or memory metric dcplan sizes on' };
  if (m[2] === undefined) return { header, skip: 'no unit in the header (set the view\'s Units for the metric; dcplan does not guess one)' };
  const u = UNITS[m[2].trim().toLowerCase()];
  if (!u || !(dim === 'cpu' ? ['MHz', 'pct'] : ['MiB', 'pct']).includes(u.unit)) return { header, skip: `unit "${m[2]}" is not one dcplan converts for ${dim}` };
  return { index, header, metric: dim, unit: u.unit, scale: u.scale, rank: nameRank * 10 + transform };
}

interface Layout {
  name: number;
  time: number;
  columns: VropsColumn[];
  skipped: { header: string; skip: string }[];
}

/** The columns a vROps export's header row gives, or undefined when it is not one (no name, time or metric column). */
export function vropsLayout(headers: string[]): Layout | undefined {
  const k = headers.map(key);
  const name = k.findIndex((h) => NAME_COLUMNS.includes(h));
  const time = k.findIndex((h) => TIME_COLUMNS.includes(h));
  if (name < 0 || time < 0) return undefined;
  const best = new Map<MetricKey, VropsColumn>();
  const skipped: Layout['skipped'] = [];
  const candidates: VropsColumn[] = [];
  headers.forEach((h, i) => {
    const c = vropsColumn(h, i);
    if (c === undefined) return;
    if ('skip' in c) skipped.push(c);
    else candidates.push(c);
  });
  if (candidates.length === 0 && skipped.length === 0) return undefined;
  for (const c of candidates) {
    const b = best.get(c.metric);
    if (!b || c.rank < b.rank) best.set(c.metric, c);
  }
  const columns = [...best.values()];
  for (const c of candidates) if (!columns.includes(c)) skipped.push({ header: c.header, skip: `${columns.find((x) => x.metric === c.metric)!.header} is read for ${c.metric}` });
  return { name, time, columns, skipped };
}

/** True when the first line of a text is a vROps time-series header row. */
export function looksLikeVrops(text: string): boolean {
  if (!text) return false;
  const first = text.split(/\r?\n/, 1)[0];
  return vropsLayout(splitCsvLine(first, sniffDelimiter(text)).map((x) => x.trim())) !== undefined;
}

const unitWords = (c: VropsColumn) => (c.unit === 'pct' ? '%' : c.scale === 1 ? c.unit : `${c.unit} (× ${c.scale === 1 / 1024 ? '1/1024' : c.scale})`);

export async function parseVrops(inp: ParseInput): Promise<ParseStats> {
  const { file, display, store, opts, issues } = inp;
  const encoding = opts.encoding ?? detectEncoding(readHead(file));
  const delim = sniffDelimiter(iconv.decode(readHead(file), encoding).replace(/^\uFEFF/, ''));
  const decimalComma = decimalCommaFor(delim);
  const bias = opts.tzBiasMinutes ?? 0;
  const problems: ParseStats['problems'] = [];
  const servers = new Set<string>();
  let layout: Layout | undefined;
  let headers: string[] = [];
  let samples = 0;
  let zoneless = 0;
  let lastTsText = '';
  let lastTs: number | undefined;

  const rows = await readLines(file, encoding, (line, lineNo) => {
    if (lineNo === 1) {
      headers = splitCsvLine(line, delim).map((x) => x.trim());
      layout = vropsLayout(headers);
      if (!layout) issues.add('bad-header', 'error', 1, `headers ${headers.join(', ')} are not a vROps / Aria Operations export (Name, Interval Breakdown or Time, Group|Metric (unit) columns)`, { skipsRow: true });
      return;
    }
    if (!layout || line.trim() === '') return;
    const f = splitCsvLine(line, delim);
    const server = (f[layout.name] ?? '').trim();
    if (server === '') {
      issues.add('missing-server', 'warning', lineNo, 'no object name; row skipped', { column: headers[layout.name], skipsRow: true });
      return;
    }
    const tsText = f[layout.time] ?? '';
    if (tsText !== lastTsText) {
      lastTsText = tsText;
      const t = parseTimestamp(tsText, bias);
      lastTs = t?.ms;
      if (t && !t.zoned) zoneless++;
    }
    if (lastTs === undefined) {
      issues.add('bad-timestamp', 'warning', lineNo, `"${tsText}" is not a time (e.g. 12:00 AM 1 July 2026 or ISO 8601); row skipped`, { column: headers[layout.time], skipsRow: true });
      return;
    }
    for (const c of layout.columns) {
      const v = cellNumber(f[c.index] ?? '', decimalComma);
      if (v === undefined) continue; // blank: no data for that interval
      if (!Number.isFinite(v)) {
        issues.add('bad-number', 'warning', lineNo, `"${f[c.index]}" is not a number; value skipped`, { column: c.header });
        continue;
      }
      const s = store.get(server, c.metric, c.unit);
      if (s.samples === 0) {
        s.sources.add(display);
        s.utcOffsetMinutes = -bias;
        servers.add(server);
      }
      s.add(lastTs, v * c.scale);
      samples++;
    }
  });
  if (layout) {
    const read = layout.columns.map((c) => `${c.metric} from "${c.header}" in ${unitWords(c)}`).join('; ');
    problems.push(info('vrops-columns', read ? `read ${read}` : 'no column gives CPU or memory in a unit dcplan converts', { file: display }));
    if (layout.columns.length === 0) problems.push(error('vrops-no-metric', `none of the metric columns can be read: ${layout.skipped.map((s) => `"${s.header}": ${s.skip}`).join('; ')}`, { file: display, row: 1 }));
    else if (layout.skipped.length > 0)
      problems.push(info('vrops-columns-skipped', `${layout.skipped.length} metric column(s) not read: ${layout.skipped.slice(0, 6).map((s) => `"${s.header}" (${s.skip})`).join('; ')}${layout.skipped.length > 6 ? '; …' : ''}`, { file: display, row: 1 }));
    const unitless = layout.skipped.filter((s) => s.skip.startsWith('no unit'));
    if (unitless.length > 0)
      problems.push(warning('vrops-column-without-unit', `${unitless.length} metric column(s) state no unit and are not read: ${unitless.map((s) => `"${s.header}"`).join(', ')}`, { file: display, row: 1 }, "Set the metric's Units in the view (e.g. MHz, KB) and export again."));
  }
  if (zoneless > 0) problems.push(info('timezone-assumed', `${zoneless} distinct timestamps carry no zone: read as ${bias === 0 ? 'UTC' : `local time with bias ${bias} min`}`, { file: display }, 'pass --tz-bias MINUTES when the export is in local time'));
  if (layout && layout.columns.length > 0 && samples === 0 && rows > 1) problems.push(error('no-valid-rows', `none of the ${rows - 1} data rows gave a sample${firstIssue(issues)}`, { file: display }));
  return { rowsRead: rows, samples, problems, servers: [...servers] };
}
