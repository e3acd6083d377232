import type { Dimension } from '../plan/types';

/** One thing the plan gets wrong, named as precisely as the verifier can: host, workload, dimension, load vs capacity. */
export interface Violation {
  code: string;
  message: string;
  host?: string;
  workload?: string;
  dimension?: Dimension;
  /** Time-series plans: the slot (hour of day, or hour of week from Monday 00:00). */
  slot?: number;
  load?: number;
  capacity?: number;
}

export interface VerifyResult {
  ok: boolean;
  hosts: number;
  workloads: number;
  /** Individual assertions evaluated (each capacity per host and dimension and slot, each constraint, each placement). */
  checks: number;
  violations: Violation[];
  /** Things checked only partly, or accepted with a caveat (never a silent skip). */
  notes: string[];
}

/** Relative tolerance on every capacity comparison: load <= capacity × (1 + 1e-6). Covers float rounding of sums and of
 * figures written to JSON with fewer digits, and nothing a user would call an overload (1 MHz on a 1 THz cluster). */
export const CAPACITY_TOLERANCE = 1e-6;
