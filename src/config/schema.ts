/**
 * The assessment config (YAML) a user writes: sizing policy, host catalog, constraints, and the sections the report,
 * readiness and assess stages read. Every object is strict: an unknown key is an error naming the file and path, because
 * a misspelt `headrom: 0.3` silently ignored would change a customer's answer.
 * `schemas/assessment.schema.json` is generated from this file (`assessmentJsonSchema()`); a test keeps them in sync.
 * Defaults live in `defaults.ts`, not here, so the loader can record which values were defaulted.
 */
import { z } from 'zod';

const ratio = (what: string) => z.number().gt(0).max(1).describe(what);

export const MatchSchema = z
  .strictObject({
    os: z.string().min(1).optional().describe('Glob on the OS name or family, e.g. "*SQL*", "windows*"'),
    application: z.string().min(1).optional().describe('Glob on the application'),
    environment: z.string().min(1).optional().describe('Glob on the environment, e.g. "prod*"'),
    cluster: z.string().min(1).optional().describe('Glob on the current cluster'),
    name: z.string().min(1).optional().describe('Glob on the workload name'),
    tag: z.string().min(1).optional().describe('Glob that any one tag must match'),
    network: z.string().min(1).optional().describe('Glob that any one of its networks (port groups, RVTools vNetwork) must match, e.g. "DMZ*"'),
    folder: z.string().min(1).optional().describe('Glob on its folder, e.g. "/DMZ*"'),
    label: z.string().min(1).optional().describe('key=glob: a label (custom attribute) whose value matches, e.g. "Zone=pci"'),
  })
  .describe('All given fields must match (case-insensitive globs: * any run, ? one character)');
export type Match = z.infer<typeof MatchSchema>;

export const TargetUtilizationSchema = z.strictObject({
  cpu: ratio('Share of host CPU that may be planned (default 0.8)').optional(),
  memory: ratio('Share of host memory (default 0.9)').optional(),
  storage: ratio('Share of host storage (default 0.85)').optional(),
  iops: ratio('Share of host IOPS (default 0.8)').optional(),
  network: ratio('Share of host network bandwidth (default 0.8)').optional(),
});

/** vSAN-style storage policies of HCI clusters (the table with sources: src/plan/storage-policy.ts). */
export const StoragePolicySchema = z
  .enum(['none', 'ftt1-raid1', 'ftt1-raid5', 'ftt2-raid1', 'ftt2-raid6', 'ftt3-raid1'])
  .describe('HCI storage policy: failures to tolerate and RAID (default ftt1-raid1: ×2, at least 3 hosts)');

/** Right-sizing (issue 19.1): per VM a vCPU count and memory from the measured percentile, docs/sizing.md. */
export const RightsizeSchema = z.strictObject({
  headroom: z.number().min(0).max(10).optional().describe('Added to the measured percentile before rounding up: 0.2 = +20 % (default: policy.headroom)'),
  maxShrink: z.number().min(0).max(0.9).optional().describe('Largest share a VM may lose: 0.5 = at most half of its vCPUs / memory (default 0.5)'),
  maxGrowth: z.number().min(0).max(10).optional().describe('Largest share a VM may gain: 1 = at most double (default 1)'),
});
export type RightsizeInput = z.infer<typeof RightsizeSchema>;

