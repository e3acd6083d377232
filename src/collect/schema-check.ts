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

const unsure: Check = () => false;

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checkDefs = (d: Def) => (d.checks ?? []).map((c) => c._zod.def);

export function compileCheck(schema: z.ZodType): Check {
  const d = defOf(schema);
  switch (d.type) {
    case 'string':
      return checkDefs(d).length === 0 && !d.coerce ? (v) => typeof v === 'string' : unsure;
    case 'boolean':
      return checkDefs(d).length === 0 && !d.coerce ? (v) => typeof v === 'boolean' : unsure;
    case 'number':
      return d.coerce ? unsure : numberCheck(checkDefs(d));
    case 'enum': {
      if (checkDefs(d).length > 0) return unsure;
      const allowed = new Set(Object.values(d.entries ?? {}));
      return (v) => allowed.has(v);
    }
    case 'literal': {
      if (checkDefs(d).length > 0) return unsure;
      const allowed = new Set(d.values ?? []);
      return (v) => allowed.has(v);
    }
    case 'optional': {
      const inner = compileCheck(d.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case 'union': {
      if (checkDefs(d).length > 0) return unsure;
      const options = (d.options ?? []).map(compileCheck);
      return (v) => options.some((o) => o(v));
    }
    case 'array':
      return arrayCheck(d);
    case 'record':
      return recordCheck(d);
    case 'object':
      return objectCheck(d);
    default:
      return unsure;
  }
}

function numberCheck(checks: Record<string, unknown>[]): Check {
  const tests: ((v: number) => boolean)[] = [];
  for (const c of checks) {
    if (c.check === 'number_format' && c.format === 'safeint') tests.push(Number.isSafeInteger);
    else if (c.check === 'greater_than' && typeof c.value === 'number') {
      const min = c.value;
      tests.push(c.inclusive ? (v) => v >= min : (v) => v > min);
    } else if (c.check === 'less_than' && typeof c.value === 'number') {
      const max = c.value;
      tests.push(c.inclusive ? (v) => v <= max : (v) => v < max);
    } else return unsure;
  }
  // zod 4's z.number() rejects NaN and ±Infinity.
  if (tests.length === 0) return (v) => typeof v === 'number' && Number.isFinite(v);
  return (v) => typeof v === 'number' && Number.isFinite(v) && tests.every((t) => t(v));
}

function arrayCheck(d: Def): Check {
  let min = 0;
  for (const c of checkDefs(d)) {
    if (c.check === 'min_length' && typeof c.minimum === 'number') min = Math.max(min, c.minimum);
    else return unsure;
  }
  const element = compileCheck(d.element!);
  return (v) => {
    if (!Array.isArray(v) || v.length < min) return false;
    for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
    return true;
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function recordCheck(d: Def): Check {
  const key = defOf(d.keyType!);
  if (checkDefs(d).length > 0 || key.type !== 'string' || checkDefs(key).length > 0) return unsure;
  const value = compileCheck(d.valueType!);
  return (v) => {
    if (!isObject(v)) return false;
    for (const k in v) if (!Object.prototype.hasOwnProperty.call(v, k) || !value(v[k])) return false;
    return true;
  };
}

function objectCheck(d: Def): Check {
  if (checkDefs(d).length > 0) return unsure;
  // Strict objects (catchall never) reject unknown keys; plain ones accept (and strip) them; anything else: ask zod.
  const catchall = d.catchall ? defOf(d.catchall).type : undefined;
  if (catchall !== undefined && catchall !== 'never') return unsure;
  const strict = catchall === 'never';
  const keys = Object.keys(d.shape ?? {});
  const checks = keys.map((k) => compileCheck(d.shape![k]));
  // Straight-line code with the key names written in: fast named property loads instead of a megamorphic loop
  // (this runs for every workload and every nested object of it).
  const body = keys.map((k, i) => `if (!checks[${i}](v[${JSON.stringify(k)}])) return false;`).join('\n');
  const build = new Function(
    'checks',
    'known',
    'isObject',
    `return function objectCheck(v) {
      if (!isObject(v)) return false;
      ${body}
      ${strict ? 'for (const k in v) if (!known.has(k)) return false;' : ''}
      return true;
    };`,
  ) as (checks: Check[], known: ReadonlySet<string>, isObj: typeof isObject) => Check;
  return build(checks, new Set(keys), isObject);
}
