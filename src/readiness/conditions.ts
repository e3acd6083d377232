import type { z } from 'zod';
import { Problem, error } from '../diagnostics';
import { FACTS } from './schema/facts';
import { PLATFORM_CHECKS } from './checks/platform-checks';
import { WORKLOAD_CHECKS } from './checks/workload-checks';
import { CheckResult, PlatformCheck, PlatformCheckContext, WorkloadCheck } from './checks/types';
import { Evidence } from './types';
import type { Condition } from './model';

/**
 * A condition in a rule file: a check with its options, or all / any / not of conditions.
 *   { check: fact-equals, fact: sharedKernel, value: false }
 *   { all: [ ... ] }   { any: [ ... ] }   { not: { ... } }
 * Parsed once (with precise errors), evaluated many times.
 */
// the type lives with the other loaded-rule types (model.ts), so that model.ts needs nothing from here
export type { Condition } from './model';

type Path = (string | number)[];

export const platformChecks = new Map<string, PlatformCheck>(PLATFORM_CHECKS.map((c) => [c.id, c]));
export const workloadChecks = new Map<string, WorkloadCheck>(WORKLOAD_CHECKS.map((c) => [c.id, c]));

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function zodProblems(file: string, path: Path, issues: { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[]) {
  return issues.map((i) => {
    const p = [...path, ...(i.path as (string | number)[])];
    const msg = i.code === 'unrecognized_keys' && i.keys ? `unknown option(s) ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
    return error('bad-check-option', msg, { file, path: i.code === 'unrecognized_keys' && i.keys ? [...p, i.keys[0]] : p });
  });
}

/** Parses a check node `{ check: id, ...options }` against a registry. */
export function parseCheckNode<C extends { id: string; options: z.ZodType }>(
  raw: unknown,
  registry: Map<string, C>,
  file: string,
  path: Path,
  problems: Problem[],
): { check: string; options: unknown } | undefined {
  if (!isObject(raw) || typeof raw.check !== 'string') {
    problems.push(error('bad-condition', 'expected a check: an object with `check: <check id>` and its options', { file, path }));
    return undefined;
  }
  const def = registry.get(raw.check);
  if (!def) {
    problems.push(
      error('unknown-check', `unknown check "${raw.check}"; known checks: ${[...registry.keys()].join(', ')}`, {
        file,
        path: [...path, 'check'],
      }),
    );
    return undefined;
  }
  const { check: _omit, ...opts } = raw;
  const r = def.options.safeParse(opts);
  if (!r.success) {
    problems.push(...zodProblems(file, path, r.error.issues));
    return undefined;
  }
  const options = r.data;
  const used = (def as unknown as PlatformCheck).factsUsed?.(options) ?? [];
  for (const f of used)
    if (!FACTS[f])
      problems.push(
        error('unknown-fact', `check "${raw.check}" names unknown fact "${f}"; known facts: ${Object.keys(FACTS).join(', ')}`, {
          file,
          path,
        }),
      );
  return { check: raw.check, options };
}

/** Parses a platform condition (criteria levels, onPlatformsWhere). Returns undefined and adds problems when invalid. */
export function parseCondition(raw: unknown, file: string, path: Path, problems: Problem[]): Condition | undefined {
  if (isObject(raw) && ('all' in raw || 'any' in raw || 'not' in raw)) {
    const keys = Object.keys(raw);
    if (keys.length !== 1) {
      problems.push(error('bad-condition', `a condition has exactly one of all / any / not, found: ${keys.join(', ')}`, { file, path }));
      return undefined;
    }
    const key = keys[0] as 'all' | 'any' | 'not';
    if (key === 'not') {
      const inner = parseCondition(raw.not, file, [...path, 'not'], problems);
      return inner && { not: inner };
    }
    const list = raw[key];
    if (!Array.isArray(list) || list.length === 0) {
      problems.push(error('bad-condition', `"${key}" must be a non-empty list of conditions`, { file, path: [...path, key] }));
      return undefined;
    }
    const parsed = list.map((c, i) => parseCondition(c, file, [...path, key, i], problems));
    if (parsed.some((c) => c === undefined)) return undefined;
    return key === 'all' ? { all: parsed as Condition[] } : { any: parsed as Condition[] };
  }
  return parseCheckNode(raw, platformChecks, file, path, problems);
}

export interface ConditionResult {
  pass: boolean;
  evidence: Evidence[];
  notes: string[];
  notRun: string[];
  notRated: string[];
}

/** Evaluates every branch (no short-circuit) so the evidence is complete and independent of branch order. */
export function evaluateCondition(c: Condition, ctx: PlatformCheckContext): ConditionResult {
  if ('check' in c) {
    const r: CheckResult = platformChecks.get(c.check)!.run(c.options, ctx);
    return { pass: r.pass, evidence: r.evidence, notes: r.note ? [r.note] : [], notRun: r.notRun ? [r.notRun] : [], notRated: r.notRated ? [r.notRated] : [] };
  }
  if ('not' in c) {
    const r = evaluateCondition(c.not, ctx);
    return { ...r, pass: !r.pass };
  }
  const parts = ('all' in c ? c.all : c.any).map((x) => evaluateCondition(x, ctx));
  return {
    pass: 'all' in c ? parts.every((p) => p.pass) : parts.some((p) => p.pass),
    evidence: parts.flatMap((p) => p.evidence),
    notes: parts.flatMap((p) => p.notes),
    notRun: parts.flatMap((p) => p.notRun),
    notRated: parts.flatMap((p) => p.notRated),
  };
}
