/**
 * One self-contained HTML file: inline CSS, chart.js inlined from node_modules, the chart configs as JSON in a script tag.
 * No external URL is loaded, so it opens offline; every user string is escaped.
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatCell, REPORT_LOCALE } from '../format';
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
th[aria-sort] { cursor: pointer; user-select: none; }
th[aria-sort="ascending"]::after { content: " \\25B2"; }
th[aria-sort="descending"]::after { content: " \\25BC"; }
.filter { margin: 4px 0; }
.filter input { font: inherit; padding: 3px 6px; width: 260px; }
.filter .shown { color: var(--muted); font-size: 12px; }
@media print { .filter { display: none; } }
.chart { position: relative; margin: 12px 0 4px; max-width: 900px; }
.caption, .note { color: var(--muted); font-size: 12px; }
footer { color: var(--muted); font-size: 12px; padding: 16px 48px; border-top: 1px solid #ccd; }
@media print { nav.toc { display: none; } h2 { break-before: page; } .chart { break-inside: avoid; } }
`;

/** Tables longer than this get a filter box; every table sorts by a click on its header. */
const FILTER_FROM = 5;

function tableHtml(t: Table, model: ReportModel, maxRows?: number): string {
  const currency = model.meta.currency;
  const rows = shownRows(t, 'html', maxRows);
  const head = t.columns.map((c) => `<th${c.kind !== 'text' ? ' class="num"' : ''} tabindex="0" aria-sort="none" title="Sort">${e(c.header)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        '<tr>' +
        t.columns
          .map((c, i) => {
            const v = cellValue(r[i] ?? null);
            const text = formatCell(v, cellKind(r[i] ?? null, c), currency);
            // the raw number rides along, so sorting compares 1,200 and 900 as numbers, not as text
            return typeof v === 'number' ? `<td class="num" data-v="${Number.isFinite(v) ? v : ''}">${e(text)}</td>` : `<td>${e(text)}</td>`;
          })
          .join('') +
        '</tr>',
    )
    .join('\n');
  const notes = [rows.length < t.rows.length ? cutNote(model, t, rows.length) : '', t.note ?? '']
    .filter((n) => n)
    .map((n) => `<p class="note">${e(n)}</p>`)
    .join('');
  const filter = rows.length > FILTER_FROM ? `<div class="filter"><input type="search" placeholder="Filter rows" aria-label="Filter ${e(t.title)}"> <span class="shown"></span></div>` : '';
  return `<h3>${e(t.title)}</h3>${filter}<div class="table-wrap"><table data-table="${e(t.id)}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${notes}`;
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

/**
 * Sorting and filtering, offline (no library, no network): a click (or Enter) on a header sorts by that column, again
 * reverses; numbers by their raw value (data-v), text in the reader's locale order, empty cells last. The filter box
 * keeps the rows whose text contains every word typed (case-insensitive).
 */
const TABLES = `
(function () {
  function key(td) {
    if (!td) return null;
    if (td.hasAttribute('data-v')) { var n = td.getAttribute('data-v'); return n === '' ? null : Number(n); }
    var t = td.textContent; return t === '' ? null : t;
  }
  function sortBy(table, th) {
    var ths = Array.prototype.slice.call(th.parentNode.children);
    var col = ths.indexOf(th);
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    ths.forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (r, i) { return { r: r, k: key(r.cells[col]), i: i }; });
    rows.sort(function (a, b) {
      if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
      var c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : String(a.k).localeCompare(String(b.k), undefined, { numeric: true });
      return c !== 0 ? c * dir : a.i - b.i;
    });
    rows.forEach(function (x) { body.appendChild(x.r); });
  }
  function filter(table, input, shown) {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var rows = table.tBodies[0].rows, n = 0;
    for (var i = 0; i < rows.length; i++) {
      var text = rows[i].textContent.toLowerCase();
      var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
      rows[i].hidden = !keep;
      if (keep) n++;
    }
    shown.textContent = words.length ? n + ' of ' + rows.length + ' rows' : '';
  }
  document.querySelectorAll('table[data-table]').forEach(function (table) {
    table.querySelectorAll('thead th').forEach(function (th) {
      th.addEventListener('click', function () { sortBy(table, th); });
      th.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') sortBy(table, th); });
    });
    var box = table.parentNode.previousElementSibling;
    if (box && box.className === 'filter') {
      var input = box.querySelector('input'), shown = box.querySelector('.shown');
      input.addEventListener('input', function () { filter(table, input, shown); });
    }
  });
})();
`;

const BOOT = `
(function () {
  var specs = JSON.parse(document.getElementById('dcplan-charts').textContent);
  Chart.defaults.font.family = '"DejaVu Sans", Helvetica, Arial, sans-serif';
  specs.forEach(function (s) {
    var canvas = document.getElementById('chart-' + s.id);
    if (!canvas) return;
    var options = Object.assign({}, s.config.options || {}, { locale: ${JSON.stringify(REPORT_LOCALE)}, responsive: true, maintainAspectRatio: false, animation: false });
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
<script>${TABLES}</script>
<script>${BOOT}</script>
</body>
</html>
`;
}
