import { HealthMessage, Licence } from '../../src/inventory/schema';
import { buildReportModel } from '../../src/report';
import { licenceState } from '../../src/report/model/baseline';
import { fixtureInput } from '../fixtures/report/fixture';

const DATE = new Date('2026-02-01T00:00:00Z');
const prov = [{ file: 'RVTools.xlsx', sheet: 'vLicense', row: 2 }];
const lic = (name: string, f: Partial<Licence>): Licence => ({ name, features: [], vcenters: ['vc1'], provenance: prov, ...f });
const msg = (entity: string, kind: string, message: string): HealthMessage => ({ entity, kind, message, vcenter: 'vc1', provenance: { file: 'RVTools.xlsx', sheet: 'vHealth', row: 2 } });

const LICENCES = [
  lic('vSphere 8 Enterprise Plus', { keyMasked: '*****-*****-*****-*****-22B2B', costUnit: 'cpuPackage', total: 20, used: 24, expiration: 'Never' }),
  lic('vSAN Advanced', { keyMasked: '*****-*****-*****-*****-33C3C', total: 4, used: 4, expiration: '2026-03-15', expires: '2026-03-15' }),
  lic('vCenter Standard', { total: 1, used: 1, expires: '2025-12-31', features: ['vCenter Server', 'Linked Mode'] }),
];
const HEALTH = [
  msg('[ds1] a/a.vmdk', 'Zombie', 'Possibly a Zombie vmdk file! Please check.'),
  msg('[ds1] b/b.vmdk', 'Zombie', 'Possibly a Zombie vmdk file! Please check.'),
  msg('[ds2] c/c.vmdk', 'Zombie', 'Possibly a Zombie vmdk file! Please check.'),
  msg('[ds2] d/d.vmdk', 'Zombie', 'Possibly a Zombie vmdk file! Please check.'),
  msg('web01', 'Snapshot', 'VM has an active snapshot! pre created on 2026/01/05 10:00:00'),
];

function model(licences?: Licence[], health?: HealthMessage[]) {
  const input = fixtureInput();
  input.inventory = { ...input.inventory, licences, health };
  return buildReportModel(input, { date: DATE });
}

test('licence attention: used above total, expired, expiring within 90 days of the report date', () => {
  expect(LICENCES.map((l) => licenceState(l, '2026-02-01'))).toEqual(['over-used', 'expires soon', 'expired']);
  expect(licenceState(LICENCES[1], '2025-10-01')).toBe('');
});

test('a "Licence baseline and health" section: licences with key ends only, findings grouped by kind with counts and examples', () => {
  const m = model(LICENCES, HEALTH);
  const sec = m.sections.find((s) => s.id === 'baseline')!;
  expect(sec.title).toBe('Licence baseline and health');
  const texts = sec.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
  expect(texts[0]).toBe(
    "3 licence key(s) in today's vCenter(s); 1 over-used: vSphere 8 Enterprise Plus; 1 expired: vCenter Standard; 1 expire within 90 days: vSAN Advanced. What is licensed today, against which the target platform's licences are compared.",
  );
  expect(texts[1]).toMatch(/^5 finding\(s\) of 2 kind\(s\) on 5 entities/);
  const licences = m.tables.find((t) => t.id === 'licences')!;
  expect(licences.rows.map((r) => [r[0], r[1], r[5], r[6]])).toEqual([
    ['vCenter Standard', '', '2025-12-31', 'expired'],
    ['vSAN Advanced', '…33C3C', '2026-03-15', 'expires soon'],
    ['vSphere 8 Enterprise Plus', '…22B2B', 'Never', 'over-used'],
  ]);
  expect(m.tables.find((t) => t.id === 'health-by-kind')!.rows).toEqual([
    ['Zombie', 4, 4, 'Possibly a Zombie vmdk file! Please check.', '[ds1] a/a.vmdk, [ds1] b/b.vmdk, [ds2] c/c.vmdk, … (1 more)'],
    ['Snapshot', 1, 1, 'VM has an active snapshot! pre created on 2026/01/05 10:00:00', 'web01'],
  ]);
  expect(m.tables.find((t) => t.id === 'health')!.rows).toHaveLength(5);
});

test('an inventory without licences or findings has no such section or tables', () => {
  const m = model(undefined, undefined);
  expect(m.sections.some((s) => s.id === 'baseline')).toBe(false);
  expect(m.tables.filter((t) => ['licences', 'health', 'health-by-kind'].includes(t.id))).toEqual([]);
  const onlyHealth = model(undefined, HEALTH);
  expect(onlyHealth.sections.find((s) => s.id === 'baseline')!.blocks[0]).toEqual({ type: 'heading', text: 'Health findings (RVTools vHealth)' });
});
