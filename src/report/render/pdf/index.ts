/**
 * The PDF renderer: the ONLY importer of pdfkit. Lays the model out (layout/), draws the primitives, embeds the charts.
 * With a fixed date the bytes are reproducible: pdfkit derives the file ID from the info dictionary, which then holds
 * only fixed values.
 */
import PDFDocument from 'pdfkit';
import { layoutDocument } from '../../layout/document';
import { FontId, Measure, Prim } from '../../layout/types';
import { ReportModel } from '../../model/types';
import { chooseFonts } from './fonts';

export interface PdfOptions {
  /** Metadata date (CreationDate, ModDate); fixed → same bytes. */
  metadataDate: Date;
  /** PNG bytes per chart id, plus `logo`. */
  images: Map<string, Buffer>;
}

export interface PdfResult {
  pdf: Buffer;
  pages: number;
  toc: { title: string; page: number }[];
}

export function renderPdf(model: ReportModel, opts: PdfOptions): Promise<PdfResult> {
  const fonts = chooseFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    compress: true,
    info: {
      Title: fonts.printable(`${model.meta.title}: ${model.meta.customer}`),
      Author: fonts.printable(model.meta.assessor + (model.meta.company ? `, ${model.meta.company}` : '')),
      Subject: 'Datacenter readiness assessment and consolidation plan',
      Creator: model.meta.tool,
      Producer: model.meta.tool,
      CreationDate: opts.metadataDate,
      ModDate: opts.metadataDate,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);

  let curFont = '';
  let curSize = 0;
  const use = (font: FontId, size: number) => {
    if (font !== curFont) doc.font(font);
    if (size !== curSize) doc.fontSize(size);
    curFont = font;
    curSize = size;
  };
  const measure: Measure = {
    width(text, font, size) {
      use(font, size);
      return doc.widthOfString(fonts.printable(text));
    },
  };

  const layout = layoutDocument(model, measure);
  const draw = (p: Prim) => {
    switch (p.t) {
      case 'rect':
        doc.rect(p.x, p.y, p.w, p.h).fill(p.fill);
        break;
      case 'line':
        doc.moveTo(p.x1, p.y1).lineTo(p.x2, p.y2).lineWidth(p.width).stroke(p.color);
        break;
      case 'image': {
        const img = opts.images.get(p.ref);
        if (!img) break;
        if (p.ref === 'logo') doc.image(img, p.x, p.y, { fit: [p.w, p.h], align: 'right', valign: 'center' });
        else doc.image(img, p.x, p.y, { width: p.w, height: p.h });
        break;
      }
      case 'outline':
        doc.outline.addItem(p.title);
        break;
      case 'text': {
        const text = fonts.printable(p.text);
        if (!text) break;
        use(p.font, p.size);
        const tw = doc.widthOfString(text);
        // alignment computed here, so pdfkit never wraps or moves the text on its own
        const x = p.align === 'right' ? p.x + p.w - tw : p.align === 'center' ? p.x + (p.w - tw) / 2 : p.x;
        const o: PDFKit.Mixins.TextOptions = { lineBreak: false };
        if (p.goTo) o.goTo = p.goTo;
        if (p.dest) o.destination = p.dest;
        doc.fillColor(p.color).text(text, x, p.y, o);
        break;
      }
    }
  };
  for (const page of layout.pages) {
    doc.addPage({ size: 'A4', margin: 0 });
    for (const p of page.prims) draw(p);
  }
  doc.end();
  return done.then((pdf) => ({ pdf, pages: layout.pages.length, toc: layout.toc }));
}
