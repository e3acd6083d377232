import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command';
import { AssessmentConfig, loadConfig } from '../config';
import { Problem, throwIfErrors } from '../diagnostics';
import { readInventory } from '../inventory/io';
import { verifyPlan, VerifyResult } from '../verify';
import { configFromPlanEcho } from '../verify/echo';
import { readPlan } from '../plan/io';

export interface VerifyCommandResult extends VerifyResult {
  status: 'verified' | 'violations';
  plan: string;
  inventory: string;
  config: string | null;
}

export default class Verify extends BaseCommand {
  static summary = 'Check a plan independently: every capacity, the N+K reserve and every constraint';
  static description =
    'Recomputes every workload\'s demand from the inventory and the sizing policy (its own arithmetic, not the ' +
    'planner\'s), every host\'s load and capacity, and checks capacities (relative tolerance 1e-6), the N+K reserve of each ' +
    'cluster, anti-affinity, affinity, pools, pinned and excluded workloads, workloads per host, hosts per cluster, and ' +
    'that every workload is placed once or listed unplaced with a reason that holds (a workload that fits a host of the ' +
    'plan or a new host of an allowed model is a violation), the summary recomputed from the placements (hosts by model, ' +
    'cost, power, licences, HA reserve), and the policy and host-model values for sanity. Time-series plans are checked in every slot. ' +
    'Exit 0 when the plan holds, 1 with the violations listed, 2 on unreadable input.';
  static examples = [
    '<%= config.bin %> verify plan.json --inventory inventory.json --config assessment.yaml',
    '<%= config.bin %> verify plan.json --inventory inventory.json --json',
  ];
  static args = {
    plan: Args.string({ description: 'plan.json written by dcplan plan', required: true }),
  };
  static flags = {
    inventory: Flags.string({ char: 'i', description: 'inventory.json the plan was made from', required: true }),
    config: Flags.string({ char: 'c', description: 'assessment config (YAML) the plan was made with; without it the plan\'s own policy and catalog are used and config constraints are not checked' }),
  };

  async run(): Promise<VerifyCommandResult> {
    const { args, flags } = await this.parse(Verify);
    const plan = readPlan(args.plan);
    const inventory = readInventory(flags.inventory);
    const problems: Problem[] = [];
    let config: AssessmentConfig;
    const notes: string[] = [];
    if (flags.config) {
      const loaded = loadConfig(flags.config);
      throwIfErrors(loaded.problems);
      config = loaded.config!;
    } else {
      // The plan echoes its effective policy and catalog; read them back with the config schema (src/verify/echo.ts).
      const echoed = configFromPlanEcho(plan);
      config = echoed.config;
      notes.push(...echoed.notes);
      problems.push(...echoed.problems);
      notes.push("no --config: the config's constraints (pools, pins, exclusions, affinity groups, drsRules overrides) were not checked; the inventory's DRS rules were checked by their type");
    }
    const result = verifyPlan(plan, inventory, config, { constraintsKnown: flags.config !== undefined });
    result.notes.unshift(...notes);
    const out: VerifyCommandResult = {
      status: result.ok ? 'verified' : 'violations',
      plan: args.plan,
      inventory: flags.inventory,
      config: flags.config ?? null,
      ...result,
    };
    if (problems.length > 0) this.reportProblems(problems);
    if (result.ok) {
      this.say(`plan verified: ${result.hosts} hosts, ${result.workloads} workloads, ${result.checks} checks`);
    } else {
      this.say(`plan FAILED verification: ${result.violations.length} violation(s) in ${result.checks} checks`);
      const shown = result.violations.slice(0, 200);
      for (const v of shown) this.say(`  ✗ [${v.code}] ${v.message}`);
      if (result.violations.length > shown.length) this.say(`  … and ${result.violations.length - shown.length} more (use --json for all)`);
      process.exitCode = 1;
    }
    for (const n of result.notes) this.say(`  note: ${n}`);
    return out;
  }
}
