/**
 * `dcplan report`: every report re-rendered from the checkpoints of an out-dir (inventory.json, plan.json and any
 * plan-<scenario>.json, scorecard.json), e.g. after a hand edit. The checkpoints are read with their schemas, then
 * checked against each other (report/consistency.ts); a mismatch is exit 2 naming the file and the field.
 */
import * as fs from 'fs';
import * as path from 'path';
import { countBySeverity, error, Problem, UserError } from '../diagnostics';
import { AssessmentConfig, loadConfig } from '../config';
import { readInventory } from '../inventory/io';
import { readPlan } from '../plan/io';
import { Plan } from '../plan/types';
import { MATURITY_SCHEMA, Maturity, MaturitySchema } from '../maturity/schema';
import { readScorecard } from '../readiness/io';
import { CheckpointKind, readCheckpoint } from '../util/checkpoint';
import { ANONYMISE_MAP, loadSalt, renderReports, reportWaves } from '../report';
import { checkConsistency } from '../report/consistency';
import { assessmentDate } from './inputs';
import { checkOutDirFlag, claimOutDir, finishOutDir } from './out-dir';
import { withAbsoluteLogo } from './pipeline';
import { AnonymisedInfo, ReportFormat } from './types';

export interface RerenderOptions {
  /** The out-dir of an earlier `dcplan assess`. */
  dir: string;
  formats: ReportFormat[];
  /** Assessment config for the branding (customer, assessor, logo); none = the report says "not named". */
  config?: string;
  /** Report date; default the scorecard's `asOf` (the assessment date). */
  date?: string;
  anonymise?: { saltFile?: string };
}

export interface RerenderResult {
  status: 'ok';
  dir: string;
  date: string;
  checkpoints: { inventory: string; plan: string; scorecard: string; scenarioPlans: string[]; maturity?: string };
  /** Report files written, relative to `dir`, sorted. */
  reports: string[];
  /** The scenarios compared, in report order (the first is plan.json). */
  scenarios: string[];
  problemCounts: { error: number; warning: number; info: number };
  problems: Problem[];
  anonymised?: AnonymisedInfo;
}

const SCENARIO_PLAN = /^plan-(.+)\.json$/;

/** maturity.json, when the assess run wrote one (issue 14): re-rendered with the rest, and kept in the manifest. */
const MATURITY_FILE: CheckpointKind<Maturity> = {
  noun: 'Maturity assessment',
  tag: MATURITY_SCHEMA,
  schema: MaturitySchema,
  invalidCode: 'invalid-maturity',
  createHint: 'Run dcplan assess to write it.',
  versionHint: 'Run dcplan assess again to write a maturity.json this version reads.',
};

export async function rerenderReports(opts: RerenderOptions): Promise<RerenderResult> {
  const dir = path.resolve(opts.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new UserError(error('report-dir-missing', `${opts.dir} is not a folder.`, { file: opts.dir }, 'Give the out-dir of a dcplan assess run (it holds inventory.json, plan.json, scorecard.json).'));
  checkOutDirFlag(opts.dir);
  const at = (f: string) => path.join(dir, f);
  const inventory = readInventory(at('inventory.json'), 'inventory.json');
  const plan = readPlan(at('plan.json'), 'plan.json');
  const scorecard = readScorecard(at('scorecard.json'), 'scorecard.json');
  const maturity = fs.existsSync(at('maturity.json')) ? readCheckpoint(at('maturity.json'), MATURITY_FILE, 'maturity.json') : undefined;
  const scenarioFiles = fs.readdirSync(dir).filter((f) => SCENARIO_PLAN.test(f)).sort();
  const scenarioPlans = scenarioFiles.map((f) => ({ file: f, doc: readPlan(at(f), f), same: sameBytes(at(f), at('plan.json')) }));
  const mismatches = checkConsistency({
    inventory: { file: 'inventory.json', doc: inventory },
    plans: [{ file: 'plan.json', doc: plan }, ...scenarioPlans],
    scorecard: { file: 'scorecard.json', doc: scorecard },
  });
  if (mismatches.length > 0) throw new UserError(mismatches);

  const problems: Problem[] = [];
  let config: AssessmentConfig | undefined;
  if (opts.config) {
    const loaded = loadConfig(opts.config);
    if (!loaded.config) throw new UserError(loaded.problems.filter((p) => p.severity === 'error'));
    problems.push(...loaded.problems);
    config = withAbsoluteLogo(loaded.config, opts.config);
  }
  const { date } = assessmentDate(opts.date ?? scorecard.asOf);
  const scenarios = scenarioList(plan, scenarioPlans);

  const salt = opts.anonymise ? loadSalt(opts.anonymise.saltFile) : undefined;
  const claim = claimOutDir(dir, opts.dir);
  try {
    const rendered = await renderReports(
      { inventory, plan, scorecard, waves: reportWaves(inventory, scorecard), ...(maturity ? { maturity } : {}), ...(config ? { config } : {}), ...(scenarios.length > 1 ? { scenarios } : {}) },
      { outDir: dir, formats: opts.formats, fixedDate: new Date(`${date}T00:00:00Z`), deterministic: true, ...(salt ? { anonymise: { salt: salt.salt } } : {}) },
    );
    const reports = rendered.files.map((f) => path.relative(dir, f)).sort();
    const checkpoints = ['inventory.json', 'plan.json', 'scorecard.json', ...(maturity ? ['maturity.json'] : []), ...scenarioFiles];
    problems.push(...rendered.problems, ...finishOutDir(dir, claim, [...checkpoints, ...reports]));
    return {
      status: 'ok',
      dir,
      date,
      checkpoints: { inventory: 'inventory.json', plan: 'plan.json', scorecard: 'scorecard.json', scenarioPlans: scenarioFiles, ...(maturity ? { maturity: 'maturity.json' } : {}) },
      reports,
      scenarios: scenarios.map((s) => s.name),
      problemCounts: countBySeverity(problems),
      problems,
      ...(salt ? { anonymised: { saltFile: salt.file, saltCreated: salt.created, map: ANONYMISE_MAP } } : {}),
    };
  } finally {
    claim.release();
  }
}

/**
 * The scenarios in report order: plan.json first (under the name of the plan-<name>.json it equals; "plan.json" once it
 * was edited on its own), then the other scenario plans by file name.
 */
function scenarioList(plan: Plan, plans: { file: string; doc: Plan; same: boolean }[]): { name: string; plan: Plan }[] {
  if (plans.length === 0) return [];
  const twin = plans.find((p) => p.same);
  const nameOf = (f: string) => SCENARIO_PLAN.exec(f)![1];
  return [{ name: twin ? nameOf(twin.file) : 'plan.json', plan }, ...plans.filter((p) => p !== twin).map((p) => ({ name: nameOf(p.file), plan: p.doc }))];
}

function sameBytes(a: string, b: string): boolean {
  return fs.readFileSync(a).equals(fs.readFileSync(b));
}
