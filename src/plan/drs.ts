/**
 * Today's DRS rules read as constraints — the one place the planner and `verify` both take them from.
 *
 * - Rules the inventory lists with their type (RVTools `Cluster rule(s)`): anti-affinity rules keep their VMs on
 *   different hosts, affinity rules on one host (both hard, by default). VM-Host rules tie VMs to a host group of
 *   today's cluster, which the new hosts do not have: reported, unless the config maps them. Dependency rules and
 *   rules of unknown type are reported.
 * - `constraints.drsRules` overrides any rule by name: anti-affinity, affinity, ignore, or `{ pool }` (its VMs go to
 *   that pool: the usual mapping of a VM-Host rule, e.g. hosts licensed for one product).
 * - Inventories without typed rules (written before them, or other collectors): a workload's rule names alone, read
 *   as anti-affinity only when the config says so or the name says so ("anti", "separate", "apart").
 */
import { Constraints } from '../config/defaults';
import { DrsRule, Workload } from '../inventory/schema';
import type { PlannedDrsRule } from './types';

export interface DrsGroup {
  /** `DRS rule "name"`, with the cluster when two clusters have a rule of that name. */
  label: string;
  rule: string;
  kind: 'anti-affinity' | 'affinity' | 'pool';
  pool?: string;
  /** Ids of the given workloads in the rule (two or more for affinity and anti-affinity). */
  workloadIds: string[];
  /** What decided the kind: the rule's type in the export, the config, or (old inventories) the rule's name. */
  basis: 'type' | 'config' | 'name';
  type: DrsRule['type'] | 'name only';
}

export interface DrsNotEnforced {
  label: string;
  rule: string;
  type: DrsRule['type'] | 'name only';
  workloads: number;
  reason: string;
  /** A mandatory (must) VM-Host rule: worth a warning, not a note. */
  mandatory: boolean;
}

export interface DrsReading {
  groups: DrsGroup[];
  notEnforced: DrsNotEnforced[];
}

const NAME_SAYS_APART = /anti|separate|apart/i;

export function readDrsRules(workloads: readonly Workload[], rules: readonly DrsRule[] | undefined, c: Constraints): DrsReading {
  const out: DrsReading = { groups: [], notEnforced: [] };
  if (!c.honourDrsRules) return out;
  const inScope = new Set(workloads.map((w) => w.id));
  const typed = rules ?? [];
  const nameCount = new Map<string, number>();
  for (const r of typed) nameCount.set(r.name, (nameCount.get(r.name) ?? 0) + 1);
  const covered = new Set<string>();
  for (const r of typed) {
    for (const id of r.workloads) covered.add(`${id}\u0000${r.name}`);
    const label = `DRS rule "${r.name}"${(nameCount.get(r.name) ?? 0) > 1 && r.cluster ? ` (${r.cluster})` : ''}`;
    const ids = r.workloads.filter((id) => inScope.has(id));
    const mapped = c.drsRules[r.name];
    const fromType = r.type === 'affinity' || r.type === 'anti-affinity' ? r.type : undefined;
    add(out, label, r.name, ids, mapped ?? fromType, mapped !== undefined ? 'config' : 'type', r.type, whyNot(r), r.type === 'vm-host' && r.vmHost?.strength === 'must');
  }
  // Rule names no typed rule accounts for (older inventories, other collectors).
  const byName = new Map<string, string[]>();
  for (const w of workloads)
    for (const name of w.drsRules) {
      if (covered.has(`${w.id}\u0000${name}`)) continue;
      const ids = byName.get(name);
      if (ids) ids.push(w.id);
      else byName.set(name, [w.id]);
    }
  for (const [name, ids] of [...byName].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const mapped = c.drsRules[name];
    const guess = NAME_SAYS_APART.test(name) ? 'anti-affinity' : undefined;
    add(out, `DRS rule "${name}"`, name, ids, mapped ?? guess, mapped !== undefined ? 'config' : 'name', 'name only', 'the export gives its name only, not its type', false);
  }
  return out;
}

function whyNot(r: DrsRule): string {
  if (r.type === 'vm-host') {
    const v = r.vmHost;
    const what = `${v?.strength ?? 'must or should'} ${v?.relation === 'not-run-on' ? 'not run on' : 'run on'} ${v?.hostGroup ? `host group "${v.hostGroup}"` : 'a host group'}`;
    return `VM-Host rule (${what}): the new hosts have no host groups; map it to a pool under constraints.drsRules`;
  }
  if (r.type === 'dependency') return 'VM-VM dependency rule (start order): no placement constraint';
  return `its type${r.typeAsWritten ? ` "${r.typeAsWritten}"` : ''} is not known`;
}

function add(
  out: DrsReading,
  label: string,
  rule: string,
  ids: string[],
  kind: 'anti-affinity' | 'affinity' | 'ignore' | { pool: string } | undefined,
  basis: DrsGroup['basis'],
  type: DrsNotEnforced['type'],
  reason: string,
  mandatory: boolean,
): void {
  if (kind === 'ignore') {
    out.notEnforced.push({ label, rule, type, workloads: ids.length, reason: 'constraints.drsRules says ignore', mandatory: false });
    return;
  }
  if (kind === undefined) {
    out.notEnforced.push({ label, rule, type, workloads: ids.length, reason, mandatory });
    return;
  }
  if (typeof kind === 'object') {
    if (ids.length > 0) out.groups.push({ label, rule, kind: 'pool', pool: kind.pool, workloadIds: ids, basis, type });
    return;
  }
  // One VM (or none) of the rule in the plan: nothing to keep together or apart.
  if (ids.length < 2) return;
  out.groups.push({ label, rule, kind, workloadIds: ids, basis, type });
}

/** plan.json's account of every rule: enforced how, or why not (rules with fewer than two VMs in scope left out). */
export function plannedDrsRules(r: DrsReading): PlannedDrsRule[] {
  const enforced = r.groups.map((g): PlannedDrsRule => ({
    label: g.label,
    rule: g.rule,
    type: g.type,
    workloads: g.workloadIds.length,
    handling: g.kind,
    ...(g.pool !== undefined ? { pool: g.pool } : {}),
    basis: g.basis,
  }));
  const not = r.notEnforced.map((n): PlannedDrsRule => ({ label: n.label, rule: n.rule, type: n.type, workloads: n.workloads, handling: 'not enforced', reason: n.reason }));
  return [...enforced, ...not];
}

/** One line for the plan's problems: the rules not enforced, by name. */
export function notEnforcedSummary(list: readonly DrsNotEnforced[]): string {
  return list.map((n) => `${n.label} (${n.workloads} VM(s)): ${n.reason}`).join('; ');
}
