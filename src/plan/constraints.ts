/**
 * Turns the config's constraints (and the inventory's DRS rule names) into packing structure:
 *  - exclusions (config `exclude` globs) leave the plan, each listed;
 *  - every workload goes to one pool: its pin's pool, else the first pool whose `match` it meets, else `general`;
 *  - affinity groups (config, and DRS rules the config marks `affinity`) are merged with union-find into one item;
 *    members in different pools all follow the first member's pool (warned);
 *  - anti-affinity groups become conflicting item pairs. Today's DRS rules (drs.ts) add anti-affinity and affinity
 *    groups by their type, and send VMs to a pool where the config maps a rule so; rules not enforced are listed in a
 *    problem (a warning for mandatory VM-Host rules);
 *  - an affinity group that contains an anti-affinity pair, or whose members allow no common host model, is blocked
 *    with the exact rule names.
 */
import { AssessmentConfig, DEFAULT_POOL, GroupConstraint } from '../config/defaults';
import { Match } from '../config/schema';
import { info, Problem, warning } from '../diagnostics';
import { DrsRule, Workload } from '../inventory/schema';
import { DrsReading, notEnforcedSummary, readDrsRules } from './drs';

export { DEFAULT_POOL };

const globCache = new Map<string, RegExp>();
export function globToRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (!re) {
    const body = glob
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, 'i');
    globCache.set(glob, re);
  }
  return re;
}

export const globMatch = (glob: string, value: string | undefined): boolean => value !== undefined && globToRegExp(glob).test(value);

export function matchWorkload(m: Match, w: Workload): boolean {
  if (m.os !== undefined && !globMatch(m.os, w.os.name) && !globMatch(m.os, w.os.family)) return false;
  if (m.application !== undefined && !globMatch(m.application, w.application)) return false;
  if (m.environment !== undefined && !globMatch(m.environment, w.environment)) return false;
  if (m.cluster !== undefined && !globMatch(m.cluster, w.location.cluster)) return false;
  if (m.name !== undefined && !globMatch(m.name, w.name)) return false;
  if (m.tag !== undefined && !w.tags.some((t) => globMatch(m.tag!, t))) return false;
  if (m.network !== undefined && !(w.networks ?? []).some((n) => globMatch(m.network!, n.network))) return false;
  if (m.folder !== undefined && !globMatch(m.folder, w.location.folder)) return false;
  if (m.label !== undefined && !labelMatch(m.label, w.labels)) return false;
  return true;
}

/** `key=glob`: the label named key (any case) has a value the glob matches. */
function labelMatch(spec: string, labels: Record<string, string>): boolean {
  const eq = spec.indexOf('=');
  const key = (eq < 0 ? spec : spec.slice(0, eq)).trim().toLowerCase();
  const value = eq < 0 ? '*' : spec.slice(eq + 1).trim();
  return Object.entries(labels).some(([k, v]) => k.toLowerCase() === key && globMatch(value, v));
}

export function groupMembers(g: GroupConstraint, ws: Workload[]): number[] {
  const out: number[] = [];
  ws.forEach((w, i) => {
    if ((g.workloads ?? []).some((p) => globMatch(p, w.name)) || (g.match && matchWorkload(g.match, w))) out.push(i);
  });
  return out;
}

/** Appliance workloads by the package and VirtualSystemCollection they came from (groups of two or more). */
export function applianceGroups(ws: Workload[]): { name: string; members: number[] }[] {
  const byGroup = new Map<string, { name: string; members: number[] }>();
  ws.forEach((w, i) => {
    const g = w.appliance?.group;
    if (!g) return;
    const key = `${w.appliance!.package}\u0000${g.id}`;
    const entry = byGroup.get(key) ?? { name: `appliance group "${g.name}" (${w.appliance!.package})`, members: [] };
    entry.members.push(i);
    byGroup.set(key, entry);
  });
  return [...byGroup.values()].filter((g) => g.members.length > 1);
}

