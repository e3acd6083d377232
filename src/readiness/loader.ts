import { cmpText } from './order';
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { Problem, error } from '../diagnostics';
import { PACKAGE_ROOT } from '../version';
import { Criterion, Platform, Profile, RuleSet, WorkloadRule } from './model';
import {
  ApplianceImportFile,
  ApplianceImportFileSchema,
  CpuAssistsFile,
  CpuAssistsFileSchema,
  ConversionRoutesFile,
  ConversionRoutesFileSchema,
  CriterionFileSchema,
  MigrationEffortFile,
  MigrationEffortFileSchema,
  GuestPlatformsFile,
  GuestPlatformsFileSchema,
  OsLifecycleFile,
  OsLifecycleFileSchema,
  PlatformFileSchema,
  ProfileFileSchema,
  WorkloadRuleFileSchema,
} from './schema/rule-files';
import { FACTS, factTypeError } from './schema/facts';
import { Condition, parseCheckNode, parseCondition, workloadChecks } from './conditions';
import { readYamlFile, validateYaml as validate, withLines, YamlFile } from '../util/yaml-file';

/** The rules shipped with dcplan: `<package root>/rules`, found from this file so it works from any cwd (src/ or dist/). */
export const DEFAULT_RULES_DIR = path.join(PACKAGE_ROOT, 'rules');

/** The ten criteria the issue names; a rule set without one of them is incomplete. */
export const REQUIRED_CRITERIA = [
  'hardware-virtualization',
  'hardware-independence',
  'os-independence',
  'security',
  'distributed-virtualization',
  'priority-resource-allocation',
  'scalability',
  'on-demand-capacity',
  'availability',
  'manageability-extensibility',
];

type Path = (string | number)[];

function displayName(dir: string, sub: string, name: string): string {
  const abs = path.join(dir, sub, name);
  const rel = path.relative(process.cwd(), abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}

function yamlFiles(dir: string, sub: string): string[] {
  const d = path.join(dir, sub);
  if (!fs.existsSync(d)) return [];
  return fs
    .readdirSync(d)
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort();
}

function checkIdMatchesFile(id: string, name: string, file: string, problems: Problem[]) {
  const base = name.replace(/\.ya?ml$/i, '');
  if (id !== base) problems.push(error('rule-id-mismatch', `id "${id}" must match the file name "${base}"`, { file, path: ['id'] }));
}

const PLACEHOLDER = /\{([^}]*)\}/g;
function checkPlaceholders(text: string, allowed: string[], file: string, p: Path, problems: Problem[]) {
  for (const m of text.matchAll(PLACEHOLDER))
    if (!allowed.includes(m[1]))
      problems.push(
        error('bad-placeholder', `unknown placeholder {${m[1]}}; allowed: ${allowed.map((a) => `{${a}}`).join(', ')}`, { file, path: p }),
      );
}

function loadCriterion(f: YamlFile, name: string, problems: Problem[]): Criterion | undefined {
  const local: Problem[] = [];
  const c = validate(CriterionFileSchema, f, local);
  if (c) {
    checkIdMatchesFile(c.id, name, f.file, local);
    const labels = c.scale.map((s) => s.label);
    if (new Set(labels).size !== labels.length) local.push(error('duplicate-label', 'scale labels must be unique', { file: f.file, path: ['scale'] }));
    const levels: Criterion['levels'] = [];
    c.levels.forEach((l, i) => {
      if (!labels.includes(l.rating))
        local.push(error('unknown-rating', `rating "${l.rating}" is not on the scale (${labels.join(', ')})`, { file: f.file, path: ['levels', i, 'rating'] }));
      checkPlaceholders(l.rationale, ['platform', 'detail'], f.file, ['levels', i, 'rationale'], local);
      const last = i === c.levels.length - 1;
      if (last && l.when !== undefined)
        local.push(error('no-fallback-level', 'the last level must have no `when`: it is the rating when nothing above holds', { file: f.file, path: ['levels', i, 'when'] }));
      if (!last && l.when === undefined)
        local.push(error('unreachable-level', 'only the last level may omit `when`; levels after it could never apply', { file: f.file, path: ['levels', i] }));
      const when = l.when === undefined ? undefined : parseCondition(l.when, f.file, ['levels', i, 'when'], local);
      levels.push({ rating: l.rating, rationale: l.rationale, ...(when ? { when } : {}) });
    });
    problems.push(...withLines(f, local));
    return local.some((p) => p.severity === 'error') ? undefined : { ...c, file: f.file, levels };
  }
  problems.push(...withLines(f, local));
  return undefined;
}

