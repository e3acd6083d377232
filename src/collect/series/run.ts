/**
 * Running a time-series collector: files of a probe (a file, or a folder as one source), one SeriesStore for all of
 * them, row problems rolled up per folder, profiles, and the collector output (utilisation updates or workloads).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { Problem, UserError, error, info, warning } from '../../diagnostics';
import { Workload } from '../../inventory/schema';
import { emptyWorkload } from '../../inventory/workload';
import { CollectOptions, CollectorOutput, FileProbe, FormatId, UtilizationUpdate } from '../types';
import { profileStore, ServerProfile } from './finish';
import { RowIssues } from './issues';
import { detectEncoding, readHead } from './lines';
import { encodingProblem, sniffEncoding } from '../read/sniff';
import { ParseInput, ParseStats } from './parse';
import { SeriesStore } from './store';
import { SeriesOptions, seriesOptions, validateSeriesOptions } from './types';
import { CONFIDENCE_TABLE } from './profile/confidence';

/** Text of a probe's head, decoded. */
export function headText(probe: FileProbe): string {
  if (probe.kind !== 'text' || !probe.head) return '';
  const enc = detectEncoding(probe.head);
  try {
    return iconv.decode(probe.head, enc).replace(/^\uFEFF/, '');
  } catch {
    return '';
  }
}

/** Files of a folder, recursively (sorted by path, hidden files skipped); a file is itself. */
export function filesOf(p: string): string[] {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return [p];
  const out: string[] = [];
  for (const e of fs.readdirSync(p).sort()) {
    if (e.startsWith('.') || /^readme(\.md|\.txt)?$/i.test(e)) continue;
    out.push(...filesOf(path.join(p, e)));
  }
  return out;
}

/** The first bytes of a file, decoded with the detected encoding. */
export function fileHead(file: string, bytes = 4096): string {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(bytes);
    const n = fs.readSync(fd, b, 0, bytes, 0);
    const head = b.subarray(0, n);
    return iconv.decode(head, detectEncoding(head)).replace(/^\uFEFF/, '');
  } catch {
    return '';
  } finally {
    fs.closeSync(fd);
  }
}

export function firstFileHead(dir: string): string {
  const files = filesOf(dir).slice(0, 1);
  return files.length === 0 ? '' : fileHead(files[0]);
}

/**
 * Detection of a file, or of a folder by its files: a folder is one source when its first file is of the format (a
 * perfmon data collector set rolled over into daily files, a folder of sadf days): all its files go into one store,
 * so the series of a server continue across files.
 */
export function detectText(probe: FileProbe, test: (text: string) => boolean): 'file' | 'folder' | undefined {
  if (probe.kind === 'directory') return test(firstFileHead(probe.path)) ? 'folder' : undefined;
  return test(headText(probe)) ? 'file' : undefined;
}

export function baseWorkload(name: string, format: string, root: string, file: string): Workload {
  return emptyWorkload({
    id: `${format}/${name}`,
    name,
    powerState: 'on',
    vcpus: 0,
    memoryMib: 0,
    // the source as given first (a folder), then the trace file itself
    provenance: root === file ? [{ file }] : [{ file: root }, { file }],
  });
}

export type Parse = (inp: ParseInput, ctx: RunContext) => Promise<ParseStats>;

export interface RunContext {
  /** The file or folder as the user gave it (the inventory's source). */
  root: string;
  displayOf: Map<string, string>;
}

