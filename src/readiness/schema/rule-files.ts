import { z } from 'zod';

/**
 * Schemas of the files under rules/. All objects are strict: an unknown key is an error naming file and path.
 * Conditions (`when`, `check`, `onPlatformsWhere`) are checked by ../conditions.ts against the check registry,
 * so each check's own options get their own precise errors.
 */

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id (a-z, 0-9, -)');
const Text = z.string().min(1, 'must not be empty');

export const ScaleStepSchema = z.strictObject({ label: Text, score: z.number().min(0).max(100) });

export const LevelSchema = z.strictObject({
  rating: Text,
  /** Absent = always holds (the fallback level, last). */
  when: z.unknown().optional(),
  /** One sentence; `{platform}` = platform name, `{detail}` = what the estate checks found ("; …" or empty). */
  rationale: Text,
});

export const CriterionFileSchema = z.strictObject({
  id: Id,
  /** Position in the seed's table, 1-10. */
  order: z.number().int().min(1),
  title: Text,
  description: Text,
  /** The seed's rating scale for this criterion, lowest first. */
  scale: z.array(ScaleStepSchema).min(2),
  levels: z.array(LevelSchema).min(1),
});
export type CriterionFile = z.infer<typeof CriterionFileSchema>;

export const DocumentSchema = z.strictObject({ title: Text, url: z.url().optional() });

export const FactSourceSchema = z.strictObject({
  doc: Id,
  section: Text.optional(),
  /** What the source says, in our words, when the section name alone does not. */
  says: Text.optional(),
});

export const FactSchema = z.strictObject({
  value: z.union([z.boolean(), z.number(), z.string(), z.array(z.string()), z.null()]),
  source: FactSourceSchema,
  note: Text.optional(),
});

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/**
 * Where the product is in its vendor's life cycle. Recommendations consider `current` platforms still inside
 * `endOfSupport` unless the user names others; a date nobody could source stays null with `unsourced` saying so.
 */
export const LifecycleSchema = z.strictObject({
  status: z.enum(['current', 'historical']),
  /** The release the platform's facts describe. */
  release: Text,
  /** Last day of security fixes without a paid extension (or null when no source gives it). */
  endOfSupport: IsoDate.nullable(),
  /** What the date is in the vendor's terms (end of general support, of extended support, ...). */
  endOfSupportMeans: Text,
  source: FactSourceSchema,
  /** Why a date is missing: required when endOfSupport is null. */
  unsourced: Text.optional(),
});

export const PlatformFileSchema = z.strictObject({
  id: Id,
  name: Text,
  /** Column header in the criteria × platforms table (at most 14 characters). */
  shortName: z.string().min(1).max(14),
  vendor: Text,
  /** `seed-2008` = as the seed paper describes it; `current` = today's product. */
  era: z.enum(['seed-2008', 'current']),
  order: z.number().int().min(1),
  description: Text,
  lifecycle: LifecycleSchema,
  documents: z.record(Id, DocumentSchema),
  facts: z.record(z.string(), FactSchema),
});
export type PlatformFile = z.infer<typeof PlatformFileSchema>;

export const ProfileFileSchema = z.strictObject({
  id: Id,
  name: Text,
  description: Text,
  weights: z.record(z.string(), z.number().min(0).max(100)),
});
export type ProfileFile = z.infer<typeof ProfileFileSchema>;

/** Inventory data a workload rule needs; see ../needs.ts for what each means. */
export const NEEDS = [
  'disk-details',
  'ft-state',
  'snapshots',
  'device-details',
  'firmware',
  'os-name',
  'os-family',
  'idle-zombie-flags',
  'physical-cpu-utilization',
  'host-models',
  'tools-status',
] as const;
export type Need = (typeof NEEDS)[number];

export const WorkloadRuleFileSchema = z.strictObject({
  id: Id,
  title: Text,
  severity: z.enum(['critical', 'warning', 'info']),
  /** `estate`: one finding per workload; `platform`: one per workload and platform it applies to. */
  scope: z.enum(['estate', 'platform']),
  /** Platform-scope rules only: the platforms the rule applies to (a platform condition). Absent = all. */
  onPlatformsWhere: z.unknown().optional(),
  needs: z.array(z.enum(NEEDS)),
  check: z.unknown(),
  /** `{workload}` = name, `{detail}` = what the check found, `{platform}` = platform name (platform scope). */
  message: Text,
  remediation: Text,
});
export type WorkloadRuleFile = z.infer<typeof WorkloadRuleFileSchema>;

export const OsLifecycleFileSchema = z.strictObject({
  description: Text,
  documents: z.record(Id, DocumentSchema),
  /** First entry whose `match` fragments all occur (and no `exclude` fragment does) in the OS name wins. */
  entries: z.array(
    z.strictObject({
      id: Id,
      name: Text,
      family: z.enum(['windows', 'linux', 'unix', 'other']),
      match: z.array(Text).min(1),
      exclude: z.array(Text).optional(),
      endOfSupport: IsoDate,
      source: FactSourceSchema,
    }),
  ),
});
export type OsLifecycleFile = z.infer<typeof OsLifecycleFileSchema>;

