import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command';
import { collectFiles } from '../collect/pipeline';
import { AssessmentConfig, defaultConfig, loadConfig, scenarioConfig } from '../config';
import { error, Problem, throwIfErrors, UserError, warning } from '../diagnostics';
import { readInventory } from '../inventory/io';
import { Inventory } from '../inventory/schema';
import { planConsolidation } from '../plan/planner';
import { renderPlanSummary } from '../plan/render';
import { Plan } from '../plan/types';
import { writeJsonAtomic } from '../util/atomic-write';

export type PlanCommandResult = { status: 'ok'; out: string } & Plan;

export default class PlanCommand extends BaseCommand {
  static summary = 'Plan the consolidation: how many hosts of which model, and which workload goes where';
  static description =
    'Sizes every workload under the policy of the assessment config, packs them onto the host models with every ' +
    'constraint (pools, anti-affinity, affinity, pins, N+K reserve per cluster) and writes plan.json with the lower ' +
    'bound and the gap to it. Takes an inventory.json from dcplan collect, or the raw export files themselves.';
  static examples = [
    '<%= config.bin %> plan inventory.json --config assessment.yaml --out plan.json',
    '<%= config.bin %> plan RVTools_export.xlsx --config assessment.yaml',
    '<%= config.bin %> plan inventory.json --config assessment.yaml --scenario dense-hosts --json',
  ];
  static strict = false;
  static args = {
    inputs: Args.string({ description: 'inventory.json, or input files / folders to collect first', required: true }),
  };
  static flags = {
    config: Flags.string({ char: 'c', description: 'assessment config (YAML); without it the defaults and a built-in host model are used' }),
    out: Flags.string({ char: 'o', description: 'where to write the plan', default: 'plan.json' }),
    scenario: Flags.string({ char: 's', description: 'plan one scenario of the config (its policy / host model overrides)' }),
  };

  async run(): Promise<PlanCommandResult> {
    const { argv, flags } = await this.parse(PlanCommand);
    const inputs = (argv as string[]).filter((a) => a !== '');
    const problems: Problem[] = [];
    let config: AssessmentConfig = defaultConfig();
    if (flags.config) {
      const loaded = loadConfig(flags.config);
      throwIfErrors(loaded.problems);
      config = loaded.config!;
      problems.push(...loaded.problems);
    } else
      problems.push(
        warning('no-config', 'no --config: default policy (P95, +20 % headroom, N+1) and the built-in std-2x32 host model (2 × 32 cores, 2.8 GHz, 1 TiB)', {}, 'write an assessment.yaml with your host models and prices (see schemas/assessment.schema.json)'),
      );
    if (flags.scenario) {
      if (!config.scenarios.some((s) => s.name === flags.scenario))
        throw new UserError(
          error('unknown-scenario', `--scenario ${flags.scenario}: the config has no such scenario (it has: ${config.scenarios.map((s) => s.name).join(', ') || 'none'})`, { column: '--scenario' }),
        );
      config = scenarioConfig(config, flags.scenario);
    }
    const inventory = await readInputs(inputs, config);
    const plan = await planConsolidation(inventory, config);
    writeJsonAtomic(flags.out, plan);
    this.reportProblems([...problems, ...plan.problems].filter((p) => p.severity === 'warning'), 5);
    this.say(renderPlanSummary(plan));
    this.say(`Wrote ${flags.out}`);
    return { status: 'ok', out: flags.out, ...plan };
  }
}

async function readInputs(inputs: string[], config: AssessmentConfig): Promise<Inventory> {
  // an inventory.json checkpoint is read as it is (readInventory validates it); anything else goes through collect
  if (inputs.length === 1 && inputs[0].toLowerCase().endsWith('.json')) return readInventory(inputs[0]);
  const r = await collectFiles(inputs, {
    includePoweredOff: config.collect.includePoweredOff,
    ...(config.collect.ovfOption ? { ovfOption: config.collect.ovfOption, ovfOptionFrom: 'config' as const } : {}),
  });
  return r.inventory;
}
