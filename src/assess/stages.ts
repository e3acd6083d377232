import { collectFiles } from '../collect/pipeline';
import { defaultConfig, loadConfig, scenarioConfig } from '../config';
import { planConsolidation } from '../plan/planner';
import { scoreReadiness } from '../readiness';
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
  render: (input, opts) => renderReports(input, opts),
};
