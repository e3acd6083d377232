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
import { AssessStages } from './types';

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
  maturityInput: (answersFile) => {
    const { rules, problems } = loadMaturityRules();
    if (!rules) throw new UserError(problems);
    return { rules, ...(answersFile ? { answers: readMaturityAnswers(answersFile, rules.questions) } : {}) };
  },
  maturity: (input, inventory, asOf, plans) => {
    // guest end of support from the readiness rules' OS lifecycle table (one home for those dates)
    const lifecycle = loadRules().rules?.osLifecycle;
    return assessMaturity(inventory, input.rules, {
      asOf,
      version: VERSION,
      ...(input.answers ? { answers: input.answers } : {}),
      ...(plans ? { reclaim: reclaimFigures(inventory, plans.today.summary.hosts, plans.reclaimed.summary.hosts) } : {}),
      ...(lifecycle ? { endOfSupportOf: (os) => lifecycleOf(os, lifecycle)?.endOfSupport } : {}),
    });
  },
  render: (input, opts) => renderReports(input, opts),
};
