/**
 * Linux sysstat `sadf -d` (database form, one activity block per `# hostname;interval;timestamp;...` header),
 * `sadf -dh` (all activities on one line; only the leading CPU group is positionally reliable) and `sadf -j` (JSON).
 *
 * Derived per host and timestamp:
 * - cpu (pct) = 100 − %idle of CPU `-1` (all CPUs);
 * - memory (pct) = %memused;
 * - diskIops = tps of the `-b` block (all devices); when a file has no `-b` block, Σ tps over whole disks of the
 *   `-d` block (partitions like sda1 / nvme0n1p1 left out so they are not counted twice);
 * - networkMbps = Σ (rxkB/s + txkB/s) over interfaces except `lo`, kB = 1024 bytes.
 * Timestamps: `YYYY-MM-DD hh:mm:ss UTC`, another zone abbreviation (`-T` / `-t`: EST, CET ... converted to UTC), or
 * epoch seconds (`-U`). `LINUX-RESTART (N CPU)` and `COM ...` records are counted and reported, never read as data.
 */
import * as fs from 'fs';
import { info, warning } from '../../../diagnostics';
import { readLines } from '../../series/lines';
import { SeriesStore } from '../../series/store';
import { MetricKey, MetricUnit } from '../../series/types';
import { ABBREVIATION_ZONES, parseTimestamp, TZ_ABBREVIATIONS, wallToUtc } from '../../read/timestamps';
import { KIB_PER_S_TO_MBPS, ParseInput, ParseStats } from '../../series/parse';

type Block = 'cpu' | 'memory' | 'io' | 'disk' | 'net' | 'other';

