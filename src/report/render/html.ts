/**
 * One self-contained HTML file: inline CSS, chart.js inlined from node_modules, the chart configs as JSON in a script tag.
 * No external URL is loaded, so it opens offline; every user string is escaped.
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatCell } from '../format';
import { Block, cellKind, cellValue, cutNote, pickColumns, ReportModel, shownRows, Table } from '../model/types';
import { escapeHtml as e, jsonForScript } from '../sanitize';

let chartJs: string | undefined;
/** chart.js's UMD build, found beside its CommonJS entry (the package's exports map hides the file itself). */
function chartJsSource(): string {
  chartJs ??= fs.readFileSync(path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js'), 'utf8').replace(/<\/script/gi, '<\\/script');
  return chartJs;
}

const CSS = (accent: string) => `
:root { --accent: ${accent}; --text: #1d2327; --muted: #5f6b73; --zebra: #f1f4f6; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: var(--text); margin: 0; font-size: 14px; line-height: 1.45; }
header.cover { border-top: 10px solid var(--accent); padding: 32px 48px 24px; display: flex; justify-content: space-between; align-items: flex-start; gap: 24px; }
header.cover h1 { margin: 0 0 8px; font-size: 28px; }
header.cover .customer { color: var(--accent); font-size: 22px; font-weight: bold; }
header.cover .meta { color: var(--muted); margin-top: 12px; }
header.cover img { max-width: 220px; max-height: 90px; }
nav.toc { padding: 8px 48px 16px; border-bottom: 1px solid #ccd; }
nav.toc ol { columns: 2; margin: 0; }
main { padding: 0 48px 48px; max-width: 1200px; }
h2 { color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin-top: 40px; }
h3 { margin: 20px 0 6px; font-size: 15px; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 10px; margin: 12px 0; }
.figure { background: var(--zebra); border-left: 4px solid var(--accent); padding: 8px 12px; }
.figure .label { color: var(--muted); font-size: 12px; }
.figure .value { font-size: 20px; font-weight: bold; }
.table-wrap { overflow-x: auto; margin: 8px 0 18px; }
table { border-collapse: collapse; font-size: 12px; width: 100%; }
th { background: var(--accent); color: #fff; text-align: left; padding: 5px 6px; position: sticky; top: 0; }
td { padding: 4px 6px; vertical-align: top; }
tr:nth-child(even) td { background: var(--zebra); }
td.num, th.num { text-align: right; white-space: nowrap; }
.chart { position: relative; margin: 12px 0 4px; max-width: 900px; }
.caption, .note { color: var(--muted); font-size: 12px; }
footer { color: var(--muted); font-size: 12px; padding: 16px 48px; border-top: 1px solid #ccd; }
@media print { nav.toc { display: none; } h2 { break-before: page; } .chart { break-inside: avoid; } }
`;

function tableHtml(t: Table, model: ReportModel, maxRows?: number): string {
  const currency = model.meta.currency;
  const rows = shownRows(t, 'html', maxRows);
  const head = t.columns.map((c) => `<th${c.kind !== 'text' ? ' class="num"' : ''}>${e(c.header)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        '<tr>' +
        t.columns
          .map((c, i) => {
            const v = cellValue(r[i] ?? null);
            const text = formatCell(v, cellKind(r[i] ?? null, c), currency);
            return `<td${typeof v === 'number' ? ' class="num"' : ''}>${e(text)}</td>`;
          })
          .join('') +
        '</tr>',
    )
    .join('\n');
  const notes = [rows.length < t.rows.length ? cutNote(model, t, rows.length) : '', t.note ?? '']
    .filter((n) => n)
    .map((n) => `<p class="note">${e(n)}</p>`)
    .join('');
  return `<h3>${e(t.title)}</h3><div class="table-wrap"><table data-table="${e(t.id)}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${notes}`;
}

function blockHtml(b: Block, model: ReportModel): string {
  switch (b.type) {
    case 'heading':
      return `<h3>${e(b.text)}</h3>`;
    case 'paragraph':
      return `<p>${e(b.text)}</p>`;
    case 'bullets':
      return `<ul>${b.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
    case 'figures':
      return `<div class="figures">${b.items.map((i) => `<div class="figure"><div class="label">${e(i.label)}</div><div class="value">${e(i.value)}</div></div>`).join('')}</div>`;
    case 'table':
      return tableHtml(pickColumns(b.table, b.columns), model, b.maxRows);
    case 'chart':
      return `<div class="chart" style="height:${Math.round(b.chart.height * 1.3)}px"><canvas id="chart-${e(b.chart.id)}" data-chart="${e(b.chart.id)}" role="img" aria-label="${e(b.chart.title)}"></canvas></div>${b.chart.caption ? `<p class="caption">${e(b.chart.caption)}</p>` : ''}`;
    case 'pageBreak':
      return '';
  }
}

const BOOT = `
(function () {
  var specs = JSON.parse(document.getElementById('dcplan-charts').textContent);
  Chart.defaults.font.family = '"DejaVu Sans", Helvetica, Arial, sans-serif';
  specs.forEach(function (s) {
    var canvas = document.getElementById('chart-' + s.id);
    if (!canvas) return;
    var options = Object.assign({}, s.config.options || {}, { responsive: true, maintainAspectRatio: false, animation: false });
    new Chart(canvas, { type: s.config.type, data: s.config.data, options: options });
  });
})();
`;

export function renderHtml(model: ReportModel): string {
  const m = model.meta;
  const logo = m.logo ? `<img alt="logo" src="data:${m.logo.mime};base64,${m.logo.data.toString('base64')}">` : '';
  const toc = model.sections.map((s) => `<li><a href="#${e(s.id)}">${e(s.title)}</a></li>`).join('');
  const sections = model.sections
    .map((s) => `<section id="${e(s.id)}"><h2>${e(s.title)}</h2>\n${s.blocks.map((b) => blockHtml(b, model)).join('\n')}</section>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${e(`${m.title}: ${m.customer}`)}</title>
<style>${CSS(m.accentColor)}</style>
</head>
<body>
<header class="cover"><div><h1>${e(m.title)}</h1><div class="customer">${e(m.customer)}</div>
<div class="meta">Prepared by ${e(m.assessor)}${m.company ? `, ${e(m.company)}` : ''} · ${e(m.date)} · ${e(m.tool)}</div></div>${logo}</header>
<nav class="toc"><strong>Contents</strong><ol>${toc}</ol></nav>
<main>
${sections}
</main>
<footer>${e(m.customer)} · ${e(m.date)} · ${e(m.tool)}</footer>
<script type="application/json" id="dcplan-charts">${jsonForScript(model.charts)}</script>
<script>${chartJsSource()}</script>
<script>${BOOT}</script>
</body>
</html>
`;
}
