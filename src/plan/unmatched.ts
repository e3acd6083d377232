/**
 * Constraints that match nothing (issue 17.6): a pool no workload goes to, a pin, exclusion or group entry whose name or
 * pattern matches no workload, a drsRules key that names no DRS rule, a decommission pattern that retires nothing.
 * Each is a typo or a stale config more often than a choice, and silently it would change nothing; so each is a warning
 * naming the config file and the key (the YAML path).
 */
import { AssessmentConfig, GroupConstraint } from '../config/defaults';
import { Problem, warning } from '../diagnostics';
import { DrsRule, Workload } from '../inventory/schema';
import { globMatch, groupMembers, matchWorkload } from './constraints';

const CODE = 'constraint-matches-nothing';

/**
 * `ws` are the workloads in the plan's scope (templates, placeholders and powered-off VMs left out), `poolOf` the pool
 * each went to; `all` the whole inventory, for the decommission patterns (they choose what leaves the scope).
 */
export function unmatchedConstraints(
  config: AssessmentConfig,
  ws: readonly Workload[],
  poolOf: readonly string[],
  all: readonly Workload[],
  drsRules: readonly DrsRule[] | undefined,
): Problem[] {
  const c = config.constraints;
  const out: Problem[] = [];
  const warn = (path: (string | number)[], what: string, hint?: string) =>
    out.push(warning(CODE, `${path.join('.')}: ${what}`, { ...(config.file !== undefined ? { file: config.file } : {}), path }, hint));
  const named = (pattern: string, among: readonly Workload[] = ws) => among.some((w) => globMatch(pattern, w.name));
  const spelling = 'check the spelling against the inventory (names and globs are case-insensitive; * any run, ? one character)';

  c.exclude.forEach((p, i) => {
    if (!named(p)) warn(['constraints', 'exclude', i], `pattern "${p}" matches no workload in the plan's scope`, spelling);
  });
  c.pinned.forEach((p, i) => {
    if (!named(p.workload)) warn(['constraints', 'pinned', i, 'workload'], `pin "${p.workload}" matches no workload in the plan's scope`, spelling);
  });
  const poolUse = new Map<string, number>();
  for (const p of poolOf) poolUse.set(p, (poolUse.get(p) ?? 0) + 1);
  c.pools.forEach((p, i) => {
    if ((poolUse.get(p.name) ?? 0) > 0) return;
    const matched = ws.some((w) => matchWorkload(p.match, w));
    warn(
      ['constraints', 'pools', i, 'match'],
      matched
        ? `pool "${p.name}" gets no workload: every workload its match meets goes to an earlier pool or a pin`
        : `pool "${p.name}" matches no workload in the plan's scope`,
    );
  });
  for (const kind of ['affinity', 'antiAffinity'] as const)
    c[kind].forEach((g: GroupConstraint, i) => {
      if (groupMembers(g, ws as Workload[]).length === 0) {
        warn(['constraints', kind, i], `${kind === 'affinity' ? 'affinity' : 'anti-affinity'} group "${g.name}" matches no workload in the plan's scope`, spelling);
        return;
      }
      (g.workloads ?? []).forEach((p, j) => {
        if (!named(p)) warn(['constraints', kind, i, 'workloads', j], `"${p}" of group "${g.name}" matches no workload in the plan's scope`, spelling);
      });
    });
  const ruleNames = new Set<string>([...(drsRules ?? []).map((r) => r.name), ...ws.flatMap((w) => w.drsRules)]);
  for (const name of Object.keys(c.drsRules))
    if (!ruleNames.has(name)) warn(['constraints', 'drsRules', name], `names DRS rule "${name}", which no workload of the inventory has`, 'DRS rule names are matched exactly, as RVTools writes them');
  const d = config.businessCase?.decommission;
  (d?.workloads ?? []).forEach((p, i) => {
    if (!named(p, all)) warn(['businessCase', 'decommission', 'workloads', i], `pattern "${p}" matches no workload of the inventory`, spelling);
  });
  if (d?.match && !all.some((w) => matchWorkload(d.match!, w))) warn(['businessCase', 'decommission', 'match'], 'matches no workload of the inventory');
  return out;
}
