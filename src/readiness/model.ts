import {
  CpuAssistsFile,
  CriterionFile,
  OsLifecycleFile,
  PlatformFile,
  ProfileFile,
  WorkloadRuleFile,
} from './schema/rule-files';
import { Condition } from './conditions';
import { FactValue } from './schema/facts';

/** The rules as loaded and validated: plain data the engine reads. */
export interface Criterion extends Omit<CriterionFile, 'levels'> {
  file: string;
  levels: { rating: string; when?: Condition; rationale: string }[];
}

export interface Platform extends Omit<PlatformFile, 'facts'> {
  file: string;
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
}

export function formatFactValue(v: FactValue): string | number | boolean {
  if (v === null) return 'no limit of its own';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.join(', ');
  return v;
}
