import * as fs from 'fs';
import * as path from 'path';
import { chromium, Page } from 'playwright-core';
import { renderReports } from '../../src/report';
import { repoRoot } from '../helpers/cli';
import { fixtureInput, FORMULA_NAME } from '../fixtures/report/fixture';
import { tmpDir } from './helpers';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('HTML report', () => {
  const dir = tmpDir('html');
  let file: string;
  let html: string;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const input = fixtureInput();
    input.config = { report: { ...input.config!.report, customer: 'Contoso <script>alert(1)</script> & Co' } };
    // 9.1% / 52.3% / 0.0%: text order ("52.3%" before "9.1%") and number order differ, so the sort test can tell them apart
    input.plan.hosts[0].utilization.memoryMib = 0.0912;
    const r = await renderReports(input, { outDir: dir, formats: ['html'], fixedDate: new Date('2026-11-20T00:00:00Z') });
    file = r.files[0];
    html = fs.readFileSync(file, 'utf8');
  });

  it('is one self-contained file that escapes user text', () => {
    expect(path.basename(file)).toBe('report.html');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//i);
    expect(html).toContain('Contoso &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain(FORMULA_NAME.replace(/"/g, '&quot;'));
    expect(html.match(/<canvas /g)).toHaveLength(4);
  });

  it('opens offline in headless Chromium: no console errors, no requests, every chart drawn', async () => {
    const profile = fs.mkdtempSync(path.join(dir, 'profile-'));
    const ctx = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ARGS });
    try {
      const page = await ctx.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
      });
      await page.setViewportSize({ width: 1280, height: 1000 });
      await page.goto('file://' + file, { waitUntil: 'load' });
      // runs in the page (a string, since the test compiles without the DOM library)
      const drawn = await page.evaluate<{ id: string; painted: number; total: number }[]>(`Array.from(document.querySelectorAll('canvas[data-chart]')).map((c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) painted++;
        return { id: c.dataset.chart, painted, total: d.length / 4 };
      })`);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(drawn.map((d) => d.id)).toEqual(['utilisation-before-after', 'readiness', 'host-utilisation', 'findings']);
      // a drawn chart paints a good share of its pixels (bars, axes, labels); a blank canvas paints none
      for (const d of drawn) expect(d.painted / d.total).toBeGreaterThan(0.02);
      const artifacts = path.join(repoRoot, 'test', 'artifacts');
      fs.mkdirSync(artifacts, { recursive: true });
      await sortsAndFilters(page);
      await page.screenshot({ path: path.join(artifacts, 'report-html.png'), fullPage: true });
      expect(fs.statSync(path.join(artifacts, 'report-html.png')).size).toBeGreaterThan(10000);
    } finally {
      await ctx.close();
    }
  });
});

/** Texts of one column of a report table, visible rows only, as the page shows them now. */
function columnOf(page: Page, table: string, col: number): Promise<string[]> {
  return page.evaluate<string[]>(`Array.from(document.querySelectorAll('table[data-table="${table}"] tbody tr')).filter((r) => !r.hidden).map((r) => r.cells[${col}].textContent)`);
}

/** Issue 19.6: a click on a header sorts (numbers as numbers, again reverses), the filter box keeps matching rows. */
async function sortsAndFilters(page: Page): Promise<void> {
  const mem = page.locator('table[data-table="hosts"] thead th', { hasText: 'Mem. util' });
  const col = (await page.locator('table[data-table="hosts"] thead th').allTextContents()).indexOf('Mem. util');
  expect(await columnOf(page, 'hosts', col)).toEqual(['9.1%', '52.3%', '0.0%']);
  await mem.click();
  expect(await columnOf(page, 'hosts', col)).toEqual(['0.0%', '9.1%', '52.3%']);
  expect(await mem.getAttribute('aria-sort')).toBe('ascending');
  await mem.click();
  expect(await columnOf(page, 'hosts', col)).toEqual(['52.3%', '9.1%', '0.0%']);
  expect(await mem.getAttribute('aria-sort')).toBe('descending');

  await page.locator('table[data-table="placement"] thead th', { hasText: /^Workload$/ }).click();
  const names = await columnOf(page, 'placement', 0);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));

  const filter = page.locator('.filter:has(+ .table-wrap table[data-table="placement"]) input');
  await filter.fill('WEB');
  expect(await columnOf(page, 'placement', 0)).toEqual(['web-01', 'web-02']);
  expect(await page.locator('.filter:has(+ .table-wrap table[data-table="placement"]) .shown').textContent()).toBe('2 of 12 rows');
  await filter.fill('placed web-02');
  expect(await columnOf(page, 'placement', 0)).toEqual(['web-02']);
  await filter.fill('');
  expect(await columnOf(page, 'placement', 0)).toHaveLength(12);
}
