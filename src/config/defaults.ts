/**
 * Effective (resolved) config: every policy value present, each default recorded by path so the plan and the report can
 * say "headroom 0.2 (default)". Defaults follow what assessors use: CPU P95, +20 % comfort, 80 % CPU ceiling, 4:1 vCPU,
 * N+1, vSphere-sized clusters of at most 64 hosts.
 */
import { BusinessCaseConfig, resolveBusinessCase } from './business-case';
import { policyForMultiplier, StoragePolicyId } from './storage-policy';
import {
  AssessmentConfigInput,
  ConstraintsInput,
  HostModelInput,
  Match,
  PolicyInput,
  PoolInput,
  RightsizeInput,
} from './schema';

export interface Policy {
  sizing: 'performance' | 'allocated';
  percentile: number;
  /** Per-metric percentiles that override `percentile` (only the ones the config names). */
  percentiles?: { cpu?: number; memory?: number; iops?: number; network?: number };
  /** Which memory figure sizes a VM (a VM without it is sized on allocation and counted). */
  memoryBasis: 'consumed' | 'active' | 'allocated';
  /** CPU demand moved by per-core performance index (perf-index) or as raw MHz. */
  cpuComparison: 'perf-index' | 'mhz';
  /** Σ sized demand vs Σ measured host use per source cluster: warn beyond this factor either way. */
  reconciliationFactor: number;
  headroom: number;
  growth: number;
  cpuOversubscription: number;
  memoryOvercommit: number;
  targetUtilization: { cpu: number; memory: number; storage: number; iops: number; network: number };
  /** Assumed figures of the current hosts (inventories carry no power ratings): the "before" power and space. */
  existingHosts: { powerIdleW: number; powerMaxW: number; rackUnits: number };
  haSpareHosts: number;
  /** Admission control as a percentage of each cluster's CPU and memory (0 = N+K spare hosts instead). */
  haReservePct: number;
  maxHostsPerCluster: number;
  maxWorkloadsPerHost?: number;
  storageBasis: 'provisioned' | 'used';
  /** HCI clusters: failures to tolerate and RAID (multiplier and minimum hosts in storage-policy.ts). */
  storagePolicy: StoragePolicyId;
  /** HCI clusters: share of each host's raw capacity kept free. */
  storageSlack: number;
  /** HCI clusters: count each VM's swap file (memory − memory reservation). */
  storageSwap: boolean;
  storageDedupe: number;
  defaultCpuGhz: number;
  objective: 'cost' | 'hosts';
  timeSeries: 'off' | 'hourly' | 'weekly';
  reuseExistingHosts: boolean;
  seed: number;
  /** Right-sizing (issue 19.1): absent = off; the plan then sizes each VM as configured today. */
  rightsize?: Rightsize;
  solverIterations?: number;
  exactMaxWorkloads: number;
}

/** Right-sizing bounds resolved (docs/sizing.md "Right-sizing"). */
export interface Rightsize {
  headroom: number;
  maxShrink: number;
  maxGrowth: number;
}

export const RIGHTSIZE_DEFAULTS = { maxShrink: 0.5, maxGrowth: 1 } as const;

/** `storage` resolved: hci when the model states local capacity, else external (a SAN/NAS array). */
export type HostModel = HostModelInput & { cost: number; storage: 'external' | 'hci' };

/** The pool a workload goes to when no pin and no pool match sends it elsewhere (the config names the others). */
export const DEFAULT_POOL = 'general';

export interface GroupConstraint {
  name: string;
  workloads?: string[];
  match?: Match;
}

/** How the config reads one DRS rule: as a constraint kind, ignored, or its VMs sent to a pool. */
export type DrsRuleMapping = 'anti-affinity' | 'affinity' | 'ignore' | { pool: string };

export interface Constraints {
  antiAffinity: GroupConstraint[];
  affinity: GroupConstraint[];
  pools: PoolInput[];
  pinned: { workload: string; hostModel?: string; pool?: string }[];
  exclude: string[];
  honourDrsRules: boolean;
  drsRules: Record<string, DrsRuleMapping>;
  applianceGroups: 'same-host' | 'ignore';
}

export interface AssessmentConfig {
  /** The file it was read from, when read from a file. */
  file?: string;
  policy: Policy;
  hostModels: HostModel[];
  constraints: Constraints;
  report: NonNullable<AssessmentConfigInput['report']> & { currency: string };
  readiness: NonNullable<AssessmentConfigInput['readiness']>;
  scenarios: NonNullable<AssessmentConfigInput['scenarios']>;
  collect: { includePoweredOff: boolean; ovfOption?: string; series?: NonNullable<NonNullable<AssessmentConfigInput['collect']>['series']> };
  /** Paths whose value came from a default, e.g. `policy.headroom`, `hostModels`. */
  defaultsApplied: string[];
  /** Issue 12: the business case inputs and licence schemes, when the config has a `businessCase` section. */
  businessCase?: BusinessCaseConfig;
}

