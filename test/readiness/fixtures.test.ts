import * as fs from 'fs';
import * as path from 'path';
import { loadRules, ReadinessConfig, scoreReadiness } from '../../src/readiness';
import { estateContext } from '../../src/readiness/engine';
import { runWorkloadRules } from '../../src/readiness/findings';
import { LicenceCostInput } from '../../src/readiness/cost';
import { PLATFORM_CHECKS } from '../../src/readiness/checks/platform-checks';
import { evaluateCondition, parseCondition } from '../../src/readiness/conditions';
import { deriveEstate } from '../../src/readiness/estate';
import { Platform, RuleSet } from '../../src/readiness/model';
import { Problem } from '../../src/diagnostics';
import { buildInventory, InventorySpec } from './build';

/**
 * Pass/fail fixtures, found automatically: test/fixtures/rules/<kind>/<id>/{pass,fail}.json for every workload rule,
 * every criterion and every check function criteria can use. Adding a rule without fixtures fails the guard below.
 */
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'rules');
const rules = loadRules().rules!;

interface Fixture {
  description?: string;
  asOf?: string;
  platform?: string;
  platforms?: string[];
  facts?: Record<string, unknown>;
  config?: ReadinessConfig;
  /** The plan's business case (the parts the cost criterion reads). */
  businessCase?: LicenceCostInput;
  inventory?: InventorySpec;
  condition?: unknown;
  flagged?: string[];
  rating?: string;
}

function read(kind: string, id: string, which: 'pass' | 'fail'): Fixture {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, kind, id, `${which}.json`), 'utf8'));
}

/** The platform a fixture names, with any fact overrides it states (so a "fail" case exists for every criterion). */
function platformOf(f: Fixture): Platform {
  const p = rules.platforms.find((x) => x.id === f.platform);
  if (!p) throw new Error(`fixture names unknown platform ${f.platform}`);
  const facts = { ...p.facts };
  for (const [k, v] of Object.entries(f.facts ?? {})) facts[k] = { value: v as never, source: 'fixture override' };
  return { ...p, facts };
}

function rulesWith(platform: Platform): RuleSet {
  return { ...rules, platforms: rules.platforms.map((p) => (p.id === platform.id ? platform : p)) };
}

const KINDS = {
  workload: rules.workloadRules.map((r) => r.id),
  criterion: rules.criteria.map((c) => c.id),
  check: PLATFORM_CHECKS.map((c) => c.id),
};

describe('guard: every rule file and check function has a pass and a fail fixture, and no fixture is orphaned', () => {
  for (const [kind, ids] of Object.entries(KINDS)) {
    test(kind, () => {
      const missing = ids.flatMap((id) =>
        ['pass', 'fail'].filter((w) => !fs.existsSync(path.join(FIXTURES, kind, id, `${w}.json`))).map((w) => `${kind}/${id}/${w}.json`),
      );
      expect(missing).toEqual([]);
      const dirs = fs.readdirSync(path.join(FIXTURES, kind)).sort();
      expect(dirs).toEqual([...ids].sort());
    });
  }
});

describe('workload rules', () => {
  function run(id: string, f: Fixture) {
    const sc = scoreReadiness({
      rules,
      platforms: f.platforms ?? ['current'],
      asOf: f.asOf ?? '2026-01-01',
      inventory: buildInventory(f.inventory!),
      config: f.config,
    });
    const flagged = sc.findings
      .filter((x) => x.rule === id)
      .map((x) => (x.platform ? `${x.workload}@${x.platform}` : x.workload))
      .sort();
    return { flagged, notRun: sc.checksNotRun.filter((c) => c.rule === id), findings: sc.findings.filter((x) => x.rule === id) };
  }
  for (const id of KINDS.workload) {
    test(`${id}: pass fixture runs the rule and flags nothing`, () => {
      const r = run(id, read('workload', id, 'pass'));
      expect(r.notRun).toEqual([]);
      expect(r.flagged).toEqual([]);
    });
    test(`${id}: fail fixture flags exactly the expected workloads`, () => {
      const f = read('workload', id, 'fail');
      const r = run(id, f);
      expect(r.notRun).toEqual([]);
      expect(r.flagged).toEqual([...f.flagged!].sort());
      const rule = rules.workloadRules.find((x) => x.id === id)!;
      for (const finding of r.findings) {
        expect(finding.severity).toBe(rule.severity);
        expect(finding.remediation).toBe(rule.remediation);
        expect(finding.message).not.toMatch(/\{|\}/);
      }
    });
  }
});

describe('criterion checks', () => {
  for (const id of KINDS.check)
    for (const which of ['pass', 'fail'] as const)
      test(`${id}: ${which} fixture ${which === 'pass' ? 'holds' : 'does not hold'}`, () => {
        const f = read('check', id, which);
        const problems: Problem[] = [];
        const cond = parseCondition(f.condition, 'fixture', [], problems);
        expect(problems).toEqual([]);
        expect((cond as { check: string }).check).toBe(id);
        const inventory = f.inventory ? buildInventory(f.inventory) : undefined;
        const estate = inventory ? deriveEstate(inventory, rules.cpuAssists) : undefined;
        const platform = platformOf(f);
        const scored = rules.platforms.filter((p) => (f.platforms ?? [platform.id]).includes(p.id));
        const { findings } = runWorkloadRules(rules, scored, inventory, estate, f.asOf ?? '2026-01-01', []);
        const ctx = estateContext(rules, scored, inventory, estate, findings, { config: f.config, businessCase: f.businessCase });
        expect(evaluateCondition(cond!, { ...ctx, platform }).pass).toBe(which === 'pass');
      });
});

