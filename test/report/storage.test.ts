import * as fs from 'fs';
import * as path from 'path';
import { Datastore } from '../../src/inventory/schema';
import { buildReportModel, renderReports } from '../../src/report';
import { reportToJson } from '../../src/report/render/json';
import { fixtureInput } from '../fixtures/report/fixture';
import { pdfPages, tmpDir } from './helpers';

const DATE = new Date('2026-05-22T00:00:00Z');

function ds(name: string, fields: Partial<Datastore>): Datastore {
  return { id: `vc1/${name}`, name, capacityGib: 0, provenance: [{ file: 'RVTools.xlsx', sheet: 'vDatastore', row: 2 }], ...fields };
}

/**
 * Four datastores: two in a datastore cluster (one 95 % full), one outside any, and an NFS export whose use is known only
 * from its free space. Totals: 2 + 4 + 1 + 1 TiB = 8 TiB capacity; in use 1945.6 + 2048 + 512 + 200 = 4705.6 GiB.
 */
const DATASTORES: Datastore[] = [
  ds('vmfs-b', { cluster: 'dsc-prod', type: 'VMFS', datacenter: 'DC1', capacityGib: 2048, provisionedGib: 2500, usedGib: 1945.6, freeGib: 102.4, hosts: 3, vms: 9 }),
  ds('vmfs-z', { type: 'VMFS', capacityGib: 1024, usedGib: 512, freeGib: 512, hosts: 2, vms: 4 }),
  ds('vmfs-a', { cluster: 'dsc-prod', type: 'VMFS', capacityGib: 4096, provisionedGib: 3000, usedGib: 2048, freeGib: 2048, hosts: 3, vms: 12, accessible: true }),
  ds('nfs-iso', { type: 'NFS', capacityGib: 1024, freeGib: 824, hosts: 5, vms: 0 }),
];

function withDatastores(list: Datastore[] | undefined) {
  const input = fixtureInput();
  input.inventory = { ...input.inventory, datastores: list };
  return input;
}

