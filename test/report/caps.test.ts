import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { renderReports } from '../../src/report';
import { ROW_CAP } from '../../src/report/model/types';
import { pathStripper } from '../../src/report/model/strings';
import { fixtureInput } from '../fixtures/report/fixture';
import { pdfText, tmpDir } from './helpers';

const DATE = new Date('2026-11-20T00:00:00Z');
const LOCAL = '/home/consultant/customers/acme/exports';

/** The fixture with `n` placed workloads, read from a file in a local folder, one excluded record per workload. */
function bigInput(n: number) {
  const input = fixtureInput();
  const names = Array.from({ length: n }, (_, i) => `vm-${String(i).padStart(5, '0')}`);
  const file = `${LOCAL}/RVTools.xlsx`;
  input.inventory.sources[0].file = file;
  input.inventory.excluded = names.map((name, i) => ({
    name: `x-${name}`, kind: 'workload' as const, code: 'template', reason: `Template read from ${file}.`, provenance: { file, sheet: 'vInfo', row: i + 2 },
  }));
  input.inventory.problems.push({ code: 'unit-assumed', severity: 'warning', message: `C:\\Users\\consultant\\acme\\servers.csv: no unit; read as MiB.` });
  input.plan.hosts[0] = { ...input.plan.hosts[0], workloads: names, workloadIds: names.map((x) => `${file}/${x}`) };
  return input;
}

describe('appendix caps and local paths (issues 17.4, 19.6)', () => {
  const dir = tmpDir('caps');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const n = 2500;
  let files: string[];
  beforeAll(async () => {
    files = (await renderReports(bigInput(n), { outDir: dir, formats: ['pdf', 'html', 'xlsx', 'csv', 'json'], fixedDate: DATE })).files;
  });

  it('the PDF shows the first 200 rows of a long table and says where the rest is', () => {
    const text = pdfText(path.join(dir, 'report.pdf'));
    expect(text).toContain('vm-00199');
    expect(text).not.toContain('vm-00200');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`First ${ROW_CAP.pdf} of ${(n + 6).toLocaleString('en-US')} rows; the full table is in report.xlsx (sheet Placement) and report-placement.csv.`);
    expect(flat).toContain(`First ${ROW_CAP.pdf} of ${n.toLocaleString('en-US')} rows; the full table is in report.xlsx (sheet Excluded) and report-excluded.csv.`);
  });

  it('the HTML shows at most 2,000 rows of a table, the XLSX and CSV every row', async () => {
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('vm-01999');
    expect(html).not.toContain('>vm-02000<');
    expect(html).toContain(`First 2,000 of ${(n + 6).toLocaleString('en-US')} rows; the full table is in report.xlsx (sheet Placement)`);
    const csv = fs.readFileSync(path.join(dir, 'report-placement.csv'), 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(1 + n + 6);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'report.xlsx')));
    const sheets = await Promise.all(Object.keys(zip.files).filter((f) => f.startsWith('xl/')).map((f) => zip.file(f)!.async('string')));
    expect(sheets.join('')).toContain('vm-02499');
  });

  it('no report names a local folder: files by base name only, in cells, ids and messages', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'report.xlsx')));
    const xlsxText = (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('');
    const texts = [pdfText(path.join(dir, 'report.pdf')), xlsxText, ...files.filter((f) => !/\.(pdf|xlsx)$/.test(f)).map((f) => fs.readFileSync(f, 'utf8'))];
    for (const t of texts) {
      expect(t).not.toContain('/home/consultant');
      expect(t).not.toContain('consultant\\acme');
    }
    expect(fs.readFileSync(path.join(dir, 'report-placement.csv'), 'utf8')).toContain('RVTools.xlsx/vm-00000');
    expect(fs.readFileSync(path.join(dir, 'report-excluded.csv'), 'utf8')).toContain('Template read from RVTools.xlsx.');
  });

  it('the stripper keeps URLs, ratios and units', () => {
    const strip = pathStripper(['data/in/servers.csv']);
    expect(strip('see https://docs.example.com/a/b/c.html')).toBe('see https://docs.example.com/a/b/c.html');
    expect(strip('MB/s, N/A, 1/2, vCPU/core')).toBe('MB/s, N/A, 1/2, vCPU/core');
    expect(strip('read data/in/servers.csv row 3')).toBe('read servers.csv row 3');
    expect(strip('config ./cfg/assessment.yaml and /tmp/x/y/logo.png')).toBe('config assessment.yaml and logo.png');
    expect(strip('D:\\work\\acme\\RVTools.xlsx')).toBe('RVTools.xlsx');
  });
});
