/**
 * The time-series formats as `Collector`s (ids `perfmon-csv`, `sadf`, `bitbrains`, `planetlab`,
 * `migration-center-perf`, `vrops-csv`, `generic-series-csv`). Each streams its file(s) into one SeriesStore, profiles every
 * series and returns `utilizationUpdates` by server name (the pipeline merges them into the inventory's workloads).
 * Formats that state a machine's size (Bitbrains: cores, MHz, memory; PlanetLab with `--capacity-mhz`) also return
 * minimal workloads, since such traces usually come without any inventory file.
 */
import { Problem, info, warning } from '../../../diagnostics';
import * as path from 'path';
import { Collector, CollectOptions, CollectorOutput, FileProbe } from '../../types';
import { probeFile } from '../../read/probe';
import { migrationCenterVmInfoCollector } from '../migration-center-vminfo';
import { BITBRAINS_HEADER, parseBitbrains, VmCapacity } from './bitbrains';
import { looksLikePerfmon, parsePerfmon } from './perfmon';
import { looksLikeOneValuePerLine, parsePlanetLab, traceStart } from './planetlab';
import { looksLikeSadf, parseSadf } from './sadf';
import { looksLikeVrops, parseVrops } from './vrops';
import { parseTable, tableKind } from './tabular';
import { splitCsvLine } from '../../series/lines';
import { sniffDelimiter } from '../../read/sniff';
import { seriesOptions } from '../../series/types';
import { baseWorkload, detectText, fileHead, filesOf, firstFileHead, headText, runSeries } from '../../series/run';

export { collapsePerFile, fileHead, filesOf } from '../../series/run';

const score = (k: 'file' | 'folder' | undefined, file: number, folder: number): number => (k === 'file' ? file : k === 'folder' ? folder : 0);

export const perfmonCollector: Collector = {
  id: 'perfmon-csv',
  description: 'Windows perfmon / typeperf / relog CSV (PDH-CSV 4.0)',
  detect: (probe) => score(detectText(probe, looksLikePerfmon), 1, 0.9),
  collect: (probe, options) =>
    runSeries('perfmon-csv', probe, options, (inp) => parsePerfmon(inp), undefined, (f) => looksLikePerfmon(fileHead(f))),
};

export const sadfCollector: Collector = {
  id: 'sadf',
  description: 'Linux sysstat sadf -d / -dh / -j output',
  detect: (probe) => score(detectText(probe, looksLikeSadf), 0.95, 0.9),
  collect: (probe, options) => runSeries('sadf', probe, options, (inp) => parseSadf(inp), undefined, (f) => looksLikeSadf(fileHead(f))),
};

export const bitbrainsCollector: Collector = {
  id: 'bitbrains',
  description: 'Bitbrains GWA-T-12 per-VM traces (";\\t"-delimited, a file or a folder of them)',
  detect: (probe) => {
    if (probe.kind === 'directory') return BITBRAINS_HEADER.test(firstFileHead(probe.path)) ? 0.95 : 0;
    return BITBRAINS_HEADER.test(headText(probe)) ? 1 : 0;
  },
  collect: (probe, options) => {
    const capacities: VmCapacity[] = [];
    return runSeries(
      'bitbrains',
      probe,
      options,
      async (inp) => {
        const r = await parseBitbrains(inp);
        capacities.push(r.capacity);
        return r;
      },
      (profiles, ctx, _opts, out) => {
        const byName = new Map(profiles.map((p) => [p.server, p]));
        const seen = new Map<string, VmCapacity>();
        for (const c of capacities) {
          // months of the same VM (2013-7/1.csv, 2013-8/1.csv) are one VM: keep the largest size seen
          const prev = seen.get(c.server);
          if (!prev) seen.set(c.server, { ...c });
          else {
            prev.cores = Math.max(prev.cores, c.cores);
            prev.cpuCapacityMhz = Math.max(prev.cpuCapacityMhz, c.cpuCapacityMhz);
            prev.memoryKb = Math.max(prev.memoryKb, c.memoryKb);
          }
        }
        for (const c of [...seen.values()].sort((a, b) => a.server.localeCompare(b.server, 'en', { numeric: true }))) {
          const p = byName.get(c.server);
          if (c.rows === 0) continue; // nothing readable: the file's problems say why
          if (c.cores === 0 || c.cpuCapacityMhz === 0 || c.memoryKb === 0 || !p) {
            out.excluded.push({
              name: c.server,
              kind: 'workload',
              code: 'zero-capacity',
              reason: `every row of VM ${c.server} reports 0 cores, 0 MHz or 0 KB provisioned: its size is unknown`,
              provenance: { file: c.file },
            });
            continue;
          }
          const w = baseWorkload(c.server, 'bitbrains', ctx.root, c.file);
          w.vcpus = c.cores;
          w.cpuMhz = Math.round((c.cpuCapacityMhz / c.cores) * 100) / 100;
          w.memoryMib = Math.round((c.memoryKb / 1024) * 100) / 100;
          w.utilization = p.utilization;
          out.workloads.push(w);
        }
      },
    );
  },
};

