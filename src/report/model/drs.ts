/**
 * Today's DRS rules in the consolidation plan: each rule, its type in the export, its VMs, and what the plan made of
 * it (kept apart, kept together, sent to a pool, or not enforced and why). From plan.drsRules (src/plan/drs.ts).
 */
import { Plan } from '../../plan/types';
import { fmtInt } from '../format';
import { col } from './labels';
import { Block, Table } from './types';

const HANDLING: Record<string, string> = {
  'anti-affinity': 'apart',
  affinity: 'together',
  pool: 'pool',
  'not enforced': 'not enforced',
};

const BASIS: Record<string, string> = { type: "the rule's type", config: 'constraints.drsRules', name: "the rule's name" };

export function drsRulesTable(plan: Plan): Table | undefined {
  const rules = plan.drsRules ?? [];
  if (rules.length === 0) return undefined;
  return {
    id: 'drs-rules',
    sheet: 'DRS rules',
    title: "Today's DRS rules and how the plan keeps them",
    columns: [
      col('rule', 'Rule', 'text', 1.3),
      col('type', 'Type (export)', 'text', 0.8),
      col('workloads', 'VMs', 'int', 0.4),
      col('handling', 'In the plan', 'text', 0.8),
      col('why', 'Decided by / why not', 'text', 3),
    ],
    rows: rules.map((r) => [
      r.label.replace(/^DRS rule /, ''),
      r.type,
      r.workloads,
      r.handling === 'pool' ? `${HANDLING.pool} "${r.pool ?? ''}"` : (HANDLING[r.handling] ?? r.handling),
      r.handling === 'not enforced' ? (r.reason ?? '') : BASIS[r.basis ?? 'type'],
    ]),
    note: 'Apart: on different hosts; together: on one host (hard constraints by default). constraints.drsRules overrides any rule by name; dcplan verify checks every enforced rule on the plan.',
  };
}

export function drsBlocks(plan: Plan, table: Table | undefined): Block[] {
  if (!table) return [];
  const rules = plan.drsRules ?? [];
  const enforced = rules.filter((r) => r.handling !== 'not enforced').length;
  return [
    { type: 'heading', text: `Today's DRS rules (${fmtInt(rules.length)})` },
    { type: 'paragraph', text: `${fmtInt(enforced)} of ${fmtInt(rules.length)} DRS rule(s) of today's clusters are enforced by the plan; the others are listed with the reason.` },
    { type: 'table', table },
  ];
}
