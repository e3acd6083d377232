import { Problem } from '../diagnostics';
import { AssessmentConfig } from '../config';
import { Inventory } from '../inventory/schema';
import { Dimension, Plan } from '../plan/types';
import { Scorecard } from '../readiness/types';
import { WavePlan } from '../plan/waves';
import type { Maturity } from '../maturity/schema';
import type { MaturityRules } from '../maturity/loader';

/** Report formats `dcplan assess --format` accepts: the report's own list (one home, src/report/types.ts). */
import { ReportFormatId } from '../report/types';
export { REPORT_FORMATS } from '../report/types';
export type ReportFormat = ReportFormatId;

export type StageId = 'inputs' | 'collect' | 'plan' | 'score' | 'report';

/** A progress report: a stage starts, moves on (e.g. one scenario planned), or ends. */
export interface ProgressEvent {
  stage: StageId;
  phase: 'start' | 'step' | 'end';
  /** What is happening, e.g. "planning scenario dense-hosts (2/4)". */
  message: string;
  /** For steps: how far along, 0-1. */
  fraction?: number;
  /** Milliseconds since the run started. */
  elapsedMs: number;
}

export interface AssessOptions {
  /** Input files or folders; none = the demo estate in the package's `datasets/`. */
  files: string[];
  /** Assessment configs; none = `datasets/assessment.yaml` for the demo, else the built-in defaults. */
  configs: string[];
  /** Output folder; default `reports/<date>-<customer-slug>` under the current directory. */
  outDir?: string;
  formats: ReportFormat[];
  /**
   * The assessment date (yyyy-mm-dd). Given, reruns write byte-identical checkpoints: it names the default folder, dates the
   * report and the readiness end-of-support checks, fixes the PDF metadata, and run timings in the plans are written as 0.
   */
  date?: string;
  /** OVF / OVA: the deployment option to size (`--ovf-option`; wins over the config's `collect.ovfOption`). */
  ovfOption?: string;
  /** The maturity questionnaire's answers (`--maturity answers.yaml`, written by `dcplan template maturity`). */
  maturityAnswers?: string;
  onProgress?: (e: ProgressEvent) => void;
  /** `--anonymise [--salt file]`: reports with pseudonyms (report/anonymise.ts); the checkpoints keep the real names. */
  anonymise?: { saltFile?: string };
}

/** What an anonymised run says about its pseudonyms: the salt used (and whether it was made now) and the mapping file. */
export interface AnonymisedInfo {
  saltFile: string;
  saltCreated: boolean;
  map: string;
}

/** One planned what-if: its name, the config it was planned with, and the plan. */
export interface ScenarioRun {
  name: string;
  /** Where it came from: `<config file>` or `<config file> › scenarios.<name>`. */
  source: string;
  config: AssessmentConfig;
  plan: Plan;
  /** File the plan was written to, relative to the output folder. */
  planFile: string;
}

export interface HeadlineFigures {
  hostsBefore: number;
  hostsAfter: number;
  hostsByModel: Record<string, number>;
  reserveHosts: number;
  lowerBound: number;
  gap: number;
  /** Cost objective only: the lower bound on the active hosts' hardware + licence cost, and the plan's gap to it. */
  costLowerBound?: number;
  costGap?: number;
  placed: number;
  unplaced: number;
  consolidationRatio: number;
  limitingDimension: Dimension | null;
  utilizationBefore: Partial<Record<Dimension, number>>;
  utilizationAfter: Partial<Record<Dimension, number>>;
  powerKwBefore?: number;
  powerKwAfter: number;
  rackUnitsBefore?: number;
  rackUnitsAfter: number;
  hardwareCost: number;
  licenceCost: number;
  currency: string;
  /** Issue 12: the business case's totals over its horizon, when the config has one (plan.businessCase). */
  businessCase?: BusinessCaseHeadline;
}

