import { collectFiles } from '../../src/collect/pipeline';
import { parseCalendarDay } from '../../src/collect/read/timestamps';
import { Inventory } from '../../src/inventory/schema';
import { computeIndicators, Indicator } from '../../src/maturity/indicators';
import { sharedPath } from '../helpers/shared';

const FIXTURE = 'test/fixtures/rvtools/maturity';
const OPTS = { asOf: '2026-12-02', snapshotDays: 3, poweredOffDays: 90 };

async function collect(file: string): Promise<Inventory> {
  return (await collectFiles([{ path: file, displayName: file }], { includePoweredOff: false })).inventory;
}
const byId = (list: Indicator[]) => Object.fromEntries(list.map((i) => [i.id, i]));

describe('date columns', () => {
  test.each([
    ['45714.5372106481', '2025-02-26'], // Excel serial, as the kubev2v workbook writes Creation date
    ['2019/06/05 13:21:30', '2019-06-05'], // RVTools CSV
    ['2024-03-01T23:30:00-02:00', '2024-03-02'],
    ['', undefined],
    ['not a date', undefined],
    ['2', '1900-01-01'],
    ['200000', undefined], // a plain number far beyond any serial date
  ])('%s → %s', (text, day) => expect(parseCalendarDay(text)).toBe(day));
});

describe('indicators from an RVTools CSV export with every tab they read (test/fixtures/rvtools/maturity)', () => {
  let inv: Inventory;
  beforeAll(async () => {
    inv = await collect(FIXTURE);
  });

  test('the collector keeps the dates, snapshots, DRS automation, vMotions and what left-out VMs hold', () => {
    expect(inv.clusters.map((c) => [c.name, c.drsAutomation, c.vmotions])).toEqual([
      ['Prod', 'fullyAutomated', 120],
      ['Dev', 'manual', 0],
    ]);
    const db = inv.workloads.find((w) => w.name === 'db01')!;
    expect(db.config).toMatchObject({ createdOn: '2021-06-01', poweredOnOn: '2026-09-01', snapshots: 1 });
    expect(db.config.snapshotList).toEqual([{ name: 'before-upgrade', takenOn: '2026-06-01', sizeMib: 20480 }]);
    expect(inv.excluded.map((e) => [e.name, e.code, e.held?.provisionedGib, e.held?.host, e.held?.createdOn])).toEqual([
      ['old01', 'powered-off', 100, 'esx03', '2020-05-05'],
      ['tmpl01', 'template', 40, 'esx03', '2019-01-01'],
    ]);
  });

  test('each indicator has its figure and source; what the export lacks is null, not zero', () => {
    const eos: Record<string, string> = { 'Microsoft Windows Server 2012 R2 (64-bit)': '2023-10-10', 'Microsoft Windows Server 2019 (64-bit)': '2029-01-09' };
    const i = byId(computeIndicators(inv, { ...OPTS, endOfSupportOf: (os) => eos[os.name ?? ''] }));
    const v = (id: string) => i[id].value;
    expect(v('virtualised-share')).toBe(1);
    expect(i['vms-per-host'].figure).toBe('4 running VMs on 3 hosts (1.3 per host)');
    expect(v('vcpu-per-core')).toBe(0.4);
    expect([v('ha-share'), v('admission-control-share'), v('drs-enabled-share'), v('drs-fully-automated-share')]).toEqual([0.5, 0.5, 1, 0.5]);
    expect(i['vmotions-per-vm'].figure).toBe('120 vMotions in 2 cluster(s) with 4 VMs (30 per VM)');
    expect(i['old-snapshots'].figure).toBe('1 of 2 snapshots, the oldest 184 days (db01)');
    expect(v('snapshot-storage-gib')).toBe(21);
    expect([v('powered-off-share'), v('powered-off-old'), v('powered-off-storage-gib')]).toEqual([0.2, 1, 100]);
    expect(i['templates'].figure).toBe('1 template');
    expect(v('os-end-of-support-share')).toBe(0.5);
    expect(v('tools-ok-share')).toBe(0.5);
    expect(i['hw-version-spread'].figure).toBe('3 versions (vmx-13, vmx-14, vmx-19) on 4 VMs');
    expect(i['backup-attribute-share'].figure).toBe('2 of 4 VMs (50 %) carry "Last Backup"');
    expect(v('host-builds')).toBe(2);
    expect(i['idle-zombie-share']).toMatchObject({ value: null, missing: 'no workload has CPU utilisation' });
    expect(i['ha-share'].source).toBe('vCluster HA enabled');
  });

  test('without the OS lifecycle table the end-of-support share is not judged', () => {
    expect(byId(computeIndicators(inv, OPTS))['os-end-of-support-share'].value).toBeNull();
  });
});

describe('indicators on the shared RVTools workbooks', () => {
  test('SizingWorkshop (805 VMs, 34 hosts, no vCluster / vSnapshot tab)', async () => {
    const i = byId(computeIndicators(await collect(sharedPath('datasets', 'rvtools-samples', 'SizingWorkshop-RVTools.xlsx')), OPTS));
    expect(i['vms-per-host'].figure).toBe('763 running VMs on 34 hosts (22.4 per host)');
    expect(i['vcpu-per-core'].value).toBe(5);
    expect(i['powered-off-share'].figure).toBe('32 of 795 VMs (4 %)');
    expect(i['templates'].value).toBe(10);
    expect(i['host-builds'].figure).toBe('1 build on 34 hosts: VMware ESXi 6.0.0 build-4192238');
    for (const id of ['ha-share', 'drs-fully-automated-share', 'snapshot-vm-share', 'tools-ok-share']) expect(i[id].value).toBeNull();
  });

  test('kubev2v example1 (RVTools 4.x, Excel serial dates)', async () => {
    const i = byId(computeIndicators(await collect(sharedPath('datasets', 'rvtools-kubev2v-migration-planner', 'example1.xlsx')), OPTS));
    expect(i['powered-off-share'].figure).toBe('6 of 9 VMs (66.7 %)');
    expect(i['powered-off-old'].value).toBe(6);
    expect(i['powered-off-storage-gib'].value).toBe(580.5);
    expect(i['hw-version-spread'].figure).toBe('2 versions (vmx-10, vmx-20) on 2 VMs');
  });
});