function loadPlatform(f: YamlFile, name: string, problems: Problem[]): Platform | undefined {
  const local: Problem[] = [];
  const p = validate(PlatformFileSchema, f, local);
  if (!p) {
    problems.push(...withLines(f, local));
    return undefined;
  }
  checkIdMatchesFile(p.id, name, f.file, local);
  const describe = (src: { doc: string; section?: string; says?: string }, at: Path): string => {
    const doc = p.documents[src.doc];
    if (!doc)
      local.push(
        error('unknown-document', `source document "${src.doc}" is not listed under documents (${Object.keys(p.documents).join(', ')})`, {
          file: f.file,
          path: [...at, 'source', 'doc'],
        }),
      );
    const where = src.section ? `, § ${src.section}` : '';
    const says = src.says ? ` — ${src.says}` : '';
    const url = doc?.url ? ` <${doc.url}>` : '';
    return `${doc?.title ?? src.doc}${where}${url}${says}`;
  };
  const lc = p.lifecycle;
  if (lc.endOfSupport === null && !lc.unsourced)
    local.push(error('lifecycle-unsourced', 'endOfSupport is null: say why under `unsourced` (no date is ever guessed)', { file: f.file, path: ['lifecycle', 'endOfSupport'] }));
  const lifecycle = { ...lc, source: describe(lc.source, ['lifecycle']) };
  const facts: Platform['facts'] = {};
  for (const [key, fact] of Object.entries(p.facts)) {
    const msg = factTypeError(key, fact.value);
    if (msg) local.push(error(FACTS[key] ? 'bad-fact-value' : 'unknown-fact', msg, { file: f.file, path: ['facts', key, 'value'] }));
    facts[key] = { value: fact.value, source: describe(fact.source, ['facts', key]), ...(fact.note ? { note: fact.note } : {}) };
  }
  for (const key of Object.keys(FACTS))
    if (!(key in p.facts))
      local.push(error('missing-fact', `fact "${key}" (${FACTS[key].meaning}) is missing; every platform states every fact with a source`, { file: f.file, path: ['facts'] }));
  problems.push(...withLines(f, local));
  return local.some((x) => x.severity === 'error') ? undefined : { ...p, file: f.file, lifecycle, facts };
}

function loadProfile(f: YamlFile, name: string, criteriaIds: string[], problems: Problem[], checkName = true): Profile | undefined {
  const local: Problem[] = [];
  const p = validate(ProfileFileSchema, f, local);
  if (p) {
    if (checkName) checkIdMatchesFile(p.id, name, f.file, local);
    for (const k of Object.keys(p.weights))
      if (!criteriaIds.includes(k))
        local.push(error('unknown-criterion', `unknown criterion "${k}"; known: ${criteriaIds.join(', ')}`, { file: f.file, path: ['weights', k] }));
    for (const id of criteriaIds)
      if (!(id in p.weights)) local.push(error('missing-weight', `no weight for criterion "${id}"`, { file: f.file, path: ['weights'] }));
    if (Object.values(p.weights).every((w) => w === 0))
      local.push(error('all-weights-zero', 'at least one weight must be above 0', { file: f.file, path: ['weights'] }));
  }
  problems.push(...withLines(f, local));
  return p && !local.some((x) => x.severity === 'error') ? { ...p, file: f.file } : undefined;
}

