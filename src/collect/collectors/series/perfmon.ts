/**
 * Windows perfmon / typeperf / relog CSV ("PDH-CSV 4.0"), and relog's tab-separated form ("PDH-TSV 4.0").
 *
 * Header cell 1 is `(PDH-CSV 4.0) (<zone name>)(<bias>)`: the bias in minutes is what Windows ADDS to local time to
 * get UTC (`(-330)` = UTC+5:30), so UTC = local + bias. Other header cells are counter paths
 * `\\HOST\Object(Instance)\Counter`, possibly localised (see perfmon-counters.ts). Rate counters have a blank `" "`
 * first sample (PDH needs two readings for a rate); blank cells are counted and skipped, never read as 0.
 *
 * Derived per host and row:
 * - cpu (pct): `Processor(_Total)\% Processor Time`; else 100 − `Processor(_Total)\% Idle Time`; else, from process
 *   counters, 100 × (1 − Process(Idle) / Process(_Total)) (both are summed over cores, so the ratio is the share).
 * - memory (pct): `Memory\% Committed Bytes In Use`; else (MiB) `Process(_Total)\Working Set` bytes / 2^20; else
 *   (MiB) memory used = installed RAM − `Memory\Available MBytes`. No Windows counter states the installed RAM, so the
 *   series is kept as −Available MBytes (`memoryBelowTotal`) and the pipeline adds the server's memory from the
 *   inventory (merge.ts applyUtilizationUpdates); a server whose memory is unknown gets none, with a warning.
 * - diskIops: `PhysicalDisk(_Total)\Disk Transfers/sec` (else LogicalDisk(_Total), else the sum of disk instances).
 * - networkMbps: Σ over interfaces of `Bytes Total/sec` (or received + sent) × 8 / 10^6.
 */
import { info, warning } from '../../../diagnostics';
import { detectEncoding, readHead, readLines, splitCsvLine } from '../../series/lines';
import { MetricKey, MetricUnit } from '../../series/types';
import { parseSlashed } from '../../read/timestamps';
import { decimalCommaFor } from '../../read/numbers';
import { BYTES_PER_S_TO_MBPS, cellNumber, ParseInput, ParseStats } from '../../series/parse';
import { parseCounterPath } from './perfmon-counters';

interface HostColumns {
  host: string;
  cpu?: number;
  idle?: number;
  procTotal?: number;
  procIdle?: number;
  memPct?: number;
  memAvail?: number;
  workingSet?: number;
  diskTotal?: number;
  diskLogicalTotal?: number;
  diskInstances: number[];
  netTotal: number[];
  netRx: number[];
  netTx: number[];
}

export function looksLikePerfmon(text: string): boolean {
  return /^\uFEFF?"?\(PDH-[CT]SV 4\.0\)/.test(text);
}

