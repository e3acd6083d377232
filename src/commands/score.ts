import { Flags } from '@oclif/core';
import * as fs from 'fs';
import * as path from 'path';
import { BaseCommand } from '../cli/base-command';
import { loadConfig } from '../config';
import { error, throwIfErrors, UserError } from '../diagnostics';
import { readInventory } from '../inventory/io';
import { readPlan } from '../plan/io';
import { loadProfileFile, loadRules, ReadinessConfig, scoreReadiness, Scorecard } from '../readiness';
import { renderScorecardText } from '../readiness/render';
import { writeJsonAtomic } from '../util/atomic-write';
import { maturityWith, readMaturityInput } from '../assess/stages';

export interface ScoreCommandResult {
  status: 'ok';
  out: string | null;
  scorecard: Scorecard;
}

export default class Score extends BaseCommand {
  static summary = 'Rate virtualization platforms on the ten datacenter-readiness criteria, in the light of an estate';
  static description =
    'Scores each platform on the ten criteria in rules/criteria (hardware virtualization, hardware and OS independence, ' +
    'security, distributed virtualization, priority-based allocation, scalability, on-demand capacity, availability, ' +
    'manageability) from the platform facts in rules/platforms and, with --inventory, the customer\'s estate: OS mix, ' +
    'host CPUs (VT-x/AMD-V), largest workloads, need for HA. Weights come from a profile. Runs the per-workload rules in ' +
    'rules/workload (RDM and shared disks, passthrough devices, FT, snapshots, OS end of support, firmware, per-VM limits, ' +
    'idle/zombie, busy physical servers) and lists the checks that could not run for lack of data.';
  static examples = [
    '<%= config.bin %> score',
    '<%= config.bin %> score --platforms seed',
    '<%= config.bin %> score --inventory inventory.json --profile availability-first --out scorecard.json',
    '<%= config.bin %> score -i inventory.json --platforms vmware-vsphere-8,proxmox-ve --config assessment.yaml',
  ];
  static flags = {
    inventory: Flags.string({ char: 'i', description: 'inventory.json from dcplan collect (without it: architecture-only ratings)' }),
    platforms: Flags.string({
      char: 'p',
      description: 'comma-separated platform ids, or all / current / seed (default: the config\'s list, else current)',
    }),
    profile: Flags.string({ description: 'weights: a profile id from rules/profiles or a YAML file (default: default)' }),
    config: Flags.string({ char: 'c', description: 'assessment config (YAML): readiness.profile / platforms, hostModels' }),
    'as-of': Flags.string({ description: 'date YYYY-MM-DD the OS end-of-support table is read against (default: today, UTC)' }),
    out: Flags.string({ char: 'o', description: 'scorecard file to write (JSON)' }),
    plan: Flags.string({ description: 'plan.json from dcplan plan: its business case prices the platforms (readiness.licences in the config)' }),
    maturity: Flags.string({ description: 'maturity questionnaire answers (YAML from `dcplan template maturity`); with --inventory, also rates infrastructure maturity' }),
    'maturity-out': Flags.string({ description: 'maturity.json to write (default: maturity.json beside --out)' }),
    'rules-dir': Flags.string({ description: 'read rules from this folder instead of the ones shipped with dcplan' }),
  };

  async run(): Promise<ScoreCommandResult> {
    const { flags } = await this.parse(Score);
    const loaded = loadRules(flags['rules-dir'] ? path.resolve(flags['rules-dir']) : undefined);
    throwIfErrors(loaded.problems);
    const rules = loaded.rules!;

    let config: ReadinessConfig | undefined;
    if (flags.config) {
      const c = loadConfig(flags.config);
      throwIfErrors(c.problems);
      const cfg = c.config!;
      // Host models only when the user listed them: the planner's default catalog says nothing about this customer.
      config = {
        ...(cfg.defaultsApplied.includes('hostModels') ? {} : { hostModels: cfg.hostModels }),
        readiness: cfg.readiness,
      };
    }

    let profile: Parameters<typeof scoreReadiness>[0]['profile'] = flags.profile;
    if (flags.profile && /\.ya?ml$/i.test(flags.profile)) {
      if (!fs.existsSync(flags.profile))
        throw new UserError(error('file-not-found', `profile file not found: ${flags.profile}`, { file: flags.profile }));
      const p = loadProfileFile(path.resolve(flags.profile), flags.profile, rules);
      throwIfErrors(p.problems);
      profile = p.profile!;
    }

    const inventory = flags.inventory ? readInventory(flags.inventory) : undefined;
    // read before anything is written: a wrong answer stops the run (exit 2)
    const maturityIn = inventory && (flags.maturity || flags['maturity-out']) ? readMaturityInput(flags.maturity) : undefined;
    const businessCase = flags.plan ? readPlan(flags.plan).businessCase : undefined;
    const scorecard = scoreReadiness({
      rules,
      inventory,
      config,
      profile,
      platforms: flags.platforms ? flags.platforms.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
      asOf: flags['as-of'],
      ...(businessCase ? { businessCase } : {}),
    });

    if (flags.out) writeJsonAtomic(flags.out, scorecard);
    // issue 14: the maturity levels, from the inventory and the questionnaire's answers
    const maturityOut = flags['maturity-out'] ?? (flags.out ? path.join(path.dirname(flags.out), 'maturity.json') : undefined);
    const maturity = inventory && maturityIn
      ? maturityWith(maturityIn, inventory, scorecard.asOf ?? new Date().toISOString().slice(0, 10), rules.osLifecycle)
      : undefined;
    if (maturity && maturityOut) writeJsonAtomic(maturityOut, maturity);
    const shortNames = Object.fromEntries(rules.platforms.map((p) => [p.id, p.shortName]));
    this.say(renderScorecardText(scorecard, { shortNames }));
    if (maturity) this.say(`\nInfrastructure maturity: ${maturity.capabilities.map((c) => `${c.title} ${c.level}${c.upTo ? ` (${c.upTo} not decided)` : ''}`).join('; ')}`);
    if (flags.out) this.say(`\nWrote ${flags.out}`);
    if (maturity && maturityOut) this.say(`Wrote ${maturityOut}`);
    this.reportProblems(scorecard.problems);
    return { status: 'ok', out: flags.out ?? null, scorecard };
  }
}
