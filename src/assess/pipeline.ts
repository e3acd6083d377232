import * as fs from 'fs';
import * as path from 'path';
import { countBySeverity, error, Problem, UserError } from '../diagnostics';
import { AssessmentConfig } from '../config';
import { writeInventory } from '../inventory/io';
import { Inventory } from '../inventory/schema';
import { Plan } from '../plan/types';
import { Scorecard } from '../readiness/types';
import { reclaimable, withoutReclaimable } from '../maturity/sprawl';
import { writeJsonAtomic } from '../util/atomic-write';
import { ANONYMISE_MAP, loadSalt, reportWaves } from '../report';
import { PACKAGE_ROOT } from '../version';
import { assessmentDate, defaultOutDir, resolveInputs } from './inputs';
import { checkOutDirFlag, claimOutDir, finishOutDir, MANIFEST, removeOwnLeftovers } from './out-dir';
import { expandScenarios, scenarioPlanFile } from './scenarios';
import { withSensitivity } from './sensitivity';
import { headlineOf, scenarioSummaryOf } from './summary';
import { AssessOptions, AssessResult, AssessStages, ScenarioRun, StageId } from './types';
import { scenarioProblems } from './scenario-problems';

/** The deployment option for OVF packages: `--ovf-option`, else the first config's `collect.ovfOption`. */
function ovfOptionOf(opts: AssessOptions, config: AssessmentConfig): { ovfOption?: string; ovfOptionFrom?: 'flag' | 'config' } {
  if (opts.ovfOption) return { ovfOption: opts.ovfOption, ovfOptionFrom: 'flag' };
  if (config.collect.ovfOption) return { ovfOption: config.collect.ovfOption, ovfOptionFrom: 'config' };
  return {};
}

/**
 * `dcplan assess`: collect → plan (one plan per scenario) → score → report. Every checkpoint (`inventory.json`,
 * `plan.json`, `plan-<scenario>.json`, `scorecard.json`) and every report is written into the output folder atomically
 * (temporary name, then rename), so an interrupted or repeated run never leaves a half-written file.
 */
