/**
 * Reads an assessment config file: YAML syntax errors and schema errors become problems naming the file, the YAML line
 * (as `row`) and the key path; cross-reference checks (unknown host model ids, duplicate ids, power figures) follow.
 * Returns every problem found, never only the first.
 */
import * as fs from 'fs';
import { parseYamlWithLines } from '../util/yaml-lines';
import { MAX_YAML_BYTES, readRegularFile } from '../util/input-file';
import { z } from 'zod';
import { error, hasErrors, info, Problem, warning } from '../diagnostics';
import { AssessmentConfig, DEFAULT_POOL, resolveConfig } from './defaults';
import { AssessmentConfigInput, AssessmentConfigSchema } from './schema';
import { policyForMultiplier, STORAGE_POLICIES } from './storage-policy';
import { BOUNDS, describeImplausible, implausibleHostModel } from '../inventory/plausible';

type Where = (path: (string | number)[]) => { file?: string; path: (string | number)[]; row?: number };

const kindOf = (h: { storage?: 'external' | 'hci'; storageGib?: number }) => h.storage ?? (h.storageGib !== undefined ? 'hci' : 'external');

/** Storage and HA keys: the deprecated multiplier, HCI models without capacity, pools mixing array and HCI models. */
function storageChecks(input: AssessmentConfigInput, where: Where): Problem[] {
  const problems: Problem[] = [];
  const policies: [string[], AssessmentConfigInput['policy']][] = [
    [['policy'], input.policy],
    ...(input.scenarios ?? []).map((s, i): [string[], AssessmentConfigInput['policy']] => [['scenarios', String(i), 'policy'], s.policy]),
  ];
  for (const [at, pol] of policies) {
    if (!pol) continue;
    const m = pol.storageFttMultiplier;
    if (m !== undefined) {
      const mapped = policyForMultiplier(m);
      if (pol.storagePolicy !== undefined)
        problems.push(warning('config-deprecated', `${at.join('.')}.storageFttMultiplier is deprecated and ignored: storagePolicy ${pol.storagePolicy} is set`, where([...at, 'storageFttMultiplier'])));
      else if (mapped)
        problems.push(
          warning('config-deprecated', `${at.join('.')}.storageFttMultiplier ${m} is deprecated; read as storagePolicy ${mapped} (${STORAGE_POLICIES[mapped].label}, at least ${STORAGE_POLICIES[mapped].minHosts} hosts per HCI cluster)`, where([...at, 'storageFttMultiplier']), 'write storagePolicy instead'),
        );
      else
        problems.push(
          error('config-invalid', `${at.join('.')}.storageFttMultiplier ${m} matches no storage policy (1, 1.33, 1.5, 2, 3 or 4)`, where([...at, 'storageFttMultiplier']), `write storagePolicy: one of ${Object.keys(STORAGE_POLICIES).join(', ')}`),
        );
    }
    if ((pol.haReservePct ?? 0) > 0 && (pol.haSpareHosts ?? 0) > 0)
      problems.push(
        error('config-invalid', `${at.join('.')}: haReservePct ${pol.haReservePct} and haSpareHosts ${pol.haSpareHosts} are two admission-control policies; choose one`, where([...at, 'haReservePct'])),
      );
  }
  const models = input.hostModels ?? [];
  models.forEach((h, i) => {
    if (h.storage === 'hci' && h.storageGib === undefined)
      problems.push(error('config-invalid', `host model "${h.id}": storage hci needs storageGib (raw local capacity per host)`, where(['hostModels', i, 'storage'])));
    if (h.storage === 'external' && h.storageGib !== undefined)
      problems.push(info('config-storage-ignored', `host model "${h.id}": storage external, so its storageGib ${h.storageGib} is not planned; the array is sized instead`, where(['hostModels', i, 'storageGib'])));
  });
  const byId = new Map(models.map((h) => [h.id, h]));
  const hciPolicy = input.policy?.storagePolicy ?? (input.policy?.storageFttMultiplier !== undefined ? policyForMultiplier(input.policy.storageFttMultiplier) : undefined) ?? 'ftt1-raid1';
  (input.constraints?.pools ?? []).forEach((p, i) => {
    const ms = (p.hostModels ?? models.map((h) => h.id)).map((id) => byId.get(id)).filter((h) => h !== undefined);
    const kinds = new Set(ms.map(kindOf));
    if (kinds.size > 1)
      problems.push(
        error('config-invalid', `pool "${p.name}" mixes host models on an external array and HCI models (${ms.map((h) => `${h.id}: ${kindOf(h)}`).join(', ')}); a cluster's storage is one or the other`, where(['constraints', 'pools', i, 'hostModels']), 'list the models of one storage kind under the pool\'s hostModels'),
      );
    const pol = STORAGE_POLICIES[p.storagePolicy ?? hciPolicy];
    const maxHosts = p.maxHostsPerCluster ?? input.policy?.maxHostsPerCluster ?? 64;
    if (kinds.has('hci') && maxHosts < pol.minHosts)
      problems.push(error('config-invalid', `pool "${p.name}": storage policy ${pol.id} needs at least ${pol.minHosts} hosts per cluster, but maxHostsPerCluster is ${maxHosts}`, where(['constraints', 'pools', i])));
  });
  const maxHosts = input.policy?.maxHostsPerCluster ?? 64;
  if (models.some((h) => kindOf(h) === 'hci') && maxHosts < STORAGE_POLICIES[hciPolicy].minHosts)
    problems.push(error('config-invalid', `policy: storage policy ${hciPolicy} needs at least ${STORAGE_POLICIES[hciPolicy].minHosts} hosts per cluster, but maxHostsPerCluster is ${maxHosts}`, where(['policy', 'maxHostsPerCluster'])));
  return problems;
}

