import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command';
import { refuseOverwrite } from '../cli/refuse-overwrite';
import { toCsv } from '../export/csv';
import { readInventory } from '../inventory/io';
import { DEFAULT_WAVE_WORKLOADS, planWaves, WavePlan } from '../plan/waves';
import { readScorecard } from '../readiness/io';
import { findingSeveritiesByWorkload } from '../readiness/wave-complexity';
import { writeFileAtomic } from '../util/atomic-write';

export interface WavesCommandResult extends WavePlan {
  status: 'ok';
  out: string;
}

export default class Waves extends BaseCommand {
  static summary = 'Group the workloads into migration waves';
  static description =
    'Workloads of one application, of one DRS affinity rule, or that depend on each other (label dependsOn) move ' +
    'together; a one-way dependsOn moves the dependency in the same wave or an earlier one. Waves are filled in a ' +
    'pilot-friendly order (non-production first, simpler first, smaller first) up to --max-workloads and ' +
    '--max-storage-gib. Complexity comes from the readiness findings with --scorecard, else from the inventory ' +
    '(RDM / shared disks, passthrough, FT, snapshots, large disks). Writes waves.csv: one row per workload.';
  static examples = [
    '<%= config.bin %> waves inventory.json',
    '<%= config.bin %> waves inventory.json --scorecard scorecard.json --max-workloads 30 --max-storage-gib 20000 --out waves.csv',
  ];
  static args = { inventory: Args.string({ description: 'inventory.json from dcplan collect', required: true }) };
  static flags = {
    scorecard: Flags.string({ char: 's', description: 'scorecard.json from dcplan score: complexity from its findings' }),
    'max-workloads': Flags.integer({ description: 'most workloads in one wave', default: DEFAULT_WAVE_WORKLOADS, min: 1, max: 100000 }),
    'max-storage-gib': Flags.integer({ description: 'most provisioned storage in one wave (GiB)', min: 1 }),
    out: Flags.string({ char: 'o', description: 'CSV file to write', default: 'waves.csv' }),
    force: Flags.boolean({ description: 'overwrite an existing file', default: false }),
  };

  async run(): Promise<WavesCommandResult> {
    const { args, flags } = await this.parse(Waves);
    refuseOverwrite(flags.out, flags.force);
    const inventory = readInventory(args.inventory);
    const findings = flags.scorecard ? findingSeveritiesByWorkload(readScorecard(flags.scorecard)) : undefined;
    const plan = planWaves(inventory, {
      maxWorkloads: flags['max-workloads'],
      ...(flags['max-storage-gib'] !== undefined ? { maxStorageGib: flags['max-storage-gib'] } : {}),
      ...(findings ? { findings } : {}),
    });
    const header = ['Wave', 'Workload', 'Group', 'Moves together because', 'Production', 'Group complexity', 'Group storage GiB'];
    const rows = plan.waves.flatMap((w) =>
      w.groups.flatMap((g) => g.workloads.map((name) => [w.wave, name, g.id, g.reason, g.production ? 'yes' : 'no', g.complexity, g.storageGib])),
    );
    writeFileAtomic(flags.out, toCsv(header, rows));
    this.say(`${inventory.workloads.length} workloads in ${plan.waves.length} wave(s) (at most ${flags['max-workloads']} workloads${flags['max-storage-gib'] ? `, ${flags['max-storage-gib']} GiB` : ''} each; complexity from the ${plan.options.complexityFrom}):`);
    for (const w of plan.waves)
      this.say(`  wave ${w.wave}: ${w.workloads} workloads in ${w.groups.length} group(s), ${Math.round(w.storageGib).toLocaleString('en-US')} GiB, complexity ${w.complexity}`);
    for (const n of plan.notes) this.say(`  note: ${n}`);
    this.say(`Wrote ${flags.out}`);
    return { status: 'ok', out: flags.out, ...plan };
  }
}
