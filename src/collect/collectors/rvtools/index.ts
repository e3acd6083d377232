import * as path from 'path';
import { info } from '../../../diagnostics';
import { headerIndex } from '../../read/headers';
import { CollectOptions, Collector, CollectorOutput, FileProbe } from '../../types';
import { buildOutput } from './build';
import { TABS, tabOf } from './columns';
import { listDir, parseTabFileName, readCsvTabs, tabFileSets } from './read-csv';
import { readXlsxTabs } from './read-xlsx';
import { TabSink } from './tabs';

/**
 * RVTools collectors: `rvtools-xlsx` (the workbook, one sheet per tab) and `rvtools-csv` (the per-tab CSV export).
 * Both feed the same TabSink → buildOutput, so a workbook and its CSV export give the same inventory.
 */

const sourceKeyOf = (p: string) => path.basename(p).replace(/\.(xlsx|csv)$/i, '');

export const rvtoolsXlsxCollector: Collector = {
  id: 'rvtools-xlsx',
  description: 'RVTools workbook (.xlsx with vInfo, vHost, ... sheets)',
  detect(probe: FileProbe): number {
    if (probe.kind !== 'xlsx') return 0;
    const tabs = (probe.sheetNames ?? []).map(tabOf).filter((t) => t !== undefined);
    if (tabs.includes('vInfo')) return 1;
    // RVTools tabs but no vInfo: claim it so the user hears that vInfo is missing, not that the format is unknown.
    return tabs.length >= 2 ? 0.6 : 0;
  },
  async collect(probe: FileProbe, options: CollectOptions): Promise<CollectorOutput> {
    // Forced with --format: RVTools tabs under other sheet names (`Consolidated_vInfo`) are read too.
    const { sheets, sink } = await readXlsxTabs(probe.path, probe.displayName, options.format === 'rvtools-xlsx');
    return buildOutput('rvtools-xlsx', sink.data, sourceKeyOf(probe.path), sheets, sink.problems, sink.excluded);
  },
};

/** RVTools vInfo headers, to recognise a vInfo CSV that was renamed (`VM`, `Powerstate` plus sizes). */
function looksLikeVInfo(headers: readonly string[]): number {
  const idx = headerIndex(headers);
  const has = (...names: string[]) => names.some((n) => idx.has(n));
  if (has('vinfovmname') && has('vinfocpus', 'vinfomemory')) return 0.9;
  if (has('vm') && has('powerstate') && has('cpus') && has('memory')) return 0.85;
  return 0;
}

/** Export sets already read in this collect run: a shell glob passes every tab file of one export. */
const alreadyRead = new WeakMap<CollectOptions, Set<string>>();

export const rvtoolsCsvCollector: Collector = {
  id: 'rvtools-csv',
  description: 'RVTools per-tab CSV export (RVTools_tabvInfo.csv, RVTools_tabvHost.csv, ... or their folder)',
  detect(probe: FileProbe): number {
    if (probe.kind === 'directory') {
      return (probe.entries ?? []).some((e) => parseTabFileName(e)?.tab.toLowerCase() === 'vinfo') ? 0.95 : 0;
    }
    if (probe.kind !== 'text') return 0;
    const name = parseTabFileName(path.basename(probe.path));
    if (name && TABS.some((t) => t.toLowerCase() === name.tab.toLowerCase())) return 0.95;
    if (name) return 0.9; // another RVTools tab (vNetwork, dvPort...): read with its set
    return looksLikeVInfo(probe.headers ?? []);
  },
  async collect(probe: FileProbe, options: CollectOptions): Promise<CollectorOutput> {
    let sets;
    if (probe.kind === 'directory') {
      sets = tabFileSets(probe.path, probe.displayName, probe.entries ?? []);
    } else {
      const dir = path.dirname(probe.path);
      const name = parseTabFileName(path.basename(probe.path));
      sets = name
        ? tabFileSets(dir, path.dirname(probe.displayName), listDir(dir), name.prefix)
        : // A vInfo CSV under another name: read it alone, as the vInfo tab.
          [{ key: path.resolve(probe.path), files: [{ tab: 'vInfo' as const, path: probe.path, display: probe.displayName }], all: [] }];
    }
    const extra: CollectorOutput['problems'] = [];
    if (probe.kind === 'directory') {
      const others = (probe.entries ?? []).filter((e) => !parseTabFileName(e));
      if (others.length > 0) {
        extra.push(
          info('rvtools-files-not-read', `${probe.displayName} also holds files that are not RVTools tab exports, not read: ${others.join(', ')}.`, { file: probe.displayName }, 'Pass them on the command line to collect them too.'),
        );
      }
    }
    let done = alreadyRead.get(options);
    if (!done) alreadyRead.set(options, (done = new Set()));
    const outputs: CollectorOutput[] = [];
    for (const set of sets) {
      if (done.has(set.key)) {
        outputs.push(empty([info('rvtools-already-read', `${probe.displayName} belongs to an RVTools export already read in this run.`, { file: probe.displayName })]));
        continue;
      }
      done.add(set.key);
      const sink = new TabSink();
      await readCsvTabs(set, sink);
      const vInfo = set.files.find((f) => f.tab === 'vInfo');
      const key = vInfo ? sourceKeyOf(path.dirname(vInfo.path)) : sourceKeyOf(probe.path);
      outputs.push(buildOutput('rvtools-csv', sink.data, key, set.all, sink.problems, sink.excluded));
    }
    const out = concat(outputs);
    out.problems.push(...extra);
    return out;
  },
};

function empty(problems: CollectorOutput['problems']): CollectorOutput {
  return { format: 'rvtools-csv', rowsRead: 0, workloads: [], hosts: [], clusters: [], excluded: [], problems };
}

function concat(outs: CollectorOutput[]): CollectorOutput {
  if (outs.length === 1) return outs[0];
  const o = empty([]);
  o.sheets = [];
  for (const x of outs) {
    o.sheets.push(...(x.sheets ?? []));
    o.rowsRead += x.rowsRead;
    o.workloads.push(...x.workloads);
    o.hosts.push(...x.hosts);
    o.clusters.push(...x.clusters);
    if (x.datastores) (o.datastores ??= []).push(...x.datastores);
    if (x.drsRules) (o.drsRules ??= []).push(...x.drsRules);
    o.excluded.push(...x.excluded);
    o.problems.push(...x.problems);
  }
  return o;
}
