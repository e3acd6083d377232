import { parseConfigText } from '../../src/config';
import { planConsolidation } from '../../src/plan/planner';
import { buildReportModel } from '../../src/report';
import { fixtureInput } from '../fixtures/report/fixture';
import { inventory, vm } from '../plan/estate';

const DATE = new Date('2026-11-20T00:00:00Z');

/** Two VMs with p50, p95 and peak, one without figures; planned on the 50th percentile. */
async function input() {
  const a = vm({ name: 'app-01', vcpus: 4, cpuMhz: 2000, cpuP95: 40, memGib: 8, memP95: 60, diskGib: 100 });
  a.utilization.cpu = { ...a.utilization.cpu!, p50: 20 };
  a.utilization.memory = { ...a.utilization.memory!, p50: 50, source: 'perf.csv' };
  const b = vm({ name: 'db-01', vcpus: 8, cpuMhz: 2000, cpuP95: 70, memGib: 32, memP95: 80, diskGib: 200 });
  const c = vm({ name: 'bare-01', vcpus: 2, cpuMhz: 2000, memGib: 4, diskGib: 50 });
  const inv = inventory([a, b, c]);
  const cfg = parseConfigText('policy: { percentile: 50 }\n', 'inline.yaml').config!;
  const plan = await planConsolidation(inv, cfg);
  return { ...fixtureInput(), inventory: inv, plan };
}

describe('what the plan sized, per workload (issue 16.2)', () => {
  it('lists every sized workload with the plan\'s basis and demand, and the figure it came from', async () => {
    const x = await input();
    const m = buildReportModel(x, { date: DATE });
    const t = m.tables.find((tb) => tb.id === 'sized-demand')!;
    const rows = new Map(t.rows.map((r) => [r[0], Object.fromEntries(t.columns.map((c, i) => [c.key, r[i]]))]));
    expect([...rows.keys()]).toEqual(x.plan.sizing!.map((s) => s.name));
    for (const s of x.plan.sizing!) {
      const r = rows.get(s.name)!;
      expect(r.cpuBasis).toBe(s.basis.cpu);
      expect(r.cpuMhz).toBe(s.demand.cpuMhz);
      expect(r.memoryGib).toBe(s.demand.memoryMib! / 1024);
    }
    // p50 where the VM has it, the next percentile up (p95) where not, allocation without figures
    expect([rows.get('app-01')!.cpuBasis, rows.get('db-01')!.cpuBasis, rows.get('bare-01')!.cpuBasis]).toEqual(['p50', 'p95', 'allocated']);
    expect(rows.get('app-01')!.memoryBasis).toBe('consumed, p50');
    expect(rows.get('app-01')!.source).toBe('perf.csv');
    expect(rows.get('app-01')!.storageGib).toBe(100);
  });

  it('the Workloads table\'s CPU util is the figure the plan sized on (p50 here, not the p95)', async () => {
    const x = await input();
    const m = buildReportModel(x, { date: DATE });
    const wl = m.tables.find((tb) => tb.id === 'workloads')!;
    const cpu = wl.columns.findIndex((c) => c.key === 'cpuUtil');
    const byName = new Map(wl.rows.map((r) => [r[0], r[cpu]]));
    expect([byName.get('app-01'), byName.get('db-01'), byName.get('bare-01')]).toEqual([0.2, 0.7, null]);
  });

  it('the section has the summary of bases for every format and the table for the HTML only', async () => {
    const m = buildReportModel(await input(), { date: DATE });
    const s = m.sections.find((sec) => sec.id === 'sized-demand')!;
    const bullets = s.blocks.find((b) => b.type === 'bullets');
    expect(bullets).toEqual({ type: 'bullets', items: ['CPU: allocated 1; p50 1; p95 1', 'Memory: allocated 1; consumed, p50 1; consumed, p95 1', 'Storage: provisioned 3'] });
    expect(s.blocks.find((b) => b.type === 'table')).toMatchObject({ htmlOnly: true });
  });
});
