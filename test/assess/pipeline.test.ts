import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runAssessment } from '../../src/assess/pipeline';
import { defaultStages } from '../../src/assess/stages';
import { AssessResult, AssessStages } from '../../src/assess/types';
import { Inventory } from '../../src/inventory/schema';
import { Plan } from '../../src/plan/types';
import { storageSentence, storageSummary } from '../../src/report/model/storage';
import { runCli } from '../helpers/cli';

/**
 * The pipeline on the demo estate with the real collect, plan and score stages; the report renderer is replaced by a
 * recorder (the reports have their own tests, and the CLI test runs them for real), so this file checks what `assess`
 * itself owns: inputs, scenarios, checkpoints, atomic reruns, and that the plan honours the demo's constraints.
 */
const rendered: Parameters<AssessStages['render']>[0][] = [];
const stages: AssessStages = {
  ...defaultStages,
  render: async (input, opts) => {
    rendered.push(input);
    const file = path.join(opts.outDir, 'report.json');
    fs.writeFileSync(file, JSON.stringify({ formats: opts.formats, date: opts.fixedDate.toISOString() }));
    return { files: [file] };
  },
};

const readJson = <T>(dir: string, f: string): T => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as T;

describe('runAssessment on the demo estate', () => {
  let out: string;
  let result: AssessResult;
  let firstBytes: Map<string, Buffer>;

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-assess-'));
    result = await runAssessment({ files: [], configs: [], outDir: out, formats: ['json'], date: '2026-05-22' }, stages);
    firstBytes = new Map(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f))]));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('says it ran on the demo and writes every checkpoint and one plan per scenario', () => {
    expect(result.demo).toBe(true);
    expect(result.inputs).toEqual(['datasets/demo-rvtools', 'datasets/demo-generic.csv']);
    expect(result.configs).toEqual(['datasets/assessment.yaml']);
    expect(result.scenarios.map((s) => s.name)).toEqual(['baseline', 'dense-hosts', 'allocated-4to1', 'allocated-6to1']);
    expect(fs.readdirSync(out).sort()).toEqual([
      'dcplan-manifest.json', 'inventory.json', 'maturity.json', 'plan-allocated-4to1.json', 'plan-allocated-6to1.json', 'plan-baseline.json', 'plan-dense-hosts.json',
      'plan.json', 'report.json', 'scorecard.json',
    ]);
    expect(result.files).toEqual(fs.readdirSync(out).sort());
    // the main plan is the first scenario, and the renderer got every scenario side by side
    expect(firstBytes.get('plan.json')!.equals(firstBytes.get('plan-baseline.json')!)).toBe(true);
    expect(rendered[0].scenarios!.map((s) => s.name)).toEqual(result.scenarios.map((s) => s.name));
  });

  it('collects both demo files: the RVTools VMs and the physical servers of the generic CSV', () => {
    const inv = readJson<Inventory>(out, 'inventory.json');
    expect(inv.sources.map((s) => [s.file, s.format])).toEqual([
      ['datasets/demo-rvtools', 'rvtools-csv'],
      ['datasets/demo-generic.csv', 'generic-csv'],
    ]);
    expect(inv.workloads.filter((w) => w.kind === 'physical')).toHaveLength(36);
    // 480 VM rows - 2 templates - 21 powered off = 457 VMs, + 36 physical servers
    expect(inv.workloads).toHaveLength(493);
    expect(inv.excluded).toHaveLength(23);
    expect(result.inventory.workloads).toBe(493);
    expect(inv.workloads.find((w) => w.name === 'lic-server-01')!.config.usbDevices).toBe(1);
    expect(inv.workloads.filter((w) => (w.config.snapshots ?? 0) > 0)).toHaveLength(30);
  });

  it('reads the demo datastores, names one on every VM disk, and the report states their totals', () => {
    const inv = readJson<Inventory>(out, 'inventory.json');
    expect(inv.datastores).toHaveLength(17);
    const names = new Set(inv.datastores!.map((d) => d.name));
    const vmDisks = inv.workloads.filter((w) => w.kind === 'vm').flatMap((w) => w.disks ?? []);
    expect(vmDisks.length).toBeGreaterThan(900);
    expect(vmDisks.filter((d) => d.datastore === undefined || !names.has(d.datastore))).toEqual([]);
    expect(inv.problems.filter((p) => /datastore/.test(p.code))).toEqual([]);
    expect(storageSentence(storageSummary(inv)!)).toBe(
      'Current storage: 17 datastores, 199.5 TiB capacity, 123.9 TiB in use (62.1%); 1 near full (< 10% free): ps-vmfs02.',
    );
  });

  it('headline and scenario figures are copied exactly from the plans', () => {
    const plan = readJson<Plan>(out, 'plan.json');
    expect(result.headline.hostsAfter).toBe(plan.summary.hosts);
    expect(result.headline.hostsBefore).toBe(plan.summary.hostsBefore);
    expect(result.headline.lowerBound).toBe(plan.summary.lowerBound);
    expect(result.headline.hardwareCost).toBe(plan.summary.hardwareCost);
    expect(result.headline.licenceCost).toBe(plan.summary.licenceCost);
    expect(result.headline.placed + result.headline.unplaced).toBe(493);
    for (const s of result.scenarios) {
      const p = readJson<Plan>(out, s.planFile);
      expect([s.name, s.hosts, s.lowerBound, s.totalCost]).toEqual([s.name, p.summary.hosts, p.summary.lowerBound,
        p.summary.hardwareCost + p.summary.licenceCost]);
    }
    // the dense-hosts scenario plans on its one model only
    expect(Object.keys(readJson<Plan>(out, 'plan-dense-hosts.json').summary.hostsByModel)).toEqual(['dense-2x48']);
  });

  it('keeps dc01 and dc02 apart, the ERP group together, and the SQL pool hosts SQL-only, in every scenario', () => {
    for (const s of result.scenarios) {
      const plan = readJson<Plan>(out, s.planFile);
      const hostOf = new Map<string, string>();
      for (const h of plan.hosts) for (const w of h.workloads) hostOf.set(w, h.id);
      expect(hostOf.get('dc01')).toBeDefined();
      expect(hostOf.get('dc01')).not.toBe(hostOf.get('dc02'));
      const erp = ['erp-web-01', 'erp-web-02', 'erp-app-01', 'erp-app-02', 'erp-app-03', 'erp-db-01'].map((n) => hostOf.get(n));
      expect(new Set(erp).size).toBe(1);
      const sqlHosts = plan.hosts.filter((h) => h.pool === 'sql');
      expect(sqlHosts.length).toBeGreaterThan(0);
      for (const h of sqlHosts) expect(h.workloads.filter((w) => !/^sql/i.test(w))).toEqual([]);
      for (const h of plan.hosts.filter((x) => x.pool !== 'sql')) expect(h.workloads.filter((w) => /^sql/i.test(w))).toEqual([]);
    }
  });

  it('every plan passes dcplan verify', () => {
    const inv = path.join(out, 'inventory.json');
    const main = runCli(['verify', path.join(out, 'plan.json'), '--inventory', inv, '--config', path.join('datasets', 'assessment.yaml')]);
    expect({ status: main.status, err: main.stderr }).toEqual({ status: 0, err: '' });
    expect(main.stdout).toMatch(/plan verified/);
    for (const s of result.scenarios.slice(1)) {
      const r = runCli(['verify', path.join(out, s.planFile), '--inventory', inv]);
      expect({ plan: s.planFile, status: r.status }).toEqual({ plan: s.planFile, status: 0 });
    }
  });

  it('a rerun into the same folder leaves no temporary files and, with --date, identical checkpoints', async () => {
    fs.writeFileSync(path.join(out, '.plan.json.99999.tmp'), 'half-written by a killed run');
    // a plan-*.json dcplan did not write is the user's: kept and named, never removed
    fs.writeFileSync(path.join(out, 'plan-old-scenario.json'), '{}');
    const rerun = await runAssessment({ files: [], configs: [], outDir: out, formats: ['json'], date: '2026-05-22' }, stages);
    const after = fs.readdirSync(out).sort();
    expect(after.filter((f) => f.endsWith('.tmp') || f.startsWith('.'))).toEqual([]);
    expect(after).toEqual([...firstBytes.keys(), 'plan-old-scenario.json'].sort());
    expect(rerun.problems.find((p) => p.code === 'out-dir-foreign-files')?.message).toMatch(/plan-old-scenario\.json/);
    fs.rmSync(path.join(out, 'plan-old-scenario.json'));
    for (const f of ['inventory.json', 'plan.json', 'scorecard.json', 'plan-dense-hosts.json'])
      expect({ f, same: fs.readFileSync(path.join(out, f)).equals(firstBytes.get(f)!) }).toEqual({ f, same: true });
  });
});

