/**
 * Before re-rendering from hand-edited checkpoints: do they describe one estate? Every workload a plan places or leaves
 * unplaced is a workload of the inventory (same id, same name); the scorecard's findings name inventory workloads and
 * its estate size is the inventory's. Each mismatch is an error naming the file and the field (exit 2).
 */
import { error, Problem } from '../diagnostics';
import { Inventory } from '../inventory/schema';
import { Plan } from '../plan/types';
import { Scorecard } from '../readiness/types';

/** Mismatches listed one by one; past this many, one line says how many more. */
const LISTED = 20;

export interface Checkpoints {
  inventory: { file: string; doc: Inventory };
  plans: { file: string; doc: Plan }[];
  scorecard: { file: string; doc: Scorecard };
}

export function checkConsistency(c: Checkpoints): Problem[] {
  const names = new Map(c.inventory.doc.workloads.map((w) => [w.id, w.name]));
  const inv = c.inventory.file;
  const out: Problem[] = [];
  const miss = (file: string, path: (string | number)[], message: string) => out.push(error('checkpoint-mismatch', message, { file, path }, `Re-run dcplan assess, or edit ${file} to match ${inv}.`));
  for (const { file, doc } of c.plans) {
    doc.hosts.forEach((h, i) =>
      h.workloadIds.forEach((id, j) => {
        const name = names.get(id);
        if (name === undefined) miss(file, ['hosts', i, 'workloadIds', j], `${file}: hosts[${i}].workloadIds[${j}] "${id}" (host ${h.id}) is not a workload of ${inv}.`);
        else if (h.workloads[j] !== name) miss(file, ['hosts', i, 'workloads', j], `${file}: hosts[${i}].workloads[${j}] is "${h.workloads[j] ?? ''}", but ${inv} names workload ${id} "${name}".`);
      }),
    );
    doc.unplaced.forEach((u, k) => {
      if (!names.has(u.id)) miss(file, ['unplaced', k, 'id'], `${file}: unplaced[${k}].id "${u.id}" is not a workload of ${inv}.`);
    });
  }
  const sc = c.scorecard;
  sc.doc.findings.forEach((f, k) => {
    if (!names.has(f.workloadId)) miss(sc.file, ['findings', k, 'workloadId'], `${sc.file}: findings[${k}].workloadId "${f.workloadId}" is not a workload of ${inv}.`);
  });
  const estate = sc.doc.estate;
  if (estate) {
    const have = { workloads: c.inventory.doc.workloads.length, hosts: c.inventory.doc.hosts.length, clusters: c.inventory.doc.clusters.length };
    for (const k of ['workloads', 'hosts', 'clusters'] as const)
      if (estate[k] !== have[k]) miss(sc.file, ['estate', k], `${sc.file}: estate.${k} is ${estate[k]}, but ${inv} has ${have[k]}: the scorecard was made from another inventory.`);
  }
  if (out.length <= LISTED) return out;
  return [...out.slice(0, LISTED), error('checkpoint-mismatch', `… and ${out.length - LISTED} more mismatch(es) of the same kind.`, { file: out[LISTED].file })];
}
