import type { z } from 'zod';

/**
 * A fast yes/no pre-check compiled from a zod schema, for validating 200,000 workloads without running zod 200,000
 * times (zod builds a parsed copy and an issue list per item; that was over half of the pipeline's time).
 *
 * The zod schema stays the definition of truth: the compiled predicate is *sound*, never complete. It answers `true`
 * only when zod would accept the value; whenever it is unsure it answers `false` and the caller asks zod, which then
 * either accepts (the pre-check was merely cautious) or rejects with its own issue messages. A schema feature this
 * compiler does not know (a string check, a refinement, a transform, nullable...) compiles to "always unsure", so a
 * later change to the schema can make validation slower but never laxer.
 */
export type Check = (value: unknown) => boolean;

interface Def {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  coerce?: boolean;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checkDefs = (d: Def) => (d.checks ?? []).map((c) => c._zod.def);

/**
 * The whole schema becomes ONE generated JavaScript source: a boolean expression per leaf written in place (`typeof
 * x === "string"`, `x >= 0`), one small function per object, array and record (direct calls V8 can inline). Checking
 * a workload is then straight-line code with the key names written in; a tree of closures calling closures (the
 * first version) cost about a microsecond per workload, a fifth of the pipeline for a 200,000-VM export.
 */
export function compileCheck(schema: z.ZodType): Check {
  const g = new Generator();
  const root = g.functionFor(schema);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code generated from the schema (the point of this module), never from input
  const build = new Function('consts', `'use strict';\n${g.functions.join('\n')}\nreturn ${root};`) as (consts: unknown[]) => Check;
  return build(g.consts);
}

class Generator {
  readonly functions: string[] = [];
  readonly consts: unknown[] = [];

  /** A boolean JavaScript expression that is true only when zod would accept the value of `v` (an identifier). */
  expr(schema: z.ZodType, v: string): string {
    const d = defOf(schema);
    const plain = checkDefs(d).length === 0 && !d.coerce;
    switch (d.type) {
      case 'string':
        return plain ? `typeof ${v} === "string"` : 'false';
      case 'boolean':
        return plain ? `typeof ${v} === "boolean"` : 'false';
      case 'number':
        return d.coerce ? 'false' : this.number(checkDefs(d), v);
      case 'enum':
        return checkDefs(d).length === 0 ? `${this.constant(new Set(Object.values(d.entries ?? {})))}.has(${v})` : 'false';
      case 'literal':
        return checkDefs(d).length === 0 ? `${this.constant(new Set(d.values ?? []))}.has(${v})` : 'false';
      case 'optional':
        return `(${v} === undefined || ${this.expr(d.innerType!, v)})`;
      case 'union':
        return checkDefs(d).length === 0 ? `(${(d.options ?? []).map((o) => this.expr(o, v)).join(' || ') || 'false'})` : 'false';
      case 'array':
      case 'record':
      case 'object':
        return `${this.functionFor(schema)}(${v})`;
      default:
        return 'false'; // a feature this compiler does not know: unsure, zod decides
    }
  }

  /** Name of a generated `function fN(v)` for an object, array or record schema. */
  functionFor(schema: z.ZodType): string {
    const d = defOf(schema);
    const name = `f${this.functions.length}`;
    this.functions.push(''); // reserve the slot: nested schemas get later numbers
    let body: string;
    if (d.type === 'array') body = this.arrayBody(d);
    else if (d.type === 'record') body = this.recordBody(d);
    else if (d.type === 'object') body = this.objectBody(d);
    else body = `return ${this.expr(schema, 'v')};`;
    this.functions[Number(name.slice(1))] = `function ${name}(v) {\n${body}\n}`;
    return name;
  }

  private number(checks: Record<string, unknown>[], v: string): string {
    // zod 4's z.number() rejects NaN and ±Infinity.
    const tests = [`typeof ${v} === "number"`, `Number.isFinite(${v})`];
    for (const c of checks) {
      if (c.check === 'number_format' && c.format === 'safeint') tests.push(`Number.isSafeInteger(${v})`);
      else if ((c.check === 'greater_than' || c.check === 'less_than') && typeof c.value === 'number' && Number.isFinite(c.value)) {
        const op = c.check === 'greater_than' ? (c.inclusive ? '>=' : '>') : c.inclusive ? '<=' : '<';
        tests.push(`${v} ${op} ${JSON.stringify(c.value)}`);
      } else return 'false';
    }
    return `(${tests.join(' && ')})`;
  }

  private arrayBody(d: Def): string {
    let min = 0;
    for (const c of checkDefs(d)) {
      if (c.check === 'min_length' && typeof c.minimum === 'number') min = Math.max(min, c.minimum);
      else return 'return false;';
    }
    return [
      `if (!Array.isArray(v) || v.length < ${min}) return false;`,
      'for (let i = 0; i < v.length; i++) { const x = v[i]; if (!(' + this.expr(d.element!, 'x') + ')) return false; }',
      'return true;',
    ].join('\n');
  }

  private recordBody(d: Def): string {
    const key = defOf(d.keyType!);
    if (checkDefs(d).length > 0 || key.type !== 'string' || checkDefs(key).length > 0) return 'return false;';
    return [
      `if (${NOT_OBJECT('v')}) return false;`,
      'for (const k in v) { if (!Object.prototype.hasOwnProperty.call(v, k)) return false; const x = v[k]; if (!(' +
        this.expr(d.valueType!, 'x') +
        ')) return false; }',
      'return true;',
    ].join('\n');
  }

  private objectBody(d: Def): string {
    if (checkDefs(d).length > 0) return 'return false;';
    // Strict objects (catchall never) reject unknown keys; plain ones accept (and strip) them; anything else: ask zod.
    const catchall = d.catchall ? defOf(d.catchall).type : undefined;
    if (catchall !== undefined && catchall !== 'never') return 'return false;';
    const shape = d.shape ?? {};
    const keys = Object.keys(shape);
    const lines = [`if (${NOT_OBJECT('v')}) return false;`, 'let x;'];
    for (const k of keys) lines.push(`x = v[${JSON.stringify(k)}]; if (!(${this.expr(shape[k], 'x')})) return false;`);
    if (catchall === 'never') lines.push(`for (const k in v) if (!${this.constant(new Set(keys))}.has(k)) return false;`);
    lines.push('return true;');
    return lines.join('\n');
  }

  private constant(value: unknown): string {
    this.consts.push(value);
    return `consts[${this.consts.length - 1}]`;
  }
}

const NOT_OBJECT = (v: string) => `typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})`;
