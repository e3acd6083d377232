import { Inventory } from '../inventory/schema';
import { Plan } from '../plan/types';
import { WavePlan } from '../plan/waves';
import { Scorecard } from '../readiness/types';
import type { Maturity } from '../maturity/schema';

export const REPORT_FORMATS = ['pdf', 'html', 'xlsx', 'csv', 'json'] as const;
export type ReportFormatId = (typeof REPORT_FORMATS)[number];

/** The `report` section of the assessment config (branding). Every field optional: the report says "not given". */
export interface ReportBranding {
  customer?: string;
  assessor?: string;
  company?: string;
  /** Absolute path (or relative to the working directory) of a PNG/JPEG logo. */
  logo?: string;
  /** `#rrggbb` */
  accentColor?: string;
  currency?: string;
}

/** What the reports are rendered from: the three checkpoints, the config they were made with, and optional what-ifs. */
export interface ReportInput {
  inventory: Inventory;
  plan: Plan;
  scorecard: Scorecard;
  /** The effective assessment config; only `report` (branding) is read here — policy values come from `plan.policy`. */
  config?: { report?: ReportBranding };
  /** Several scenarios (the first is normally the main plan): compared side by side. */
  scenarios?: { name: string; plan: Plan }[];
  /** Migration waves (plan/waves.ts): a report part, a Waves sheet and each workload's wave in the Workloads sheet. */
  waves?: WavePlan;
  /** The maturity assessment (maturity.json): the chapter "Infrastructure maturity and roadmap". */
  maturity?: Maturity;
}

export interface RenderOptions {
  outDir: string;
  formats: readonly string[];
  /** Dates the report and fixes the PDF metadata (CreationDate, ModDate, file ID). */
  fixedDate?: Date;
  /** Byte-reproducible output even without fixedDate (metadata dated 2000-01-01). */
  deterministic?: boolean;
  /** File name stem, default `report`. */
  baseName?: string;
  /** Pseudonyms for every name of the estate (report/anonymise.ts), keyed by this salt; the mapping goes to anonymise-map.csv. */
  anonymise?: { salt: Buffer };
}