export const planetlabCollector: Collector = {
  id: 'planetlab',
  description: 'one-value-per-line CPU traces (PlanetLab / CloudSim), a file or a folder; --interval, --capacity-mhz',
  detect: (probe) => {
    if (probe.kind === 'directory') return looksLikeOneValuePerLine(firstFileHead(probe.path)) ? 0.7 : 0;
    return looksLikeOneValuePerLine(headText(probe)) ? 0.6 : 0;
  },
  collect: async (probe, options) => {
    const opts = seriesOptions(options.series);
    const interval = opts.intervalSeconds ?? 300;
    const notes: Problem[] = [];
    if (opts.intervalSeconds === undefined) {
      notes.push(warning('interval-assumed', 'no --interval given: lines are taken 300 s apart (PlanetLab)', { file: probe.displayName }));
    }
    // the start of each file: --start, else its dated folder (a folder of several PlanetLab days works), else the epoch
    const starts = new Map<string, number>();
    let undated = 0;
    const startOf = (file: string): number => {
      const st = traceStart(file, opts.start);
      if (!st) undated++;
      else starts.set(new Date(st.ms).toISOString(), (starts.get(new Date(st.ms).toISOString()) ?? 0) + 1);
      return st?.ms ?? 0;
    };
    const out = await runSeries(
      'planetlab',
      probe,
      options,
      (inp) => parsePlanetLab(inp, startOf(inp.file), interval),
      opts.capacityMhz
        ? (profiles, ctx, o, res) => {
            for (const p of profiles) {
              const w = baseWorkload(p.server, 'planetlab', ctx.root, p.utilization.cpu?.source ?? probe.displayName);
              w.vcpus = 1;
              w.cpuMhz = o.capacityMhz!;
              w.utilization = p.utilization;
              res.workloads.push(w);
            }
            res.problems.push(
              info('memory-unknown', `traces give CPU only: ${profiles.length} workloads of 1 vCPU at ${o.capacityMhz} MHz, memory 0 MiB`, { file: probe.displayName }),
            );
          }
        : undefined,
    );
    if (undated > 0) {
      notes.push(
        warning('start-assumed', `${undated} file(s) have no --start and no YYYYMMDD folder: their first line is taken at 1970-01-01T00:00Z (only hour-of-day alignment depends on it)`, {
          file: probe.displayName,
        }),
      );
    }
    if (starts.size > 0 && opts.start === undefined) {
      const list = [...starts].sort().map(([d, n]) => `${d} (${n} file(s))`);
      notes.push(info('start-from-folder', `first lines taken at the folder's date: ${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}`, { file: probe.displayName }));
    }
    out.problems.unshift(...notes);
    return out;
  },
};

/** Table form of a text's header row (after `--map`), or undefined. */
function tableKindOf(text: string, options: CollectOptions | undefined): ReturnType<typeof tableKind> {
  if (!text) return undefined;
  const first = text.split(/\r?\n/, 1)[0];
  return tableKind(splitCsvLine(first, sniffDelimiter(text)).map((x) => x.trim()), options?.columnMap);
}