function loadWorkloadRule(f: YamlFile, name: string, problems: Problem[]): WorkloadRule | undefined {
  const local: Problem[] = [];
  const r = validate(WorkloadRuleFileSchema, f, local);
  if (!r) {
    problems.push(...withLines(f, local));
    return undefined;
  }
  checkIdMatchesFile(r.id, name, f.file, local);
  const check = parseCheckNode(r.check, workloadChecks, f.file, ['check'], local);
  if (check && workloadChecks.get(check.check)!.needsPlatform && r.scope !== 'platform')
    local.push(error('check-needs-platform', `check "${check.check}" compares with a platform: the rule needs scope: platform`, { file: f.file, path: ['scope'] }));
  let onPlatformsWhere: Condition | undefined;
  if (r.onPlatformsWhere !== undefined) {
    if (r.scope !== 'platform')
      local.push(error('platform-filter-needs-scope', 'onPlatformsWhere only applies to scope: platform rules', { file: f.file, path: ['onPlatformsWhere'] }));
    onPlatformsWhere = parseCondition(r.onPlatformsWhere, f.file, ['onPlatformsWhere'], local);
  }
  const allowed = r.scope === 'platform' ? ['workload', 'detail', 'platform'] : ['workload', 'detail'];
  checkPlaceholders(r.message, allowed, f.file, ['message'], local);
  problems.push(...withLines(f, local));
  if (local.some((x) => x.severity === 'error') || !check) return undefined;
  const { check: _c, onPlatformsWhere: _o, ...rest } = r;
  return { ...rest, file: f.file, check, ...(onPlatformsWhere ? { onPlatformsWhere } : {}) };
}

function loadReference<T>(dir: string, name: string, schema: z.ZodType<T>, problems: Problem[]): T | undefined {
  const file = displayName(dir, 'reference', name);
  const abs = path.join(dir, 'reference', name);
  if (!fs.existsSync(abs)) {
    problems.push(error('missing-rule-file', `reference table ${name} is missing`, { file }));
    return undefined;
  }
  const f = readYamlFile(abs, file, problems);
  if (!f) return undefined;
  const local: Problem[] = [];
  const v = validate(schema, f, local);
  const docs = (v as { documents?: Record<string, unknown> } | undefined)?.documents ?? {};
  const sources: [Path, string][] = [];
  const entries = (v as { entries?: { source: { doc: string } }[]; patterns?: { source: { doc: string } }[] } | undefined);
  (entries?.entries ?? []).forEach((e, i) => sources.push([['entries', i, 'source', 'doc'], e.source.doc]));
  (entries?.patterns ?? []).forEach((e, i) => sources.push([['patterns', i, 'source', 'doc'], e.source.doc]));
  ((v as { routes?: { source: { doc: string } }[] } | undefined)?.routes ?? []).forEach((e, i) =>
    sources.push([['routes', i, 'source', 'doc'], e.source.doc]),
  );
  ((v as { targets?: { source: { doc: string } }[] } | undefined)?.targets ?? []).forEach((e, i) =>
    sources.push([['targets', i, 'source', 'doc'], e.source.doc]),
  );
  for (const [p, d] of sources)
    if (!(d in docs)) local.push(error('unknown-document', `source document "${d}" is not listed under documents`, { file, path: p }));
  problems.push(...withLines(f, local));
  return local.some((x) => x.severity === 'error') ? undefined : v;
}

function loadAll<T>(dir: string, sub: string, problems: Problem[], load: (f: YamlFile, name: string) => T | undefined): T[] {
  const out: T[] = [];
  for (const name of yamlFiles(dir, sub)) {
    const f = readYamlFile(path.join(dir, sub, name), displayName(dir, sub, name), problems);
    if (!f) continue;
    const v = load(f, name);
    if (v) out.push(v);
  }
  return out;
}

export interface LoadedRules {
  /** Undefined when the reference tables could not be read (nothing can be scored then). */
  rules?: RuleSet;
  problems: Problem[];
}