export async function runSeries(
  format: FormatId,
  probe: FileProbe,
  options: CollectOptions,
  parse: Parse,
  finishWorkloads?: (profiles: ServerProfile[], ctx: RunContext, opts: SeriesOptions, out: CollectorOutput) => void,
  accepts?: (file: string) => boolean,
): Promise<CollectorOutput> {
  const opts = seriesOptions(options.series);
  const bad = validateSeriesOptions(opts);
  if (bad.length > 0) throw new UserError(bad.map((m) => error('bad-series-option', m, { file: probe.displayName })));
  const store = new SeriesStore(opts.resampleSeconds);
  const out: CollectorOutput = { format, rowsRead: 0, workloads: [], hosts: [], clusters: [], excluded: [], problems: [], utilizationUpdates: [] };
  const ctx: RunContext = { root: probe.displayName, displayOf: new Map() };
  let files = probe.kind === 'directory' ? filesOf(probe.path) : [probe.path];
  if (probe.kind === 'directory' && accepts) {
    const skipped = files.filter((f) => !accepts(f));
    files = files.filter((f) => accepts(f));
    if (skipped.length > 0) {
      out.problems.push(
        info('files-skipped', `${skipped.length} file(s) in the folder are not ${format} and were not read: ${skipped.map((f) => path.relative(probe.path, f)).slice(0, 5).join(', ')}`, {
          file: probe.displayName,
        }),
      );
    }
  }
  const belowTotal = new Set<string>();
  for (const f of files) {
    const display = probe.kind === 'directory' ? path.join(probe.displayName, path.relative(probe.path, f)) : probe.displayName;
    ctx.displayOf.set(f, display);
    const issues = new RowIssues(display);
    const mixed = opts.encoding === undefined ? encodingProblem(sniffEncoding(readHead(f)), display) : undefined;
    if (mixed) out.problems.push(mixed);
    const st = await parse({ file: f, display, store, opts, issues, columnMap: options.columnMap }, ctx);
    out.rowsRead += st.rowsRead;
    for (const server of st.memoryBelowTotal ?? []) belowTotal.add(server);
    out.problems.push(...st.problems, ...issues.finish());
    out.excluded.push(...issues.excluded);
  }
  if (probe.kind === 'directory') out.problems = collapsePerFile(out.problems, probe.displayName);
  const { profiles, problems } = profileStore(store, opts, probe.displayName);
  out.problems.push(...problems);
  if (finishWorkloads) finishWorkloads(profiles, ctx, opts, out);
  else {
    for (const p of profiles) {
      const u: UtilizationUpdate = { serverName: p.server, utilization: p.utilization, provenance: { file: probe.displayName } };
      if (belowTotal.has(p.server) && p.utilization.memory) {
        // memory used − installed memory: the pipeline adds the installed memory it finds in the inventory
        u.memoryBelowTotal = p.utilization.memory;
        delete p.utilization.memory;
      }
      out.utilizationUpdates!.push(u);
    }
  }
  const samples = store.all().reduce((s, x) => s + x.samples, 0);
  out.problems.push(
    info(
      'series-summary',
      `${profiles.length} servers, ${samples} samples resampled to ${opts.resampleSeconds} s; window ${opts.window}` +
        `${opts.weekdaysOnly ? ' (weekdays only)' : ''}; shapes at P${opts.percentile}; ${CONFIDENCE_TABLE}`,
      { file: probe.displayName },
    ),
  );
  if (profiles.length === 0) {
    out.problems.push(warning('no-series', 'no usable utilisation samples found', { file: probe.displayName }));
  }
  return out;
}

/**
 * In a folder of hundreds of traces the same file-level note (e.g. "timestamps are seconds") would repeat per file:
 * notes without a row that occur in more than 3 files become one problem naming how many files and the first few.
 */
export function collapsePerFile(problems: Problem[], folder: string): Problem[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.row !== undefined || p.severity === 'error') continue;
    const k = `${p.severity}|${p.code}`;
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const out: Problem[] = [];
  const done = new Set<string>();
  for (const p of problems) {
    const k = `${p.severity}|${p.code}`;
    const g = p.row === undefined && p.severity !== 'error' ? groups.get(k) : undefined;
    if (!g || g.length <= 3) {
      out.push(p);
      continue;
    }
    if (done.has(k)) continue;
    done.add(k);
    const files = g.map((x) => x.file ?? '').map((f) => path.basename(f));
    out.push({
      ...p,
      file: folder,
      message: `in ${g.length} files (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}); first: ${p.message}`,
    });
  }
  return out;
}

