import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UserError } from '../../src/diagnostics';
import { collectFiles } from '../../src/collect/pipeline';

async function problemsOf(files: string[], format?: 'rvtools-xlsx') {
  try {
    await collectFiles(files, { includePoweredOff: false, format });
  } catch (e) {
    if (e instanceof UserError) return e.problems;
    throw e;
  }
  throw new Error('expected a user error');
}

describe('helpful refusals', () => {
  it('an XML file that is no known format says so and names its root element (not read as CSV headers)', async () => {
    const file = path.join('test', 'fixtures', 'collect', 'inventory-export.xml');
    const [p] = await problemsOf([file]);
    expect(p.code).toBe('unknown-format');
    expect(p.message).toBe(
      `${file} is an XML document (root element <cmdb:Inventory>), not a format dcplan reads as XML (OVF descriptors: root <Envelope> in the OVF namespace); it is not read as CSV.`,
    );
  });

  describe('a workbook whose RVTools tabs are under other sheet names', () => {
    let file: string;
    beforeAll(async () => {
      file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-renamed-')), 'consolidated.xlsx');
      const wb = new ExcelJS.Workbook();
      const info = wb.addWorksheet('Consolidated_vInfo');
      info.addRow(['VM', 'Powerstate', 'CPUs', 'Memory', 'Cluster', 'Host']);
      info.addRow(['web01', 'poweredOn', 2, 4096, 'Prod', 'esx01']);
      info.addRow(['db01', 'poweredOn', 4, 16384, 'Prod', 'esx02']);
      const host = wb.addWorksheet('Consolidated_vHost');
      host.addRow(['Host', 'Cluster', 'Speed', '# CPU', 'Cores per CPU', '# Cores', '# Memory']);
      host.addRow(['esx01', 'Prod', 2600, 2, 16, 32, 524288]);
      wb.addWorksheet('Summary').addRow(['totals']);
      await wb.xlsx.writeFile(file);
    });

    it('is refused with a hint to force the format', async () => {
      const [p] = await problemsOf([file]);
      expect(p.code).toBe('unknown-format');
      expect(p.hint).toBe('The sheets look like RVTools tabs under other names: read them with --format rvtools-xlsx.');
    });

    it('is read when forced with --format rvtools-xlsx, the unused sheet named', async () => {
      const { inventory } = await collectFiles([file], { includePoweredOff: false, format: 'rvtools-xlsx' });
      expect(inventory.workloads.map((w) => [w.name, w.vcpus, w.location.hostId])).toEqual([
        ['web01', 2, 'consolidated/esx01'],
        ['db01', 4, undefined],
      ]);
      expect(inventory.workloads[0].provenance).toEqual([{ file, sheet: 'Consolidated_vInfo', row: 2 }]);
      expect(inventory.problems.find((p) => p.code === 'rvtools-tabs')!.message).toBe('Read vInfo (2 rows), vHost (1 row); not used: Summary.');
    });
  });
});
