import { Inventory } from '../../src/inventory/schema';
import { emptyWorkload } from '../../src/inventory/workload';
import { planWaves } from '../../src/plan/waves';

function inv(): Inventory {
  const w = (name: string, extra: Partial<Inventory['workloads'][number]> = {}) =>
    emptyWorkload({ id: `t/${name}`, name, vcpus: 2, memoryMib: 4096, provenance: [{ file: 't.csv', row: 1 }], provisionedGib: 100, ...extra });
  return {
    workloads: [
      w('web1', { application: 'shop', environment: 'prod' }),
      w('web2', { application: 'shop', environment: 'prod' }),
      w('db1', { environment: 'prod', labels: { dependsOn: 'ldap1' } }),
      w('ldap1', { environment: 'prod' }),
      w('test1', { environment: 'test' }),
      w('rdm1', { environment: 'test', disks: [{ label: 'd1', capacityGib: 50, raw: true }] }),
      w('lb1'),
      w('lb2'),
    ],
    drsRules: [{ name: 'Kemp LB', type: 'affinity', workloads: ['t/lb1', 't/lb2'], provenance: [{ file: 'x.xlsx', row: 2 }] }],
    excluded: [],
  } as unknown as Inventory;
}

describe('migration waves', () => {
  it('keeps applications and DRS affinity rules together, orders dependencies, and fills waves up to the limit', () => {
    const p = planWaves(inv(), { maxWorkloads: 2 });
    const waveOf = (n: string) => p.waveOf[`t/${n}`];
    expect(waveOf('web1')).toBe(waveOf('web2'));
    expect(waveOf('lb1')).toBe(waveOf('lb2'));
    expect(waveOf('ldap1')).toBeLessThanOrEqual(waveOf('db1'));
    // non-production before production; the simple test VM before the one with an RDM
    expect(waveOf('test1')).toBeLessThan(waveOf('web1'));
    expect(waveOf('test1')).toBeLessThanOrEqual(waveOf('rdm1'));
    for (const w of p.waves) expect(w.workloads).toBeLessThanOrEqual(2);
    expect(Object.keys(p.waveOf)).toHaveLength(8);
    const shop = p.waves.flatMap((w) => w.groups).find((g) => g.workloads.includes('web1'))!;
    expect(shop.reason).toBe('application shop');
  });

  it('gives a group larger than the limit a wave of its own and says so; a storage limit splits waves', () => {
    const p = planWaves(inv(), { maxWorkloads: 1 });
    expect(p.notes.some((n) => /larger than a wave's limit/.test(n))).toBe(true);
    const byStorage = planWaves(inv(), { maxWorkloads: 50, maxStorageGib: 300 });
    for (const w of byStorage.waves) expect(w.storageGib <= 300 || w.groups.length === 1).toBe(true);
    expect(byStorage.waves.length).toBeGreaterThan(1);
  });

  it('is deterministic and counts complexity from the findings when given', () => {
    expect(planWaves(inv(), { maxWorkloads: 3 })).toEqual(planWaves(inv(), { maxWorkloads: 3 }));
    const f = new Map([['t/test1', ['critical', 'warning'] as ('critical' | 'warning' | 'info')[]]]);
    const p = planWaves(inv(), { maxWorkloads: 50, findings: f });
    expect(p.options.complexityFrom).toBe('scorecard');
    expect(p.waves[0].groups.find((g) => g.id === 'test1')!.complexity).toBe(4);
  });
});
