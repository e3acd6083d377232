/**
 * Rewriting every text of a built report model: what the report shows without local file paths, and (with
 * --anonymise) with pseudonyms. Every renderer draws from the model, so rewriting it here covers PDF, HTML, XLSX, CSV,
 * JSON and the deck alike.
 */
import * as path from 'path';
import { Inventory } from '../../inventory/schema';
import { Plan } from '../../plan/types';
import { Scorecard } from '../../readiness/types';
import { ReportModel } from './types';

/** Keys whose strings are vocabulary, not content: a cell kind, a formula, a block or chart type, a column key. */
const FIXED_KEYS = new Set(['kind', 'formula', 'type', 'key']);

/**
 * The model with `fn` applied to every string of its headline, sections, tables and charts (meta is left alone).
 * An object met twice (a table both in a section and in the workbook list) is rewritten once and stays shared.
 */
export function mapModelStrings(model: ReportModel, fn: (s: string) => string): ReportModel {
  const seen = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return fn(v);
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const x of v) out.push(walk(x));
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const [k, x] of Object.entries(v)) out[k] = FIXED_KEYS.has(k) && typeof x === 'string' ? x : walk(x);
    return out;
  };
  const { meta, ...content } = model;
  return { meta, ...(walk(content) as Omit<ReportModel, 'meta'>) };
}

/** Every file name the checkpoints record: sources, the provenance of excluded records, the problems' files. */
export function recordedFiles(inventory: Inventory, plan: Plan, scorecard: Scorecard): string[] {
  const files = new Set<string>();
  for (const s of inventory.sources) files.add(s.file);
  for (const e of inventory.excluded) files.add(e.provenance.file);
  for (const p of [...inventory.problems, ...plan.problems, ...scorecard.problems]) if (p.file) files.add(p.file);
  return [...files];
}

/** Separators of both systems: a checkpoint written on Windows names files with backslashes. */
const baseName = (file: string): string => path.win32.basename(file);

// an absolute POSIX path of two segments or more (not part of a URL or a word: "https://x/y", "MB/s", "N/A" stay)
const POSIX_ABSOLUTE = /(?<![\w:/.~\\-])~?\/(?:[^\s/\\"'<>|*?,;()[\]]+\/)+([^\s/\\"'<>|*?,;()[\]]+)/g;
const WINDOWS_ABSOLUTE = /(?<![\w])[A-Za-z]:\\(?:[^\s\\"'<>|*?,;()]+\\)*([^\s\\"'<>|*?,;()]+)/g;
// a relative path to a file of the kinds dcplan reads or writes
const RELATIVE_FILE = /(?<![\w:/.~\\-])(?:\.{1,2}\/)?(?:[\w.-]+\/)+([\w.-]+\.(?:csv|tsv|txt|log|xlsx|xls|json|yaml|yml|ova|ovf|mf|zip|png|jpe?g))\b/gi;

/**
 * A function that names files by their base name only (issue 19.6: no local path in a customer report): the files the
 * checkpoints record wherever they occur (also inside workload ids and messages), then any other absolute path.
 */
export function pathStripper(files: string[]): (s: string) => string {
  const withDirs = files.filter((f) => baseName(f) !== f).sort((a, b) => b.length - a.length);
  return (s) => {
    if (!/[/\\]/.test(s)) return s;
    let out = s;
    for (const f of withDirs) if (out.includes(f)) out = out.split(f).join(baseName(f));
    return out.replace(POSIX_ABSOLUTE, '$1').replace(WINDOWS_ABSOLUTE, '$1').replace(RELATIVE_FILE, '$1');
  };
}