export async function parsePerfmon(inp: ParseInput): Promise<ParseStats> {
  const { file, display, store, opts, issues } = inp;
  const encoding = opts.encoding ?? detectEncoding(readHead(file));
  const problems: ParseStats['problems'] = [];
  const hosts = new Map<string, HostColumns>();
  let bias = 0;
  let rows = 0;
  let samples = 0;
  let blankCells = 0;
  let columns = 0;
  const ignored = new Set<string>();
  let translated = 0;
  const memoryBelowTotal: string[] = [];

  let header: string[] = [];
  let delim = ',';
  let decimalComma = false;
  let currentRow = 0;
  const col = (h: HostColumns, i: number, f: string[]): number | undefined => {
    const t = f[i];
    if (t === undefined) return undefined;
    const v = cellNumber(t, decimalComma);
    if (v === undefined) return undefined;
    if (!Number.isFinite(v)) {
      issues.add('bad-number', 'warning', currentRow, `"${t.trim()}" is not a number; this value is skipped`, { column: header[i] });
      return undefined;
    }
    return v;
  };
  const sum = (h: HostColumns, idx: number[], f: string[]): number | undefined => {
    let total: number | undefined;
    for (const i of idx) {
      const v = col(h, i, f);
      if (v !== undefined && Number.isFinite(v)) total = (total ?? 0) + v;
    }
    return total;
  };

  const onHeader = (cells: string[]): void => {
    columns = cells.length - 1;
    const zone = /\((-?\d+)\)\s*$/.exec(cells[0]);
    if (zone) bias = Number(zone[1]);
    else {
      bias = opts.tzBiasMinutes ?? 0;
      problems.push(
        warning(
          'timezone-unknown',
          `the header "${cells[0]}" does not state the UTC bias; timestamps read as ` +
            (opts.tzBiasMinutes === undefined ? 'UTC' : `local time with bias ${bias} min`),
          { file: display, row: 1, column: cells[0] },
          'pass --tz-bias MINUTES (what Windows adds to local time to get UTC, e.g. -180 for UTC+3)',
        ),
      );
    }
    for (let i = 1; i < cells.length; i++) {
      const p = parseCounterPath(cells[i]);
      if (!p) {
        ignored.add(cells[i]);
        continue;
      }
      if (p.translated && /[\u0080-\uffff]/.test(cells[i])) translated++;
      let h = hosts.get(p.host);
      if (!h) {
        h = { host: p.host, diskInstances: [], netTotal: [], netRx: [], netTx: [] };
        hosts.set(p.host, h);
      }
      const inst = p.instance?.toLowerCase();
      const key = `${p.object}|${p.counter}`;
      if (p.object === 'processor' && inst === '_total' && key.endsWith('% processor time')) h.cpu = i;
      else if (p.object === 'processor' && inst === '_total' && p.counter === '% idle time') h.idle = i;
      else if (p.object === 'process' && inst === '_total' && p.counter === '% processor time') h.procTotal = i;
      else if (p.object === 'process' && inst === 'idle' && p.counter === '% processor time') h.procIdle = i;
      else if (p.object === 'process' && inst === '_total' && p.counter === 'working set') h.workingSet = i;
      else if (p.object === 'memory' && p.counter === '% committed bytes in use') h.memPct = i;
      else if (p.object === 'memory' && p.counter === 'available mbytes') h.memAvail = i;
      else if (p.object === 'physicaldisk' && p.counter === 'disk transfers/sec')
      {
        if (inst === '_total') h.diskTotal = i;
        else h.diskInstances.push(i);
      }
      else if (p.object === 'logicaldisk' && p.counter === 'disk transfers/sec' && inst === '_total') h.diskLogicalTotal = i;
      else if (p.object === 'network interface' && inst !== '_total' && p.counter === 'bytes total/sec') h.netTotal.push(i);
      else if (p.object === 'network interface' && inst !== '_total' && p.counter === 'bytes received/sec') h.netRx.push(i);
      else if (p.object === 'network interface' && inst !== '_total' && p.counter === 'bytes sent/sec') h.netTx.push(i);
      else ignored.add(`${p.object}\\${p.counter}`);
    }
  };

  const add = (server: string, metric: MetricKey, unit: MetricUnit, ts: number, v: number | undefined): void => {
    if (v === undefined || !Number.isFinite(v)) return;
    const s = store.get(server, metric, unit);
    if (s.samples === 0) {
      s.utcOffsetMinutes = -bias;
      s.sources.add(display);
    }
    s.add(ts, v);
    samples++;
  };

  await readLines(file, encoding, (line, lineNo) => {
    rows = lineNo;
    currentRow = lineNo;
    if (lineNo === 1) {
      if (/^\uFEFF?"?\(PDH-TSV/.test(line)) delim = '\t';
      decimalComma = decimalCommaFor(delim);
      header = splitCsvLine(line, delim);
      onHeader(header);
      return;
    }
    if (line.trim() === '') return;
    const f = splitCsvLine(line, delim);
    for (let i = 1; i < f.length; i++) if (f[i] === ' ' || f[i] === '') blankCells++;
    const t = parseSlashed(f[0].trim(), bias);
    if (!t) {
      issues.add('bad-timestamp', 'warning', lineNo, `"${f[0]}" is not a perfmon timestamp (MM/DD/YYYY hh:mm:ss.fff); row skipped`, {
        column: 'timestamp',
        skipsRow: true,
      });
      return;
    }
    const ts = t.ms;
    for (const h of hosts.values()) {
      let cpu = h.cpu !== undefined ? col(h, h.cpu, f) : undefined;
      if (cpu === undefined && h.idle !== undefined) {
        const idle = col(h, h.idle, f);
        if (idle !== undefined) cpu = Math.max(0, 100 - idle);
      }
      if (cpu === undefined && h.procTotal !== undefined && h.procIdle !== undefined) {
        const tot = col(h, h.procTotal, f);
        const idle = col(h, h.procIdle, f);
        if (tot !== undefined && idle !== undefined && tot > 0) cpu = Math.max(0, 100 * (1 - idle / tot));
      }
      add(h.host, 'cpu', 'pct', ts, cpu);
      if (h.memPct !== undefined) add(h.host, 'memory', 'pct', ts, col(h, h.memPct, f));
      else if (h.workingSet !== undefined) {
        const ws = col(h, h.workingSet, f);
        add(h.host, 'memory', 'MiB', ts, ws === undefined ? undefined : ws / 1048576);
      } else if (h.memAvail !== undefined) {
        // used = installed − available: kept as −available until the installed RAM is known (see the header)
        const avail = col(h, h.memAvail, f);
        add(h.host, 'memory', 'MiB', ts, avail === undefined ? undefined : -avail);
      }
      const disk =
        h.diskTotal !== undefined ? col(h, h.diskTotal, f)
        : h.diskLogicalTotal !== undefined ? col(h, h.diskLogicalTotal, f)
        : sum(h, h.diskInstances, f);
      add(h.host, 'diskIops', 'IOPS', ts, disk);
      const net = h.netTotal.length > 0 ? sum(h, h.netTotal, f) : sum(h, [...h.netRx, ...h.netTx], f);
      add(h.host, 'networkMbps', 'Mbps', ts, net === undefined ? undefined : net * BYTES_PER_S_TO_MBPS);
    }
  });

  if (blankCells > 0) {
    problems.push(
      info('blank-samples', `${blankCells} blank (" ") cells skipped: rate counters have no value until their second sample`, {
        file: display,
      }),
    );
  }
  if (translated > 0) {
    problems.push(info('localised-counters', `${translated} localised counter names translated to English`, { file: display }));
  }
  for (const h of hosts.values()) {
    const derived = h.cpu === undefined && h.idle === undefined && h.procTotal !== undefined && h.procIdle !== undefined;
    if (derived) {
      problems.push(
        info('cpu-from-process-counters', `${h.host}: CPU % derived as 100 × (1 − Process(Idle) / Process(_Total))`, {
          file: display,
        }),
      );
    }
    if (h.memPct === undefined && h.workingSet === undefined && h.memAvail !== undefined) {
      memoryBelowTotal.push(h.host);
      problems.push(
        info(
          'memory-available-only',
          `${h.host}: memory is logged as \\Memory\\Available MBytes only; memory used = the installed memory the inventory gives for ${h.host} − available (no counter states the installed RAM)`,
          { file: display, column: 'Available MBytes' },
        ),
      );
    }
  }
  if (ignored.size > 0) {
    problems.push(
      info('counters-ignored', `${ignored.size} distinct counters not used for sizing (of ${columns} columns), e.g. ${[...ignored].slice(0, 3).join('; ')}`, {
        file: display,
      }),
    );
  }
  return { rowsRead: rows, samples, problems, servers: [...hosts.keys()], memoryBelowTotal };
}
