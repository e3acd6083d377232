import { z } from 'zod';
import { Evidence, MigrationEstimate, PlatformCost } from '../types';
import { EstateFacts } from '../estate';
import { Platform, RuleSet } from '../model';
import { Workload } from '../../inventory/schema';

export interface CheckResult {
  pass: boolean;
  evidence: Evidence[];
  /** What the estate showed, in a few words (estate checks only). */
  note?: string;
  /** Set when the check needed estate data the inventory does not carry (the reason). */
  notRun?: string;
  /** Set when the criterion cannot be rated at all for lack of data (the reason): rating "not rated", out of the totals. */
  notRated?: string;
}

export interface PlatformCheckContext {
  platform: Platform;
  /** Absent when no inventory was given. */
  estate?: EstateFacts;
  /** Migration effort per platform id (with an inventory). */
  migration?: Map<string, MigrationEstimate>;
  /** Licence cost per platform id. */
  costs?: Map<string, PlatformCost>;
}

/** A check that derives part of a rating from platform facts and, where it says so, estate figures. */
export interface PlatformCheck<O = unknown> {
  id: string;
  summary: string;
  options: z.ZodType<O>;
  /** Facts the check reads, so the linter can reject a check that names an unknown fact. */
  factsUsed(options: O): string[];
  run(options: O, ctx: PlatformCheckContext): CheckResult;
}

export interface HostModelLimit {
  id: string;
  cores: number;
  memoryGib: number;
}

export interface WorkloadCheckContext {
  rules: RuleSet;
  /** Platform-scope rules only. */
  platform?: Platform;
  /** ISO date the end-of-support table is read against. */
  asOf: string;
  hostModels?: HostModelLimit[];
}

/** A check on one workload; returns what it found (the `{detail}` of the message) or undefined when it passes. */
export interface WorkloadCheck<O = unknown> {
  id: string;
  summary: string;
  options: z.ZodType<O>;
  /** Needs a platform (only usable in platform-scope rules). */
  needsPlatform: boolean;
  run(options: O, w: Workload, ctx: WorkloadCheckContext): string | undefined;
  /**
   * When the workload is one the check is about but lacks the data to judge it: what is missing (a few words). Such
   * workloads are counted under the rule in `checksNotRun` rather than passed silently.
   */
  lacks?(options: O, w: Workload): string | undefined;
}
