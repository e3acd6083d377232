import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { evaluate, levelOf } from '../../src/maturity/levels';
import { loadMaturityRules, DEFAULT_MATURITY_DIR } from '../../src/maturity/loader';
import { Level } from '../../src/maturity/rules-schema';

/**
 * Pass/fail fixtures for the maturity rules, found automatically: test/fixtures/rules/maturity/capability/<id>/ (pass:
 * the evidence reaches the file's top level; fail: the level it stops at) and roadmap/<step>/ (pass: the step is due).
 */
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'rules', 'maturity');
const loaded = loadMaturityRules();
const rules = loaded.rules!;

interface Fixture {
  description: string;
  indicators?: Record<string, number | null>;
  answers?: Record<string, Level>;
  level?: string;
  due?: boolean;
}
const read = (kind: string, id: string, which: string): Fixture =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, kind, id, `${which}.json`), 'utf8'));
const evidence = (f: Fixture) => ({ indicators: f.indicators ?? {}, answers: f.answers ?? {} });

test('the shipped maturity rules load without problems', () => {
  expect(loaded.problems).toEqual([]);
  expect(rules.capabilities.map((c) => c.id)).toEqual([
    'identity-access', 'server-management', 'security-networking', 'data-protection-recovery', 'it-security-process',
  ]);
});

describe('guard: every capability and roadmap step has a pass and a fail fixture, none orphaned', () => {
  test.each([
    ['capability', rules.capabilities.map((c) => c.id)],
    ['roadmap', rules.roadmap.steps.map((s) => s.id)],
  ])('%s', (kind, ids) => {
    expect(fs.readdirSync(path.join(FIXTURES, kind)).sort()).toEqual([...ids].sort());
    for (const id of ids) for (const w of ['pass', 'fail']) expect(fs.existsSync(path.join(FIXTURES, kind, id, `${w}.json`))).toBe(true);
  });
});

describe('capabilities', () => {
  for (const cap of rules.capabilities) {
    const top = cap.levels[0].level;
    test(`${cap.id}: pass fixture reaches ${top}, fail fixture its stated lower level`, () => {
      const pass = read('capability', cap.id, 'pass');
      const fail = read('capability', cap.id, 'fail');
      expect(pass.level).toBe(top);
      expect(levelOf(cap, evidence(pass), () => undefined).level).toBe(top);
      expect(fail.level).not.toBe(top);
      expect(levelOf(cap, evidence(fail), () => undefined).level).toBe(fail.level);
    });
  }
});

describe('roadmap steps', () => {
  for (const step of rules.roadmap.steps)
    test(`${step.id}: due on the pass fixture, not on the fail fixture`, () => {
      expect(evaluate(step.when, evidence(read('roadmap', step.id, 'pass')))).toBe(true);
      expect(evaluate(step.when, evidence(read('roadmap', step.id, 'fail')))).toBe(false);
    });
});

describe('missing evidence is unknown, never a level', () => {
  const sm = rules.capabilities.find((c) => c.id === 'server-management')!;
  test('no evidence at all: not assessed', () => {
    expect(levelOf(sm, { indicators: {}, answers: {} }, () => undefined)).toMatchObject({ level: 'not-assessed' });
  });
  test('Standardized shown, Rationalized undecided without the vCluster / vTools figures', () => {
    const l = levelOf(sm, { indicators: { 'virtualised-share': 1, 'vms-per-host': 22.4, 'host-builds': 1, 'powered-off-share': 0.04, 'drs-enabled-share': null }, answers: {} }, () => undefined);
    expect(l).toMatchObject({ level: 'standardized', upTo: 'rationalized', missing: ['indicator:drs-enabled-share', 'indicator:tools-ok-share'] });
  });
  test('above a level whose evidence fails nothing is "not decided" (the levels build on each other)', () => {
    const itp = rules.capabilities.find((c) => c.id === 'it-security-process')!;
    const l = levelOf(itp, { indicators: { 'powered-off-share': 0.33 }, answers: {} }, () => undefined);
    expect(l).toMatchObject({ level: 'basic', missing: [] });
    expect(l.upTo).toBeUndefined();
  });
  test('an unanswered question leaves identity and access not assessed', () => {
    const ia = rules.capabilities.find((c) => c.id === 'identity-access')!;
    expect(levelOf(ia, { indicators: {}, answers: {} }, () => undefined).level).toBe('not-assessed');
  });
});

describe('linting a broken copy names file, line and what is wrong', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-maturity-'));
    fs.cpSync(DEFAULT_MATURITY_DIR, dir, { recursive: true });
    const f = path.join(dir, 'capabilities', 'server-management.yaml');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('{ answer: monitoring, atLeast: dynamic }', '{ answer: monitor, atLeast: dynamic }').replace('{ indicator: templates, atLeast: 1 }', '{ indicator: template-count, atLeast: 1 }'));
    fs.rmSync(path.join(dir, 'capabilities', 'identity-access.yaml'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  test('unknown question and indicator, missing capability', () => {
    const r = loadMaturityRules(dir);
    expect(r.rules).toBeUndefined();
    const codes = r.problems.map((p) => [p.code, path.basename(p.file ?? ''), p.row !== undefined]);
    expect(codes).toEqual(expect.arrayContaining([
      ['rule-file-invalid', 'server-management.yaml', true],
      ['missing-capability', 'capabilities', false],
    ]));
    expect(r.problems.find((p) => p.code === 'rule-file-invalid')!.message).toMatch(/template-count|Invalid/);
  });
});
