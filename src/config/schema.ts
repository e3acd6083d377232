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

export const PolicySchema = z.strictObject({
  sizing: z.enum(['performance', 'allocated']).optional().describe('performance = measured utilisation; allocated = vCPU / oversubscription, memory / overcommit'),
  percentile: z.number().min(50).max(100).optional().describe('Utilisation percentile to size on (50, 90, 95, 99; 100 = peak)'),
  headroom: z.number().min(0).max(10).optional().describe('Comfort factor: 0.2 = +20 % on every demand'),
  growth: z.number().min(0).max(10).optional().describe('Growth: 0.1 = +10 % on every demand'),
  cpuOversubscription: z.number().positive().optional().describe('vCPU per physical core (allocated sizing and CPU fallback)'),
  memoryOvercommit: z.number().positive().optional().describe('Allocated memory / physical memory (allocated sizing and memory fallback)'),
  targetUtilization: TargetUtilizationSchema.optional(),
  haSpareHosts: z.number().int().min(0).max(16).optional().describe('N+K: K spare hosts per target cluster'),
  maxHostsPerCluster: z.number().int().min(2).optional().describe('Most hosts in one target cluster, spares included'),
  maxWorkloadsPerHost: z.number().int().min(1).optional().describe('Most workloads on one host'),
  storageBasis: z.enum(['provisioned', 'used']).optional().describe('Size storage on provisioned or used GiB'),
  storageFttMultiplier: z.number().min(1).max(4).optional().describe('Raw-to-usable multiplier, e.g. 2 for vSAN FTT=1 RAID-1'),
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
  memoryGib: z.number().positive(),
  storageGib: z.number().positive().optional(),
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
  pinned: z.array(PinSchema).optional(),
  exclude: z.array(z.string().min(1)).optional().describe('Workload names or globs left out of the plan (listed as excluded)'),
  honourDrsRules: z.boolean().optional().describe('Read RVTools DRS rule names as constraints (default true)'),
  drsRules: z
    .record(z.string(), z.enum(['anti-affinity', 'affinity', 'ignore']))
    .optional()
    .describe('How to read a DRS rule by name; otherwise names containing anti/separate/apart are anti-affinity'),
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

export const AssessmentConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  policy: PolicySchema.optional(),
  hostModels: z.array(HostModelSchema).optional(),
  constraints: ConstraintsSchema.optional(),
  report: ReportSchema.optional(),
  readiness: ReadinessSchema.optional(),
  scenarios: z.array(ScenarioSchema).optional(),
  collect: CollectSchema.optional(),
});
export type AssessmentConfigInput = z.infer<typeof AssessmentConfigSchema>;

export function assessmentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(AssessmentConfigSchema),
    $id: 'https://dcplan.local/schemas/assessment.schema.json',
    title: 'dcplan assessment config',
  };
}
