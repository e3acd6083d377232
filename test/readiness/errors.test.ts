import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_RULES_DIR, lintRules, loadProfileFile, loadRules, scoreReadiness } from '../../src/readiness';
import { UserError } from '../../src/diagnostics';
import { runCli } from '../helpers/cli';

/** Every error case runs on a temporary copy of rules/, never on the real files. */
function copyRules(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-rules-'));
  fs.cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  edit(dir);
  return dir;
}
function replaceIn(dir: string, rel: string, from: string, to: string) {
  const f = path.join(dir, rel);
  const text = fs.readFileSync(f, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: "${from}" not in ${rel}`);
  fs.writeFileSync(f, text.replace(from, to));
}
const errorsOf = (dir: string) =>
  lintRules(dir).problems.filter((p) => p.severity === 'error').map((p) => ({
    code: p.code,
    file: p.file && path.relative(dir, p.file),
    row: p.row,
    path: p.path,
    message: p.message,
  }));

afterAll(() => {
  for (const d of fs.readdirSync(os.tmpdir())) if (d.startsWith('dcplan-rules-')) fs.rmSync(path.join(os.tmpdir(), d), { recursive: true, force: true });
});

test('the shipped rules lint clean', () => {
  expect(lintRules().problems).toEqual([]);
});

test('a malformed YAML file is reported with its file and line', () => {
  const dir = copyRules((d) => replaceIn(d, 'criteria/security.yaml', 'scale:\n  - { label: Moderate, score: 50 }', 'scale:\n  - { label: Moderate, score: 50'));
  const errs = errorsOf(dir);
  expect(errs.length).toBeGreaterThan(0);
  expect(errs.every((e) => e.code === 'rule-file-malformed' && e.file === 'criteria/security.yaml')).toBe(true);
  expect(errs[0].row).toBe(12); // the line where the parser finds the flow map unclosed (it opens on line 11)
  expect(errs[0].message).toMatch(/^not valid YAML: /);
});

test('an unknown check names the file, line, path and the known checks', () => {
  const dir = copyRules((d) =>
    replaceIn(d, 'criteria/security.yaml', '{ check: fact-equals, fact: sharedKernel, value: false }', '{ check: fact-equal, fact: sharedKernel, value: false }'),
  );
  expect(errorsOf(dir)).toEqual([
    {
      code: 'unknown-check',
      file: 'criteria/security.yaml',
      row: 17,
      path: ['levels', 0, 'when', 'all', 0, 'check'],
      message:
        'unknown check "fact-equal"; known checks: fact-equals, fact-in, fact-includes, fact-at-least, estate-share-below, max-workload-within-limit, hosts-have-feature, migration-effort-at-most, licence-cost-within',
    },
  ]);
});

test('a bad check option and an unknown option are each reported at their path', () => {
  const dir = copyRules((d) => {
    replaceIn(d, 'criteria/distributed-virtualization.yaml', 'fact: maxHostsPerCluster, min: 2 }', 'fact: maxHostsPerCluster, min: two }');
    replaceIn(d, 'workload/snapshots-present.yaml', 'fields: [snapshots], above: 0 }', 'fields: [snapshots], above: 0, colour: red }');
  });
  const errs = errorsOf(dir);
  expect(errs.map((e) => [e.code, e.file, e.path])).toEqual([
    ['bad-check-option', 'criteria/distributed-virtualization.yaml', ['levels', 0, 'when', 'all', 1, 'min']],
    ['bad-check-option', 'workload/snapshots-present.yaml', ['check', 'colour']],
  ]);
  expect(errs[0].message).toMatch(/number/);
  expect(errs[1].message).toBe('unknown option(s) "colour"');
});

test('unknown keys, unknown facts, missing facts and missing weights are errors', () => {
  const dir = copyRules((d) => {
    replaceIn(d, 'platforms/proxmox-ve.yaml', 'vendor: Proxmox Server Solutions', 'vendor: Proxmox Server Solutions\ncolour: blue');
    replaceIn(d, 'platforms/xcp-ng.yaml', '  faultTolerance:\n', '  faultTolerence:\n');
    replaceIn(d, 'criteria/security.yaml', 'fact: privilegedParentOs', 'fact: privilegedParentOS');
    replaceIn(d, 'profiles/cost-first.yaml', '  availability: 5\n', '');
  });
  expect(errorsOf(dir).map((e) => [e.code, e.file, e.path?.join('.'), e.message])).toEqual([
    [
      'unknown-fact',
      'criteria/security.yaml',
      'levels.0.when.all.1',
      expect.stringMatching(/^check "fact-equals" names unknown fact "privilegedParentOS"; known facts: architecture, /),
    ],
    ['rule-file-invalid', 'platforms/proxmox-ve.yaml', 'colour', 'unknown key(s) "colour"'],
    ['unknown-fact', 'platforms/xcp-ng.yaml', 'facts.faultTolerence.value', expect.stringMatching(/^unknown fact "faultTolerence"/)],
    [
      'missing-fact',
      'platforms/xcp-ng.yaml',
      'facts',
      'fact "faultTolerance" (a lock-step secondary copy keeps a workload running through a host failure) is missing; every platform states every fact with a source',
    ],
    ['missing-weight', 'profiles/cost-first.yaml', 'weights', 'no weight for criterion "availability"'],
  ]);
});

test('scoring refuses rules with errors, and an unknown platform or profile is a user error listing the known ids', () => {
  const rules = loadRules().rules!;
  expect(() => scoreReadiness({ rules, platforms: ['vmware-vsphere-9'] })).toThrow(UserError);
  try {
    scoreReadiness({ rules, platforms: ['vmware-vsphere-9'] });
  } catch (e) {
    const p = (e as UserError).problems[0];
    expect(p.code).toBe('unknown-platform');
    expect(p.message).toBe('unknown platform "vmware-vsphere-9"');
    expect(p.hint).toContain('known platforms: parallels-virtuozzo-containers, vmware-esx-server-3i, citrix-xenserver');
  }
  expect(() => scoreReadiness({ rules, profile: 'speed-first' })).toThrow('unknown profile "speed-first"');
});

test('dcplan rules lint and dcplan score stop with exit 2 on a broken rule folder', () => {
  const dir = copyRules((d) => replaceIn(d, 'workload/idle-or-zombie.yaml', 'check: has-flag', 'check: has-flags'));
  const lint = runCli(['rules', 'lint', '--rules-dir', dir]);
  expect(lint.status).toBe(2);
  expect(lint.stderr).toContain('unknown-check at');
  expect(lint.stderr).toContain(`workload${path.sep}idle-or-zombie.yaml › row 6 › check.check`);
  expect(lint.stderr).toContain('unknown check "has-flags"');
  const score = runCli(['score', '--rules-dir', dir]);
  expect(score.status).toBe(2);
  expect(score.stderr).toContain('unknown check "has-flags"');
  const unknown = runCli(['score', '--platforms', 'nope']);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain('unknown platform "nope"');
  expect(unknown.stderr).toContain('known platforms: parallels-virtuozzo-containers');
});

test('a profile file from the user is validated against the criteria', () => {
  const rules = loadRules().rules!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-rules-profile-'));
  const good = path.join(dir, 'customer.yaml');
  const weights = rules.criteria.map((c) => `  ${c.id}: ${c.id === 'security' ? 50 : 5}`).join('\n');
  fs.writeFileSync(good, `id: customer\nname: Customer weights\ndescription: Security matters most here.\nweights:\n${weights}\n`);
  const ok = loadProfileFile(good, 'customer.yaml', rules);
  expect(ok.problems).toEqual([]);
  const sc = scoreReadiness({ rules, platforms: ['seed'], profile: ok.profile!, asOf: '2026-01-01' });
  expect(sc.profile).toEqual({ id: 'customer', name: 'Customer weights', weights: expect.objectContaining({ security: 50, scalability: 5 }) });
  const bad = path.join(dir, 'bad.yaml');
  fs.writeFileSync(bad, `id: bad\nname: Bad\ndescription: x\nweights:\n${weights}\n  speed: 10\n`);
  expect(loadProfileFile(bad, 'bad.yaml', rules).problems.map((p) => [p.code, p.file, p.row, p.path])).toEqual([
    ['unknown-criterion', 'bad.yaml', 17, ['weights', 'speed']],
  ]);
});