export const PolicySchema = z.strictObject({
  sizing: z.enum(['performance', 'allocated']).optional().describe('performance = measured utilisation; allocated = vCPU / oversubscription, memory / overcommit'),
  percentile: z.number().min(50).max(100).optional().describe('Utilisation percentile to size on (50, 90, 95, 99; 100 = peak)'),
  percentiles: z
    .strictObject({
      cpu: z.number().min(50).max(100).optional(),
      memory: z.number().min(50).max(100).optional(),
      iops: z.number().min(50).max(100).optional(),
      network: z.number().min(50).max(100).optional(),
    })
    .optional()
    .describe('A percentile per metric where series exist (e.g. cpu 95, memory 99); a metric not named here uses `percentile`'),
  memoryBasis: z
    .enum(['consumed', 'active', 'allocated'])
    .optional()
    .describe('Memory demand: consumed = what the VM holds today (RVTools vMemory Consumed, monitoring "memory used"; default), active = vSphere\'s active estimate, allocated = configured memory / memoryOvercommit. A VM without the figure is sized on allocation'),
  cpuComparison: z
    .enum(['perf-index', 'mhz'])
    .optional()
    .describe('How CPU demand moves to the new hosts: perf-index = by per-core performance of the source and target CPU models (rules/reference/cpu-performance.yaml; default), mhz = raw MHz'),
  reconciliationFactor: z
    .number()
    .min(1)
    .max(100)
    .optional()
    .describe('Warn when Σ sized VM demand and Σ measured host use of a source cluster differ by more than this factor (default 2)'),
  headroom: z.number().min(0).max(10).optional().describe('Comfort factor: 0.2 = +20 % on every demand'),
  growth: z.number().min(0).max(10).optional().describe('Growth: 0.1 = +10 % on every demand'),
  cpuOversubscription: z.number().positive().optional().describe('vCPU per physical core (allocated sizing and CPU fallback)'),
  memoryOvercommit: z.number().positive().optional().describe('Allocated memory / physical memory (allocated sizing and memory fallback)'),
  targetUtilization: TargetUtilizationSchema.optional(),
  haSpareHosts: z.number().int().min(0).max(16).optional().describe('N+K: K spare hosts per target cluster'),
  haReservePct: z
    .number()
    .min(0)
    .max(50)
    .optional()
    .describe('Admission control as a percentage (like vSphere): reserve this % of every cluster\'s CPU and memory instead of N+K spare hosts'),
  maxHostsPerCluster: z.number().int().min(2).optional().describe('Most hosts in one target cluster, spares included'),
  maxWorkloadsPerHost: z.number().int().min(1).optional().describe('Most workloads on one host'),
  storageBasis: z.enum(['provisioned', 'used']).optional().describe('Size storage on provisioned or used GiB'),
  storageFttMultiplier: z
    .number()
    .min(1)
    .max(4)
    .optional()
    .describe('Deprecated: use storagePolicy. A multiplier of 1, 1.33, 1.5, 2, 3 or 4 is mapped to the matching policy'),
  storagePolicy: StoragePolicySchema.optional(),
  storageSlack: z.number().min(0).max(0.9).optional().describe('HCI: share of each host\'s raw capacity kept free (slack space, default 0.25)'),
  storageSwap: z.boolean().optional().describe('HCI: count each VM\'s swap file (memory − reservation) on the datastore (default true)'),
  storageDedupe: z.number().min(1).max(20).optional().describe('Dedupe/compression ratio (storage is divided by it)'),
  defaultCpuGhz: z.number().positive().max(10).optional().describe('Clock of a workload whose own and host clock are unknown'),
  objective: z.enum(['cost', 'hosts']).optional().describe('Minimise hardware (+ licence) cost, or host count'),
  timeSeries: z.enum(['off', 'hourly', 'weekly']).optional().describe('Pack on hourly/weekly demand shapes instead of flat percentiles'),
  reuseExistingHosts: z.boolean().optional().describe("Offer the customer's existing hosts as zero-cost models"),
  existingHosts: z
    .strictObject({
      powerIdleW: z.number().min(0).optional(),
      powerMaxW: z.number().min(0).optional(),
      rackUnits: z.number().min(0).optional(),
    })
    .optional()
    .describe("The customer's current hosts, for the before figures: power idle/max per host and rack units (defaults 150 W, 450 W, 2 U)"),
  rightsize: z
    .union([z.boolean(), RightsizeSchema])
    .optional()
    .describe('Plan on right-sized VMs (true, or the bounds): each measured VM reshaped to the vCPUs and memory its percentile needs with headroom, within maxShrink / maxGrowth; off by default (false turns a base config\'s off in a scenario)'),
  seed: z.number().int().min(0).optional().describe('Seed of the local search (same seed, same plan)'),
  solverIterations: z.number().int().min(0).optional().describe('Local-search budget in fit tests (default scales with the estate)'),
  exactMaxWorkloads: z.number().int().min(0).max(200).optional().describe('Run the exact method on pools up to this many items (default 40)'),
});
export type PolicyInput = z.infer<typeof PolicySchema>;

