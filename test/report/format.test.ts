import { fmtInt, fmtMoney, fmtNum, fmtPct, fmtRatio, formatCell, excelFormat } from '../../src/report/format';
import { neutraliseFormula, escapeHtml, jsonForScript } from '../../src/report/sanitize';
import { tableToCsv } from '../../src/report/render/csv';
import { Table } from '../../src/report/model/types';

describe('number formatting (one formatter for every renderer)', () => {
  it('groups thousands and rounds once', () => {
    expect(fmtInt(1234567.5)).toBe('1,234,568');
    expect(fmtInt(999)).toBe('999');
    expect(fmtNum(7.799)).toBe('7.8');
    expect(fmtNum(-1234.56, 2)).toBe('-1,234.56');
    expect(fmtNum(-0.01)).toBe('0.0');
    expect(fmtPct(0.3584)).toBe('35.8%');
    expect(fmtMoney(422000, 'EUR')).toBe('EUR 422,000');
    expect(fmtRatio(29)).toBe('29.0:1');
  });
  it('formats cells by kind and maps kinds to Excel formats', () => {
    expect(formatCell(0.5, 'pct', 'EUR')).toBe('50.0%');
    expect(formatCell(null, 'int', 'EUR')).toBe('');
    expect(formatCell('text', 'int', 'EUR')).toBe('text');
    expect(excelFormat('pct', 'EUR')).toBe('0.0%');
    expect(excelFormat('int', 'EUR')).toBe('#,##0');
    expect(excelFormat('money', 'EUR')).toBe('"EUR "#,##0');
    expect(excelFormat('text', 'EUR')).toBeUndefined();
  });
});

describe('sanitising user text', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', 'ok', ''].map(neutraliseFormula)).toEqual([
      "'=1+1", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", 'ok', '',
    ]);
  });
  it('escapes HTML and script-embedded JSON', () => {
    expect(escapeHtml(`<b a="1">&'`)).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&#39;');
    expect(jsonForScript({ a: '</script><!--' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--"}');
  });
});

describe('CSV', () => {
  const table: Table = {
    id: 't',
    sheet: 'T',
    title: 'T',
    columns: [
      { key: 'name', header: 'Name', kind: 'text' },
      { key: 'delta', header: 'Delta', kind: 'num' },
    ],
    rows: [
      ['=HYPERLINK("http://x","y")', -12.5],
      ['a,b', null],
      ['-neg-name', 3],
    ],
  };
  it('neutralises formula text, keeps negative numbers numeric, quotes per RFC 4180', () => {
    expect(tableToCsv(table)).toBe(
      '\uFEFFName,Delta\r\n' + `"'=HYPERLINK(""http://x"",""y"")",-12.5\r\n` + '"a,b",\r\n' + "'-neg-name,3\r\n",
    );
  });
});
