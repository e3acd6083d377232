/**
 * Lays the report model out on A4 pages: cover, table of contents (with page numbers), one section per chapter,
 * then headers and footers ("Page n of N") once the page count is known.
 */
import { Block, pickColumns, ReportModel, Section } from '../model/types';
import { BODY_LEADING, BODY_SIZE, Flow } from './flow';
import { layoutTable } from './table';
import { truncate, wrap, wrapClamp } from './text';
import { A4, DocumentLayout, Measure, Page, PageGeometry, Theme } from './types';

const COVER_PAGES = 1;
const TOC_PAGES = 1;

export function themeFor(model: ReportModel): Theme {
  return { accent: model.meta.accentColor, text: '#1d2327', muted: '#5f6b73', rule: '#b8c0c6', zebra: '#f1f4f6' };
}

function layoutFigures(f: Flow, items: { label: string; value: string }[]): void {
  const cols = 3;
  const gapX = 10;
  const boxW = (f.contentWidth - gapX * (cols - 1)) / cols;
  const boxH = 50;
  for (let i = 0; i < items.length; i += cols) {
    f.ensure(boxH + 8);
    items.slice(i, i + cols).forEach((it, j) => {
      const x = f.g.left + j * (boxW + gapX);
      f.push({ t: 'rect', x, y: f.y, w: boxW, h: boxH, fill: f.theme.zebra });
      f.push({ t: 'rect', x, y: f.y, w: 3, h: boxH, fill: f.theme.accent });
      f.push({ t: 'text', x: x + 9, y: f.y + 7, w: boxW - 14, text: truncate(f.m, it.label, 'regular', 7.5, boxW - 14), font: 'regular', size: 7.5, color: f.theme.muted });
      // the value shrinks to fit its box; below 10 pt it wraps onto two lines instead, and is cut only after that
      let size = 14;
      while (size > 10 && f.m.width(it.value, 'bold', size) > boxW - 14) size -= 0.5;
      const lines = f.m.width(it.value, 'bold', size) <= boxW - 14 ? [it.value] : wrapClamp(f.m, it.value, 'bold', size, boxW - 14, 2);
      lines.forEach((line, k) => {
        f.push({ t: 'text', x: x + 9, y: f.y + (lines.length > 1 ? 19 : 22) + k * (size + 2), w: boxW - 14, text: line, font: 'bold', size, color: f.theme.text });
      });
    });
    f.y += boxH + 8;
  }
  f.gap(6);
}

function layoutSection(f: Flow, s: Section, model: ReportModel, toc: DocumentLayout['toc']): void {
  f.newPage();
  toc.push({ title: s.title, page: f.pages.length + COVER_PAGES + TOC_PAGES });
  f.push({ t: 'outline', title: s.title });
  f.push({ t: 'text', x: f.g.left, y: f.y, w: f.contentWidth, text: s.title, font: 'bold', size: 18, color: f.theme.accent, dest: `section-${s.id}` });
  f.y += 26;
  f.push({ t: 'line', x1: f.g.left, y1: f.y, x2: f.g.left + f.contentWidth, y2: f.y, color: f.theme.accent, width: 1 });
  f.y += 10;
  s.blocks.forEach((b, k) => {
    const h = textBlockHeight(f, b);
    // a short paragraph or list is not split over a page break (no lone last line on the next page)
    if (h !== undefined && h <= KEEP_TOGETHER) f.ensure(h);
    switch (b.type) {
      case 'heading': {
        // keep a heading with what follows it: the whole of a short text block, else room for a few lines
        const next = k + 1 < s.blocks.length ? textBlockHeight(f, s.blocks[k + 1]) : undefined;
        f.ensure(19 + (next !== undefined && next <= KEEP_TOGETHER ? next : 60));
        f.gap(4);
        f.paragraph(b.text, { font: 'bold', size: 11.5, leading: 15 });
        f.gap(2);
        break;
      }
      case 'paragraph':
        f.paragraph(b.text);
        f.gap(6);
        break;
      case 'bullets':
        for (const item of b.items) f.paragraph(item, { indent: 12, bullet: '•' });
        f.gap(6);
        break;
      case 'figures':
        layoutFigures(f, b.items);
        break;
      case 'table':
        if (!b.htmlOnly) layoutTable(f, pickColumns(b.table, b.columns), model, b.maxRows);
        break;
      case 'chart': {
        const scale = Math.min(1, f.contentWidth / b.chart.width);
        const w = b.chart.width * scale;
        const h = b.chart.height * scale;
        const captionLines = b.chart.caption ? wrap(f.m, b.chart.caption, 'regular', 8, f.contentWidth) : [];
        f.ensure(h + captionLines.length * 11 + 10);
        f.push({ t: 'image', x: f.g.left + (f.contentWidth - w) / 2, y: f.y, w, h, ref: b.chart.id });
        f.y += h + 4;
        for (const line of captionLines) {
          f.text(f.g.left, f.contentWidth, line, 'regular', 8, f.theme.muted);
          f.y += 11;
        }
        f.gap(10);
        break;
      }
      case 'pageBreak':
        f.newPage();
        break;
    }
  });
}

/** Text blocks taller than this may break over pages; shorter ones move whole to the next page. */
const KEEP_TOGETHER = 220;

/** Height of a paragraph or list as laid out here; undefined for other blocks. */
function textBlockHeight(f: Flow, b: Block): number | undefined {
  if (b.type === 'paragraph') return wrap(f.m, b.text, 'regular', BODY_SIZE, f.contentWidth).length * BODY_LEADING;
  if (b.type === 'bullets') return b.items.reduce((s, i) => s + wrap(f.m, i, 'regular', BODY_SIZE, f.contentWidth - 12).length * BODY_LEADING, 0);
  return undefined;
}