export const HostModelSchema = z.strictObject({
  id: z.string().min(1),
  sockets: z.number().int().min(1),
  coresPerSocket: z.number().int().min(1),
  cpuGhz: z.number().positive().max(10),
  cpuModel: z.string().min(1).optional().describe('CPU model, e.g. "Intel Xeon Gold 6548Y+" or "AMD EPYC 9354": matched in rules/reference/cpu-performance.yaml for its per-core performance'),
  perfIndex: z.number().positive().optional().describe('Per-core performance index (SPECrate2017_int_base per core) stated directly; wins over cpuModel'),
  memoryGib: z.number().positive(),
  storageGib: z.number().positive().optional().describe('Raw local capacity per host (HCI), GiB'),
  storage: z
    .enum(['external', 'hci'])
    .optional()
    .describe('Where the VMs\' disks live: external = a SAN/NAS array (not packed on the hosts; the array is sized), hci = the hosts\' local disks (vSAN-like). Default: hci when storageGib is given, else external'),
  iops: z.number().positive().optional(),
  networkGbps: z.number().positive().optional(),
  cost: z.number().min(0).optional().describe('Purchase price per host, in report.currency'),
  powerIdleW: z.number().min(0).optional(),
  powerMaxW: z.number().min(0).optional(),
  rackUnits: z.number().min(0).optional(),
  maxCount: z.number().int().min(1).optional().describe('Most hosts of this model that may be bought'),
});
export type HostModelInput = z.infer<typeof HostModelSchema>;

const GroupSchema = z.strictObject({
  name: z.string().min(1),
  workloads: z.array(z.string().min(1)).optional().describe('Workload names or globs'),
  match: MatchSchema.optional(),
});

export const LicenceSchema = z.strictObject({
  perCore: z.number().min(0).describe('Licence price per physical core of every host in the pool'),
  minCoresPerHost: z.number().int().min(0).optional().describe('Cores licensed at least per host (Windows/SQL: 16)'),
  minCoresPerSocket: z.number().int().min(0).optional().describe('Cores licensed at least per socket (Windows: 8)'),
});

export const PoolSchema = z.strictObject({
  name: z.string().min(1),
  match: MatchSchema,
  hostModels: z.array(z.string().min(1)).optional().describe('Host model ids this pool may use (default: all)'),
  licence: LicenceSchema.optional(),
  haSpareHosts: z.number().int().min(0).max(16).optional(),
  haReservePct: z.number().min(0).max(50).optional(),
  storagePolicy: StoragePolicySchema.optional(),
  maxHostsPerCluster: z.number().int().min(2).optional(),
});
export type PoolInput = z.infer<typeof PoolSchema>;

export const PinSchema = z.strictObject({
  workload: z.string().min(1).describe('Workload name or glob'),
  hostModel: z.string().min(1).optional(),
  pool: z.string().min(1).optional(),
});

export const ConstraintsSchema = z.strictObject({
  antiAffinity: z.array(GroupSchema).optional().describe('Groups whose members never share a host'),
  affinity: z.array(GroupSchema).optional().describe('Groups whose members share one host'),
  pools: z.array(PoolSchema).optional().describe('Separate host pools; a workload goes to the first pool it matches'),
  zones: z
    .array(z.strictObject({ name: z.string().min(1), match: MatchSchema }))
    .optional()
    .describe('Security zones (e.g. dmz, pci): a zone is a host pool of its own, placed before the pools, so its workloads never share a host or a cluster with other zones or the rest'),
  pinned: z.array(PinSchema).optional(),
  exclude: z.array(z.string().min(1)).optional().describe('Workload names or globs left out of the plan (listed as excluded)'),
  honourDrsRules: z.boolean().optional().describe("Enforce today's DRS rules (RVTools) as constraints (default true)"),
  drsRules: z
    .record(
      z.string(),
      z.union([
        z.enum(['anti-affinity', 'affinity', 'ignore']),
        z.strictObject({ pool: z.string().min(1).describe('The pool its VMs go to (a VM-Host rule\'s host group)') }),
      ]),
    )
    .optional()
    .describe(
      "How to read a DRS rule, by name; overrides the rule's type from the export (affinity and anti-affinity rules are enforced, VM-Host rules reported unless mapped here)",
    ),
  applianceGroups: z
    .enum(['same-host', 'ignore'])
    .optional()
    .describe('The virtual systems of one OVF VirtualSystemCollection (vApp): kept on one host (default), or placed freely'),
});
export type ConstraintsInput = z.infer<typeof ConstraintsSchema>;

export const ReportSchema = z.strictObject({
  customer: z.string().optional(),
  assessor: z.string().optional(),
  company: z.string().optional(),
  logo: z.string().optional().describe('Path to a PNG/JPEG logo, relative to the config file'),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like "#1f6feb"').optional(),
  currency: z.string().min(1).max(8).optional(),
});

