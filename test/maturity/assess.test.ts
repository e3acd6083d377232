import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MaturitySchema } from '../../src/maturity/schema';
import { runCli } from '../helpers/cli';

/** The maturity chapter end to end, as a user runs it: template, answers, assess, maturity.json and the report tables. */
const FIXTURE = path.join('test', 'fixtures', 'rvtools', 'maturity');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-maturity-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('template maturity writes every question with its answers; a second run refuses to overwrite', () => {
  const out = path.join(dir, 'answers.yaml');
  const r = runCli(['template', 'maturity', '--out', out]);
  expect(r.status).toBe(0);
  const text = fs.readFileSync(out, 'utf8');
  for (const q of ['directory-coverage:', 'patch-process:', 'backup-sla:', 'dr-tests:', 'change-management:', 'monitoring:']) expect(text).toContain(`\n${q}\n`);
  expect(text).toContain('#   role-based - one directory for all servers and admins, access by role groups [rationalized]');
  expect(runCli(['template', 'maturity', '--out', out]).status).toBe(2);
});

test('a wrong answer stops assess with exit 2 naming the file, line and the valid answers, before anything is written', () => {
  const answers = path.join(dir, 'bad.yaml');
  fs.writeFileSync(answers, 'directory-coverage: role-based\nmonitoring: sometimes\nbackups: yes\n');
  const out = path.join(dir, 'bad-out');
  const r = runCli(['assess', FIXTURE, '--maturity', answers, '--out-dir', out, '--date', '2026-12-02', '--format', 'json']);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/bad\.yaml.*2.*"sometimes" is not an answer to monitoring; expected one of none, alerts, central, self-healing/s);
  expect(r.stderr).toContain('"backups" is not a question');
  expect(fs.existsSync(out)).toBe(false);
});

test('assess writes maturity.json (schema-valid) and the chapter tables; answers complete the levels, the rest stays unanswered', () => {
  const answers = path.join(dir, 'good.yaml');
  fs.writeFileSync(answers, 'directory-coverage: role-based\nbackup-sla: sla\ndr-tests:\n');
  const out = path.join(dir, 'out');
  const r = runCli(['assess', FIXTURE, '--maturity', answers, '--out-dir', out, '--date', '2026-12-02', '--format', 'json,csv']);
  expect(r.status).toBe(0);
  const m = MaturitySchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'maturity.json'), 'utf8')));
  const level = Object.fromEntries(m.capabilities.map((c) => [c.capability, [c.level, c.upTo ?? null]]));
  expect(level).toEqual({
    'identity-access': ['rationalized', null],
    'server-management': ['basic', null], // 1.3 VMs per host
    'security-networking': ['basic', null], // Windows Server 2008 R2 / 2012 R2: 1 of 3 judged past end of support; DMZ shares esx01
    'data-protection-recovery': ['standardized', null], // HA on 1 of 2 clusters with a 184-day-old snapshot
    'it-security-process': ['standardized', null],
  });
  expect(m.answers.unanswered).toEqual(['patch-process', 'dr-tests', 'change-management', 'monitoring']);
  expect(m.indicators.find((i) => i.id === 'zone-shared-hosts')!.figure).toBe('1 of 3 hosts run DMZ and internal VMs side by side: esx01 (1 VM on DMZ networks)');
  const retire = m.roadmap.find((s) => s.id === 'retire-sprawl')!;
  expect(retire).toMatchObject({ status: 'due', effect: '120 GiB reclaimed (1 old powered-off VM, 1 old snapshot)' });
  expect(m.roadmap.find((s) => s.id === 'backup-and-recovery')!.effect).toBe('1 cluster to change: Dev');
  const csv = fs.readFileSync(path.join(out, 'report-maturity-levels.csv'), 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('Capability,Level,Not decided,What would decide it,Why,Thresholds from');
  const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
  expect(Object.keys(report.tables)).toEqual(expect.arrayContaining(['maturity-levels', 'maturity-indicators', 'maturity-roadmap']));

  // score --maturity rates the same inventory the same way and writes maturity.json beside the scorecard
  const scored = path.join(dir, 'score');
  const s = runCli(['score', '-i', path.join(out, 'inventory.json'), '--maturity', answers, '--as-of', '2026-12-02', '--out', path.join(scored, 'scorecard.json')]);
  expect(s.status).toBe(0);
  expect(s.stdout).toContain('Infrastructure maturity: Identity and access management rationalized;');
  const again = MaturitySchema.parse(JSON.parse(fs.readFileSync(path.join(scored, 'maturity.json'), 'utf8')));
  expect(again.capabilities).toEqual(m.capabilities);
});

test('reclaim scenario: powered-off VMs kept in the estate are planned away side by side; sprawl lists old ones', () => {
  const cfg = path.join(dir, 'keep-off.yaml');
  fs.writeFileSync(cfg, 'collect:\n  includePoweredOff: true\n');
  const out = path.join(dir, 'out-reclaim');
  const r = runCli(['assess', FIXTURE, '--config', cfg, '--out-dir', out, '--date', '2026-12-02', '--format', 'csv']);
  expect(r.status).toBe(0);
  const m = MaturitySchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'maturity.json'), 'utf8')));
  expect(m.reclaim).toMatchObject({ removed: ['old01'], today: { workloads: 5, vcpus: 18, storageGib: 490 }, reclaimed: { workloads: 4, vcpus: 16, storageGib: 390 } });
  expect(m.roadmap.find((s) => s.id === 'server-consolidation')!.effect).toMatch(/^\d+ host\(s\) fewer \(\d+ → \d+\) with 1 idle, zombie or powered-off workload removed$/);
  expect(m.sprawl.map((x) => [x.kind, x.name, x.ageDays, x.storageGib, x.host])).toEqual([
    ['powered-off', 'old01', 2402, 100, 'esx03'],
    ['snapshot', 'db01', 184, 20, 'esx02'],
  ]);
  expect(fs.existsSync(path.join(out, 'report-maturity-reclaim.csv'))).toBe(true);
});
