/**
 * One-value-per-line CPU traces (PlanetLab / CloudSim style): a file per VM, no header, no timestamps, each line the
 * CPU utilisation in % of the VM's CPU. Line i (1-based) is taken at start + (i − 1) × interval.
 * - interval: `--interval SECONDS` (default 300, PlanetLab's, stated in a problem when assumed);
 * - start: `--start ISO`, else midnight UTC of a `YYYYMMDD` parent folder (PlanetLab folders are dated), else the
 *   epoch (stated): only the hour-of-day alignment of the shape depends on it;
 * - server name = the file name as it is (PlanetLab names contain dots turned into `_`, and some contain spaces).
 */
import * as path from 'path';
import { ParseInput, ParseStats } from '../../series/parse';
import { readLines } from '../../series/lines';

/** Start time of a trace file: explicit option, else a dated parent folder, else undefined. */
export function traceStart(file: string, start?: string): { ms: number; from: 'option' | 'folder' } | undefined {
  if (start) {
    const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(start) ? start : `${start}Z`);
    if (Number.isFinite(ms)) return { ms, from: 'option' };
  }
  const folder = path.basename(path.dirname(path.resolve(file)));
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(folder);
  if (m) return { ms: Date.UTC(+m[1], +m[2] - 1, +m[3]), from: 'folder' };
  return undefined;
}

export async function parsePlanetLab(inp: ParseInput, startMs: number, intervalS: number): Promise<ParseStats> {
  const { file, display, store, issues } = inp;
  const server = path.basename(file);
  const s = store.get(server, 'cpu', 'pct');
  s.sources.add(display);
  s.setNativeInterval(intervalS * 1000);
  let samples = 0;
  let n = 0;
  const rows = await readLines(file, 'utf8', (line, lineNo) => {
    const t = line.trim();
    if (t === '') {
      issues.add('blank-line', 'info', lineNo, 'blank line: no sample at this position (its time slot stays empty)', { skipsRow: true });
      n++;
      return;
    }
    const v = Number(t);
    if (!Number.isFinite(v)) {
      issues.add('bad-number', 'warning', lineNo, `"${t}" is not a number; line skipped (its time slot stays empty)`, { skipsRow: true });
      n++;
      return;
    }
    s.add(startMs + n * intervalS * 1000, v);
    n++;
    samples++;
  });
  return { rowsRead: rows, samples, problems: [], servers: samples > 0 ? [server] : [] };
}

/** True when the text is numbers only, one per line (what a PlanetLab trace looks like). */
export function looksLikeOneValuePerLine(text: string): boolean {
  const lines = text.split('\n').slice(0, 50).map((l) => l.trim()).filter((l) => l !== '');
  return lines.length >= 3 && lines.every((l) => /^-?\d+(\.\d+)?$/.test(l));
}