describe('runAssessment scenarios from several --config files (planner stubbed)', () => {
  it('names each config after its file and expands its scenario list', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-assess-cfg-'));
    const a = path.join(dir, 'base.yaml');
    const b = path.join(dir, 'Dense Option.yaml');
    fs.writeFileSync(a, 'policy: { headroom: 0.3 }\nscenarios:\n  - { name: no-growth, policy: { growth: 0 } }\n');
    fs.writeFileSync(b, 'hostModels:\n  - { id: big, sockets: 2, coresPerSocket: 48, cpuGhz: 2.4, memoryGib: 1536, cost: 40000 }\n');
    // a minimal plan: only what the pipeline reads from it
    const planStub = {
      summary: { hosts: 1, hostsBefore: 1, hostsByModel: {}, reserveHosts: 0, lowerBound: 1, gap: 0, placed: 0, unplaced: 0,
        consolidationRatio: 0, utilizationBefore: {}, utilizationAfter: {}, limitingDimension: null, powerKwAfter: 0,
        energyKwhPerYearAfter: 0, rackUnitsAfter: 0, hardwareCost: 0, licenceCost: 0, licenceCores: 0, currency: 'EUR' },
      solver: { seconds: 1.5 }, problems: [], hosts: [],
    } as unknown as Plan;
    const seen: { headroom: number; models: string[] }[] = [];
    const stub: AssessStages = {
      ...stages,
      planMany: undefined,
      plan: async (_inventory, config) => {
        seen.push({ headroom: config.policy.headroom, models: config.hostModels.map((m) => m.id) });
        return planStub;
      },
    };
    const out = path.join(dir, 'out');
    const r = await runAssessment(
      { files: [path.join(repoDatasets(), 'demo-generic.csv')], configs: [a, b], outDir: out, formats: ['json'], date: '2026-05-22' },
      stub,
    );
    expect(r.demo).toBe(false);
    expect(r.scenarios.map((s) => [s.name, s.source])).toEqual([
      ['base', a],
      ['base-no-growth', `${a} › scenarios.no-growth`],
      ['dense-option', b],
    ]);
    expect(seen).toEqual([
      { headroom: 0.3, models: ['std-2x32'] },
      { headroom: 0.3, models: ['std-2x32'] },
      { headroom: 0.2, models: ['big'] },
    ]);
    // with a fixed date, wall-clock solver timings are written as 0 so the checkpoints are reproducible
    expect(readJson<Plan>(out, 'plan-base.json').solver.seconds).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

function repoDatasets(): string {
  return path.resolve(__dirname, '..', '..', 'datasets');
}
