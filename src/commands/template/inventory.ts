import { Flags } from '@oclif/core';
import { BaseCommand } from '../../cli/base-command';
import { refuseOverwrite } from '../../cli/refuse-overwrite';
import { GENERIC_TEMPLATE_HEADERS } from '../../collect/collectors/generic-csv';
import { writeFileAtomic } from '../../util/atomic-write';

export interface TemplateInventoryResult {
  status: 'ok';
  out: string;
  columns: string[];
}

export default class TemplateInventory extends BaseCommand {
  static summary = 'Write an empty generic inventory CSV to fill by hand';
  static description =
    'Writes the header row of the generic inventory CSV. Required columns: name, vcpus, memory_gib; every column and ' +
    'its unit is described in docs/generic-csv.md. Collect the filled file with `dcplan collect file.csv`.';
  static examples = ['<%= config.bin %> template inventory --out servers.csv'];
  static flags = {
    out: Flags.string({ char: 'o', description: 'CSV file to write', default: 'inventory-template.csv' }),
    force: Flags.boolean({ description: 'overwrite an existing file', default: false }),
  };

  async run(): Promise<TemplateInventoryResult> {
    const { flags } = await this.parse(TemplateInventory);
    refuseOverwrite(flags.out, flags.force);
    writeFileAtomic(flags.out, GENERIC_TEMPLATE_HEADERS.join(',') + '\r\n');
    this.say(`Wrote ${flags.out} with columns: ${GENERIC_TEMPLATE_HEADERS.join(', ')}`);
    this.say('Required: name, vcpus, memory_gib. Units and values: docs/generic-csv.md');
    return { status: 'ok', out: flags.out, columns: GENERIC_TEMPLATE_HEADERS };
  }
}