export interface BusinessCaseHeadline {
  years: number;
  before: number;
  after: number;
  savings: number;
  oneOff: number;
  paybackMonth: number | null;
}

export interface ScenarioSummary {
  name: string;
  source: string;
  planFile: string;
  hosts: number;
  hostsByModel: Record<string, number>;
  reserveHosts: number;
  lowerBound: number;
  gap: number;
  /** Cost objective only: the plan's gap to the cost lower bound of its active hosts. */
  costGap?: number;
  unplaced: number;
  consolidationRatio: number;
  powerKwAfter: number;
  rackUnitsAfter: number;
  hardwareCost: number;
  licenceCost: number;
  totalCost: number;
  businessCase?: BusinessCaseHeadline;
}

/** What `dcplan assess --json` prints: files written, headline figures, recommendation, problems. */
export interface AssessResult {
  status: 'ok';
  /** True when no files were given and the demo estate ran. */
  demo: boolean;
  inputs: string[];
  configs: string[];
  outDir: string;
  date: string;
  /** Every file written, relative to `outDir`, sorted. */
  files: string[];
  checkpoints: { inventory: string; plan: string; scorecard: string; scenarioPlans: string[]; maturity?: string };
  reports: string[];
  inventory: { workloads: number; hosts: number; clusters: number; excluded: number; sources: { file: string; format: string; workloads: number }[] };
  headline: HeadlineFigures;
  recommendation: { platform: string; name: string; weightedTotal: number; reasons: string[] };
  findings: { critical: number; warning: number; info: number };
  scenarios: ScenarioSummary[];
  problemCounts: { error: number; warning: number; info: number };
  problems: Problem[];
  timings: { stage: StageId; seconds: number }[];
  anonymised?: AnonymisedInfo;
}

export interface MaturityInput {
  rules: MaturityRules;
  answers?: { file: string; values: Record<string, string> };
}

/** The stage functions the pipeline runs; injectable so the pipeline can be tested without the heavy stages. */
export interface AssessStages {
  loadConfig(file: string): { config: AssessmentConfig | null; problems: Problem[] };
  defaultConfig(): AssessmentConfig;
  scenarioConfig: (base: AssessmentConfig, name: string) => AssessmentConfig;
  collect(files: { path: string; displayName: string }[], opts: { includePoweredOff: boolean; series?: Record<string, unknown>; ovfOption?: string; ovfOptionFrom?: 'flag' | 'config' }): Promise<{ inventory: Inventory; problems: Problem[] }>;
  plan(inventory: Inventory, config: AssessmentConfig): Promise<Plan>;
  /** Optional: plan several scenarios at once (e.g. on worker threads); null = not possible here, plan one by one. */
  planMany?(inventory: Inventory, configs: AssessmentConfig[], onEach: (index: number, done: number) => void): Promise<Plan[] | null>;
  /** `plan`: the main scenario's plan; its business case prices the platforms (criterion cost-for-estate). */
  score(inventory: Inventory, config: AssessmentConfig, asOf: string, plan?: Plan): Promise<Scorecard>;
  /** Issue 14: the maturity rules and the questionnaire's answers, read before anything runs (bad answers: exit 2). */
  maturityInput?(answersFile: string | undefined): MaturityInput;
  /** `reclaimPlan`: the main config's plan of the estate without its idle, zombie and powered-off workloads. */
  maturity?(input: MaturityInput, inventory: Inventory, asOf: string, plans?: { today: Plan; reclaimed: Plan }): Maturity;
  render(
    input: { inventory: Inventory; plan: Plan; scorecard: Scorecard; config: AssessmentConfig; scenarios?: { name: string; plan: Plan }[]; waves?: WavePlan; maturity?: Maturity },
    opts: { outDir: string; formats: ReportFormat[]; fixedDate: Date; deterministic: boolean; anonymise?: { salt: Buffer } },
  ): Promise<{ files: string[]; problems?: Problem[] }>;
}
