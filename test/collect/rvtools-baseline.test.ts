/**
 * RVTools vLicense and vHealth (issue 11.5): own fixture test/fixtures/rvtools/baseline, two linked vCenters' per-tab
 * CSV exports (vc-a: three keys, five findings with VI SDK columns; vc-b: the shared Enterprise Plus key, two findings
 * in a tab without VI SDK columns, one a message type left empty).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { collectFiles } from '../../src/collect/pipeline';
import { healthKind, maskLicenceKey } from '../../src/collect/collectors/rvtools/baseline-tabs';
import { writeInventory } from '../../src/inventory/io';

const dir = path.join(__dirname, '..', 'fixtures', 'rvtools', 'baseline');
const collect = async (...sub: string[]) => (await collectFiles(sub.map((s) => path.join(dir, s)), { includePoweredOff: false })).inventory;

test('licence keys are masked to their last group, never kept whole', () => {
  expect(maskLicenceKey('0A0AA-BBBBB-CCCCC-DDDDD-11A1A')).toBe('*****-*****-*****-*****-11A1A');
  expect(maskLicenceKey('AB12-CD34')).toBe('****-**34'); // at most a quarter of the characters shown
  expect(maskLicenceKey('x')).toBe('*');
});

test('the kind of a finding: Message type as written, else the message up to its first "!"', () => {
  expect(healthKind('Zombie', 'Possibly a Zombie vmdk file! Please check.')).toBe('Zombie');
  expect(healthKind(undefined, 'NTP Server value is null!')).toBe('NTP Server value is null');
  expect(healthKind(' ', 'no bang')).toBe('no bang');
});

test('two vCenters: a key both report is one licence naming both; expiration read as a day; findings keep their vCenter', async () => {
  const inv = await collect('vc-a', 'vc-b');
  expect(inv.licences!.map((l) => [l.name, l.keyMasked, l.total, l.used, l.expiration, l.expires, l.vcenters])).toEqual([
    ['VMware vCenter Server 8 Standard', '*****-*****-*****-*****-11A1A', 1, 1, 'Never', undefined, ['vc-a.corp.local']],
    ['VMware vSphere 8 Enterprise Plus', '*****-*****-*****-*****-22B2B', 20, 24, 'Never', undefined, ['vc-a.corp.local', 'vc-b.corp.local']],
    ['VMware vSAN Advanced', '*****-*****-*****-*****-33C3C', 4, 4, '2026/03/15 00:00:00', '2026-03-15', ['vc-a.corp.local']],
  ]);
  expect(inv.licences![1].features).toEqual(['DRS', 'HA', 'vMotion', 'Storage vMotion']);
  expect(inv.licences![1].provenance.map((p) => [path.basename(path.dirname(p.file)), p.row])).toEqual([['vc-a', 3], ['vc-b', 2]]);
  expect(inv.health!.map((h) => [h.vcenter, h.entity, h.kind])).toEqual([
    ['vc-a.corp.local', 'web01', 'Snapshot'],
    ['vc-a.corp.local', 'db01', 'Snapshot'],
    ['vc-a.corp.local', '[ds-a1] old-fs/old-fs.vmdk', 'Zombie'],
    ['vc-a.corp.local', 'esx-a2.corp.local', 'NTP'],
    ['vc-a.corp.local', 'db01', 'VMware tools are out of date, not running or not installed'],
    // vc-b's tab names no vCenter: the export's only vCenter (from vInfo) is taken
    ['vc-b.corp.local', 'app01', 'Zombie'],
    ['vc-b.corp.local', '[ds-b1] tmp/tmp.vmdk', 'Zombie'],
  ]);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-baseline-')), 'inventory.json');
  writeInventory(out, inv);
  const text = fs.readFileSync(out, 'utf8');
  for (const group of ['0A0AA', 'BBBBB', 'CCCCC', 'DDDDD', 'EEEEE', 'FFFFF', '1B1BB', '2C2CC']) expect(text).not.toContain(group);
});

test('the same export given twice: licences and findings counted once', async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-baseline-copy-'));
  for (const f of fs.readdirSync(path.join(dir, 'vc-a'))) fs.copyFileSync(path.join(dir, 'vc-a', f), path.join(copy, f));
  const inv = (await collectFiles([path.join(dir, 'vc-a'), copy], { includePoweredOff: false })).inventory;
  expect(inv.licences).toHaveLength(3);
  expect(inv.health).toHaveLength(5);
});