describe('current storage in the report model', () => {
  const model = buildReportModel(withDatastores(DATASTORES), { date: DATE });

  it('states the totals in the executive summary', () => {
    const exec = model.sections.find((s) => s.id === 'executive')!;
    const texts = exec.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(texts).toContain('Current storage: 4 datastores, 8.0 TiB capacity, 4.6 TiB in use (57.4%); 1 near full (< 10% free): vmfs-b.');
  });

  it('has a Current storage section after the assumptions, with the figures and the short table', () => {
    expect(model.sections.map((s) => s.id).slice(0, 4)).toEqual(['executive', 'assumptions', 'storage', 'readiness']);
    const sec = model.sections.find((s) => s.id === 'storage')!;
    expect(sec.title).toBe('Current storage');
    expect(sec.blocks[0]).toEqual({
      type: 'paragraph',
      text: '4 datastores, 8.0 TiB capacity, 4.6 TiB in use (57.4%); 1 near full (< 10% free): vmfs-b. By type: 3 VMFS, 1 NFS. Provisioned (thin disks counted at full size): 5.4 TiB, 89.5% of the capacity of the 2 datastore(s) that report it.',
    });
    const block = sec.blocks[1];
    expect(block.type === 'table' && block.columns).toEqual(['datastore', 'type', 'cluster', 'capacityGib', 'usedGib', 'freePct', 'hosts', 'vms']);
  });

  it('lists every datastore by datastore cluster then name (none last), with used and free derived when missing', () => {
    const t = model.tables.find((x) => x.id === 'datastores')!;
    expect(t.sheet).toBe('Datastores');
    expect(t.columns.map((c) => c.key)).toEqual(['datastore', 'type', 'cluster', 'datacenter', 'vcenter', 'capacityGib', 'provisionedGib', 'usedGib', 'freeGib', 'freePct', 'nearFull', 'hosts', 'vms', 'accessible', 'id']);
    expect(t.rows).toEqual([
      ['vmfs-a', 'VMFS', 'dsc-prod', '', '', 4096, 3000, 2048, 2048, 0.5, '', 3, 12, 'yes', 'vc1/vmfs-a'],
      ['vmfs-b', 'VMFS', 'dsc-prod', 'DC1', '', 2048, 2500, 1945.6, 102.4, 0.05, 'yes', 3, 9, '', 'vc1/vmfs-b'],
      ['nfs-iso', 'NFS', '', '', '', 1024, null, 200, 824, 0.8047, '', 5, 0, '', 'vc1/nfs-iso'],
      ['vmfs-z', 'VMFS', '', '', '', 1024, null, 512, 512, 0.5, '', 2, 4, '', 'vc1/vmfs-z'],
    ]);
    // workbook order: right after Workloads
    expect(model.tables.map((x) => x.id).slice(4, 7)).toEqual(['workloads', 'datastores', 'findings']);
    expect((reportToJson(model) as { tables: Record<string, { rows: unknown[] }> }).tables.datastores.rows[1]).toEqual({
      datastore: 'vmfs-b', type: 'VMFS', cluster: 'dsc-prod', datacenter: 'DC1', vcenter: '', capacityGib: 2048, provisionedGib: 2500,
      usedGib: 1945.6, freeGib: 102.4, freePct: 0.05, nearFull: 'yes', hosts: 3, vms: 9, accessible: '', id: 'vc1/vmfs-b',
    });
  });

  it('says "none near full" and leaves datastores of unknown use out of the share', () => {
    const m = buildReportModel(withDatastores([DATASTORES[2], ds('lost', { type: 'VMFS', capacityGib: 1024 })]), { date: DATE });
    const exec = m.sections.find((s) => s.id === 'executive')!;
    expect(exec.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])).filter((x) => x.startsWith('Current storage'))).toEqual([
      'Current storage: 2 datastores, 5.0 TiB capacity, 2.0 TiB in use (50.0%) (use not reported for 1); none near full (< 10% free).',
    ]);
  });

  it('lists more than 40 datastores in an appendix, and only the near-full ones in the section', () => {
    const many = Array.from({ length: 45 }, (_, i) =>
      ds(`ds${String(i).padStart(2, '0')}`, { type: 'VMFS', capacityGib: 1000, usedGib: i === 7 ? 950 : 500, freeGib: i === 7 ? 50 : 500 }),
    );
    const m = buildReportModel(withDatastores(many), { date: DATE });
    const sec = m.sections.find((x) => x.id === 'storage')!;
    expect(sec.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'table']);
    expect(sec.blocks[1]).toEqual({ type: 'paragraph', text: 'Every datastore is listed in the appendix and in the Datastores sheet of the workbook.' });
    const near = sec.blocks[2];
    expect(near.type === 'table' && [near.table.title, near.table.rows.map((r) => r[0])]).toEqual(['Near-full datastores', ['ds07']]);
    expect(m.sections.map((x) => x.id).slice(-2)).toEqual(['appendix', 'appendix-datastores']);
    const all = m.sections[m.sections.length - 1].blocks[0];
    expect(all.type === 'table' && all.table.rows.length).toBe(45);
    expect(m.tables.find((t) => t.id === 'datastores')!.rows).toHaveLength(45);
  });

  it('says nothing about storage when the inventory has no datastores (absent key or empty list)', () => {
    for (const list of [undefined, []]) {
      const m = buildReportModel(withDatastores(list), { date: DATE });
      expect(m.sections.map((s) => s.id).filter((id) => /storage|datastore/.test(id))).toEqual([]);
      expect(m.tables.map((t) => t.id)).not.toContain('datastores');
      const text = JSON.stringify(m.sections);
      expect(text).not.toMatch(/datastore|Current storage/i);
    }
  });
});

describe('current storage in the rendered files', () => {
  const dir = tmpDir('storage');
  let files: string[] = [];
  beforeAll(async () => {
    files = (await renderReports(withDatastores(DATASTORES), { outDir: dir, formats: ['pdf', 'csv'], fixedDate: DATE })).files;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the section and its table in the PDF, and writes report-datastores.csv', () => {
    const pages = pdfPages(path.join(dir, 'report.pdf'), true);
    const page = pages.find((p) => p.includes('Current datastores'))!;
    expect(page).toContain('Current storage');
    expect(page).toMatch(/vmfs-b\s+VMFS\s+dsc-prod\s+2,048\s+1,946\s+5\.0%\s+3\s+9/);
    expect(pages[2]).toContain('Current storage: 4 datastores, 8.0 TiB capacity, 4.6 TiB in use (57.4%); 1 near full (< 10% free):');
    expect(files.map((f) => path.basename(f))).toContain('report-datastores.csv');
    const csv = fs.readFileSync(path.join(dir, 'report-datastores.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('\uFEFFDatastore,Type,Datastore cluster,Datacenter,vCenter,Capacity GiB,Provisioned GiB,In use GiB,Free GiB,Free,Near full,Hosts,VMs,Accessible,ID');
    expect(csv[2]).toBe('vmfs-b,VMFS,dsc-prod,DC1,,2048,2500,1945.6,102.4,0.05,yes,3,9,,vc1/vmfs-b');
  });
});