export interface LoadedConfig {
  /** null when the file has errors. */
  config: AssessmentConfig | null;
  problems: Problem[];
}

export function loadConfig(file: string): LoadedConfig {
  if (!fs.existsSync(file)) {
    return { config: null, problems: [error('config-not-found', `config file not found: ${file}`, { file })] };
  }
  const text = readRegularFile(file, { noun: 'Config file', maxBytes: MAX_YAML_BYTES }).toString('utf8');
  return parseConfigText(text, file);
}

export function parseConfigText(text: string, file: string): LoadedConfig {
  const parsed = parseYamlWithLines(text);
  const problems: Problem[] = parsed.errors.map((e) =>
    error('config-yaml-syntax', `not valid YAML: ${e.message}`, { file, ...(e.line ? { row: e.line } : {}) }),
  );
  if (problems.length > 0) return { config: null, problems };
  return validateConfig(parsed.data ?? {}, file, parsed.lineOf);
}

/** Validates an already-parsed config object (YAML document optional, for line numbers). */
export function validateConfig(raw: unknown, file?: string, lineOf?: (path: (string | number)[]) => number | undefined): LoadedConfig {
  const problems: Problem[] = [];
  const where = (path: (string | number)[]) => {
    const loc: { file?: string; path: (string | number)[]; row?: number } = { path };
    if (file !== undefined) loc.file = file;
    const row = lineOf?.(path);
    if (row !== undefined) loc.row = row;
    return loc;
  };
  // before the schema: an overflowing number (1e308, .inf, .nan) would otherwise pass a lower bound and become Infinity
  // or NaN in the plan; the schema's own errors would only repeat it
  const absurd = absurdNumbers(raw, where);
  if (absurd.length > 0) return { config: null, problems: absurd };
  const parsed = AssessmentConfigSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(issueProblem(issue, where));
    return { config: null, problems };
  }
  const input = parsed.data;
  problems.push(...crossCheck(input, where));
  if (hasErrors(problems)) return { config: null, problems };
  const config = resolveConfig(input, file);
  if (config.defaultsApplied.includes('hostModels'))
    problems.push(
      warning(
        'default-host-model',
        'the config names no host model; planning on the built-in std-2x32 (2 × 32 cores, 2.8 GHz, 1 TiB; storage on an external array, sized separately)',
        where(['hostModels']),
        'add a hostModels list with the models and prices you are quoting',
      ),
    );
  if (config.defaultsApplied.length > 0)
    problems.push(info('config-defaults', `defaults used for: ${config.defaultsApplied.join(', ')}`, where([])));
  return { config, problems };
}

/**
 * Every number of the config outside the one plausibility bound for config numbers (src/inventory/plausible.ts): not
 * finite, or beyond ±10^12, where sums and products over an estate start to overflow. Named by key path and YAML line.
 */
function absurdNumbers(raw: unknown, where: Where): Problem[] {
  const out: Problem[] = [];
  const { min, max } = BOUNDS.configNumber;
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'number') {
      if (!(Number.isFinite(v) && v >= min && v <= max))
        out.push(error('config-invalid', `${path.join('.') || '(top level)'}: ${String(v)} is not a plausible number (expected a finite number from ${min} to ${max})`, where(path), 'a typo or an overflowing value: write the figure in its stated unit'));
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(raw, []);
  return out;
}

function issueProblem(
  issue: z.core.$ZodIssue,
  where: (path: (string | number)[]) => { file?: string; path: (string | number)[]; row?: number },
): Problem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const at = path.length ? path.join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    return error(
      'config-unknown-key',
      `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} in ${at}`,
      where([...path, keys[0]]),
      'check the spelling against schemas/assessment.schema.json',
    );
  }
  return error('config-invalid', `${at}: ${issue.message}`, where(path));
}

