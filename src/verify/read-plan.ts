/**
 * Reads `plan.json` for `verify`: JSON errors and a wrong or missing schema tag are user errors (exit 2) naming the file;
 * the fields the verifier relies on are checked for shape so a hand-edited plan fails with a path, not a crash.
 */
import { error, Problem, UserError } from '../diagnostics';
import { Plan, PLAN_SCHEMA } from '../plan/types';
import { readJsonFile } from '../util/json-file';

export function readPlan(file: string): Plan {
  const data = readJsonFile(file, { noun: 'Plan', createHint: 'Create it with: dcplan plan inventory.json --out plan.json' });
  const problems: Problem[] = [];
  const d = data as Record<string, unknown> | null;
  if (d === null || typeof d !== 'object') throw new UserError(error('invalid-plan', `${file} is not a plan (expected a JSON object)`, { file }));
  if (d.schema !== PLAN_SCHEMA)
    problems.push(error('schema-version', `${file} is ${typeof d.schema === 'string' ? `a "${d.schema}" document` : 'not a dcplan plan (no "schema")'}; verify reads "${PLAN_SCHEMA}"`, { file, path: ['schema'] }));
  if (!Array.isArray(d.hosts)) problems.push(error('invalid-plan', 'expected an array of hosts', { file, path: ['hosts'] }));
  else
    d.hosts.forEach((h: unknown, i: number) => {
      const x = h as Record<string, unknown> | null;
      const at = (k: string) => ({ file, path: ['hosts', i, k] });
      if (!x || typeof x !== 'object') return problems.push(error('invalid-plan', 'expected a host object', { file, path: ['hosts', i] }));
      if (typeof x.id !== 'string') problems.push(error('invalid-plan', 'expected a host id (string)', at('id')));
      if (typeof x.model !== 'string') problems.push(error('invalid-plan', 'expected a host model id (string)', at('model')));
      if (typeof x.cluster !== 'string') problems.push(error('invalid-plan', 'expected a cluster name (string)', at('cluster')));
      for (const k of ['workloads', 'workloadIds'])
        if (!Array.isArray(x[k]) || !(x[k] as unknown[]).every((v) => typeof v === 'string')) problems.push(error('invalid-plan', 'expected an array of strings', at(k)));
      for (const k of ['load', 'capacity']) if (x[k] === undefined) x[k] = {};
      if (typeof x.reserve !== 'boolean') x.reserve = false;
    });
  if (!Array.isArray(d.unplaced)) problems.push(error('invalid-plan', 'expected an array of unplaced workloads', { file, path: ['unplaced'] }));
  if (!Array.isArray(d.hostModels)) d.hostModels = [];
  if (problems.length > 0) throw new UserError(problems.slice(0, 50));
  return d as unknown as Plan;
}
