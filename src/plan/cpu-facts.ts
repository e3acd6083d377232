/**
 * What the plan says about CPU generations (plan.cpuPerformance): the reference model, each target model's index, and
 * per source CPU model the table row, the hosts and workloads on it and the ratio used (target MHz per source MHz).
 * Source models the table does not know are listed, with a warning: their workloads moved as raw MHz.
 */
import { Problem, info, warning } from '../diagnostics';
import { Inventory, Workload } from '../inventory/schema';
import { CpuConversion, PerfModel, matchCpu, modelIndex } from './cpu-performance';
import { round } from './sizing';
import { CpuPerformance } from './types';

export function cpuPerformanceFacts(conv: CpuConversion, inv: Inventory, scope: readonly Workload[], models: readonly PerfModel[], problems: Problem[]): CpuPerformance {
  const t = conv.table;
  const out: CpuPerformance = { basis: conv.basis, table: t.file, tableSource: t.source.url, metric: t.metric, targets: [], sources: [], workloadsOnMhz: 0, unknownModels: [] };
  if (conv.mhzReason) out.mhzReason = conv.mhzReason;
  if (conv.reference) {
    const r = conv.reference;
    out.reference = { model: r.model, ghz: r.ghz, index: r.index, from: r.from, ...(r.row ? { family: r.row.family, source: r.row.source } : {}) };
  }
  for (const m of models) {
    const mi = modelIndex(t, m);
    out.targets.push({
      model: m.id,
      ...(m.cpuModel ? { cpuModel: m.cpuModel } : {}),
      ghz: m.cpuGhz,
      ...(mi ? { index: mi.index, from: mi.from } : {}),
      ...(mi?.row ? { family: mi.row.family, accuracy: mi.row.accuracy, source: mi.row.source } : {}),
      factor: round(conv.modelFactor(m), 4),
    });
  }
  const byModel = new Map<string, CpuPerformance['sources'][number]>();
  for (const h of inv.hosts) {
    if (!h.cpuModel) continue;
    const s = byModel.get(h.cpuModel);
    if (s) {
      s.hosts++;
      continue;
    }
    const row = matchCpu(t, h.cpuModel);
    byModel.set(h.cpuModel, {
      cpuModel: h.cpuModel,
      ghz: h.cpuMhz / 1000,
      hosts: 1,
      workloads: 0,
      ...(row ? { family: row.family, index: row.perCore, accuracy: row.accuracy, source: row.source } : {}),
      ratio: round(conv.sourceFactor(row, h.cpuMhz / 1000), 4),
    });
  }
  let unknownSource = 0;
  for (const w of scope) {
    const src = conv.sourceOf(w);
    if (src) {
      const s = byModel.get(src.model);
      if (s) s.workloads++;
    } else unknownSource++;
    if (!src?.row) out.workloadsOnMhz++;
  }
  out.sources = [...byModel.values()].sort((a, b) => b.workloads - a.workloads || (a.cpuModel < b.cpuModel ? -1 : 1));
  out.unknownModels = out.sources.filter((s) => s.index === undefined).map((s) => s.cpuModel);
  if (conv.basis === 'mhz') {
    problems.push((conv.mhzReason?.startsWith('policy') ? info : warning)('cpu-mhz', `CPU demand moves to the new hosts as raw MHz: ${conv.mhzReason}`, {}, 'give each host model cpuModel (e.g. "Intel Xeon Gold 6548Y+") or perfIndex to compare CPU generations'));
    return out;
  }
  if (out.unknownModels.length > 0)
    problems.push(
      warning(
        'cpu-model-unknown',
        `${out.unknownModels.length} source CPU model(s) are not in ${t.file}; their workloads' CPU moves as raw MHz: ${out.unknownModels.join('; ')}`,
        {},
        `add a row to ${t.file}, with its source`,
      ),
    );
  if (unknownSource > 0)
    problems.push(info('cpu-source-unknown', `${unknownSource} workload(s) run on a host whose CPU model is not known (no joined host, or a cluster of mixed models); their CPU moves as raw MHz`));
  return out;
}