function crossCheck(
  input: AssessmentConfigInput,
  where: (path: (string | number)[]) => { file?: string; path: (string | number)[]; row?: number },
): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  (input.hostModels ?? []).forEach((h, i) => {
    if (ids.has(h.id)) problems.push(error('config-duplicate-id', `host model id "${h.id}" appears twice`, where(['hostModels', i, 'id'])));
    ids.add(h.id);
    if (h.powerIdleW !== undefined && h.powerMaxW !== undefined && h.powerMaxW < h.powerIdleW)
      problems.push(error('config-invalid', `host model "${h.id}": powerMaxW ${h.powerMaxW} is below powerIdleW ${h.powerIdleW}`, where(['hostModels', i, 'powerMaxW'])));
    if (h.cost === undefined)
      problems.push(warning('config-missing-cost', `host model "${h.id}" has no cost; counted as 0`, where(['hostModels', i])));
    const implausible = implausibleHostModel(h);
    if (implausible.length > 0)
      problems.push(error('config-invalid', `host model "${h.id}": ${describeImplausible(implausible)}`, where(['hostModels', i]), 'sizes are per host: cores, GHz per core, GiB'));
  });
  const known = (id: string) => ids.size === 0 || ids.has(id);
  const pools = new Set<string>();
  (input.constraints?.pools ?? []).forEach((p, i) => {
    if (pools.has(p.name)) problems.push(error('config-duplicate-id', `pool "${p.name}" appears twice`, where(['constraints', 'pools', i, 'name'])));
    pools.add(p.name);
    (p.hostModels ?? []).forEach((m, j) => {
      if (!known(m)) problems.push(error('config-unknown-reference', `pool "${p.name}" names host model "${m}", which hostModels does not define`, where(['constraints', 'pools', i, 'hostModels', j])));
    });
    if (Object.keys(p.match).length === 0)
      problems.push(warning('config-empty-match', `pool "${p.name}" has an empty match: every workload goes to it`, where(['constraints', 'pools', i, 'match'])));
  });
  (input.constraints?.pinned ?? []).forEach((p, i) => {
    if (!p.hostModel && !p.pool) problems.push(error('config-invalid', `pinned "${p.workload}" names neither hostModel nor pool`, where(['constraints', 'pinned', i])));
    if (p.hostModel && !known(p.hostModel)) problems.push(error('config-unknown-reference', `pinned "${p.workload}" names host model "${p.hostModel}", which hostModels does not define`, where(['constraints', 'pinned', i, 'hostModel'])));
    if (p.pool && !pools.has(p.pool)) problems.push(error('config-unknown-reference', `pinned "${p.workload}" names pool "${p.pool}", which constraints.pools does not define`, where(['constraints', 'pinned', i, 'pool'])));
  });
  for (const [rule, m] of Object.entries(input.constraints?.drsRules ?? {}))
    if (typeof m === 'object' && !pools.has(m.pool))
      problems.push(error('config-unknown-reference', `drsRules "${rule}" names pool "${m.pool}", which constraints.pools does not define`, where(['constraints', 'drsRules', rule, 'pool'])));
  for (const kind of ['antiAffinity', 'affinity'] as const)
    (input.constraints?.[kind] ?? []).forEach((g, i) => {
      if (!g.workloads?.length && !g.match) problems.push(error('config-invalid', `${kind} group "${g.name}" names no workloads and no match`, where(['constraints', kind, i])));
    });
  const pol = input.policy ?? {};
  problems.push(...storageChecks(input, where));
  if ((pol.haSpareHosts ?? 1) >= (pol.maxHostsPerCluster ?? 64))
    problems.push(
      error('config-invalid', `policy.haSpareHosts ${pol.haSpareHosts ?? 1} leaves no room for active hosts in clusters of at most ${pol.maxHostsPerCluster ?? 64}`, where(['policy', 'haSpareHosts'])),
    );
  // a licence scheme naming a pool that does not exist would license nothing, silently
  const poolNames = new Set([...pools, pools.has(DEFAULT_POOL) ? `${DEFAULT_POOL}-default` : DEFAULT_POOL]);
  const schemeNames = new Set<string>();
  (input.businessCase?.licences ?? []).forEach((s, i) => {
    if (schemeNames.has(s.name)) problems.push(error('config-duplicate-id', `licence scheme "${s.name}" appears twice`, where(['businessCase', 'licences', i, 'name'])));
    schemeNames.add(s.name);
    (s.pools ?? []).forEach((p, j) => {
      if (!poolNames.has(p))
        problems.push(error('config-unknown-reference', `licence scheme "${s.name}" names pool "${p}", which is not a pool of the plan (${[...poolNames].join(', ')})`, where(['businessCase', 'licences', i, 'pools', j])));
    });
  });
  const scen = new Set<string>();
  (input.scenarios ?? []).forEach((s, i) => {
    if (scen.has(s.name)) problems.push(error('config-duplicate-id', `scenario "${s.name}" appears twice`, where(['scenarios', i, 'name'])));
    scen.add(s.name);
  });
  return problems;
}
