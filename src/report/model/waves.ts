/** The "Migration waves" part: which workloads move together, in which order (plan/waves.ts decides; this only shows). */
import { Inventory } from '../../inventory/schema';
import { DEFAULT_WAVE_WORKLOADS, planWaves, WavePlan } from '../../plan/waves';
import { Scorecard } from '../../readiness/types';
import { findingSeveritiesByWorkload } from '../../readiness/wave-complexity';
import { fmtInt } from '../format';
import { col } from './labels';
import { Block, Table } from './types';

/** The waves `assess` and `report` show: default limits, complexity from the scorecard's findings. */
export function reportWaves(inventory: Inventory, scorecard: Scorecard): WavePlan {
  return planWaves(inventory, { maxWorkloads: DEFAULT_WAVE_WORKLOADS, findings: findingSeveritiesByWorkload(scorecard) });
}

/** Groups named per wave in the table; the Workloads sheet gives every workload its wave. */
const GROUPS_NAMED = 6;

export function wavesTable(waves: WavePlan): Table {
  return {
    id: 'waves',
    sheet: 'Waves',
    title: 'Migration waves',
    columns: [
      col('wave', 'Wave', 'int', 0.5),
      col('workloads', 'Workloads', 'int', 0.8),
      col('groups', 'Groups', 'int', 0.6),
      col('storageGib', 'Storage GiB', 'num', 0.9),
      col('complexity', 'Complexity', 'int', 0.8),
      col('production', 'Production', 'text', 0.8),
      col('members', 'Groups moving together (largest first)', 'text', 4, true),
    ],
    rows: waves.waves.map((w) => {
      const groups = [...w.groups].sort((a, b) => b.workloads.length - a.workloads.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const named = groups.slice(0, GROUPS_NAMED).map((g) => (g.workloads.length > 1 ? `${g.id} (${g.workloads.length}: ${g.reason})` : g.id));
      if (groups.length > GROUPS_NAMED) named.push(`… ${fmtInt(groups.length - GROUPS_NAMED)} more`);
      const prod = w.groups.filter((g) => g.production).length;
      return [w.wave, w.workloads, w.groups.length, w.storageGib, w.complexity, prod === 0 ? 'no' : prod === w.groups.length ? 'yes' : 'partly', named.join(', ')];
    }),
  };
}

export function waveBlocks(waves: WavePlan, table: Table): Block[] {
  const o = waves.options;
  const limits = `at most ${fmtInt(o.maxWorkloads)} workloads${o.maxStorageGib !== null ? ` and ${fmtInt(o.maxStorageGib)} GiB` : ''} per wave`;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text:
        `${fmtInt(waves.waves.reduce((s, w) => s + w.workloads, 0))} workloads in ${fmtInt(waves.waves.length)} migration wave(s), ${limits}. ` +
        'Workloads of one application, of one DRS affinity rule, or that depend on each other move in the same wave; a one-way dependency moves first or with. ' +
        'Non-production, simpler and smaller groups go first. ' +
        `Complexity is the sum over the wave's workloads of ${o.complexityFrom === 'scorecard' ? 'their readiness findings (critical 3, warning 1 per rule)' : 'what the inventory shows (RDM or shared disks 3, passthrough / SR-IOV / FT 3, snapshots 1, a disk over 2 TiB 1)'}. ` +
        'The Workloads sheet of the workbook gives each workload its wave.',
    },
    { type: 'table', table },
  ];
  if (waves.notes.length > 0) blocks.push({ type: 'heading', text: 'Notes' }, { type: 'bullets', items: waves.notes.slice(0, 50) });
  return blocks;
}
