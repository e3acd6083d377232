/**
 * Bitbrains GWA-T-12 per-VM traces: one file per VM (file name = VM id), `;\t`-delimited, header
 * `Timestamp [ms]; CPU cores; CPU capacity provisioned [MHZ]; CPU usage [MHZ]; CPU usage [%]; Memory capacity
 * provisioned [KB]; Memory usage [KB]; Disk read/write throughput [KB/s]; Network received/transmitted throughput [KB/s]`.
 *
 * Quirks handled (each counted and reported):
 * - "Timestamp [ms]" holds Unix SECONDS (1372629804 = 2013-06-30): values below 10^11 are read as seconds.
 * - Rows with 0 cores / 0 MHz / 0 KB capacity: usage is still a measurement and is kept; the VM's size comes from
 *   its largest non-zero provisioned values. A file with no non-zero capacity at all gives no workload (excluded).
 * - CPU usage above 100 % of provisioned (usage MHz > capacity MHz): kept as measured (the VM did use it).
 * - Floats in Java notation (`2.097152E7`); duplicate timestamps (a bucket keeps their peak).
 * Units: CPU in MHz (absolute), memory KB → MiB (/1024), network KB/s → Mbps; disk throughput (KB/s) has no IOPS
 * equivalent and is not used for sizing.
 */
import * as path from 'path';
import { error, info } from '../../../diagnostics';
import { readLines } from '../../series/lines';
import { firstIssue, KIB_PER_S_TO_MBPS, ParseInput, ParseStats } from '../../series/parse';

export const BITBRAINS_HEADER = /^Timestamp \[ms\];\s*CPU cores;/;

export interface VmCapacity {
  server: string;
  /** Display name of the (first) file of this VM. */
  file: string;
  cores: number;
  cpuCapacityMhz: number;
  memoryKb: number;
  rows: number;
  zeroCapacityRows: number;
  overProvisionedRows: number;
}

export function bitbrainsServerName(file: string): string {
  return path.basename(file).replace(/\.csv$/i, '');
}

export async function parseBitbrains(inp: ParseInput): Promise<ParseStats & { capacity: VmCapacity }> {
  const { file, display, store, issues } = inp;
  const server = bitbrainsServerName(file);
  const cap: VmCapacity = { server, file: display, cores: 0, cpuCapacityMhz: 0, memoryKb: 0, rows: 0, zeroCapacityRows: 0, overProvisionedRows: 0 };
  let samples = 0;
  let secondsStamps = 0;
  let rows = 0;
  let headerOk = false;
  const cpu = store.get(server, 'cpu', 'MHz');
  const mem = store.get(server, 'memory', 'MiB');
  const net = store.get(server, 'networkMbps', 'Mbps');
  const problems: ParseStats['problems'] = [];
  await readLines(file, 'utf8', (line, lineNo) => {
    rows = lineNo;
    if (lineNo === 1) {
      headerOk = BITBRAINS_HEADER.test(line) && line.split(';').length >= 11;
      if (!headerOk)
        issues.add('bad-header', 'error', 1, `expected the 11-column Bitbrains header "Timestamp [ms];\tCPU cores;\t...", found "${line.slice(0, 80)}"`, {
          skipsRow: true,
        });
      return;
    }
    if (!headerOk || line.trim() === '') return;
    const f = line.split(';');
    if (f.length < 11) {
      issues.add('bad-row', 'warning', lineNo, `expected 11 fields separated by ";\\t", found ${f.length}; row skipped`, { skipsRow: true });
      return;
    }
    const v = f.map((x) => (x.trim() === '' ? NaN : Number(x)));
    for (let k = 0; k < 11; k++) {
      if (!Number.isFinite(v[k])) {
        issues.add('bad-number', 'warning', lineNo, `"${f[k].trim()}" is not a number; row skipped`, { skipsRow: true, column: String(k + 1) });
        return;
      }
    }
    let ts = v[0];
    if (ts < 1e11) {
      ts *= 1000;
      secondsStamps++;
    }
    cap.rows++;
    if (v[1] === 0 || v[2] === 0 || v[5] === 0) cap.zeroCapacityRows++;
    if (v[1] > cap.cores) cap.cores = v[1];
    if (v[2] > cap.cpuCapacityMhz) cap.cpuCapacityMhz = v[2];
    if (v[5] > cap.memoryKb) cap.memoryKb = v[5];
    if (v[2] > 0 && v[3] > v[2]) cap.overProvisionedRows++;
    cpu.add(ts, v[3]);
    mem.add(ts, v[6] / 1024);
    net.add(ts, (v[9] + v[10]) * KIB_PER_S_TO_MBPS);
    samples += 3;
  });
  for (const s of [cpu, mem, net]) s.sources.add(display);
  if (secondsStamps > 0) {
    problems.push(
      info('timestamp-unit-mislabelled', `"Timestamp [ms]" holds Unix seconds (${secondsStamps} rows): read as seconds`, {
        file: display,
        column: 'Timestamp [ms]',
      }),
    );
  }
  if (cap.zeroCapacityRows > 0) {
    problems.push(
      info(
        'zero-capacity-rows',
        `${cap.zeroCapacityRows} of ${cap.rows} rows report 0 cores / 0 MHz / 0 KB provisioned: usage kept, ` +
          (cap.zeroCapacityRows === cap.rows ? 'but no row gives the VM a size' : 'size taken from the non-zero rows'),
        { file: display },
      ),
    );
  }
  if (cap.overProvisionedRows > 0) {
    problems.push(
      info('usage-above-capacity', `${cap.overProvisionedRows} rows use more CPU MHz than provisioned (CPU usage over 100 %): kept as measured`, {
        file: display,
        column: 'CPU usage [MHZ]',
      }),
    );
  }
  if (headerOk && cap.rows === 0 && rows > 1) {
    problems.push(error('no-valid-rows', `none of the ${rows - 1} data rows could be read${firstIssue(issues)}`, { file: display }));
  }
  return { rowsRead: rows, samples, problems, servers: cap.rows > 0 ? [server] : [], capacity: cap };
}