export async function runAssessment(opts: AssessOptions, stages: AssessStages): Promise<AssessResult> {
  const t0 = Date.now();
  const timings: { stage: StageId; seconds: number }[] = [];
  const emit = (stage: StageId, phase: 'start' | 'step' | 'end', message: string, fraction?: number) =>
    opts.onProgress?.({ stage, phase, message, elapsedMs: Date.now() - t0, ...(fraction !== undefined ? { fraction } : {}) });
  const timed = async <T>(stage: StageId, start: string, run: () => Promise<T>, done: (r: T) => string): Promise<T> => {
    emit(stage, 'start', start);
    const s = Date.now();
    const r = await run();
    timings.push({ stage, seconds: (Date.now() - s) / 1000 });
    emit(stage, 'end', done(r));
    return r;
  };

  // inputs and configs
  const inputs = resolveInputs(opts.files, opts.configs);
  const { date, fixed } = assessmentDate(opts.date);
  const loaded = inputs.configs.map((file) => ({ file, ...stages.loadConfig(file) }));
  const configProblems = loaded.flatMap((l) => l.problems);
  if (loaded.some((l) => !l.config)) throw new UserError(configProblems.filter((p) => p.severity === 'error'));
  const configs = loaded.length > 0
    ? loaded.map((l) => ({ file: displayName(l.file, inputs.demo), config: withAbsoluteLogo(l.config!, l.file) }))
    : [{ file: undefined, config: stages.defaultConfig() }];
  const specs = expandScenarios(configs, stages.scenarioConfig);
  const maturityIn = stages.maturityInput?.(opts.maturityAnswers);
  const main = configs[0].config;
  emit('inputs', 'end', inputs.demo
    ? `no input files given: running on the demo estate in ${path.join(PACKAGE_ROOT, 'datasets')} (a fictional customer)`
    : `${inputs.files.length} input file(s), ${specs.length} scenario(s)`);

  const salt = opts.anonymise ? loadSalt(opts.anonymise.saltFile) : undefined;
  checkOutDirFlag(opts.outDir);
  const outDir = path.resolve(opts.outDir ?? defaultOutDir(date, main.report.customer));
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory())
    throw new UserError(error('out-dir-not-a-folder', `--out-dir ${opts.outDir ?? outDir} exists and is not a folder`, { file: opts.outDir ?? outDir }));

  // collect
  const collected = await timed('collect', `reading ${inputs.files.length} file(s)`,
    () => stages.collect(inputs.files.map((f) => ({ path: f, displayName: displayName(f, inputs.demo) })), {
      includePoweredOff: main.collect.includePoweredOff,
      ...(main.collect.series ? { series: main.collect.series } : {}),
      ...ovfOptionOf(opts, main),
    }),
    (r) => `${r.inventory.workloads.length} workloads, ${r.inventory.hosts.length} existing hosts, ${r.inventory.excluded.length} excluded`);
  const inventory: Inventory = collected.inventory;
  // the folder is made only once the inputs have been read, so a run stopped by bad input leaves nothing behind
  fs.mkdirSync(outDir, { recursive: true });
  const claim = claimOutDir(outDir, opts.outDir ?? outDir);
  try {
    removeOwnLeftovers(outDir, claim);
    writeInventory(path.join(outDir, 'inventory.json'), inventory); // streamed: large estates never become one string

    // plan, one per scenario
    const runs: ScenarioRun[] = await timed('plan', `planning ${specs.length} scenario(s)`, async () => {
      const plans = (await stages.planMany?.(inventory, specs.map((s) => s.config), (i, done) =>
        emit('plan', 'step', `scenario ${specs[i].name} planned (${done}/${specs.length})`, done / specs.length))) ?? null;
      const out: ScenarioRun[] = [];
      for (const [i, spec] of specs.entries()) {
        if (!plans) emit('plan', 'step', `scenario ${spec.name} (${i + 1}/${specs.length})`, i / specs.length);
        const plan = stableTimings(plans ? plans[i] : await stages.plan(inventory, spec.config), fixed);
        out.push({ ...spec, plan, planFile: specs.length > 1 ? scenarioPlanFile(spec.name) : 'plan.json' });
      }
      // (issue 12) how the baseline's business case moves with energy price, oversubscription and growth
      if (out[0].config.businessCase) emit('plan', 'step', 'business case sensitivity: quick plans with vCPU per core and growth moved');
      out[0] = { ...out[0], plan: await withSensitivity(out[0].plan, out[0].config, inventory, stages) };
      return out;
    }, (r) => r.map((s) => `${s.name}: ${s.plan.summary.hosts} hosts`).join(', '));
    writeJsonAtomic(path.join(outDir, 'plan.json'), runs[0].plan);
    if (runs.length > 1) for (const r of runs) writeJsonAtomic(path.join(outDir, r.planFile), r.plan);

    // score
    const scorecard: Scorecard = await timed('score', 'rating readiness platforms against the estate',
      () => stages.score(inventory, main, date, runs[0].plan),
      (s) => `recommended: ${s.recommendation.name} (${s.findingCounts.critical} critical findings)`);
    writeJsonAtomic(path.join(outDir, 'scorecard.json'), scorecard);
    // maturity (issue 14): levels per capability from the inventory and the questionnaire
    // the reclaim scenario: the estate planned again without what sprawl holds (idle, zombie, powered-off workloads)
    const reclaimed = maturityIn && reclaimable(inventory).length > 0 ? await stages.plan(withoutReclaimable(inventory), main) : undefined;
    const maturity = maturityIn && stages.maturity
      ? stages.maturity(maturityIn, inventory, date, reclaimed ? { today: runs[0].plan, reclaimed } : undefined)
      : undefined;
    if (maturity) writeJsonAtomic(path.join(outDir, 'maturity.json'), maturity);

    // report
    const rendered = await timed('report', `rendering ${opts.formats.join(', ')}`,
      () => stages.render(
        { inventory, plan: runs[0].plan, scorecard, config: main, waves: reportWaves(inventory, scorecard), ...(maturity ? { maturity } : {}),
          ...(runs.length > 1 ? { scenarios: runs.map((r) => ({ name: r.name, plan: r.plan })) } : {}) },
        { outDir, formats: opts.formats, fixedDate: new Date(`${date}T00:00:00Z`), deterministic: fixed, ...(salt ? { anonymise: { salt: salt.salt } } : {}) }),
      (r) => `${r.files.length} report file(s)`);

    const checkpoints = ['inventory.json', 'plan.json', 'scorecard.json', ...(maturity ? ['maturity.json'] : []), ...(runs.length > 1 ? runs.map((r) => r.planFile) : [])];
    const reports = rendered.files.map((f) => path.relative(outDir, path.resolve(outDir, f))).sort();
    const outDirProblems = finishOutDir(outDir, claim, [...checkpoints, ...reports]);
    const problems: Problem[] = [...configProblems, ...collected.problems, ...scenarioProblems(runs.map((r) => ({ name: r.name, problems: r.plan.problems }))), ...scorecard.problems,
      ...(rendered.problems ?? []), ...outDirProblems];
    return {
      status: 'ok',
      demo: inputs.demo,
      inputs: inputs.files.map((f) => displayName(f, inputs.demo)),
      configs: configs.map((c) => c.file ?? '(built-in defaults)'),
      outDir,
      date,
      files: [...new Set([...checkpoints, ...reports, MANIFEST])].sort(),
      checkpoints: { inventory: 'inventory.json', plan: 'plan.json', scorecard: 'scorecard.json', scenarioPlans: runs.length > 1 ? runs.map((r) => r.planFile) : [], ...(maturity ? { maturity: 'maturity.json' } : {}) },
      reports,
      inventory: {
        workloads: inventory.workloads.length,
        hosts: inventory.hosts.length,
        clusters: inventory.clusters.length,
        excluded: inventory.excluded.length,
        sources: inventory.sources.map((s) => ({ file: s.file, format: s.format, workloads: s.workloads })),
      },
      headline: headlineOf(runs[0].plan),
      recommendation: {
        ...scorecard.recommendation,
        weightedTotal: scorecard.platforms.find((p) => p.platform === scorecard.recommendation.platform)?.weightedTotal ?? 0,
      },
      findings: scorecard.findingCounts,
      scenarios: runs.map(scenarioSummaryOf),
      problemCounts: countBySeverity(problems),
      problems,
      timings,
      ...(salt ? { anonymised: { saltFile: salt.file, saltCreated: salt.created, map: ANONYMISE_MAP } } : {}),
    };
  } finally {
    claim.release();
  }
}

/** Demo files are named relative to the package (`datasets/...`) so checkpoints do not depend on the install path. */
function displayName(file: string, demo: boolean): string {
  if (!demo) return file;
  const rel = path.relative(PACKAGE_ROOT, file);
  return rel.startsWith('..') ? file : rel.split(path.sep).join('/');
}

/** The logo path in a config is relative to the config file; the renderer gets it absolute. */
export function withAbsoluteLogo(config: AssessmentConfig, file: string): AssessmentConfig {
  const logo = config.report.logo;
  if (!logo || path.isAbsolute(logo)) return config;
  return { ...config, report: { ...config.report, logo: path.resolve(path.dirname(file), logo) } };
}

/** With a fixed date the run must be byte-reproducible: wall-clock solver timings are written as 0. */
function stableTimings(plan: Plan, fixed: boolean): Plan {
  return fixed ? { ...plan, solver: { ...plan.solver, seconds: 0 } } : plan;
}

