import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { collectFiles } from '../../src/collect/pipeline';
import { EXPORT_TARGETS, exportInventory, ExportTarget } from '../../src/export';
import { templatePct } from '../../src/export/figures';
import { Inventory } from '../../src/inventory/schema';
import { runCli } from '../helpers/cli';
import { sharedPath } from '../helpers/shared';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-export-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const sum = (inv: Inventory, f: (w: Inventory['workloads'][number]) => number | undefined) =>
  Math.round(inv.workloads.reduce((s, w) => s + (f(w) ?? 0), 0) * 1000) / 1000;

/** The totals an import must keep: count, vCPUs, memory, storage, average utilisation (0-100, as the templates take it), IOPS and network. */
function totals(inv: Inventory, target: ExportTarget) {
  const t: Record<string, number> = {
    workloads: inv.workloads.length,
    vcpus: sum(inv, (w) => w.vcpus),
    memoryMib: sum(inv, (w) => w.memoryMib),
    cpuAvgPct: sum(inv, (w) => templatePct(w, 'cpu', 'avg')),
    memoryAvgPct: sum(inv, (w) => templatePct(w, 'memory', 'avg')),
    iopsAvg: sum(inv, (w) => w.utilization.diskIops?.avg),
    networkMbpsAvg: sum(inv, (w) => w.utilization.networkMbps?.avg),
  };
  // AWS's template has no disk sizes; Azure's carries the disks (RVTools' provisioned figure also holds swap and
  // snapshots, which are not disks); the generic CSV carries the provisioned figure itself
  const diskSum = (w: Inventory['workloads'][number]) => (w.disks.length > 0 ? w.disks.reduce((s, d) => s + d.capacityGib, 0) : w.provisionedGib);
  if (target === 'azure-migrate') t.diskGib = sum(inv, diskSum);
  if (target === 'generic') t.provisionedGib = sum(inv, (w) => w.provisionedGib);
  return t;
}

async function collect(files: string[]): Promise<Inventory> {
  return (await collectFiles(files, { includePoweredOff: false })).inventory;
}

async function roundTrip(inv: Inventory, target: ExportTarget): Promise<Inventory> {
  const file = path.join(tmp, `${target}-${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, exportInventory(inv, target).text);
  const back = await collectFiles([file], { includePoweredOff: true });
  expect(back.inventory.workloads.every((w) => w.provenance[0].file.endsWith('.csv'))).toBe(true);
  return back.inventory;
}

describe('dcplan export: vendor import templates read back by collect with the same totals', () => {
  let demo: Inventory;
  let rvtools: Inventory;
  beforeAll(async () => {
    demo = await collect([path.join(__dirname, '..', '..', 'datasets', 'demo-generic.csv')]);
    // SizingWorkshop (763 VMs) carries sizes only; the migration planner's example1 carries vCPU / vMemory utilisation
    rvtools = await collect([
      sharedPath('datasets', 'rvtools-samples', 'SizingWorkshop-RVTools.xlsx'),
      sharedPath('datasets', 'rvtools-kubev2v-migration-planner', 'example1.xlsx'),
    ]);
  });

  for (const target of EXPORT_TARGETS) {
    it(`${target}: the demo estate round-trips`, async () => {
      const back = await roundTrip(demo, target);
      expect(totals(back, target)).toEqual(totals(demo, target));
      expect(back.workloads.map((w) => w.name)).toEqual(demo.workloads.map((w) => w.name));
    });

    it(`${target}: two real RVTools workbooks round-trip`, async () => {
      expect(rvtools.workloads.length).toBeGreaterThan(500);
      const t = totals(rvtools, target);
      expect(t.cpuAvgPct).toBeGreaterThan(0); // the workbook carries utilisation: the comparison is not of zeros
      expect(t.memoryAvgPct).toBeGreaterThan(0);
      const back = await roundTrip(rvtools, target);
      expect(totals(back, target)).toEqual(totals(rvtools, target));
    });
  }

  it('writes the templates with their own headers, detected as their own format', async () => {
    const expected: Record<ExportTarget, string> = { 'azure-migrate': 'azure-migrate-csv', 'aws-import': 'aws-import-csv', generic: 'generic-csv' };
    for (const target of EXPORT_TARGETS) {
      const r = exportInventory(demo, target);
      const file = path.join(tmp, `detect-${target}.csv`);
      fs.writeFileSync(file, r.text);
      const back = await collectFiles([file], { includePoweredOff: true });
      expect(back.inventory.sources.map((s) => s.format)).toEqual([expected[target]]);
    }
    expect(exportInventory(demo, 'azure-migrate').columns.slice(0, 5)).toEqual(['*Server name', 'IP addresses', '*Cores', '*Memory (In MB)', '*OS name']);
  });

  it('neutralises formula text and quotes commas; the bytes do not depend on the locale', () => {
    const inv: Inventory = { ...demo, workloads: [{ ...demo.workloads[0], name: '=HYPERLINK("x"),evil', application: 'a,b' }] };
    const text = exportInventory(inv, 'generic').text;
    expect(text.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\),evil",/);
    expect(text).toContain('"a,b"');
  });

  it('CLI: writes the file, refuses to overwrite without --force, and returns a typed --json result', () => {
    const inv = path.join(tmp, 'inv.json');
    const collected = runCli(['collect', path.join(__dirname, '..', '..', 'datasets', 'demo-generic.csv'), '--out', inv]);
    expect(collected.status).toBe(0);
    const out = path.join(tmp, 'az.csv');
    const r = runCli(['export', inv, '--to', 'azure-migrate', '--out', out, '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { status: string; rows: number; target: string };
    expect(json).toMatchObject({ status: 'ok', target: 'azure-migrate', rows: demo.workloads.length });
    expect(fs.readFileSync(out, 'utf8').startsWith('*Server name,')).toBe(true);
    const again = runCli(['export', inv, '--to', 'azure-migrate', '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    const bad = runCli(['export', inv, '--to', 'gcp', '--out', path.join(tmp, 'x.csv')]);
    expect(bad.status).toBe(2);
  });
});
