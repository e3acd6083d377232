import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { renderReports } from '../../src/report';
import { fixtureInput, FORMULA_NAME } from '../fixtures/report/fixture';
import { tmpDir } from './helpers';

describe('XLSX, CSV and JSON reports', () => {
  const dir = tmpDir('xlsx');
  let files: string[];
  const wb = new ExcelJS.Workbook();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const input = fixtureInput({ scenarios: [{ name: 'baseline', plan: fixtureInput().plan }, { name: 'dense', plan: fixtureInput().plan }] });
    files = (await renderReports(input, { outDir: dir, formats: ['xlsx', 'csv', 'json'], fixedDate: new Date('2026-11-20T00:00:00Z') })).files;
    await wb.xlsx.readFile(`${dir}/report.xlsx`);
  });

  it('has the sheets in order, each with a frozen, filtered header row', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary', 'Assumptions', 'Hosts', 'Placement', 'Workloads', 'Findings', 'Scorecard', 'Scenarios',
      'Hosts by model', 'Blockers', 'Excluded', 'Problems',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeDefined();
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
  });

  it('holds every row with real number formats', () => {
    const rows = (name: string) => wb.getWorksheet(name)!.actualRowCount - 1;
    expect(rows('Hosts')).toBe(3);
    expect(rows('Placement')).toBe(12); // 11 placed + 1 unplaced
    expect(rows('Workloads')).toBe(12);
    expect(rows('Findings')).toBe(3);
    expect(rows('Scorecard')).toBe(11); // ten criteria + weighted total
    expect(rows('Scenarios')).toBe(2);
    const hosts = wb.getWorksheet('Hosts')!;
    expect(hosts.getRow(1).values).toEqual([undefined, 'Host', 'Model', 'Cluster', 'HA reserve', 'Workloads', 'CPU util', 'Mem. util', 'Binding']);
    expect(hosts.getCell('F2').value).toBe(0.6123);
    expect(hosts.getCell('F2').numFmt).toBe('0.0%');
    expect(hosts.getCell('E2').numFmt).toBe('#,##0');
    const summary = wb.getWorksheet('Summary')!;
    const hw = summary.getColumn(1).values.indexOf('Hardware cost');
    expect(summary.getCell(hw, 3).value).toBe(63000);
    expect(summary.getCell(hw, 3).numFmt).toBe('"EUR "#,##0');
    const scenarios = wb.getWorksheet('Scenarios')!;
    const total = (scenarios.getRow(1).values as unknown[]).indexOf('Total cost');
    expect(scenarios.getCell(2, total).value).toBe(63000 + 18720);
  });

  it('stores a formula-looking VM name as neutralised text, never a formula', () => {
    const ws = wb.getWorksheet('Workloads')!;
    const cell = ws.getCell('A6');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'${FORMULA_NAME}`);
    expect(ws.getCell('A7').value).toBe("'-minus-vm");
    expect(ws.getCell('A8').value).toBe("'@at-vm");
    expect(ws.getCell('A9').value).toBe("'+plus-vm");
    expect(ws.getCell('A5').value).toBe('Zürich-db01');
  });

  it('renders every file byte for byte the same with a fixed date (the XLSX zip entries are stamped with it)', async () => {
    const again = tmpDir('xlsx-again');
    try {
      const input = fixtureInput({ scenarios: [{ name: 'baseline', plan: fixtureInput().plan }, { name: 'dense', plan: fixtureInput().plan }] });
      const second = (await renderReports(input, { outDir: again, formats: ['xlsx', 'csv', 'json'], fixedDate: new Date('2026-11-20T00:00:00Z') })).files;
      expect(second.map((f) => f.slice(again.length))).toEqual(files.map((f) => f.slice(dir.length)));
      second.forEach((f, i) => expect({ f, same: fs.readFileSync(f).equals(fs.readFileSync(files[i])) }).toEqual({ f, same: true }));
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
  });

  it('writes one CSV per table and a JSON of the same tables', () => {
    const csvs = files.filter((f) => f.endsWith('.csv')).map((f) => f.slice(dir.length + 1));
    expect(csvs).toEqual([
      'report-summary.csv', 'report-assumptions.csv', 'report-hosts.csv', 'report-placement.csv', 'report-workloads.csv',
      'report-findings.csv', 'report-scorecard.csv', 'report-scenarios.csv', 'report-hosts-by-model.csv', 'report-blockers.csv',
      'report-excluded.csv', 'report-problems.csv',
    ]);
    const placement = fs.readFileSync(`${dir}/report-placement.csv`, 'utf8').split('\r\n');
    expect(placement[0]).toBe('\uFEFFWorkload,Workload ID,Host,Model,Cluster,Status,Reason');
    expect(placement[5]).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")",vc1/0004,std-2x16-001,std-2x16,general,placed,`);
    const json = JSON.parse(fs.readFileSync(`${dir}/report.json`, 'utf8'));
    expect(json.schema).toBe('dcplan.report/v1');
    expect(Object.keys(json.tables)).toEqual(['summary', 'assumptions', 'hosts', 'placement', 'workloads', 'findings', 'scorecard', 'scenarios', 'hosts-by-model', 'blockers', 'excluded', 'problems']);
    expect(json.tables.placement.rows[4]).toEqual({ workload: FORMULA_NAME, workloadId: 'vc1/0004', host: 'std-2x16-001', model: 'std-2x16', cluster: 'general', status: 'placed', reason: '' });
    expect(json.tables.hosts.rows[0].util_cpuMhz).toBe(0.6123);
  });
});
