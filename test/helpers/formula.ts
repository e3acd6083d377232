/**
 * A tiny evaluator for the Excel formulas the report writes (business case sheet): numbers, strings, cell references
 * ($ allowed), ranges inside SUM, + − × ÷, comparisons, unary minus, SUM, IF, MAX, ROUND, ROUNDUP. Enough to recalculate the
 * sheet the way a spreadsheet would, so a test can check that the formulas give the figures the report prints.
 */
export type Value = number | string | null;
export type Lookup = (ref: string) => Value;

const colNum = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
const colLetters = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : colLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

export function evaluate(formula: string, cell: Lookup): Value {
  const src = formula.replace(/^=/, '');
  let i = 0;
  const peek = () => src[i];
  const eat = (s: string) => {
    if (src.startsWith(s, i)) {
      i += s.length;
      return true;
    }
    return false;
  };
  const num = (v: Value): number => (typeof v === 'number' ? v : v === null ? 0 : Number.NaN);
  const refAt = (): { col: number; row: number } | undefined => {
    const m = /^\$?([A-Z]+)\$?(\d+)/.exec(src.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return { col: colNum(m[1]), row: Number(m[2]) };
  };
  const args = (): Value[][] => {
    const out: Value[][] = [];
    if (eat(')')) return out;
    do {
      const save = i;
      const a = refAt();
      if (a && eat(':')) {
        const b = refAt()!;
        const vals: Value[] = [];
        for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) vals.push(cell(`${colLetters(c)}${r}`));
        out.push(vals);
      } else {
        i = save;
        out.push([expr()]);
      }
    } while (eat(','));
    if (!eat(')')) throw new Error(`')' expected at ${i} in ${formula}`);
    return out;
  };
  const primary = (): Value => {
    if (eat('(')) {
      const v = expr();
      if (!eat(')')) throw new Error(`')' expected in ${formula}`);
      return v;
    }
    if (eat('"')) {
      const end = src.indexOf('"', i);
      const s = src.slice(i, end);
      i = end + 1;
      return s;
    }
    const n = /^\d+(\.\d+)?(e[-+]?\d+)?/i.exec(src.slice(i));
    if (n) {
      i += n[0].length;
      return Number(n[0]);
    }
    const fn = /^([A-Z]+)\(/.exec(src.slice(i));
    if (fn) {
      i += fn[0].length;
      const a = args();
      const flat = a.flat();
      switch (fn[1]) {
        case 'SUM':
          return flat.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
        case 'MAX':
          return Math.max(...flat.map(num));
        case 'IF':
          return a[0][0] ? a[1][0] : a[2][0];
        case 'ROUND': {
          const f = 10 ** num(a[1][0]);
          const x = num(a[0][0]);
          return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
        }
        case 'ROUNDUP': {
          const f = 10 ** num(a[1][0]);
          const x = num(a[0][0]);
          return (Math.sign(x) * Math.ceil(Math.abs(x) * f - 1e-9)) / f;
        }
        default:
          throw new Error(`unknown function ${fn[1]}`);
      }
    }
    const r = refAt();
    if (r) return cell(`${colLetters(r.col)}${r.row}`);
    throw new Error(`unexpected ${peek()} at ${i} in ${formula}`);
  };
  const unary = (): Value => (eat('-') ? -num(unary()) : primary());
  const mul = (): Value => {
    let v = unary();
    for (;;) {
      if (eat('*')) v = num(v) * num(unary());
      else if (eat('/')) v = num(v) / num(unary());
      else return v;
    }
  };
  const add = (): Value => {
    let v = mul();
    for (;;) {
      if (eat('+')) v = num(v) + num(mul());
      else if (eat('-')) v = num(v) - num(mul());
      else return v;
    }
  };
  const expr = (): Value => {
    const a = add();
    for (const op of ['<=', '>=', '<>', '<', '>', '='])
      if (eat(op)) {
        const b = num(add());
        const x = num(a);
        const r = op === '<=' ? x <= b : op === '>=' ? x >= b : op === '<>' ? x !== b : op === '<' ? x < b : op === '>' ? x > b : x === b;
        return r ? 1 : 0;
      }
    return a;
  };
  const v = expr();
  if (i !== src.length) throw new Error(`trailing input at ${i} in ${formula}`);
  return v;
}