export const DEFAULT_POLICY: Policy = {
  sizing: 'performance',
  percentile: 95,
  memoryBasis: 'consumed',
  cpuComparison: 'perf-index',
  reconciliationFactor: 2,
  headroom: 0.2,
  growth: 0,
  cpuOversubscription: 4,
  memoryOvercommit: 1,
  targetUtilization: { cpu: 0.8, memory: 0.9, storage: 0.85, iops: 0.8, network: 0.8 },
  existingHosts: { powerIdleW: 150, powerMaxW: 450, rackUnits: 2 },
  haSpareHosts: 1,
  haReservePct: 0,
  maxHostsPerCluster: 64,
  storageBasis: 'provisioned',
  storagePolicy: 'ftt1-raid1',
  storageSlack: 0.25,
  storageSwap: true,
  storageDedupe: 1,
  defaultCpuGhz: 2.4,
  objective: 'cost',
  timeSeries: 'off',
  reuseExistingHosts: false,
  seed: 1,
  exactMaxWorkloads: 40,
};

/**
 * Used only when the config names no host model; the plan says so. Its storage is external: an estate exported from
 * vCenter almost always runs on SAN/NFS arrays, and packing their provisioned GiB into a guessed local disk would let a
 * made-up figure decide the host count.
 */
export const DEFAULT_HOST_MODEL: HostModel = {
  id: 'std-2x32',
  sockets: 2,
  coresPerSocket: 32,
  cpuGhz: 2.8,
  // a current 32-core part for the CPU-generation conversion (rules/reference/cpu-performance.yaml: Xeon 5th gen Gold 65xx)
  cpuModel: 'Intel Xeon Gold 6548Y+',
  memoryGib: 1024,
  storage: 'external',
  cost: 28000,
  powerIdleW: 180,
  powerMaxW: 650,
  rackUnits: 2,
};

export function resolvePolicy(input: PolicyInput | undefined, base: Policy, defaulted: string[], prefix = 'policy'): Policy {
  const p: Policy = { ...base, targetUtilization: { ...base.targetUtilization }, existingHosts: { ...base.existingHosts } };
  const src = input ?? {};
  for (const key of Object.keys(DEFAULT_POLICY) as (keyof Policy)[]) {
    if (key === 'targetUtilization' || key === 'existingHosts') continue;
    if (src[key as keyof PolicyInput] !== undefined) (p as unknown as Record<string, unknown>)[key] = src[key as keyof PolicyInput];
    else defaulted.push(`${prefix}.${key}`);
  }
  for (const key of ['maxWorkloadsPerHost', 'solverIterations'] as const) if (src[key] !== undefined) p[key] = src[key];
  if (src.percentiles !== undefined) p.percentiles = { ...(base.percentiles ?? {}), ...src.percentiles };
  if (src.rightsize !== undefined) resolveRightsize(p, src.rightsize, defaulted, prefix);
  // deprecated storageFttMultiplier: stands for the policy with that multiplier (the loader warns, and refuses others)
  if (src.storagePolicy === undefined && src.storageFttMultiplier !== undefined) {
    const mapped = policyForMultiplier(src.storageFttMultiplier);
    if (mapped) {
      p.storagePolicy = mapped;
      const at = defaulted.indexOf(`${prefix}.storagePolicy`);
      if (at >= 0) defaulted.splice(at, 1);
    }
  }
  // a percentage reserve replaces the N+K spares unless the config asks for spares as well
  if (src.haReservePct !== undefined && src.haReservePct > 0 && src.haSpareHosts === undefined) p.haSpareHosts = 0;
  const tu = src.targetUtilization ?? {};
  for (const key of Object.keys(p.targetUtilization) as (keyof Policy['targetUtilization'])[]) {
    if (tu[key] !== undefined) p.targetUtilization[key] = tu[key]!;
    else defaulted.push(`${prefix}.targetUtilization.${key}`);
  }
  const eh = src.existingHosts ?? {};
  for (const key of Object.keys(p.existingHosts) as (keyof Policy['existingHosts'])[]) {
    if (eh[key] !== undefined) p.existingHosts[key] = eh[key]!;
    else defaulted.push(`${prefix}.existingHosts.${key}`);
  }
  return p;
}

/**
 * `rightsize: true` or an object switches right-sizing on (each bound not given is defaulted and recorded), `false`
 * switches a base config's off in a scenario. Only present when asked, so plans of configs without it are unchanged.
 */
