import * as fs from 'fs';
import * as path from 'path';
import { createCanvas } from '@napi-rs/canvas';
import { renderReports } from '../../src/report';
import { headlineFigures } from '../../src/report/model/build';
import { chooseFonts } from '../../src/report/render/pdf/fonts';
import { fmtInt, fmtMoney, fmtNum, fmtPct, fmtRatio } from '../../src/report/format';
import { fixtureInput, fixturePlan } from '../fixtures/report/fixture';
import { pdfImages, pdfPages, pdfText, tmpDir } from './helpers';

const FIXED = new Date('2026-11-20T00:00:00Z');

function logoFile(dir: string): string {
  const c = createCanvas(200, 80);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#8a2be2';
  ctx.fillRect(10, 10, 60, 60);
  const file = path.join(dir, 'logo.png');
  fs.writeFileSync(file, c.toBuffer('image/png'));
  return file;
}

describe('PDF report', () => {
  const dir = tmpDir('pdf');
  const input = fixtureInput();
  input.config = { report: { ...input.config!.report, logo: logoFile(dir) } };
  let file: string;
  let pages: number | undefined;

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const r = await renderReports(input, { outDir: path.join(dir, 'a'), formats: ['pdf'], fixedDate: FIXED });
    file = r.files[0];
    pages = r.pdfPages;
    expect(r.problems).toEqual([]);
  });

  it('renders the same bytes twice with fixed metadata', async () => {
    const again = await renderReports(input, { outDir: path.join(dir, 'b'), formats: ['pdf'], fixedDate: FIXED });
    expect(fs.readFileSync(again.files[0]).equals(fs.readFileSync(file))).toBe(true);
    const raw = fs.readFileSync(file, 'latin1');
    expect(raw).toContain('(D:20261120000000Z)');
  });

  it('has the expected pages: cover, contents, one page per section', () => {
    // cover, contents, then executive summary, assumptions, readiness, plan, findings, data quality, appendix:
    // each section starts a page and, for this small estate, fits on it
    expect(pages).toBe(9);
    const text = pdfPages(file);
    expect(text).toHaveLength(9);
    expect(text[0]).toContain('Contoso Shipping');
    expect(text[0]).toContain('Ada Lovelace, Analytical Engines Ltd');
    expect(text[0]).toContain('2026-11-20');
    expect(text[1]).toMatch(/Contents[\s\S]*Executive summary[\s\S]*Appendix: placement of every workload/);
    // every page after the cover carries "Page n of N"
    text.slice(1).forEach((t, i) => expect(t).toContain(`Page ${i + 2} of 9`));
  });

  it('prints the headline figures exactly as plan.json and scorecard.json give them', () => {
    const text = pdfText(file);
    const printable = chooseFonts().printable;
    const s = input.plan.summary;
    const expected = [
      `${fmtInt(s.hostsBefore)} → ${fmtInt(s.hosts)}`,
      fmtRatio(s.consolidationRatio),
      `${fmtPct(s.utilizationBefore.cpuMhz!)} → ${fmtPct(s.utilizationAfter.cpuMhz!)}`,
      `${fmtPct(s.utilizationBefore.memoryMib!)} → ${fmtPct(s.utilizationAfter.memoryMib!)}`,
      `${fmtNum(s.powerKwBefore!)} → ${fmtNum(s.powerKwAfter)} kW`,
      `${fmtInt(s.energyKwhPerYearBefore!)} → ${fmtInt(s.energyKwhPerYearAfter)} kWh`,
      `${fmtInt(s.rackUnitsBefore!)} → ${fmtInt(s.rackUnitsAfter)} U`,
      fmtMoney(s.hardwareCost, 'EUR'),
      fmtMoney(s.licenceCost, 'EUR'),
      input.scorecard.recommendation.name,
      `${fmtNum(92.5)} / 100`,
    ];
    expect(expected.map(printable)).toEqual(headlineFigures(input).map((h) => printable(h.value)));
    expect(expected).toEqual(['3 → 3', '3.7:1', '15.2% → 50.0%', '28.7% → 48.2%', '2.4 → 1.2 kW', '21,155 → 10,810 kWh', '6 → 6 U', 'EUR 63,000', 'EUR 18,720', 'H/W Virtualization (e.g. VMware ESX Server 3i)', '92.5 / 100']);
    // pdftotext guesses spaces from glyph gaps (it prints "3→3" for "3 → 3"), so compare without whitespace
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    for (const v of expected) expect(squeeze(text)).toContain(squeeze(printable(v)));
  });

  it("prints the seed's criteria × platforms table and the unplaced reason", () => {
    const text = pdfText(file, true);
    expect(text).toMatch(/Security Level\s+High\s+Moderate/);
    expect(text).toMatch(/On-Demand Capacity\s+Full Support\s+Partial Support/);
    expect(text).toContain('huge-01: needs 1,200 GiB memory');
    expect(text).toContain('Zürich-db01');
  });

  it('embeds every chart and the logo as images', () => {
    const images = pdfImages(file).filter((i) => i.type === 'image');
    // charts: utilisation before/after, readiness, per-host utilisation, findings; plus the logo on the cover
    expect(images).toHaveLength(5);
    expect(images.filter((i) => i.page === 1)).toHaveLength(1);
    expect(images.filter((i) => i.width === 200 && i.height === 80)).toHaveLength(1);
  });

  it('breaks a long table across pages with the header repeated', async () => {
    const big = fixtureInput();
    const plan = fixturePlan();
    const names = Array.from({ length: 400 }, (_, i) => `vm-${String(i).padStart(3, '0')}`);
    plan.hosts[0] = { ...plan.hosts[0], workloads: names, workloadIds: names.map((n) => `vc1/${n}`) };
    big.plan = plan;
    const r = await renderReports(big, { outDir: path.join(dir, 'big'), formats: ['pdf'], fixedDate: FIXED });
    const text = pdfPages(r.files[0], true);
    const continued = text.filter((t) => t.includes('Placement of every workload (continued)'));
    expect(continued.length).toBeGreaterThanOrEqual(3);
    for (const t of continued) expect(t).toMatch(/Workload\s+Host\s+Model\s+Cluster\s+Status\s+Reason/);
    const all = text.join('\n');
    for (const n of ['vm-000', 'vm-199']) expect(all).toContain(n);
    expect(all).not.toContain('vm-399'); // the PDF stops at ROW_CAP.pdf rows (test/report/caps.test.ts)
  });
});

describe('PDF images', () => {
  it('are opaque RGB (pdfkit embeds PNGs with alpha on a callback, which made the object order, and the bytes, vary)', async () => {
    const dir = tmpDir('opaque');
    try {
      const input = fixtureInput();
      input.config = { report: { ...input.config!.report, logo: logoFile(dir) } };
      const r = await renderReports(input, { outDir: dir, formats: ['pdf'], fixedDate: FIXED });
      const list = pdfImages(r.files[0]);
      expect(list.map((i) => i.type)).toEqual(['image', 'image', 'image', 'image', 'image']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
