/**
 * Right-sizing in the report (issue 19.1): from the first plan made with policy.rightsize (the main plan or a
 * scenario), the totals (VMs shrunk / grown / unchanged, vCPUs and GiB reclaimed), the assumptions the figures follow
 * from (headroom, bounds, basis), the saving in hosts and licences against the same scenario without right-sizing, and
 * the per-VM table for the workbook and CSV. Reads plan.rightsizing only; nothing is sized again here.
 */
import { Plan } from '../../plan/types';
import { fmtInt, fmtNum } from '../format';
import { col } from './labels';
import { Block, Table } from './types';

type Named = { name: string; plan: Plan };

const CHANGE: Record<string, string> = { shrink: 'shrink', grow: 'grow', same: 'unchanged', 'no-data': 'no measured figure' };

/** Licence cost over the business case's horizon (its licence heads) plus the pools' per-core licences. */
export function licenceCostOf(plan: Plan): number {
  const bc = plan.businessCase;
  const heads = bc ? bc.heads.filter((h) => h.side === 'after' && h.id.startsWith('licence')) : [];
  const schemes = heads.reduce((s, h) => s + h.amount * (h.when === 'yearly' ? bc!.years : 1), 0);
  return Math.round((schemes + plan.summary.licenceCost) * 100) / 100;
}

/** The policy without the right-sizing, as text: two plans that differ only in policy.rightsize compare as the same scenario. */
function withoutRightsize(plan: Plan): string {
  const { rightsize: _r, defaultsApplied: _d, ...rest } = plan.policy;
  return JSON.stringify([rest, plan.hostModels.map((m) => m.id)]);
}

/** Each right-sized plan beside the plan it is compared with: the same scenario without right-sizing, else the first. */
export function rightsizingPairs(plans: Named[]): { sized: Named; base: Named; same: boolean }[] {
  const plain = plans.filter((p) => !p.plan.rightsizing);
  return plans
    .filter((p) => p.plan.rightsizing)
    .flatMap((sized) => {
      const twin = plain.find((p) => withoutRightsize(p.plan) === withoutRightsize(sized.plan));
      const base = twin ?? plain[0];
      return base ? [{ sized, base, same: twin !== undefined }] : [];
    });
}

export function rightsizingTable(plans: Named[]): Table | undefined {
  const first = plans.find((p) => p.plan.rightsizing);
  if (!first) return undefined;
  const gib = (mib: number) => Math.round((mib / 1024) * 100) / 100;
  return {
    id: 'rightsizing',
    sheet: 'Right-sizing',
    title: `Right-sizing per VM (${plans.length > 1 ? `scenario ${first.name}` : 'this plan'})`,
    columns: [
      col('workload', 'Workload', 'text', 1.4),
      col('vcpus', 'vCPUs', 'int', 0.5),
      col('vcpusAfter', 'vCPUs after', 'int', 0.6),
      col('cpu', 'CPU', 'text', 0.7),
      col('cpuUsed', 'vCPUs used', 'num2', 0.6),
      col('memoryGib', 'Memory GiB', 'num', 0.6),
      col('memoryGibAfter', 'Memory GiB after', 'num', 0.7),
      col('memory', 'Memory', 'text', 0.7),
      col('memoryUsedGib', 'GiB used', 'num2', 0.6),
      col('confidence', 'Confidence', 'text', 0.6),
      col('basis', 'Basis', 'text', 1.2, true),
      col('reason', 'Reason', 'text', 3, true),
    ],
    rows: first.plan.rightsizing!.workloads.map((r) => [
      r.name,
      r.vcpus,
      r.vcpusAfter,
      CHANGE[r.cpu],
      r.cpuUsed ?? null,
      gib(r.memoryMib),
      gib(r.memoryMibAfter),
      CHANGE[r.memory],
      r.memoryUsedMib !== undefined ? gib(r.memoryUsedMib) : null,
      r.confidence,
      r.confidenceBasis ?? '',
      r.reason,
    ]),
    note: 'Used = the measured percentile (a snapshot as read); after = used × (1 + headroom) rounded up, within the shrink and growth bounds. No measured figure: the VM keeps that size.',
  };
}