export const ReadinessSchema = z.strictObject({
  profile: z.string().optional(),
  platforms: z.array(z.string().min(1)).optional(),
  licences: z
    .record(z.string().min(1), z.array(z.string().min(1)))
    .optional()
    .describe('Platform id → names of businessCase.licences schemes that license it (criterion cost-for-estate); [] = no licence cost; a platform not listed is not rated'),
});

export const ScenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  policy: PolicySchema.optional(),
  hostModels: z.array(HostModelSchema).optional(),
});

/** Time-series options for `dcplan assess` (the same as `dcplan collect --window ... --percentile ...`). */
export const CollectSeriesSchema = z.strictObject({
  window: z.enum(['day', 'week', 'month', 'all']).optional(),
  weekdaysOnly: z.boolean().optional(),
  percentile: z.number().int().min(1).max(100).optional(),
  granularity: z.enum(['auto', 'hourly', 'weekly']).optional(),
  resampleSeconds: z.number().int().positive().optional(),
  intervalSeconds: z.number().int().positive().optional(),
  capacityMhz: z.number().positive().optional(),
  tzBiasMinutes: z.number().int().optional(),
  encoding: z.string().optional(),
});

export const CollectSchema = z.strictObject({
  includePoweredOff: z.boolean().optional(),
  ovfOption: z
    .string()
    .min(1)
    .optional()
    .describe('OVF / OVA packages: the deployment option to size (default: the option the package marks default); --ovf-option overrides it'),
  series: CollectSeriesSchema.optional(),
});

/**
 * The `businessCase` section (issue 12): the money inputs of a multi-year cost of keeping the estate as it is versus
 * consolidating it, and the licence schemes that stack on hosts and VMs. Prices are the user's inputs (a quote, a
 * contract); the tool carries no list prices. Resolved with its defaults in business-case.ts.
 */
const money = (what: string) => z.number().min(0).describe(what);

/**
 * One licence scheme. Schemes stack: a host of the `sql` pool on a VCF platform carries both the VCF and the SQL Server
 * scheme. `covers` says what is licensed; `unit` how it is counted; `term` how it is paid.
 */
export const LicenceSchemeSchema = z
  .strictObject({
    name: z.string().min(1).describe('Shown in the report, e.g. "VMware VCF", "SQL Server Enterprise"'),
    covers: z
      .enum(['hosts', 'pool-hosts', 'vms'])
      .describe('hosts = every planned host (the platform); pool-hosts = the hosts of the pools named in `pools`; vms = the workloads matching `match`'),
    pools: z.array(z.string().min(1)).optional().describe('covers pool-hosts: the pools whose hosts are licensed'),
    match: MatchSchema.optional().describe('covers vms: which workloads are licensed (default: every placed workload)'),
    unit: z
      .enum(['core', 'socket-pair', 'host', 'vcpu', 'vm'])
      .describe('core = physical cores of a host (with the minimums below); socket-pair = one per two CPUs of a host, rounded up; host = one per host; vcpu = virtual cores of a VM (at least minCoresPerVm); vm = one per VM'),
    minCoresPerCpu: z.number().int().min(0).optional().describe('unit core: cores licensed at least per CPU (VCF/VVF: 16; Windows Server: 8)'),
    minCoresPerHost: z.number().int().min(0).optional().describe('unit core: cores licensed at least per host (Windows Server: 16)'),
    minCoresPerVm: z.number().int().min(0).optional().describe('unit vcpu: cores licensed at least per VM (SQL Server per VM: 4)'),
    minUnits: z.number().int().min(0).optional().describe('Least units of one purchase (e.g. a per-order core minimum)'),
    price: money('Price per unit: one-off for a perpetual licence, per year for a subscription, in report.currency'),
    term: z.enum(['perpetual', 'subscription']).describe('perpetual = bought once, plus yearly support; subscription = price per year'),
    supportPct: z.number().min(0).max(2).optional().describe('perpetual: yearly support / Software Assurance as a share of the price (0.25 = 25 %)'),
    ownedUnits: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('perpetual: units the customer owns today (default: the units today\'s estate needs); only the shortfall is bought'),
    before: z.boolean().optional().describe('Count the scheme on today\'s estate too (default true)'),
    source: z.string().optional().describe('Where the counting rule comes from (printed in the report)'),
  })
  .superRefine((s, ctx) => {
    const hostUnit = s.unit === 'core' || s.unit === 'socket-pair' || s.unit === 'host';
    if (s.covers === 'vms' && hostUnit) ctx.addIssue({ code: 'custom', path: ['unit'], message: `covers vms counts per VM: unit must be vcpu or vm, not ${s.unit}` });
    if (s.covers !== 'vms' && !hostUnit) ctx.addIssue({ code: 'custom', path: ['unit'], message: `covers ${s.covers} counts per host: unit must be core, socket-pair or host, not ${s.unit}` });
    if (s.covers === 'pool-hosts' && !(s.pools && s.pools.length > 0)) ctx.addIssue({ code: 'custom', path: ['pools'], message: 'covers pool-hosts needs the pools it licenses' });
    if (s.term === 'subscription' && (s.supportPct !== undefined || s.ownedUnits !== undefined))
      ctx.addIssue({ code: 'custom', path: ['term'], message: 'a subscription has no separate support or owned units; give supportPct / ownedUnits only for term perpetual' });
  });
