import {
  ApplianceImportFile,
  CpuAssistsFile,
  ConversionRoutesFile,
  CriterionFile,
  MigrationEffortFile,
  GuestPlatformsFile,
  OsLifecycleFile,
  PlatformFile,
  ProfileFile,
  WorkloadRuleFile,
} from './schema/rule-files';
import { FactValue } from './schema/facts';

/** A rule's condition as loaded: a tree of all / any / not over named checks (run by conditions.ts). */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { check: string; options: unknown };

/** The rules as loaded and validated: plain data the engine reads. */
export interface Criterion extends Omit<CriterionFile, 'levels'> {
  file: string;
  levels: { rating: string; when?: Condition; rationale: string }[];
}

export interface PlatformLifecycle {
  status: 'current' | 'historical';
  release: string;
  endOfSupport: string | null;
  endOfSupportMeans: string;
  /** The source, spelled out (title, section, URL, what it says). */
  source: string;
  unsourced?: string;
}

export interface Platform extends Omit<PlatformFile, 'facts' | 'lifecycle'> {
  file: string;
  lifecycle: PlatformLifecycle;
  facts: Record<string, { value: FactValue; source: string; note?: string }>;
}

export interface Profile extends ProfileFile {
  file: string;
}

export interface WorkloadRule extends Omit<WorkloadRuleFile, 'check' | 'onPlatformsWhere'> {
  file: string;
  check: { check: string; options: unknown };
  onPlatformsWhere?: Condition;
}

export interface RuleSet {
  dir: string;
  criteria: Criterion[];
  platforms: Platform[];
  profiles: Profile[];
  workloadRules: WorkloadRule[];
  osLifecycle: OsLifecycleFile;
  cpuAssists: CpuAssistsFile;
  guestPlatforms: GuestPlatformsFile;
  conversionRoutes: ConversionRoutesFile;
  migrationEffort: MigrationEffortFile;
  applianceImport: ApplianceImportFile;
}

export function formatFactValue(v: FactValue): string | number | boolean {
  if (v === null) return 'no limit of its own';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.join(', ');
  return v;
}
