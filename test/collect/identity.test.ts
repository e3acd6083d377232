import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { collectFiles } from '../../src/collect/pipeline';
import { Inventory } from '../../src/inventory/schema';
import { sharedPath } from '../helpers/shared';

const site = (s: string) => path.join('test', 'fixtures', 'rvtools', 'two-sites', s);
const collect = async (files: string[]) => (await collectFiles(files, { includePoweredOff: false })).inventory;
const counts = (inv: Inventory) => ({ workloads: inv.workloads.length, excluded: inv.excluded.length, datastores: (inv.datastores ?? []).length });
const sum = (...cs: ReturnType<typeof counts>[]) => cs.reduce((a, c) => ({ workloads: a.workloads + c.workloads, excluded: a.excluded + c.excluded, datastores: a.datastores + c.datastores }));

describe('identity across sources: vCenter + VM UUID for VMs, vCenter + datacenter + name for datastores', () => {
  it('two vCenters collected together keep every workload, excluded record and datastore each keeps alone', async () => {
    const a = await collect([site('site-a')]);
    const b = await collect([site('site-b')]);
    const both = await collect([site('site-a'), site('site-b')]);
    expect(counts(a)).toEqual({ workloads: 2, excluded: 2, datastores: 3 });
    expect(counts(b)).toEqual({ workloads: 2, excluded: 1, datastores: 3 });
    expect(counts(both)).toEqual(sum(counts(a), counts(b)));
    // web01 of vc-a and the other web01 (another UUID) of vc-b are two VMs, shown apart
    expect(both.workloads.map((w) => w.name)).toEqual(['web01 (vc-a)', 'db01', 'web01 (vc-b)', 'app01']);
    expect(both.problems.find((p) => p.code === 'names-made-distinct')!.message).toBe(
      '2 workload(s) of different vCenters share a name; each is shown with its vCenter: web01 (vc-a), web01 (vc-b).',
    );
    // the NFS datastore both sites mount as nfs01.corp.local:/exports/vmware (same URL) is two datastores
    expect(both.datastores!.filter((d) => d.type === 'NFS').map((d) => d.id)).toEqual([
      'vc-a.corp.local/nfs01.corp.local:/exports/vmware',
      'vc-b.corp.local/nfs01.corp.local:/exports/vmware',
    ]);
    expect(both.problems.filter((p) => p.code.startsWith('duplicate'))).toEqual([]);
  });

  it('the same export given twice (a copy under another name) is a duplicate of every VM and datastore', async () => {
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-id-')), 'site-a-again');
    fs.mkdirSync(copy);
    for (const f of fs.readdirSync(site('site-a'))) fs.copyFileSync(path.join(site('site-a'), f), path.join(copy, f));
    const a = await collect([site('site-a')]);
    const twice = await collect([site('site-a'), copy]);
    expect(twice.workloads.map((w) => w.name)).toEqual(a.workloads.map((w) => w.name));
    expect(twice.datastores).toHaveLength(3);
    expect(twice.excluded.filter((e) => e.code === 'duplicate').map((e) => e.name)).toEqual(['web01', 'db01', 'vCLS-8c1d2e3f-0a1b-4c2d-8e3f-112233445566', 'tmpl-win']);
    expect(twice.excluded.find((e) => e.code === 'duplicate')!.reason).toContain('Is the same VM (vCenter and VM UUID / VM ID) as in');
  });

  it('the real public workbooks: collected together they keep what each keeps alone', async () => {
    const files = [
      sharedPath('datasets', 'rvtools-samples', 'SizingWorkshop-RVTools.xlsx'),
      sharedPath('datasets', 'rvtools-kubev2v-migration-planner', 'example1.xlsx'),
      sharedPath('datasets', 'rvtools-samples', 'rvtools-small-complete.xlsx'),
    ];
    const alone = await Promise.all(files.map((f) => collect([f])));
    const together = await collect(files);
    expect(counts(together)).toEqual(sum(...alone.map(counts)));
    // every file contributes (the same VM counts alone and together, whatever each keeps)
    expect(alone.map((a) => a.workloads.length > 0)).toEqual([true, true, true]);
    expect(together.sources.map((s) => s.workloads)).toEqual(alone.map((a) => a.workloads.length));
  });
});
