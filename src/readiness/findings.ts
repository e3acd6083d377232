import { cmpText } from './order';
import { Inventory } from '../inventory/schema';
import { WorkloadFinding } from './types';
import { Platform, RuleSet, WorkloadRule } from './model';
import { EstateFacts } from './estate';
import { evaluateCondition, workloadChecks } from './conditions';
import { NEED_DEFS } from './needs';
import { HostModelLimit } from './checks/types';

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

export interface FindingsResult {
  findings: WorkloadFinding[];
  checksNotRun: { rule: string; reason: string }[];
}

/** Runs every workload rule over the estate; rules whose data the inventory lacks are listed as not run. */
export function runWorkloadRules(
  rules: RuleSet,
  platforms: Platform[],
  inventory: Inventory | undefined,
  estate: EstateFacts | undefined,
  asOf: string,
  hostModels: HostModelLimit[],
): FindingsResult {
  const findings: WorkloadFinding[] = [];
  const checksNotRun: FindingsResult['checksNotRun'] = [];
  for (const rule of rules.workloadRules) {
    if (!inventory || !estate) {
      checksNotRun.push({ rule: rule.id, reason: 'no inventory given' });
      continue;
    }
    const missing = rule.needs.filter((n) => !NEED_DEFS[n].has(inventory, hostModels.length));
    if (missing.length > 0) {
      checksNotRun.push({ rule: rule.id, reason: missing.map((n) => NEED_DEFS[n].missing).join('; ') });
      continue;
    }
    const targets = rule.scope === 'estate' ? [undefined] : platforms.filter((p) => appliesTo(rule, p));
    const def = workloadChecks.get(rule.check.check)!;
    const lacking = def.lacks ? estate.workloads.filter((w) => def.lacks!(rule.check.options, w) !== undefined) : [];
    if (lacking.length > 0) checksNotRun.push({ rule: rule.id, reason: lackingReason(lacking, def.lacks!(rule.check.options, lacking[0])!) });
    for (const platform of targets)
      for (const w of estate.workloads) {
        const detail = def.run(rule.check.options, w, { rules, platform, asOf, hostModels });
        if (detail === undefined) continue;
        const message = rule.message
          .replace(/\{workload\}/g, w.name)
          .replace(/\{detail\}/g, detail)
          .replace(/\{platform\}/g, platform?.name ?? '');
        findings.push({
          rule: rule.id,
          severity: rule.severity,
          workload: w.name,
          workloadId: w.id,
          ...(platform ? { platform: platform.id } : {}),
          message,
          remediation: rule.remediation,
        });
      }
  }
  const platformOrder = new Map(platforms.map((p, i) => [p.id, i]));
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmpText(a.rule, b.rule) ||
      (a.platform === undefined ? -1 : platformOrder.get(a.platform)!) - (b.platform === undefined ? -1 : platformOrder.get(b.platform)!) ||
      cmpText(a.workload, b.workload) ||
      cmpText(a.workloadId, b.workloadId),
  );
  return { findings, checksNotRun };
}

/** "2 workloads with no CPU p95 / peak / avg in percent: db01, db02" (at most five names, then "+N more"). */
function lackingReason(ws: { name: string }[], what: string): string {
  const names = ws.map((w) => w.name).sort(cmpText);
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, +${names.length - 5} more` : '');
  return `${ws.length} workload(s) with ${what}, not judged: ${shown}`;
}

function appliesTo(rule: WorkloadRule, p: Platform): boolean {
  return rule.onPlatformsWhere ? evaluateCondition(rule.onPlatformsWhere, { platform: p }).pass : true;
}

export function countFindings(fs: WorkloadFinding[]) {
  const c = { critical: 0, warning: 0, info: 0 };
  for (const f of fs) c[f.severity]++;
  return c;
}
