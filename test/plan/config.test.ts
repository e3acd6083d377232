import * as os from 'os';
import * as path from 'path';
import { assessmentJsonSchema, loadConfig, parseConfigText, scenarioConfig } from '../../src/config';
import { repoRoot } from '../helpers/cli';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'plan', 'assessment.yaml');

describe('assessment config', () => {
  test('the example config loads without errors, values as written', () => {
    const r = loadConfig(fixture);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const c = r.config!;
    expect(c.policy.headroom).toBe(0.25);
    expect(c.policy.targetUtilization).toEqual({ cpu: 0.8, memory: 0.8, storage: 0.8, iops: 0.8, network: 0.8 });
    expect(c.hostModels.map((m) => m.id)).toEqual(['big', 'small']);
    expect(c.constraints.pools[0].licence).toEqual({ perCore: 1000, minCoresPerHost: 16 });
    expect(c.constraints.honourDrsRules).toBe(true);
    // defaults are recorded by path
    expect(c.defaultsApplied).toEqual(expect.arrayContaining(['policy.storageBasis', 'policy.targetUtilization.iops', 'policy.seed']));
    expect(c.defaultsApplied).not.toContain('policy.headroom');
    expect(c.file).toBe(fixture);
  });

  test('the demo estate config in datasets/ is valid', () => {
    const r = loadConfig(path.join(repoRoot, 'datasets', 'assessment.yaml'));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('an unknown key is an error naming file, YAML line and path', () => {
    const r = parseConfigText('policy:\n  sizing: performance\n  headrom: 0.3\n', 'a.yaml');
    expect(r.config).toBeNull();
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'config-unknown-key', severity: 'error', file: 'a.yaml', row: 3, path: ['policy', 'headrom'], message: 'unknown key "headrom" in policy' }),
    ]);
  });

  test('a wrong type is an error naming file, line and path; every error is listed, not only the first', () => {
    const text = 'policy:\n  percentile: high\nhostModels:\n  - { id: x, sockets: 2, coresPerSocket: 8, cpuGhz: fast, memoryGib: 256 }\n';
    const r = parseConfigText(text, 'b.yaml');
    expect(r.config).toBeNull();
    const errs = r.problems.map((p) => ({ code: p.code, file: p.file, row: p.row, path: p.path }));
    expect(errs).toEqual([
      { code: 'config-invalid', file: 'b.yaml', row: 2, path: ['policy', 'percentile'] },
      { code: 'config-invalid', file: 'b.yaml', row: 4, path: ['hostModels', 0, 'cpuGhz'] },
    ]);
    expect(r.problems[0].message).toMatch(/^policy\.percentile: .*number/);
  });

  test('YAML syntax errors and cross-references are reported', () => {
    expect(parseConfigText('policy: [unclosed\n', 'c.yaml').problems[0]).toMatchObject({ code: 'config-yaml-syntax', file: 'c.yaml' });
    const r = parseConfigText(
      'hostModels:\n  - { id: a, sockets: 1, coresPerSocket: 8, cpuGhz: 2, memoryGib: 64, cost: 1 }\n' +
        'constraints:\n  pools: [ { name: p, match: { os: "*" }, hostModels: [zzz] } ]\n  pinned: [ { workload: x, pool: nope } ]\n',
      'd.yaml',
    );
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([
      ['config-unknown-reference', ['constraints', 'pools', 0, 'hostModels', 0]],
      ['config-unknown-reference', ['constraints', 'pinned', 0, 'pool']],
    ]);
  });

  test('a missing file is a problem, not a crash', () => {
    expect(loadConfig(path.join(os.tmpdir(), 'no-such-dcplan.yaml')).problems[0].code).toBe('config-not-found');
  });

  test('no config at all: every default, and a warning about the built-in host model', () => {
    const r = parseConfigText('', 'empty.yaml');
    expect(r.config!.policy.headroom).toBe(0.2);
    expect(r.config!.policy.percentile).toBe(95);
    expect(r.config!.hostModels[0].id).toBe('std-2x32');
    expect(r.problems.map((p) => p.code)).toEqual(['default-host-model', 'config-defaults']);
  });

  test('a scenario overrides policy keys and the catalog, keeping the rest', () => {
    const base = parseConfigText(
      'policy: { headroom: 0.3 }\nhostModels: [ { id: a, sockets: 1, coresPerSocket: 8, cpuGhz: 2, memoryGib: 64, cost: 1 } ]\n' +
        'scenarios:\n  - { name: alloc, policy: { sizing: allocated, cpuOversubscription: 6 } }\n' +
        '  - { name: b, hostModels: [ { id: b, sockets: 2, coresPerSocket: 8, cpuGhz: 2, memoryGib: 128, cost: 2 } ] }\n',
      'e.yaml',
    ).config!;
    const alloc = scenarioConfig(base, 'alloc');
    expect([alloc.policy.sizing, alloc.policy.cpuOversubscription, alloc.policy.headroom]).toEqual(['allocated', 6, 0.3]);
    expect(alloc.hostModels.map((m) => m.id)).toEqual(['a']);
    expect(scenarioConfig(base, 'b').hostModels.map((m) => m.id)).toEqual(['b']);
  });

  test('the published assessment schema rejects unknown keys and types the policy (the file itself: test/contracts)', () => {
    const schema = JSON.parse(JSON.stringify(assessmentJsonSchema()));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.policy.properties.headroom.type).toBe('number');
  });
});
