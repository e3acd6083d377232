import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseConfigText } from '../../src/config';
import { UserError } from '../../src/diagnostics';
import { readPlan } from '../../src/plan/io';
import { planConsolidation } from '../../src/plan/planner';
import { PlanSchema } from '../../src/plan/schema';
import { readScorecard } from '../../src/readiness/io';
import { scoreReadiness } from '../../src/readiness';
import { ScorecardSchema } from '../../src/readiness/scorecard-schema';
import { host, inventory, vm } from '../plan/estate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-checkpoints-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, doc: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return file;
};
const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e.problems;
    throw e;
  }
  throw new Error('expected a UserError');
};

// Existing hosts reused as models (existing-*), a pool with a licence, and a workload too big for every model: the
// optional parts of the plan are all present.
const config = parseConfigText(
  [
    'policy: { reuseExistingHosts: true, objective: cost }',
    'hostModels:',
    '  - { id: m1, sockets: 2, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 512, cost: 20000, powerIdleW: 150, powerMaxW: 500, rackUnits: 1 }',
    'constraints:',
    '  pools: [{ name: win, match: { os: "windows*" }, licence: { perCore: 100, minCoresPerHost: 16 } }]',
  ].join('\n'),
  'inline.yaml',
).config!;
const inv = inventory(
  [
    vm({ name: 'app1', cpuP95: 20, memP95: 50, hostId: 'esx1' }),
    vm({ name: 'win1', os: 'Microsoft Windows Server 2019 (64-bit)', cpuP95: 30, hostId: 'esx1' }),
    vm({ name: 'huge', vcpus: 512, memGib: 8192 }),
  ],
  [host('esx1')],
);

describe('plan.json and scorecard.json are what their schemas say', () => {
  it('a plan the planner writes parses with the plan schema, existing-host models and unplaced workloads included', async () => {
    const plan = await planConsolidation(inv, config);
    expect(plan.hostModels.some((m) => m.existing)).toBe(true);
    expect(plan.unplaced.map((u) => u.name)).toEqual(['huge']);
    const parsed = PlanSchema.safeParse(JSON.parse(JSON.stringify(plan)));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(readPlan(write('plan.json', plan))).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  it('a scorecard the engine writes parses with the scorecard schema', () => {
    const card = scoreReadiness({ inventory: inv, config, asOf: '2026-12-01' });
    const parsed = ScorecardSchema.safeParse(JSON.parse(JSON.stringify(card)));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(readScorecard(write('scorecard.json', card))).toEqual(JSON.parse(JSON.stringify(card)));
  });

  it('a field of the wrong type is an invalid-plan problem naming the file and the field', async () => {
    const plan = JSON.parse(JSON.stringify(await planConsolidation(inv, config)));
    plan.hosts[0].workloads = 'app1';
    delete plan.summary.hosts;
    const problems = problemsOf(() => readPlan(write('edited.json', plan), 'edited.json'));
    expect(problems.map((p) => [p.code, p.file, p.path?.join('.')])).toEqual([
      ['invalid-plan', 'edited.json', 'hosts.0.workloads'],
      ['invalid-plan', 'edited.json', 'summary.hosts'],
    ]);
    expect(problems[0].message).toMatch(/expected array.*at hosts\.0\.workloads\.$/);
  });

  it('an old or foreign document is refused with its version and what to do', () => {
    const [old] = problemsOf(() => readPlan(write('old.json', { schema: 'dcplan.plan/v0', hosts: [] }), 'old.json'));
    expect([old.code, old.message]).toEqual(['schema-version', 'old.json is a "dcplan.plan/v0" document; this dcplan reads "dcplan.plan/v1".']);
    expect(old.hint).toContain('dcplan plan');
    const [none] = problemsOf(() => readScorecard(write('none.json', { platforms: [] }), 'none.json'));
    expect(none.message).toBe('none.json is not a dcplan scorecard (it has no "schema" field); this dcplan reads "dcplan.scorecard/v1".');
    const [array] = problemsOf(() => readPlan(write('array.json', '[]'), 'array.json'));
    expect([array.code, array.message]).toEqual(['invalid-plan', 'array.json is not a dcplan plan (expected a JSON object).']);
  });
});