function resolveRightsize(p: Policy, input: boolean | RightsizeInput, defaulted: string[], prefix: string): void {
  if (input === false) {
    delete p.rightsize;
    return;
  }
  const given = input === true ? {} : input;
  const at = `${prefix}.rightsize`;
  if (given.headroom === undefined) defaulted.push(`${at}.headroom`);
  if (given.maxShrink === undefined) defaulted.push(`${at}.maxShrink`);
  if (given.maxGrowth === undefined) defaulted.push(`${at}.maxGrowth`);
  p.rightsize = {
    headroom: given.headroom ?? p.headroom,
    maxShrink: given.maxShrink ?? RIGHTSIZE_DEFAULTS.maxShrink,
    maxGrowth: given.maxGrowth ?? RIGHTSIZE_DEFAULTS.maxGrowth,
  };
}

export function resolveConstraints(input: ConstraintsInput | undefined): Constraints {
  const c = input ?? {};
  return {
    antiAffinity: c.antiAffinity ?? [],
    affinity: c.affinity ?? [],
    // a security zone (issue 14.6) is a pool of its own, first in line: its workloads share hosts only with each other
    pools: [...(c.zones ?? []).map((z) => ({ name: `zone-${z.name}`, match: z.match })), ...(c.pools ?? [])],
    pinned: c.pinned ?? [],
    exclude: c.exclude ?? [],
    honourDrsRules: c.honourDrsRules ?? true,
    drsRules: c.drsRules ?? {},
    applianceGroups: c.applianceGroups ?? 'same-host',
  };
}

export function resolveHostModels(input: HostModelInput[] | undefined, defaulted: string[]): HostModel[] {
  if (!input || input.length === 0) {
    defaulted.push('hostModels');
    return [{ ...DEFAULT_HOST_MODEL }];
  }
  return input.map(resolveHostModel);
}

export function resolveHostModel(h: HostModelInput): HostModel {
  return { ...h, cost: h.cost ?? 0, storage: h.storage ?? (h.storageGib !== undefined ? 'hci' : 'external') };
}

export function resolveConfig(input: AssessmentConfigInput, file?: string): AssessmentConfig {
  const defaulted: string[] = [];
  const cfg: AssessmentConfig = {
    policy: resolvePolicy(input.policy, DEFAULT_POLICY, defaulted),
    hostModels: resolveHostModels(input.hostModels, defaulted),
    constraints: resolveConstraints(input.constraints),
    report: { ...(input.report ?? {}), currency: input.report?.currency ?? 'EUR' },
    readiness: input.readiness ?? {},
    scenarios: input.scenarios ?? [],
    collect: {
      includePoweredOff: input.collect?.includePoweredOff ?? false,
      ...(input.collect?.ovfOption ? { ovfOption: input.collect.ovfOption } : {}),
      ...(input.collect?.series ? { series: input.collect.series } : {}),
    },
    defaultsApplied: defaulted,
  };
  if (!input.report?.currency) defaulted.push('report.currency');
  if (input.collect?.includePoweredOff === undefined) defaulted.push('collect.includePoweredOff');
  if (file !== undefined) cfg.file = file;
  if (input.businessCase) cfg.businessCase = resolveBusinessCase(input.businessCase);
  return cfg;
}

/** The config with no file at all: every default. */
export function defaultConfig(): AssessmentConfig {
  return resolveConfig({});
}

/**
 * One scenario of a config as a config of its own: its policy values override the base policy key by key, its host
 * models (when given) replace the catalog. Constraints, report and readiness are shared.
 */
export function scenarioConfig(base: AssessmentConfig, name: string): AssessmentConfig {
  const sc = base.scenarios.find((s) => s.name === name);
  if (!sc) throw new Error(`no scenario named ${name}`);
  const defaulted = base.defaultsApplied.filter((d) => !(sc.policy && d.startsWith('policy.')) && !(sc.hostModels && d === 'hostModels'));
  const overrides: string[] = [];
  const policy = sc.policy ? resolvePolicy(sc.policy, base.policy, overrides) : base.policy;
  // keys the scenario did not set keep the base's status (defaulted or not)
  if (sc.policy) for (const d of base.defaultsApplied) if (d.startsWith('policy.') && overrides.includes(d)) defaulted.push(d);
  // right-sizing bounds inherited from the base keep their status too (resolvePolicy lists only the ones it resolved)
  if (sc.policy && sc.policy.rightsize === undefined && policy.rightsize)
    for (const d of base.defaultsApplied) if (d.startsWith('policy.rightsize.')) defaulted.push(d);
  return {
    ...base,
    policy,
    hostModels: sc.hostModels ? sc.hostModels.map(resolveHostModel) : base.hostModels,
    scenarios: [],
    defaultsApplied: defaulted,
  };
}
