import * as path from 'path';
import { AssessmentConfig } from '../config';
import { slug } from './inputs';
import { AssessStages } from './types';

/**
 * Turns the loaded configs into the list of what-ifs to plan. One config: its base ("baseline") first, then each entry of
 * its `scenarios:` list (policy / hostModels overrides on the base). Several configs: each file is a scenario named after
 * the file, followed by its own scenario list as `<file>-<scenario>`. The first is the main plan of the report.
 */
export interface ScenarioSpec {
  name: string;
  source: string;
  config: AssessmentConfig;
}

export function expandScenarios(
  loaded: { file?: string; config: AssessmentConfig }[],
  scenarioConfig: AssessStages['scenarioConfig'],
): ScenarioSpec[] {
  const specs: ScenarioSpec[] = [];
  const taken = new Set<string>();
  const unique = (name: string) => {
    let n = name;
    for (let i = 2; taken.has(n); i++) n = `${name}-${i}`;
    taken.add(n);
    return n;
  };
  const several = loaded.length > 1;
  for (const { file, config } of loaded) {
    const source = file ?? '(built-in defaults)';
    const base = several && file ? slug(path.basename(file).replace(/\.(ya?ml|json)$/i, '')) : 'baseline';
    specs.push({ name: unique(base), source, config });
    for (const s of config.scenarios) {
      specs.push({
        name: unique(several ? `${base}-${slug(s.name)}` : slug(s.name)),
        source: `${source} › scenarios.${s.name}`,
        config: scenarioConfig(config, s.name),
      });
    }
  }
  return specs;
}

/** Checkpoint file of a scenario's plan. With one scenario only `plan.json` is written. */
export const scenarioPlanFile = (name: string) => `plan-${name}.json`;
