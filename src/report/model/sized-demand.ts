import { Inventory, Workload } from '../../inventory/schema';
import { provisionedGib, usedGib } from '../../plan/sizing';
import { Plan } from '../../plan/types';
import { fmtInt } from '../format';
import { col } from './labels';
import { Block, cellValue, Table } from './types';

/**
 * What the plan sized, per workload (issue 16.2): the basis each dimension came from and the demand the planner packed,
 * read from plan.sizing (never sized again here), so the report and the plan cannot disagree on a VM.
 * The whole table is in the XLSX, CSV, JSON and HTML; the PDF carries the summary of bases only.
 */
export function sizedDemandTable(plan: Plan, inventory: Inventory): Table | undefined {
  if (!plan.sizing || plan.sizing.length === 0) return undefined;
  const byId = new Map(inventory.workloads.map((w) => [w.id, w]));
  return {
    id: 'sized-demand',
    sheet: 'Sized demand',
    title: 'What the plan sized, per workload',
    columns: [
      col('workload', 'Workload', 'text', 1.5),
      col('cpuBasis', 'CPU basis', 'text'),
      col('memoryBasis', 'Memory basis', 'text'),
      col('storageBasis', 'Storage basis', 'text'),
      col('cpuMhz', 'Sized CPU MHz', 'int'),
      col('sourceCpuMhz', 'CPU MHz today', 'int'),
      col('memoryGib', 'Sized memory GiB', 'num'),
      col('storageGib', 'Sized storage GiB', 'num'),
      col('clock', 'Clock GHz', 'num2'),
      col('clockSource', 'Clock from', 'text'),
      col('source', 'Figures from', 'text', 1.5),
    ],
    rows: plan.sizing.map((s) => [
      s.name,
      s.basis.cpu,
      memoryBasisText(s.basis.memory, s.basis.memoryBasis),
      s.basis.storage ?? '',
      s.demand.cpuMhz ?? null,
      s.sourceCpuMhz ?? null,
      s.demand.memoryMib !== undefined ? s.demand.memoryMib / 1024 : null,
      s.demand.storageGib ?? storageFigure(byId.get(s.id), s.basis.storage),
      s.clockGhz,
      s.clockSource,
      figuresSource(byId.get(s.id)),
    ]),
  };
}

/** Storage outside the packing (external arrays): the workload's figure of the basis the plan names. */
function storageFigure(w: Workload | undefined, basis: string | undefined): number | null {
  if (!w || !basis) return null;
  return (basis === 'used' ? usedGib(w) : provisionedGib(w)) ?? null;
}

/** e.g. `consumed, p95`; `allocated` alone when no figure was used. */
function memoryBasisText(figure: string, measure: string | undefined): string {
  return !measure || measure === figure ? figure : figure === 'allocated' ? 'allocated' : `${measure}, ${figure}`;
}

/** Where the utilisation figures came from: the series file, else the file the workload was read from. */
function figuresSource(w: Workload | undefined): string {
  if (!w) return '';
  return w.utilization.cpu?.source ?? w.utilization.memory?.source ?? w.provenance[0]?.file ?? '';
}

/** The section: a summary of the bases (every format) and the table (HTML; the PDF would run to dozens of pages). */
export function sizedDemandBlocks(table: Table): Block[] {
  const summary = (index: number, label: string) => {
    const counts = new Map<string, number>();
    for (const r of table.rows) {
      const basis = String(cellValue(r[index]));
      counts.set(basis, (counts.get(basis) ?? 0) + 1);
    }
    const parts = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k} ${fmtInt(n)}`);
    return `${label}: ${parts.join('; ')}`;
  };
  return [
    {
      type: 'paragraph',
      text:
        `The plan sized ${fmtInt(table.rows.length)} workload(s) on these figures (basis and number of workloads); ` +
        'the Sized demand sheet of the workbook lists every workload with its sized CPU, memory and storage.',
    },
    { type: 'bullets', items: [summary(1, 'CPU'), summary(2, 'Memory'), summary(3, 'Storage')] },
    { type: 'table', table, htmlOnly: true },
  ];
}