export type LicenceScheme = z.infer<typeof LicenceSchemeSchema>;

export const BusinessCaseSchema = z.strictObject({
  years: z.number().int().min(1).max(15).optional().describe('Horizon of the comparison in years (default 5, a usual hardware life)'),
  energyPricePerKwh: money('Electricity price per kWh, in report.currency'),
  pue: z.number().min(1).max(3).optional().describe('Power usage effectiveness: facility power / IT power (default 1.56, Uptime Institute 2024 average)'),
  spaceCostPerRackUnitMonth: money('Cost of one rack unit per month (colocation or own floor space), in report.currency').optional(),
  hardwareSupport: z
    .strictObject({
      pctOfPricePerYear: z.number().min(0).max(1).optional().describe('Yearly support of a new host as a share of its price (0.1 = 10 %)'),
      perHostPerYear: money('Yearly support per new host').optional(),
    })
    .optional()
    .describe('Support / maintenance of the new hosts from year 1 (both given: added)'),
  existingHosts: z
    .strictObject({
      supportPerHostPerYear: money("Yearly support of one of today's hosts (kept in 'before'; for reused hosts also in 'after')").optional(),
      residualValuePerHost: money("Resale value of one of today's hosts that is retired (a one-off credit in 'after')").optional(),
    })
    .optional(),
  migration: z
    .strictObject({
      perWorkload: money('One-off cost to migrate one workload').optional(),
      hoursPerWorkload: z.number().min(0).optional().describe('Effort per workload in hours (with ratePerHour)'),
      ratePerHour: money('Cost of one hour of migration effort').optional(),
    })
    .optional(),
  decommission: z
    .strictObject({
      workloads: z.array(z.string().min(1)).optional().describe('Names or globs of idle / zombie workloads to switch off instead of migrating'),
      match: MatchSchema.optional(),
      idle: z
        .strictObject({
          cpuPctAtMost: z.number().min(0).max(100).describe('Measured CPU (every figure the inventory has: average, percentiles, peak) at most this % of the vCPUs'),
          memoryPctAtMost: z.number().min(0).max(100).optional().describe('and measured (active) memory at most this % of the memory'),
        })
        .optional()
        .describe('Retire powered-on workloads whose measured use is this low (a workload without a measured figure is never retired by this rule)'),
    })
    .optional()
    .describe('Idle / zombie workloads retired instead of migrated: left out of the plan, so their capacity, migration and per-VM licences are saved'),
  licences: z.array(LicenceSchemeSchema).optional().describe('Licence schemes; they stack (a host or VM pays every scheme that covers it)'),
});
export type BusinessCaseInput = z.infer<typeof BusinessCaseSchema>;

export const AssessmentConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  policy: PolicySchema.optional(),
  hostModels: z.array(HostModelSchema).optional(),
  constraints: ConstraintsSchema.optional(),
  report: ReportSchema.optional(),
  readiness: ReadinessSchema.optional(),
  scenarios: z.array(ScenarioSchema).optional(),
  collect: CollectSchema.optional(),
  businessCase: BusinessCaseSchema.optional().describe('Multi-year cost before and after consolidation (docs/business-case.md)'),
});
export type AssessmentConfigInput = z.infer<typeof AssessmentConfigSchema>;

export function assessmentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(AssessmentConfigSchema),
    $id: 'https://dcplan.local/schemas/assessment.schema.json',
    title: 'dcplan assessment config',
  };
}