/** Reads and validates every rule file. Invalid files are left out and reported; nothing throws on bad rules. */
export function loadRules(dir: string = DEFAULT_RULES_DIR): LoadedRules {
  const problems: Problem[] = [];
  if (!fs.existsSync(dir)) return { problems: [error('rules-dir-missing', `rules folder not found: ${dir}`)] };
  const criteria = loadAll(dir, 'criteria', problems, (f, n) => loadCriterion(f, n, problems)).sort(
    (a, b) => a.order - b.order || cmpText(a.id, b.id),
  );
  for (const id of REQUIRED_CRITERIA)
    if (!criteria.some((c) => c.id === id) && !problems.some((p) => p.file?.endsWith(`${id}.yaml`)))
      problems.push(error('missing-criterion', `criterion "${id}" is missing (expected criteria/${id}.yaml)`, { file: displayName(dir, 'criteria', '') }));
  // Profiles are checked against the criterion files present, valid or not, so one broken criterion is one error.
  const criteriaIds = yamlFiles(dir, 'criteria').map((n) => n.replace(/\.ya?ml$/i, ''));
  const platforms = loadAll(dir, 'platforms', problems, (f, n) => loadPlatform(f, n, problems)).sort(
    (a, b) => a.order - b.order || cmpText(a.id, b.id),
  );
  const profiles = loadAll(dir, 'profiles', problems, (f, n) => loadProfile(f, n, criteriaIds, problems)).sort((a, b) =>
    cmpText(a.id, b.id),
  );
  const workloadRules = loadAll(dir, 'workload', problems, (f, n) => loadWorkloadRule(f, n, problems)).sort((a, b) =>
    cmpText(a.id, b.id),
  );
  if (!yamlFiles(dir, 'profiles').some((n) => /^default\.ya?ml$/i.test(n)))
    problems.push(error('missing-default-profile', 'profiles/default.yaml is missing', { file: displayName(dir, 'profiles', 'default.yaml') }));
  const osLifecycle = loadReference<OsLifecycleFile>(dir, 'os-lifecycle.yaml', OsLifecycleFileSchema, problems);
  const cpuAssists = loadReference<CpuAssistsFile>(dir, 'cpu-assists.yaml', CpuAssistsFileSchema, problems);
  const guestPlatforms = loadReference<GuestPlatformsFile>(dir, 'guest-platforms.yaml', GuestPlatformsFileSchema, problems);
  const conversionRoutes = loadReference<ConversionRoutesFile>(dir, 'conversion-routes.yaml', ConversionRoutesFileSchema, problems);
  const migrationEffort = loadReference<MigrationEffortFile>(dir, 'migration-effort.yaml', MigrationEffortFileSchema, problems);
  const applianceImport = loadReference<ApplianceImportFile>(dir, 'appliance-import.yaml', ApplianceImportFileSchema, problems);
  if (!osLifecycle || !cpuAssists || !guestPlatforms || !conversionRoutes || !migrationEffort || !applianceImport) return { problems };
  checkMigrationReferences(dir, conversionRoutes, migrationEffort, problems);
  return {
    rules: { dir, criteria, platforms, profiles, workloadRules, osLifecycle, cpuAssists, guestPlatforms, conversionRoutes, migrationEffort, applianceImport },
    problems,
  };
}

/**
 * Routes name platforms, source ids and workload rules; the effort table names workload rules: all must exist. Checked
 * against the files present, valid or not, so one broken platform or rule file is one error, not a cascade.
 */
function checkMigrationReferences(dir: string, routes: ConversionRoutesFile, effort: MigrationEffortFile, problems: Problem[]) {
  const routesFile = displayName(dir, 'reference', 'conversion-routes.yaml');
  const effortFile = displayName(dir, 'reference', 'migration-effort.yaml');
  const ids = (sub: string) => new Set(yamlFiles(dir, sub).map((n) => n.replace(/\.ya?ml$/i, '')));
  const platformIds = ids('platforms');
  const ruleIds = ids('workload');
  const sourceIds = new Set(routes.sources.map((s) => s.id));
  routes.routes.forEach((r, i) => {
    if (!sourceIds.has(r.from))
      problems.push(error('unknown-source-platform', `route from "${r.from}": not one of sources (${[...sourceIds].join(', ')})`, { file: routesFile, path: ['routes', i, 'from'] }));
    if (!platformIds.has(r.to))
      problems.push(error('unknown-platform', `route to "${r.to}": no such platform in platforms/`, { file: routesFile, path: ['routes', i, 'to'] }));
    r.blockedBy.forEach((b, j) => {
      if (!ruleIds.has(b))
        problems.push(error('unknown-rule', `blockedBy "${b}": no such workload rule in workload/`, { file: routesFile, path: ['routes', i, 'blockedBy', j] }));
    });
  });
  for (const k of Object.keys(effort.findingPoints))
    if (!ruleIds.has(k)) problems.push(error('unknown-rule', `findingPoints "${k}": no such workload rule in workload/`, { file: effortFile, path: ['findingPoints', k] }));
}

/** Reads a profile from a user's file (`--profile my-weights.yaml`), validated against the loaded criteria. */
export function loadProfileFile(absPath: string, displayPath: string, rules: RuleSet): { profile?: Profile; problems: Problem[] } {
  const problems: Problem[] = [];
  const f = readYamlFile(absPath, displayPath, problems);
  if (!f) return { problems };
  const profile = loadProfile(f, path.basename(absPath), rules.criteria.map((c) => c.id), problems, false);
  return { profile, problems };
}