function savingTable(pairs: ReturnType<typeof rightsizingPairs>, currency: string): Table {
  return {
    id: 'rightsizing-saving',
    sheet: 'Right-sizing saving',
    title: 'What right-sizing saves',
    columns: [
      col('scenario', 'Right-sized scenario', 'text', 1.9),
      col('against', 'Compared with', 'text', 1.4),
      col('hostsBefore', 'Hosts', 'int', 0.6),
      col('hostsAfter', 'Hosts right-sized', 'int', 0.8),
      col('hostsSaved', 'Hosts saved', 'int', 0.6),
      col('licences', 'Licences', 'money', 1),
      col('licencesAfter', 'Licences right-sized', 'money', 1),
      col('licencesSaved', 'Licences saved', 'money', 1),
    ],
    rows: pairs.map(({ sized, base, same }) => {
      const lb = licenceCostOf(base.plan);
      const la = licenceCostOf(sized.plan);
      return [
        sized.name,
        same ? base.name : `${base.name} (not the same scenario)`,
        base.plan.summary.hosts,
        sized.plan.summary.hosts,
        base.plan.summary.hosts - sized.plan.summary.hosts,
        lb,
        la,
        Math.round((lb - la) * 100) / 100,
      ];
    }),
    note: `Licences: the business case's licence schemes over its horizon plus the pools' per-core licences, in ${currency}.`,
  };
}

/** The report section, or nothing when no plan is right-sized. */
export function rightsizingSection(plans: Named[], currency: string): { blocks: Block[]; tables: Table[] } {
  const first = plans.find((p) => p.plan.rightsizing);
  const perVm = rightsizingTable(plans);
  if (!first || !perVm) return { blocks: [], tables: [] };
  const rz = first.plan.rightsizing!;
  const { cpu, memory } = rz.summary;
  const a = rz.assumptions;
  const conf = Object.entries(rz.summary.byConfidence)
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([k, n]) => `${k} ${fmtInt(n)}`)
    .join(', ');
  const pct = (p: number) => (p >= 100 ? 'the peak' : `P${p}`);
  const pairs = rightsizingPairs(plans);
  const saving = pairs.length > 0 ? savingTable(pairs, currency) : undefined;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text:
        `${plans.length > 1 ? `Scenario ${first.name}` : 'This plan'} sizes every VM at the vCPUs and memory its measured use needs. ` +
        `Of ${fmtInt(rz.summary.workloads)} VMs in scope, vCPUs: ${fmtInt(cpu.shrunk)} shrunk, ${fmtInt(cpu.grown)} grown, ${fmtInt(cpu.unchanged)} unchanged, ` +
        `${fmtInt(cpu.noData)} without a measured figure (kept); ${fmtInt(cpu.vcpusBefore)} → ${fmtInt(cpu.vcpusAfter)} vCPUs (${fmtInt(cpu.vcpusBefore - cpu.vcpusAfter)} reclaimed). ` +
        `Memory: ${fmtInt(memory.shrunk)} shrunk, ${fmtInt(memory.grown)} grown, ${fmtInt(memory.unchanged)} unchanged, ${fmtInt(memory.noData)} without a measured figure; ` +
        `${fmtNum(memory.gibBefore)} → ${fmtNum(memory.gibAfter)} GiB (${fmtNum(memory.gibBefore - memory.gibAfter)} GiB reclaimed). Confidence of the figures: ${conf}.`,
    },
    {
      type: 'bullets',
      items: [
        `Basis: CPU at ${pct(a.cpuPercentile)} of the measured utilisation, memory on the ${a.memoryBasis} figure at ${pct(a.memoryPercentile)} (a snapshot reading as read: low confidence).`,
        `Headroom ${fmtNum(a.headroom * 100)} % on the measured use, rounded up to whole vCPUs and to memory steps of 0.5 GiB below 4 GiB, 1 GiB below 16, 2 GiB below 64, else 4 GiB.`,
        `Bounds: a VM loses at most ${fmtNum(a.maxShrink * 100)} % (maxShrink) and gains at most ${fmtNum(a.maxGrowth * 100)} % (maxGrowth) of its vCPUs and memory.`,
        'The plan sizes each right-sized VM at its new vCPUs and memory with the same policy; with performance sizing the measured use is unchanged, so hosts move only where VMs were sized on their allocation.',
      ],
    },
  ];
  if (saving) blocks.push({ type: 'table', table: saving });
  blocks.push({ type: 'paragraph', text: `Every VM's recommendation, its basis and reason: the ${perVm.sheet} sheet of the workbook (report-${perVm.id}.csv).` });
  return { blocks, tables: saving ? [perVm, saving] : [perVm] };
}