export function looksLikeSadf(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split('\n', 1)[0];
  if (/^#\s*hostname[;\s]interval[;\s]timestamp/.test(first)) return true;
  if (/^\{\s*"sysstat"/.test(text.trimStart())) return true;
  return /^[^;\s]+;-?\d+;(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d( \w+)?|\d{9,11});/.test(first);
}

const PARTITION = /^(?:(?:sd|hd|vd|xvd)[a-z]+\d+|(?:nvme\d+n\d+|mmcblk\d+)p\d+)$/;

function blockOf(cols: string[]): Block {
  const has = (c: string) => cols.includes(c);
  if (has('CPU') && has('%idle')) return 'cpu';
  if (has('%memused')) return 'memory';
  if (has('tps') && has('bread/s')) return 'io';
  if (has('DEV') && has('tps')) return 'disk';
  if (has('IFACE') && has('rxkB/s') && has('txkB/s')) return 'net';
  return 'other';
}

export async function parseSadf(inp: ParseInput): Promise<ParseStats> {
  const head = fs.readFileSync(inp.file, { encoding: 'utf8', flag: 'r' }).slice(0, 64);
  if (/^\s*\{/.test(head)) return parseSadfJson(inp);
  const { file, display, store, issues } = inp;
  const problems: ParseStats['problems'] = [];
  const servers: string[] = [];
  const hostsWithIo = new Set<string>();
  const zones = new Set<string>();
  const unknownZones = new Set<string>();
  let cols: string[] = [];
  let block: Block = 'other';
  let horizontal = false;
  let idx: Record<string, number> = {};
  let restarts = 0;
  const cpuCounts: number[] = [];
  let comments = 0;
  let samples = 0;
  let rows = 0;
  const otherBlocks = new Set<string>();
  // per (host, ts) accumulation for multi-row blocks (disk devices, interfaces)
  let accKey = '';
  let accHost = '';
  let accTs = 0;
  let accSum = 0;
  let accBlock: Block = 'other';
  let accOffset = 0;

  const add = (target: SeriesStore, host: string, metric: MetricKey, unit: MetricUnit, ts: number, v: number, off: number) => {
    if (!Number.isFinite(v)) return;
    const s = target.get(host, metric, unit);
    if (s.samples === 0) {
      s.utcOffsetMinutes = off;
      s.sources.add(display);
    }
    s.add(ts, v);
    if (target === store) samples++;
    if (!servers.includes(host)) servers.push(host);
  };
  const flush = () => {
    if (accKey === '') return;
    if (accBlock === 'disk') add(store, accHost, 'diskIops', 'IOPS', accTs, accSum, accOffset);
    else if (accBlock === 'net') add(store, accHost, 'networkMbps', 'Mbps', accTs, accSum * KIB_PER_S_TO_MBPS, accOffset);
    accKey = '';
    accSum = 0;
  };

  await readLines(file, 'utf8', (line, lineNo) => {
    rows = lineNo;
    if (line === '') return;
    if (line.charCodeAt(0) === 35 /* # */) {
      flush();
      horizontal = line.includes('[...]');
      const sep = line.includes(';') ? ';' : /\s+/;
      cols = line.replace(/^#\s*/, '').split(sep).map((c) => c.replace('[...]', ''));
      idx = {};
      cols.forEach((c, i) => {
        if (idx[c] === undefined) idx[c] = i;
      });
      block = blockOf(cols);
      if (block === 'other') otherBlocks.add(cols.slice(3, 5).join(';'));
      return;
    }
    const f = line.split(';');
    if (f.length < 4) {
      issues.add('bad-row', 'warning', lineNo, 'expected hostname;interval;timestamp;... with at least 4 fields; row skipped', { skipsRow: true });
      return;
    }
    const rec = f[3];
    if (rec.startsWith('LINUX-RESTART')) {
      restarts++;
      const m = /\((\d+) CPU\)/.exec(rec);
      if (m) cpuCounts.push(Number(m[1]));
      return;
    }
    if (rec.startsWith('COM ')) {
      comments++;
      return;
    }
    const t = sadfTime(f[2]);
    if (!t) {
      issues.add('bad-timestamp', 'warning', lineNo, `"${f[2]}" is not a sadf timestamp; row skipped`, { column: 'timestamp', skipsRow: true });
      return;
    }
    const zone = /\s([A-Za-z]+)$/.exec(f[2].trim())?.[1];
    if (zone) zones.add(zone);
    if (t.unknownZone) unknownZones.add(t.unknownZone);
    const off = t.offsetMinutes;
    const host = f[0];
    const num = (name: string): number => (idx[name] === undefined ? NaN : Number(f[idx[name]]));
    switch (block) {
      case 'cpu': {
        const cpu = f[idx.CPU];
        if (cpu === '-1' || cpu === 'all') add(store, host, 'cpu', 'pct', t.ms, Math.max(0, 100 - num('%idle')), off);
        break;
      }
      case 'memory':
        if (!horizontal) add(store, host, 'memory', 'pct', t.ms, num('%memused'), off);
        break;
      case 'io':
        if (!horizontal) {
          hostsWithIo.add(host);
          add(store, host, 'diskIops', 'IOPS', t.ms, num('tps'), off);
        }
        break;
      case 'disk':
      case 'net': {
        if (horizontal) break;
        // sadf prints the -b block before -d: a host with -b totals never uses the per-device sums
        if (block === 'disk' && hostsWithIo.has(host)) break;
        const key = `${host}\u0001${t.ms}`;
        if (key !== accKey) {
          flush();
          accKey = key;
          accHost = host;
          accTs = t.ms;
          accBlock = block;
          accOffset = off;
        }
        if (block === 'disk') {
          if (!PARTITION.test(f[idx.DEV])) accSum += num('tps') || 0;
        } else if (f[idx.IFACE] !== 'lo') accSum += (num('rxkB/s') || 0) + (num('txkB/s') || 0);
        break;
      }
      default:
        break;
    }
  });
  flush();
  if (restarts > 0) {
    problems.push(
      info(
        'restarts',
        `${restarts} LINUX-RESTART records (CPU count ${cpuCounts.join(' → ')}); the series continue across them`,
        { file: display },
      ),
    );
  }
  if (comments > 0) problems.push(info('comments', `${comments} COM (comment) records skipped`, { file: display }));
  const nonUtc = [...zones].filter((z) => z !== 'UTC' && z !== 'GMT');
  if (nonUtc.length > 0) problems.push(info('timezone-converted', `timestamps in ${nonUtc.join(', ')} converted to UTC`, { file: display }));
  if (unknownZones.size > 0) {
    problems.push(
      warning('timezone-unknown', `unknown time zone ${[...unknownZones].join(', ')}: read as UTC`, { file: display }, 'rerun sadf with -U (epoch) or without -T/-t'),
    );
  }
  if (otherBlocks.size > 0) {
    problems.push(info('activities-ignored', `${otherBlocks.size} activity blocks not used for sizing (e.g. ${[...otherBlocks].slice(0, 3).join(' | ')})`, { file: display }));
  }
  return { rowsRead: rows, samples, problems, servers };
}

const wallCache = new Map<string, { ms: number; offsetMinutes: number }>();

/** A sadf timestamp to UTC, reading a zone abbreviation as its zone with daylight saving (see ABBREVIATION_ZONES). */
export function sadfTime(text: string): { ms: number; offsetMinutes: number; unknownZone?: string } | undefined {
  const m = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) ([A-Za-z]+)$/.exec(text.trim());
  const zone = m ? ABBREVIATION_ZONES[m[2].toUpperCase()] : undefined;
  if (m && zone) {
    const wall = parseTimestamp(m[1]);
    if (!wall) return undefined;
    const hourKey = `${zone}|${Math.floor(wall.ms / 3600000)}`;
    let w = wallCache.get(hourKey);
    if (!w) {
      w = wallToUtc(Math.floor(wall.ms / 3600000) * 3600000, zone);
      if (wallCache.size > 10000) wallCache.clear();
      wallCache.set(hourKey, w);
    }
    return { ms: wall.ms - w.offsetMinutes * 60000, offsetMinutes: w.offsetMinutes };
  }
  const t = parseTimestamp(text);
  if (!t) return undefined;
  const abbr = m ? TZ_ABBREVIATIONS[m[2].toUpperCase()] : undefined;
  return { ms: t.ms, offsetMinutes: abbr ?? 0, unknownZone: t.unknownZone };
}

/** `sadf -j`: a JSON document (read whole; sadf JSON is produced per day and stays small). */
async function parseSadfJson(inp: ParseInput): Promise<ParseStats> {
  const { file, display, store } = inp;
  const problems: ParseStats['problems'] = [];
  const text = fs.readFileSync(file, 'utf8');
  const doc = JSON.parse(text) as { sysstat?: { hosts?: SadfJsonHost[] } };
  const servers: string[] = [];
  let samples = 0;
  let restarts = 0;
  for (const h of doc.sysstat?.hosts ?? []) {
    servers.push(h.nodename);
    restarts += h.restarts?.length ?? 0;
    for (const st of h.statistics ?? []) {
      const ts = st.timestamp;
      if (!ts) continue;
      const t = sadfTime(`${ts.date} ${ts.time} ${ts.tz ?? 'UTC'}`);
      if (!t) continue;
      const put = (metric: MetricKey, unit: MetricUnit, v: number | undefined) => {
        if (v === undefined || !Number.isFinite(v)) return;
        const s = store.get(h.nodename, metric, unit);
        s.sources.add(display);
        s.add(t.ms, v);
        samples++;
      };
      const all = st['cpu-load']?.find((c) => c.cpu === 'all' || c.cpu === '-1');
      if (all && typeof all.idle === 'number') put('cpu', 'pct', Math.max(0, 100 - all.idle));
      put('memory', 'pct', st.memory?.['memused-percent']);
      put('diskIops', 'IOPS', st.io?.tps);
      const nd = st.network?.['net-dev'];
      if (nd) put('networkMbps', 'Mbps', nd.filter((i) => i.iface !== 'lo').reduce((a, i) => a + (i.rxkB ?? 0) + (i.txkB ?? 0), 0) * KIB_PER_S_TO_MBPS);
    }
  }
  if (restarts > 0) problems.push(info('restarts', `${restarts} restarts recorded; the series continue across them`, { file: display }));
  return { rowsRead: text.split('\n').length, samples, problems, servers };
}

interface SadfJsonHost {
  nodename: string;
  restarts?: unknown[];
  statistics?: {
    timestamp?: { date: string; time: string; tz?: string };
    'cpu-load'?: { cpu: string; idle?: number }[];
    memory?: { 'memused-percent'?: number };
    io?: { tps?: number };
    network?: { 'net-dev'?: { iface: string; rxkB?: number; txkB?: number }[] };
  }[];
}
