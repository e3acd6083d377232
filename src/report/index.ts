/**
 * `renderReports`: the report stage. Builds the model once, then writes each requested format atomically into outDir.
 * Returns the files written (absolute paths) and any problems met (e.g. an unreadable logo), never half-written files.
 */
import * as path from 'path';
import { Problem, UserError, error } from '../diagnostics';
import { writeFileAtomic } from '../util/atomic-write';
import { opaqueImagePng, renderChartPng } from './charts/render';
import { buildReportModel } from './model/build';
import { ReportModel, Table } from './model/types';
import { mapModelStrings } from './model/strings';
import { Anonymiser, anonymiserFor } from './anonymise';
import { tableToCsv } from './render/csv';
import { reportToJson } from './render/json';
import { renderPdf } from './render/pdf';
import { REPORT_FORMATS, RenderOptions, ReportInput } from './types';

export * from './types';
export { buildReportModel } from './model/build';
export { reportWaves } from './model/waves';
export { defaultSaltFile, loadSalt } from './anonymise';

/** Metadata date of a deterministic render without a fixed date. */
const EPOCH = new Date('2000-01-01T00:00:00Z');

export interface RenderResult {
  files: string[];
  problems: Problem[];
  /** Page count of the PDF, when one was written. */
  pdfPages?: number;
}

export async function renderReports(input: ReportInput, opts: RenderOptions): Promise<RenderResult> {
  const unknown = opts.formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    throw new UserError(error('unknown-report-format', `Unknown report format(s): ${unknown.join(', ')}`, {}, `Use any of: ${REPORT_FORMATS.join(', ')}.`));
  }
  const problems: Problem[] = [];
  const date = opts.fixedDate ?? new Date();
  const metadataDate = opts.fixedDate ?? (opts.deterministic ? EPOCH : new Date());
  const base = opts.baseName ?? 'report';
  const built = buildReportModel(input, { date, baseName: base, formats: opts.formats }, problems);
  const files: string[] = [];
  const out = (name: string) => path.join(opts.outDir, name);
  let model = built;
  if (opts.anonymise) {
    const a = anonymiserFor(input, opts.anonymise.salt);
    model = { ...mapModelStrings(built, (s) => a.apply(s)), meta: { ...built.meta, customer: a.apply(built.meta.customer) } };
    // the key to the pseudonyms: beside the reports, never inside one
    writeFileAtomic(out(ANONYMISE_MAP), tableToCsv(mapTable(a)));
    files.push(out(ANONYMISE_MAP));
  }
  const formats = new Set(opts.formats);
  const result: RenderResult = { files, problems };

  if (formats.has('pdf')) {
    const pdf = await renderPdf(model, { metadataDate, images: await chartImages(model) });
    writeFileAtomic(out(`${base}.pdf`), pdf.pdf);
    files.push(out(`${base}.pdf`));
    result.pdfPages = pdf.pages;
  }
  if (formats.has('html')) {
    const { renderHtml } = await import('./render/html');
    writeFileAtomic(out(`${base}.html`), renderHtml(model));
    files.push(out(`${base}.html`));
  }
  if (formats.has('xlsx')) {
    const { renderXlsx } = await import('./render/xlsx');
    writeFileAtomic(out(`${base}.xlsx`), await renderXlsx(model, { date: metadataDate, reproducible: opts.fixedDate !== undefined || opts.deterministic === true }));
    files.push(out(`${base}.xlsx`));
  }
  if (formats.has('csv')) {
    for (const t of model.tables) {
      writeFileAtomic(out(`${base}-${t.id}.csv`), tableToCsv(t));
      files.push(out(`${base}-${t.id}.csv`));
    }
  }
  if (formats.has('json')) {
    writeFileAtomic(out(`${base}.json`), JSON.stringify(reportToJson(model), null, 2) + '\n');
    files.push(out(`${base}.json`));
  }
  return result;
}

/** The mapping from names to pseudonyms, kept by the consultant: who has it and the reports can read them back. */
export const ANONYMISE_MAP = 'anonymise-map.csv';

function mapTable(a: Anonymiser): Table {
  return {
    id: 'anonymise-map',
    sheet: 'Map',
    title: 'Pseudonyms',
    columns: [
      { key: 'kind', header: 'Kind', kind: 'text' },
      { key: 'original', header: 'Original', kind: 'text' },
      { key: 'pseudonym', header: 'Pseudonym', kind: 'text' },
    ],
    rows: a.rows(),
  };
}

/** Every image of the PDF as an opaque PNG (see charts/png.ts for why opaque). */
async function chartImages(model: ReportModel): Promise<Map<string, Buffer>> {
  const images = new Map<string, Buffer>();
  for (const c of model.charts) images.set(c.id, renderChartPng(c));
  if (model.meta.logo) images.set('logo', await opaqueImagePng(model.meta.logo.data));
  return images;
}