export const GUEST_CLASSES = ['non-x86', 'legacy'] as const;
export type GuestClass = (typeof GUEST_CLASSES)[number];

export const GuestPlatformsFileSchema = z.strictObject({
  description: Text,
  documents: z.record(Id, DocumentSchema),
  /** `os.arch` fragments (lower-case) that name a non-x86 processor. */
  nonX86Architectures: z.array(z.strictObject({ match: Text, name: Text })),
  /** First entry all of whose `match` fragments occur as whole words (and no `exclude` does) in the OS name wins. */
  entries: z.array(
    z.strictObject({
      id: Id,
      name: Text,
      class: z.enum(GUEST_CLASSES),
      /** The hardware a non-x86 guest needs. */
      hardware: Text.optional(),
      match: z.array(Text).min(1),
      exclude: z.array(Text).optional(),
      source: FactSourceSchema,
    }),
  ),
});
export type GuestPlatformsFile = z.infer<typeof GuestPlatformsFileSchema>;

export const MIGRATION_MODES = ['live', 'warm', 'cold', 'manual'] as const;
export type MigrationMode = (typeof MIGRATION_MODES)[number];

export const ConversionRoutesFileSchema = z.strictObject({
  description: Text,
  documents: z.record(Id, DocumentSchema),
  /** Source platforms a workload can come from: told by its host's hypervisor name or its export's format. */
  sources: z.array(
    z.strictObject({ id: Id, name: Text, hypervisor: z.array(Text), formats: z.array(Text).optional() }),
  ),
  routes: z.array(
    z.strictObject({
      from: Id,
      /** A platform id of rules/platforms. */
      to: Id,
      tool: Text,
      mode: z.enum(['live', 'warm', 'cold']),
      /** Workload rules whose findings stop the tool: the workload needs hands-on work. */
      blockedBy: z.array(Id),
      /** Largest disk the tool copies, GiB. */
      maxDiskGib: z.number().positive().optional(),
      source: FactSourceSchema,
    }),
  ),
});
export type ConversionRoutesFile = z.infer<typeof ConversionRoutesFileSchema>;

export const MigrationEffortFileSchema = z.strictObject({
  description: Text,
  modePoints: z.strictObject({ live: z.number().min(0), warm: z.number().min(0), cold: z.number().min(0), manual: z.number().min(0) }),
  blockedPoints: z.number().min(0),
  diskBands: z.array(z.strictObject({ overGib: z.number().positive(), points: z.number().min(0) })),
  /** Points per finding of a workload rule (rule id → points). */
  findingPoints: z.record(Id, z.number().min(0)),
});
export type MigrationEffortFile = z.infer<typeof MigrationEffortFileSchema>;

export const ApplianceImportFileSchema = z.strictObject({
  description: Text,
  documents: z.record(Id, DocumentSchema),
  targets: z.array(
    z.strictObject({
      /** A platform id of rules/platforms. */
      platform: Id,
      import: z.enum(['native', 'limited', 'none']),
      tool: Text,
      /** Deploys a VirtualSystemCollection (vApp) as one; absent = not stated. */
      multiVm: z.boolean().optional(),
      checksManifest: z.boolean().optional(),
      /** Newest VMware virtual hardware version (vmx-N) it accepts. */
      maxVmxVersion: z.number().int().positive().optional(),
      /** Only packages made by VMware vSphere (a vmx-N hardware family). */
      originVmxOnly: z.boolean().optional(),
      /** UEFI firmware of the appliance survives the import. */
      uefiImport: z.boolean().optional(),
      /** Disk formats it reads (the part of the OVF format before "-": vmdk, vhd, qcow2, raw). */
      diskFormats: z.array(Text).optional(),
      source: FactSourceSchema,
    }),
  ),
});
export type ApplianceImportFile = z.infer<typeof ApplianceImportFileSchema>;
export const APPLIANCE_ASPECTS = ['no-import', 'multi-vm', 'hardware-version', 'uefi', 'disk-format', 'manifest-unchecked'] as const;
export type ApplianceAspect = (typeof APPLIANCE_ASPECTS)[number];

export const CpuAssistsFileSchema = z.strictObject({
  description: Text,
  documents: z.record(Id, DocumentSchema),
  /** A host whose Max EVC mode is set has the assists (EVC itself requires them). */
  evcImpliesAssists: z.boolean(),
  /** First pattern whose fragments all occur in the CPU model (lower-case) decides. */
  patterns: z.array(
    z.strictObject({
      match: z.array(Text).min(1),
      hasAssists: z.boolean(),
      why: Text,
      source: FactSourceSchema,
    }),
  ),
});
export type CpuAssistsFile = z.infer<typeof CpuAssistsFileSchema>;
