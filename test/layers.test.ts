/**
 * The folder tree is the pipeline (docs/architecture.md): each stage imports only the stages below it and the shared
 * contracts, and no module imports itself back through others. Read from the sources, not from a build: every
 * `import … from`, `export … from`, `import()` and `require()` with a relative path, type-only imports included (a
 * type import is still a dependency a newcomer has to follow).
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', 'src');

/**
 * What each top-level part of src/ may import (besides itself). The product stages: collect (read and validate the
 * inputs into an inventory), plan, readiness (rate platforms), report (write), export (an inventory as vendor import
 * templates); verify re-checks a plan on its own.
 * The tools (benchmarks, the demo writer) live outside src/ in tools/, with their own build: nothing here imports them.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  version: [],
  diagnostics: [],
  util: ['diagnostics'],
  inventory: ['diagnostics', 'util'],
  // config reads the one set of plausibility bounds (inventory/plausible.ts) for its numbers and host models
  config: ['diagnostics', 'util', 'inventory'],
  collect: ['diagnostics', 'util', 'version', 'inventory', 'config'],
  plan: ['diagnostics', 'util', 'version', 'inventory', 'config'],
  readiness: ['diagnostics', 'util', 'version', 'inventory', 'config', 'plan'],
  appliance: ['diagnostics', 'util', 'version', 'collect'],
  // infrastructure maturity (issue 14): indicators and levels read from the inventory alone
  maturity: ['diagnostics', 'util', 'version', 'inventory'],
  verify: ['diagnostics', 'util', 'inventory', 'config', 'plan'],
  report: ['diagnostics', 'util', 'version', 'inventory', 'config', 'plan', 'readiness', 'maturity'],
  // export writes an inventory as vendor import templates: the generic CSV's columns are the collector's, and text is
  // neutralised with the report's CSV rule (one home for each)
  export: ['diagnostics', 'util', 'inventory', 'collect', 'report'],
  assess: ['diagnostics', 'util', 'version', 'inventory', 'config', 'collect', 'plan', 'readiness', 'maturity', 'report'],
  'json-schemas': ['diagnostics', 'util', 'inventory', 'config', 'plan', 'readiness', 'maturity'],
  index: ['diagnostics', 'version', 'inventory'],
  cli: ['diagnostics', 'util'],
  commands: ['diagnostics', 'util', 'version', 'inventory', 'config', 'collect', 'plan', 'readiness', 'maturity', 'report', 'assess', 'verify', 'appliance', 'export', 'cli'],
};
/**
 * Parts that belong to another stage: the business case (issue 12) is the planner's cost model (licences, energy,
 * the cost objective's extra terms) and plan.json carries it, so it counts as the plan stage.
 */
const STAGE_OF: Record<string, string> = { business: 'plan' };
/**
 * Parts that may import another part only for its types (erased at run time): verify shares no arithmetic with the
 * planner. The exceptions are how DRS rules are read (plan/drs.ts), a reading of the inventory both must agree on,
 * not sizing or packing; and the CPU-generation rule (plan/cpu-performance.ts: the per-core index table, its matching
 * and the one conversion formula), which issue 10 asks to have one home used by planner, verify and report.
 */
// readiness reads plan.json's contract (the business case's licence rows) for its cost criterion: types only too
const TYPES_ONLY: Record<string, readonly string[]> = { verify: ['plan'], readiness: ['plan'] };
const RUNTIME_EXCEPTIONS = new Set(['verify → plan/drs.ts', 'verify → plan/cpu-performance.ts']);
/** The only parts that may import oclif: the core runs without it. */
const OCLIF_USERS = new Set(['cli', 'commands']);

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.ts$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** The file a relative specifier points at (`./x` → x.ts or x/index.ts), or undefined. */
function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4] ?? m[5];
    // `import { type A, type B } from` is type-only too
    const names = /\{([^}]*)\}/.exec(m[0])?.[1];
    const allTypes = names !== undefined && names.split(',').every((n) => n.trim() === '' || /^type\s/.test(n.trim()));
    out.push({ spec, typeOnly: m[2] !== undefined || (m[1] === 'import' && allTypes && m[3] !== undefined) });
  }
  return out;
}

