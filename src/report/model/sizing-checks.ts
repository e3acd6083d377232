/**
 * The report's view of two sizing checks (issue 10): how CPU demand moved from each source CPU model to the new hosts
 * (plan.cpuPerformance, the ratio used and the reference table's row and source), and per source cluster the sized VM
 * demand against what the hosts measure today (plan.reconciliation), flagged beyond policy.reconciliationFactor.
 */
import { Plan } from '../../plan/types';
import { fmtNum } from '../format';
import { col } from './labels';
import { Block, Cell, Table } from './types';

export function cpuGenerationsTable(plan: Plan): Table | undefined {
  const c = plan.cpuPerformance;
  if (!c) return undefined;
  const rows: Cell[][] = [];
  for (const s of c.sources)
    rows.push(['now', s.cpuModel, s.family ?? 'not in the table: raw MHz', s.index ?? null, s.ghz, s.hosts, s.workloads, s.ratio, s.accuracy ?? '', s.source ?? '']);
  for (const t of c.targets)
    rows.push(['new', `${t.model}${t.cpuModel ? ` (${t.cpuModel})` : ''}`, t.family ?? (t.from === 'perfIndex' ? 'perfIndex given' : 'no index'), t.index ?? null, t.ghz, null, null, t.factor, t.accuracy ?? '', t.source ?? '']);
  return {
    id: 'cpu-generations',
    sheet: 'CPU generations',
    title: 'CPU generations: the ratio used per CPU model',
    columns: [
      col('side', 'Side', 'text', 0.5),
      col('cpu', 'CPU model', 'text', 2.2, true),
      col('family', 'Table row', 'text', 1.8, true),
      col('index', 'Index per core', 'num', 0.6),
      col('ghz', 'GHz', 'num2', 0.5),
      col('hosts', 'Hosts', 'int', 0.5),
      col('workloads', 'VMs', 'int', 0.5),
      col('ratio', 'Ratio', 'num2', 0.6),
      col('accuracy', 'Accuracy', 'text', 0.95),
      col('source', 'Source', 'text', 1.5, true),
    ],
    rows,
    note: `Index: ${c.metric} (${c.table}, ${c.tableSource}). Ratio: MHz on the new hosts per MHz of today's CPU (for a new model: the factor on its own MHz).`,
  };
}

export function cpuGenerationsSentence(plan: Plan): string | undefined {
  const c = plan.cpuPerformance;
  if (!c) return undefined;
  if (c.basis === 'mhz') return `CPU demand moves to the new hosts as raw MHz: ${c.mhzReason ?? 'policy'}.`;
  const r = c.reference!;
  return (
    `CPU demand moves to the new hosts by per-core performance (${c.metric}, ${c.table}): CPU figures are MHz of ${r.model} ` +
    `(index ${fmtNum(r.index)} at ${fmtNum(r.ghz, 2)} GHz). A VM's MHz today × (its CPU's index / its clock) × (${fmtNum(r.ghz, 2)} / ${fmtNum(r.index)}); ` +
    `${c.workloadsOnMhz} VM(s) on a CPU the table does not know, or on no known host, moved as raw MHz` +
    (c.unknownModels.length > 0 ? ` (${c.unknownModels.join('; ')})` : '') +
    '. The figures are approximate family averages; see the table\'s accuracy column.'
  );
}

const gib = (mib: number | undefined) => (mib === undefined ? null : mib / 1024);

export function reconciliationTable(plan: Plan): Table | undefined {
  const rec = plan.reconciliation;
  if (!rec || rec.length === 0) return undefined;
  const factor = Number(plan.policy.reconciliationFactor ?? 2);
  return {
    id: 'reconciliation',
    sheet: 'Sized vs measured',
    title: `Sized demand against measured host use (flag beyond ${fmtNum(factor)}×)`,
    columns: [
      col('cluster', 'Cluster', 'text', 1.3, true),
      col('workloads', 'VMs', 'int', 0.5),
      col('hosts', 'Hosts', 'int', 0.5),
      col('sizedCpuMhz', 'Sized CPU MHz', 'int', 0.9),
      col('measuredCpuMhz', 'Measured CPU MHz', 'int', 0.9),
      col('cpuRatio', 'CPU ratio', 'num2', 0.6),
      col('sizedMemoryGib', 'Sized memory GiB', 'int', 0.9),
      col('measuredMemoryGib', 'Measured memory GiB', 'int', 0.9),
      col('memoryRatio', 'Memory ratio', 'num2', 0.6),
      col('flagged', 'Flag', 'text', 0.8),
    ],
    rows: rec.map((r) => [
      r.cluster,
      r.workloads,
      r.hosts,
      r.sizedCpuMhz,
      r.measuredCpuMhz ?? null,
      r.cpuRatio ?? null,
      gib(r.sizedMemoryMib),
      gib(r.measuredMemoryMib),
      r.memoryRatio ?? null,
      r.flagged.length > 0 ? `${r.flagged.join(', ')} differs` : '',
    ]),
    note: 'Per source cluster. Measured: RVTools vHost CPU usage % × cores × clock and Memory usage % × memory, at export time. Sized: the plan\'s demand of the cluster\'s powered-on VMs in MHz of today\'s CPUs, divided by (1 + headroom) × (1 + growth).',
  };
}

/** The blocks the assumptions section gets: the CPU sentence and table, the reconciliation table. */
export function sizingCheckBlocks(plan: Plan, cpu: Table | undefined, rec: Table | undefined): Block[] {
  const out: Block[] = [];
  const sentence = cpuGenerationsSentence(plan);
  if (sentence) out.push({ type: 'paragraph', text: sentence });
  if (cpu && cpu.rows.length > 0) out.push({ type: 'table', table: cpu });
  if (rec) {
    const flagged = (plan.reconciliation ?? []).filter((r) => r.flagged.length > 0);
    out.push({
      type: 'paragraph',
      text:
        flagged.length === 0
          ? 'Sized demand and measured host use agree within the stated factor in every source cluster.'
          : `In ${flagged.length} source cluster(s) the sized VM demand and the hosts' measured use differ by more than the stated factor: ` +
            flagged.map((r) => `${r.cluster} (${r.flagged.map((d) => `${d} ${fmtNum(d === 'cpu' ? r.cpuRatio ?? 0 : r.memoryRatio ?? 0, 2)}×`).join(', ')})`).join('; ') +
            '. Check the sizing basis of these VMs (allocation fallback, snapshot time) before signing the host count.',
    });
    out.push({ type: 'table', table: rec });
  }
  return out;
}