function coverPage(model: ReportModel, m: Measure, g: PageGeometry, theme: Theme): Page {
  const f = new Flow(m, g, theme);
  f.newPage();
  const w = f.contentWidth;
  const meta = model.meta;
  f.push({ t: 'rect', x: 0, y: 0, w: g.width, h: 14, fill: theme.accent });
  if (meta.logo) f.push({ t: 'image', x: g.width - g.right - 140, y: 50, w: 140, h: 60, ref: 'logo' });
  f.y = 250;
  for (const line of wrap(m, meta.title, 'bold', 24, w)) {
    f.text(g.left, w, line, 'bold', 24, theme.text);
    f.y += 30;
  }
  f.y += 10;
  f.push({ t: 'rect', x: g.left, y: f.y, w: 60, h: 3, fill: theme.accent });
  f.y += 22;
  for (const line of wrap(m, meta.customer, 'bold', 18, w)) {
    f.text(g.left, w, line, 'bold', 18, theme.accent);
    f.y += 24;
  }
  f.y = 600;
  const rows: [string, string][] = [
    ['Prepared by', meta.assessor + (meta.company ? `, ${meta.company}` : '')],
    ['Date', meta.date],
    ['Produced with', meta.tool],
  ];
  for (const [k, v] of rows) {
    f.text(g.left, 100, k, 'regular', 10, theme.muted);
    for (const line of wrap(m, v, 'regular', 10, w - 110)) {
      f.text(g.left + 110, w - 110, line, 'regular', 10, theme.text);
      f.y += 14;
    }
    f.y += 4;
  }
  f.push({ t: 'rect', x: 0, y: g.height - 14, w: g.width, h: 14, fill: theme.accent });
  return f.page;
}

function tocPage(toc: DocumentLayout['toc'], model: ReportModel, m: Measure, g: PageGeometry, theme: Theme): Page {
  const f = new Flow(m, g, theme);
  f.newPage();
  f.push({ t: 'outline', title: 'Contents' });
  f.text(g.left, f.contentWidth, 'Contents', 'bold', 18, theme.accent);
  f.y += 36;
  model.sections.forEach((s, i) => {
    const num = String(toc[i].page);
    const numW = m.width(num, 'regular', 11);
    const title = truncate(m, `${i + 1}.  ${s.title}`, 'regular', 11, f.contentWidth - numW - 30);
    const titleW = m.width(title, 'regular', 11);
    const dotW = m.width(' .', 'regular', 11);
    const dots = ' .'.repeat(Math.max(0, Math.floor((f.contentWidth - titleW - numW - 8) / dotW)));
    f.push({ t: 'text', x: g.left, y: f.y, w: f.contentWidth, text: title, font: 'regular', size: 11, color: theme.text, goTo: `section-${s.id}` });
    f.push({ t: 'text', x: g.left + titleW, y: f.y, w: f.contentWidth - titleW - numW - 4, text: dots, font: 'regular', size: 11, color: theme.rule });
    f.text(g.left, f.contentWidth, num, 'regular', 11, theme.text, 'right');
    f.y += 22;
  });
  return f.page;
}

function decorate(pages: Page[], model: ReportModel, m: Measure, g: PageGeometry, theme: Theme): void {
  const total = pages.length;
  const w = g.width - g.left - g.right;
  pages.forEach((p, i) => {
    if (i < COVER_PAGES) return;
    const left = truncate(m, `${model.meta.customer} · ${model.meta.title}`, 'regular', 7.5, w * 0.7);
    p.prims.push({ t: 'text', x: g.left, y: 30, w: w * 0.7, text: left, font: 'regular', size: 7.5, color: theme.muted });
    if (model.meta.company) p.prims.push({ t: 'text', x: g.left + w * 0.7, y: 30, w: w * 0.3, text: truncate(m, model.meta.company, 'regular', 7.5, w * 0.3), font: 'regular', size: 7.5, color: theme.muted, align: 'right' });
    p.prims.push({ t: 'line', x1: g.left, y1: 42, x2: g.width - g.right, y2: 42, color: theme.accent, width: 0.75 });
    const fy = g.height - 40;
    p.prims.push({ t: 'line', x1: g.left, y1: fy - 6, x2: g.width - g.right, y2: fy - 6, color: theme.rule, width: 0.5 });
    p.prims.push({ t: 'text', x: g.left, y: fy, w: w * 0.6, text: truncate(m, `${model.meta.date} · ${model.meta.tool}`, 'regular', 7.5, w * 0.6), font: 'regular', size: 7.5, color: theme.muted });
    p.prims.push({ t: 'text', x: g.left + w * 0.6, y: fy, w: w * 0.4, text: `Page ${i + 1} of ${total}`, font: 'regular', size: 7.5, color: theme.muted, align: 'right' });
  });
}

export function layoutDocument(model: ReportModel, m: Measure, g: PageGeometry = A4): DocumentLayout {
  const theme = themeFor(model);
  const toc: DocumentLayout['toc'] = [];
  const f = new Flow(m, g, theme);
  for (const s of model.sections) layoutSection(f, s, model, toc);
  const pages = [coverPage(model, m, g, theme), tocPage(toc, model, m, g, theme), ...f.pages];
  decorate(pages, model, m, g, theme);
  return { pages, toc };
}

export { BODY_SIZE, BODY_LEADING };