describe('criteria', () => {
  for (const id of KINDS.criterion)
    for (const which of ['pass', 'fail'] as const)
      test(`${id}: ${which} fixture rates ${which === 'pass' ? 'at' : 'below'} the top of the scale`, () => {
        const f = read('criterion', id, which);
        const platform = platformOf(f);
        const sc = scoreReadiness({
          rules: rulesWith(platform),
          platforms: f.platforms ?? [platform.id],
          asOf: '2026-01-01',
          inventory: f.inventory ? buildInventory(f.inventory) : undefined,
          config: f.config,
          businessCase: f.businessCase,
        });
        const r = sc.platforms.find((p) => p.platform === platform.id)!.ratings.find((x) => x.criterion === id)!;
        const scale = rules.criteria.find((c) => c.id === id)!.scale;
        expect(r.rating).toBe(f.rating);
        expect(r.rating === scale[scale.length - 1].label).toBe(which === 'pass');
      });
});

test('rules whose data the inventory lacks are listed as not run, with what was missing', () => {
  const sc = scoreReadiness({ rules, asOf: '2026-01-01', inventory: buildInventory({ workloads: [{ name: 'bare' }] }) });
  expect(sc.checksNotRun).toEqual([
    { rule: 'exceeds-host-models', reason: 'no host models given (pass --config with hostModels)' },
    { rule: 'fault-tolerance-on', reason: 'no workload has a fault tolerance state (RVTools vInfo: FT State)' },
    { rule: 'firmware-needs', reason: 'no workload has firmware, Secure Boot or vTPM data (RVTools vInfo: Firmware)' },
    { rule: 'guest-legacy-unsupported', reason: 'no workload has a guest OS name' },
    { rule: 'guest-not-x86', reason: 'no workload has a guest OS name' },
    { rule: 'idle-or-zombie', reason: 'no workload has CPU utilisation, so idle and zombie servers cannot be told apart' },
    { rule: 'os-nearing-end-of-support', reason: 'no workload has a guest OS name' },
    { rule: 'os-past-end-of-support', reason: 'no workload has a guest OS name' },
    { rule: 'os-unsupported-by-platform', reason: 'no workload has a known guest OS family' },
    { rule: 'passthrough-devices', reason: 'no workload has USB, passthrough or SR-IOV device data (RVTools vUSB, vNetwork)' },
    { rule: 'physical-too-busy', reason: 'no physical server with CPU utilisation in the inventory' },
    { rule: 'rdm-or-shared-disk', reason: 'no disk has raw-device or sharing-mode data (RVTools vDisk: Raw, Sharing mode)' },
    { rule: 'snapshots-present', reason: 'no workload has a snapshot count (RVTools vSnapshot tab)' },
    { rule: 'vmware-tools-not-ok', reason: 'no workload has a VMware Tools status (RVTools vTools tab: Tools)' },
    { rule: 'criterion:availability', reason: 'no workload environment and no cluster HA setting in the inventory' },
    { rule: 'criterion:hardware-independence', reason: 'the inventory lists no hosts' },
  ]);
  // OS independence only looks at the estate for platforms that cannot mix guest OSes (none of today's).
  const seed = scoreReadiness({ rules, platforms: ['seed'], asOf: '2026-01-01', inventory: buildInventory({ workloads: [{ name: 'bare' }] }) });
  expect(seed.checksNotRun.filter((c) => c.rule === 'criterion:os-independence')).toEqual([
    { rule: 'criterion:os-independence', reason: 'no workload has a known guest OS family' },
  ]);
});

test('a physical server without a CPU figure is listed under the rule as not judged, not passed silently', () => {
  const sc = scoreReadiness({
    rules,
    asOf: '2026-01-01',
    inventory: buildInventory({
      workloads: [
        { name: 'phys-avg', kind: 'physical', utilization: { cpu: { unit: 'pct', basis: 'avg', avg: 92 } } },
        { name: 'phys-blind-b', kind: 'physical' },
        { name: 'phys-blind-a', kind: 'physical', utilization: { cpu: { unit: 'MHz', basis: 'avg', avg: 900 } } },
        { name: 'vm-blind' },
      ],
    }),
  });
  expect(sc.findings.filter((f) => f.rule === 'physical-too-busy').map((f) => f.message)).toEqual([
    'phys-avg is a physical server at CPU avg 92 % > 70 %.',
  ]);
  expect(sc.checksNotRun.filter((c) => c.rule === 'physical-too-busy')).toEqual([
    { rule: 'physical-too-busy', reason: '2 workload(s) with no CPU p95 / peak / avg in percent, not judged: phys-blind-a, phys-blind-b' },
  ]);
});