function tableDetect(probe: FileProbe, options: CollectOptions | undefined, want: 'mc' | 'generic'): number {
  const test = (text: string) => {
    const kind = tableKindOf(text, options);
    return want === 'mc' ? kind === 'migration-center' : kind === 'long' || kind === 'wide';
  };
  if (probe.kind === 'directory') {
    // a folder: any of its files of the format (a Migration Center export folder also holds vmInfo.csv ...)
    const hit = filesOf(probe.path).slice(0, 20).some((f) => test(fileHead(f)));
    return hit ? (want === 'mc' ? 0.9 : 0.5) : 0;
  }
  const kind = tableKindOf(headText(probe), options);
  if (want === 'mc') return kind === 'migration-center' ? 0.95 : 0;
  return kind === 'long' ? 0.9 : kind === 'wide' ? 0.6 : 0;
}

export const migrationCenterCollector: Collector = {
  id: 'migration-center-perf',
  description: 'Google Migration Center perfInfo.csv (names from a vmInfo.csv beside it)',
  detect: (probe, options) => tableDetect(probe, options, 'mc'),
  collect: async (probe, options) => {
    const out = await runSeries('migration-center-perf', probe, options, (inp) => parseTable(inp, 'migration-center'), undefined, (f) =>
      tableKindOf(fileHead(f), options) === 'migration-center',
    );
    return probe.kind === 'directory' ? withMachines(probe, options, out) : out;
  },
};

/**
 * A Migration Center export folder: its vmInfo.csv is the inventory (the machines), read with its own collector, and
 * perfInfo.csv's utilisation is merged into those machines by name; the folder alone gives the workloads.
 */
async function withMachines(probe: FileProbe, options: CollectOptions, out: CollectorOutput): Promise<CollectorOutput> {
  const vmInfo = filesOf(probe.path).find((f) => path.basename(f).toLowerCase() === 'vminfo.csv');
  if (!vmInfo) return out;
  const display = path.join(probe.displayName, path.relative(probe.path, vmInfo));
  const inv = await migrationCenterVmInfoCollector.collect(await probeFile(vmInfo, display), options);
  // vmInfo.csv was read after all: drop it from the "not read" note (other skipped files stay listed)
  const problems = out.problems.filter((p) => p.code !== 'files-skipped' || !/^1 file\(s\)/.test(p.message));
  return {
    ...out,
    rowsRead: out.rowsRead + inv.rowsRead,
    workloads: [...inv.workloads, ...out.workloads],
    excluded: [...inv.excluded, ...out.excluded],
    problems: [...inv.problems, ...problems],
  };
}

export const genericSeriesCollector: Collector = {
  id: 'generic-series-csv',
  description: 'generic time-series CSV: timestamp, server, metric, value[, unit] (or one column per metric); --map',
  detect: (probe, options) => tableDetect(probe, options, 'generic'),
  collect: (probe, options) =>
    runSeries('generic-series-csv', probe, options, (inp) => parseTable(inp, 'generic'), undefined, (f) => {
      const k = tableKindOf(fileHead(f), options);
      return k === 'long' || k === 'wide';
    }),
};

export const vropsCollector: Collector = {
  id: 'vrops-csv',
  description: 'vRealize / Aria Operations view or report export (Name, Interval Breakdown or Time, "Group|Metric (unit)" columns)',
  detect: (probe) => score(detectText(probe, looksLikeVrops), 0.95, 0.9),
  collect: (probe, options) => runSeries('vrops-csv', probe, options, (inp) => parseVrops(inp), undefined, (f) => looksLikeVrops(fileHead(f))),
};

export const seriesCollectors: Collector[] = [
  perfmonCollector,
  sadfCollector,
  bitbrainsCollector,
  migrationCenterCollector,
  vropsCollector,
  genericSeriesCollector,
  planetlabCollector,
];
