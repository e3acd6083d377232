/** The report's tables as JSON: each row an object keyed by column key, numbers rounded as in the CSV, plus the headline figures. */
import { dataNumber } from '../format';
import { cellKind, cellValue, ReportModel } from '../model/types';

export const REPORT_JSON_SCHEMA = 'dcplan.report/v1';

export function reportToJson(model: ReportModel): unknown {
  const { logo: _logo, ...meta } = model.meta;
  return {
    schema: REPORT_JSON_SCHEMA,
    meta: { ...meta, logo: model.meta.logo ? true : false },
    headline: model.headline,
    tables: Object.fromEntries(
      model.tables.map((t) => [
        t.id,
        {
          title: t.title,
          columns: t.columns.map((c) => ({ key: c.key, header: c.header, kind: c.kind })),
          rows: t.rows.map((r) =>
            Object.fromEntries(
              t.columns.map((c, i) => {
                const v = cellValue(r[i] ?? null);
                return [c.key, typeof v === 'number' && Number.isFinite(v) ? dataNumber(v, cellKind(r[i] ?? null, c)) : v];
              }),
            ),
          ),
        },
      ]),
    ),
  };
}
