import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command';
import { loadConfig } from '../config';
import { throwIfErrors } from '../diagnostics';
import { fitQuery, FitResult } from '../plan/fit';
import { readPlan } from '../plan/io';
import { configFromPlanEcho } from '../verify/echo';

export interface FitCommandResult extends FitResult {
  status: 'fits' | 'does-not-fit';
  plan: string;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export default class Fit extends BaseCommand {
  static summary = 'Ask a plan where new VMs of a given size fit, and how many more fit per cluster';
  static description =
    "Sizes the new VM with the planner's own sizing on the plan's policy (its allocation, or --cpu-pct / --memory-pct " +
    "as expected utilisation), then counts the room left on every active host (planned capacity at the target " +
    'utilisation minus planned load), keeping N+K spare hosts empty, a percentage HA reserve free per cluster and the ' +
    'per-host workload limit. Exit 0 when all --count VMs fit, 1 when they do not.';
  static examples = [
    '<%= config.bin %> fit --plan plan.json --vcpus 8 --memory-gib 64',
    '<%= config.bin %> fit --plan plan.json --vcpus 4 --memory-gib 16 --count 40 --cpu-pct 30 --json',
  ];
  static flags = {
    plan: Flags.string({ char: 'p', description: 'plan.json from dcplan plan or assess', required: true }),
    vcpus: Flags.integer({ description: 'vCPUs of the new VM', required: true, min: 1, max: 768 }),
    'memory-gib': Flags.integer({ description: 'memory of the new VM in GiB', required: true, min: 1, max: 24576 }),
    'cpu-pct': Flags.integer({ description: 'expected CPU utilisation, % of its vCPUs (default: sized on allocation)', min: 0, max: 100 }),
    'memory-pct': Flags.integer({ description: 'expected memory use, % of its memory (default: sized on allocation)', min: 0, max: 100 }),
    'disk-gib': Flags.integer({ description: 'provisioned disk in GiB (counted where the plan packs storage: HCI hosts)', min: 0, max: 1048576 }),
    count: Flags.integer({ char: 'n', description: 'how many such VMs', default: 1, min: 1, max: 1000000 }),
    cluster: Flags.string({ description: 'comma-separated target clusters / pools the VMs may go to (default: any)' }),
    config: Flags.string({ char: 'c', description: "assessment config (YAML) whose policy to use instead of the plan's echoed one" }),
  };

  async run(): Promise<FitCommandResult> {
    const { flags } = await this.parse(Fit);
    const plan = readPlan(flags.plan);
    let policy;
    if (flags.config) {
      const loaded = loadConfig(flags.config);
      throwIfErrors(loaded.problems);
      policy = loaded.config!.policy;
    } else {
      const echoed = configFromPlanEcho(plan);
      this.reportProblems(echoed.problems);
      policy = echoed.config.policy;
    }
    const result = fitQuery(plan, policy, {
      vcpus: flags.vcpus,
      memoryGib: flags['memory-gib'],
      count: flags.count,
      ...(flags.cluster ? { clusters: flags.cluster.split(',').map((c) => c.trim()).filter(Boolean) } : {}),
      ...(flags['cpu-pct'] !== undefined ? { cpuPct: flags['cpu-pct'] } : {}),
      ...(flags['memory-pct'] !== undefined ? { memoryPct: flags['memory-pct'] } : {}),
      ...(flags['disk-gib'] !== undefined ? { diskGib: flags['disk-gib'] } : {}),
    });
    const ok = result.placed >= flags.count;
    this.say(`New VM ${flags.vcpus} vCPU / ${flags['memory-gib']} GiB, sized on CPU ${result.sizedOn.cpu}, memory ${result.sizedOn.memory}:`);
    for (const [model, d] of Object.entries(result.demandByModel))
      this.say(`  on ${model}: ${fmt(d.cpuMhz ?? 0)} MHz CPU, ${fmt(d.memoryMib ?? 0)} MiB memory${d.storageGib !== undefined ? `, ${fmt(d.storageGib)} GiB storage` : ''}`);
    this.say(`${fmt(result.total)} more fit${flags.cluster ? ` in ${flags.cluster}` : ' in the plan'}:`);
    for (const c of result.clusters) this.say(`  cluster ${c.cluster}: ${fmt(c.fits)} more${c.limitedBy ? ` (limited by ${c.limitedBy})` : ''}`);
    const where = Object.entries(result.placement).map(([h, n]) => `${h} ×${n}`);
    this.say(
      ok
        ? `All ${fmt(flags.count)} fit: ${where.join(', ')}`
        : `Only ${fmt(result.placed)} of ${fmt(flags.count)} fit${where.length > 0 ? `: ${where.join(', ')}` : ''}`,
    );
    for (const n of result.notes) this.say(`  note: ${n}`);
    if (!ok) process.exitCode = 1;
    return { status: ok ? 'fits' : 'does-not-fit', plan: flags.plan, ...result };
  }
}