const files = sourceFiles(SRC);
const folderOf = (file: string) => path.relative(SRC, file).split(path.sep)[0].replace(/\.ts$/, '');
const partOf = (file: string) => STAGE_OF[folderOf(file)] ?? folderOf(file);
const edges: Edge[] = [];
const packages: { from: string; pkg: string }[] = [];
for (const f of files) {
  for (const { spec, typeOnly } of importsOf(f)) {
    if (!spec.startsWith('.')) {
      packages.push({ from: f, pkg: spec });
      continue;
    }
    const to = resolve(f, spec);
    if (!to && fs.existsSync(path.resolve(path.dirname(f), spec))) continue; // a data file (../package.json)
    if (!to) throw new Error(`${path.relative(SRC, f)}: cannot resolve import '${spec}'`);
    edges.push({ from: f, to, typeOnly });
  }
}

test('the import scan sees the code (guards the test itself)', () => {
  expect(files.length).toBeGreaterThan(100);
  expect(edges.length).toBeGreaterThan(files.length);
  expect(edges.some((e) => partOf(e.from) === 'report' && partOf(e.to) === 'plan')).toBe(true);
  expect(packages.some((p) => p.pkg.startsWith('@oclif/'))).toBe(true);
});

test('every part of src/ has a place in the stage order', () => {
  const unknown = [...new Set(files.map(partOf))].filter((p) => MAY_IMPORT[p] === undefined);
  expect(unknown).toEqual([]);
});

test('each stage imports only lower stages and the shared contracts', () => {
  const bad = edges
    .filter((e) => partOf(e.from) !== partOf(e.to))
    .filter((e) => {
      const from = partOf(e.from);
      const to = partOf(e.to);
      if (RUNTIME_EXCEPTIONS.has(`${from} → ${path.relative(SRC, e.to)}`)) return false;
      if (MAY_IMPORT[from].includes(to)) return !e.typeOnly && (TYPES_ONLY[from] ?? []).includes(to);
      return true;
    })
    .map((e) => `${path.relative(SRC, e.from)} → ${path.relative(SRC, e.to)}${e.typeOnly ? ' (type)' : ''}`);
  expect(bad).toEqual([]);
});

test('only the command layer imports oclif', () => {
  const bad = packages.filter((p) => p.pkg.startsWith('@oclif/') && !OCLIF_USERS.has(partOf(p.from))).map((p) => path.relative(SRC, p.from));
  expect(bad).toEqual([]);
});

test('no import cycle between modules (type-only imports included)', () => {
  // Tarjan's strongly connected components: any component of more than one file is a cycle
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) if (e.from !== e.to) next.get(e.from)!.push(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(path.relative(SRC, w));
      } while (w !== v);
      if (comp.length > 1) cycles.push(comp.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  expect(cycles).toEqual([]);
});

// The scripts/ the tests import are the generators whose output a test keeps in step (problem codes).
test('tests import only src/, test/ and scripts/, never the tools in tools/ (not the product, not test helpers)', () => {
  const TEST = path.join(__dirname);
  const SCRIPTS = path.join(__dirname, '..', 'scripts');
  const bad = sourceFiles(TEST)
    .filter((f) => !f.startsWith(path.join(TEST, 'fixtures') + path.sep))
    .flatMap((f) => importsOf(f).map(({ spec }) => ({ f, spec })))
    .filter(({ spec }) => spec.startsWith('.'))
    .filter(({ f, spec }) => {
      const target = path.resolve(path.dirname(f), spec);
      return ![SRC, TEST, SCRIPTS].some((root) => target.startsWith(root + path.sep)) && !target.endsWith('package.json');
    })
    .map(({ f, spec }) => `${path.relative(TEST, f)} → ${spec}`);
  expect(bad).toEqual([]);
});