export interface Component {
  /** Indices into the workload list given to `buildConstraints`, ascending. */
  members: number[];
  pool: string;
  /** Host model ids allowed (pool list ∩ pins); null = any model of the pool. */
  allowedModels: string[] | null;
  /** Affinity rule names that merged this component (empty for a lone workload). */
  affinity: string[];
}

export interface ConstraintModel {
  components: Component[];
  /** Component index pairs that may not share a host, with the rule name. */
  conflicts: { a: number; b: number; rule: string }[];
  /** Workload index → why it leaves the plan before packing. */
  excluded: Map<number, { code: string; reason: string }>;
  /** Pools in config order, then the default pool. */
  poolNames: string[];
  antiAffinityRules: string[];
  affinityRules: string[];
  /** Today's DRS rules as read (drs.ts): for plan.json's account of each. */
  drs: DrsReading;
  problems: Problem[];
}

export function buildConstraints(ws: Workload[], config: AssessmentConfig, drsRules?: readonly DrsRule[]): ConstraintModel {
  const c = config.constraints;
  const indexOf = new Map(ws.map((w, i) => [w.id, i]));
  const problems: Problem[] = [];
  const excluded = new Map<number, { code: string; reason: string }>();
  ws.forEach((w, i) => {
    const pat = c.exclude.find((p) => globMatch(p, w.name));
    if (pat !== undefined) excluded.set(i, { code: 'excluded', reason: `excluded by constraints.exclude pattern "${pat}"` });
  });
  const inScope = (i: number) => !excluded.has(i);

  // pools and pins
  const defaultPool = c.pools.some((p) => p.name === DEFAULT_POOL) ? `${DEFAULT_POOL}-default` : DEFAULT_POOL;
  const poolNames = [...c.pools.map((p) => p.name), defaultPool];
  const poolOf: string[] = [];
  const allowed: (string[] | null)[] = [];
  const drs = readDrsRules(ws, drsRules, c);
  const drsPool = new Map<string, string>();
  for (const g of drs.groups) if (g.kind === 'pool') for (const id of g.workloadIds) if (!drsPool.has(id)) drsPool.set(id, g.pool!);
  ws.forEach((w, i) => {
    const pin = c.pinned.find((p) => globMatch(p.workload, w.name));
    const pool = pin?.pool ?? drsPool.get(w.id) ?? c.pools.find((p) => matchWorkload(p.match, w))?.name ?? defaultPool;
    poolOf[i] = pool;
    const poolModels = c.pools.find((p) => p.name === pool)?.hostModels ?? null;
    let models: string[] | null = poolModels;
    if (pin?.hostModel) models = (models ?? [pin.hostModel]).filter((m) => m === pin.hostModel);
    allowed[i] = models;
  });

  // affinity: union-find
  const parent = ws.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const affinityOf = new Map<number, Set<string>>();
  const affinityGroups: { name: string; members: number[] }[] = c.affinity.map((g) => ({ name: g.name, members: groupMembers(g, ws) }));
  const antiGroups: { name: string; members: number[] }[] = c.antiAffinity.map((g) => ({ name: g.name, members: groupMembers(g, ws) }));
  for (const g of drs.groups) {
    const members = g.workloadIds.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
    if (g.kind === 'anti-affinity') antiGroups.push({ name: g.label, members });
    else if (g.kind === 'affinity') affinityGroups.push({ name: g.label, members });
  }
  const must = drs.notEnforced.filter((n) => n.mandatory);
  const rest = drs.notEnforced.filter((n) => !n.mandatory);
  if (must.length > 0)
    problems.push(warning('drs-rule-not-enforced', `Mandatory DRS rule(s) not enforced: ${notEnforcedSummary(must)}`, {}, 'map them under constraints.drsRules (a pool, affinity or anti-affinity)'));
  if (rest.length > 0)
    problems.push(info('drs-rule-not-enforced', `DRS rule(s) not enforced: ${notEnforcedSummary(rest)}`, {}, 'name them under constraints.drsRules as anti-affinity, affinity or { pool } to enforce them'));
  // The virtual systems of one OVF VirtualSystemCollection (a vApp) deploy as a unit: kept on one host.
  if (c.applianceGroups === 'same-host') affinityGroups.push(...applianceGroups(ws));
  // a config group that matches nothing is warned with its key by unmatched.ts; here the DRS rules' groups
  affinityGroups.forEach((g, k) => {
    const members = g.members.filter(inScope);
    if (members.length === 0 && k >= c.affinity.length)
      problems.push(warning('constraint-matches-nothing', `affinity group "${g.name}" matches no workload in the plan`));
    for (const m of members) affinityOf.set(m, new Set([...(affinityOf.get(m) ?? []), g.name]));
    for (let k = 1; k < members.length; k++) union(members[0], members[k]);
  });

  // components
  const compOf = new Map<number, number>();
  const components: Component[] = [];
  ws.forEach((_, i) => {
    if (!inScope(i)) return;
    const root = find(i);
    let ci = compOf.get(root);
    if (ci === undefined) {
      ci = components.length;
      compOf.set(root, ci);
      components.push({ members: [], pool: poolOf[i], allowedModels: allowed[i], affinity: [] });
    }
    const comp = components[ci];
    comp.members.push(i);
    if (comp.members.length > 1) {
      if (poolOf[i] !== comp.pool)
        problems.push(
          warning(
            'affinity-across-pools',
            `workload ${ws[i].name} matches pool "${poolOf[i]}" but is kept with its affinity group in pool "${comp.pool}"`,
          ),
        );
      if (allowed[i] !== null) {
        comp.allowedModels = comp.allowedModels === null ? allowed[i] : comp.allowedModels.filter((m) => allowed[i]!.includes(m));
      }
    }
    for (const r of affinityOf.get(i) ?? []) if (!comp.affinity.includes(r)) comp.affinity.push(r);
  });
  ws.forEach((_, i) => {
    if (inScope(i)) compOf.set(i, compOf.get(find(i))!);
  });

  // anti-affinity
  const conflicts: ConstraintModel['conflicts'] = [];
  const seen = new Set<string>();
  antiGroups.forEach((g, k) => {
    const members = g.members.filter(inScope);
    if (members.length === 0 && k >= c.antiAffinity.length)
      problems.push(warning('constraint-matches-nothing', `anti-affinity group "${g.name}" matches no workload in the plan`));
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const a = compOf.get(members[x])!;
        const b = compOf.get(members[y])!;
        if (a === b) {
          for (const m of components[a].members)
            excluded.set(m, {
              code: 'constraint-conflict',
              reason: `affinity ${components[a].affinity.map((r) => `"${r}"`).join(', ')} keeps ${ws[members[x]].name} and ${ws[members[y]].name} together, but anti-affinity "${g.name}" keeps them apart`,
            });
          continue;
        }
        const key = a < b ? `${a},${b}` : `${b},${a}`;
        if (seen.has(key)) continue;
        seen.add(key);
        conflicts.push({ a: Math.min(a, b), b: Math.max(a, b), rule: g.name });
      }
  });
  // components with no model left
  components.forEach((comp) => {
    if (comp.allowedModels !== null && comp.allowedModels.length === 0)
      for (const m of comp.members)
        excluded.set(m, {
          code: 'no-allowed-model',
          reason: `its pins and pool "${comp.pool}" leave no host model it may use${comp.affinity.length ? ` (affinity ${comp.affinity.join(', ')})` : ''}`,
        });
  });
  return {
    components,
    conflicts,
    excluded,
    poolNames,
    antiAffinityRules: antiGroups.map((g) => g.name),
    affinityRules: affinityGroups.map((g) => g.name),
    drs,
    problems,
  };
}
