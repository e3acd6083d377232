import { layoutDocument } from '../../src/report/layout/document';
import { truncate, wrap, wrapClamp } from '../../src/report/layout/text';
import { A4, Measure } from '../../src/report/layout/types';
import { buildReportModel } from '../../src/report/model/build';
import { chooseFonts, winAnsi } from '../../src/report/render/pdf/fonts';
import { fixtureInput, fixturePlan } from '../fixtures/report/fixture';

/** A fake font: every character is half the font size wide, bold a little wider. */
const mono: Measure = { width: (t, font, size) => [...t].length * size * (font === 'bold' ? 0.6 : 0.5) };

describe('text fitting', () => {
  it('truncates with an ellipsis only when needed', () => {
    expect(truncate(mono, 'abcdef', 'regular', 10, 30)).toBe('abcdef');
    expect(truncate(mono, 'abcdefgh', 'regular', 10, 30)).toBe('abcde…');
    expect(truncate(mono, 'abcdefgh', 'regular', 10, 4)).toBe('');
  });
  it('wraps on spaces, splits words longer than a line, clamps with an ellipsis', () => {
    expect(wrap(mono, 'aa bb cc dd', 'regular', 10, 25)).toEqual(['aa bb', 'cc dd']);
    expect(wrap(mono, 'abcdefghijkl', 'regular', 10, 25)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapClamp(mono, 'aa bb cc dd ee ff', 'regular', 10, 25, 2)).toEqual(['aa bb', 'cc d…']);
  });
});

describe('page layout', () => {
  const names = Array.from({ length: 150 }, (_, i) => `a-very-long-workload-name-that-will-not-fit-${i}`);
  const plan = fixturePlan();
  plan.hosts[0] = { ...plan.hosts[0], workloads: names, workloadIds: names.map((n) => `id/${n}`) };
  const model = buildReportModel({ ...fixtureInput(), plan }, { date: new Date('2026-11-20T00:00:00Z') });
  const layout = layoutDocument(model, mono);

  it('never lets text overflow its box or the page', () => {
    let texts = 0;
    layout.pages.forEach((p) => {
      for (const prim of p.prims) {
        if (prim.t !== 'text') continue;
        texts++;
        expect(mono.width(prim.text, prim.font, prim.size)).toBeLessThanOrEqual(prim.w + 1e-6);
        expect(prim.x).toBeGreaterThanOrEqual(0);
        expect(prim.x + prim.w).toBeLessThanOrEqual(A4.width - A4.right + 1e-6);
        expect(prim.y + prim.size).toBeLessThanOrEqual(A4.height);
      }
    });
    expect(texts).toBeGreaterThan(1000);
  });

  it('keeps body content inside the margins and leaves no page empty', () => {
    layout.pages.forEach((p, i) => {
      const body = p.prims.filter((x) => x.t === 'text' && x.y >= A4.top && x.y < A4.height - A4.bottom);
      expect({ page: i + 1, empty: body.length === 0 }).toEqual({ page: i + 1, empty: false });
      for (const x of p.prims) if (x.t === 'rect' && i > 0) expect(x.y + x.h).toBeLessThanOrEqual(A4.height - A4.bottom + 1e-6);
    });
  });

  it('numbers the contents from where each section starts', () => {
    expect(layout.toc.map((t) => t.title)).toEqual([
      'Executive summary', 'Assumptions', 'Readiness scorecard', 'Consolidation plan', 'Workload findings', 'Data quality',
      'Appendix: placement of every workload',
    ]);
    for (const t of layout.toc) {
      const page = layout.pages[t.page - 1];
      expect(page.prims.some((x) => x.t === 'text' && x.text === t.title && x.size === 18)).toBe(true);
    }
    expect(layout.pages.length - layout.toc[6].page).toBeGreaterThanOrEqual(2); // the appendix runs over several pages
  });
});

describe('fonts', () => {
  it('maps text to what the Helvetica fallback (WinAnsi) can show', () => {
    expect(winAnsi('66 → 17 · Zürich ✓ 東 €')).toBe('66 -> 17 · Zürich yes ? €');
  });
  it('uses DejaVu Sans when installed, keeping every glyph', () => {
    const f = chooseFonts();
    expect(f.regular).toMatch(/DejaVuSans\.ttf$/);
    expect(f.printable('66 → 17')).toBe('66 → 17');
  });
});
