import { collectFiles } from '../collect/pipeline';
import { defaultConfig, loadConfig, scenarioConfig } from '../config';
import { planConsolidation } from '../plan/planner';
import { loadRules, scoreReadiness } from '../readiness';
import { lifecycleOf } from '../readiness/checks/workload-checks';
import { UserError } from '../diagnostics';
import { readMaturityAnswers } from '../maturity/answers';
import { assessMaturity } from '../maturity/build';
import { reclaimFigures } from '../maturity/sprawl';
import { loadMaturityRules } from '../maturity/loader';
import { VERSION } from '../version';
import { renderReports } from '../report';
import { planInWorkers } from './plan-parallel';
import { AssessStages, MaturityInput } from './types';
import type { Inventory } from '../inventory/schema';
import type { Plan } from '../plan/types';
import type { Maturity } from '../maturity/schema';
import type { OsLifecycleFile } from '../readiness/schema/rule-files';

/** The maturity rules and the questionnaire's answers (`--maturity`), for assess and score; a bad file is exit 2. */
export function readMaturityInput(answersFile: string | undefined): MaturityInput {
  const { rules, problems } = loadMaturityRules();
  if (!rules) throw new UserError(problems);
  return { rules, ...(answersFile ? { answers: readMaturityAnswers(answersFile, rules.questions) } : {}) };
}

/** The maturity assessment, with guest end of support from the readiness rules' OS lifecycle table (one home for those dates). */
export function maturityWith(input: MaturityInput, inventory: Inventory, asOf: string, lifecycle: OsLifecycleFile | undefined, plans?: { today: Plan; reclaimed: Plan }): Maturity {
  return assessMaturity(inventory, input.rules, {
    asOf,
    version: VERSION,
    ...(input.answers ? { answers: input.answers } : {}),
    ...(plans ? { reclaim: reclaimFigures(inventory, plans.today.summary.hosts, plans.reclaimed.summary.hosts) } : {}),
    ...(lifecycle ? { endOfSupportOf: (os) => lifecycleOf(os, lifecycle)?.endOfSupport } : {}),
  });
}

/** The real stages of `dcplan assess`, each owned by its own module; the pipeline only sequences them. */
export const defaultStages: AssessStages = {
  loadConfig,
  defaultConfig,
  scenarioConfig,
  collect: (files, opts) => collectFiles(files, {
      includePoweredOff: opts.includePoweredOff,
      ...(opts.series ? { series: opts.series } : {}),
      ...(opts.ovfOption ? { ovfOption: opts.ovfOption, ovfOptionFrom: opts.ovfOptionFrom } : {}),
    }),
  plan: (inventory, config) => planConsolidation(inventory, config),
  planMany: planInWorkers,
  score: async (inventory, config, asOf, plan) => scoreReadiness({ inventory, config, asOf, ...(plan?.businessCase ? { businessCase: plan.businessCase } : {}) }),
  maturityInput: readMaturityInput,
  maturity: (input, inventory, asOf, plans) => maturityWith(input, inventory, asOf, loadRules().rules?.osLifecycle, plans),
  render: (input, opts) => renderReports(input, opts),
};
