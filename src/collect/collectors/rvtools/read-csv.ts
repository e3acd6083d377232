import * as fs from 'fs';
import * as path from 'path';
import { UserError, error } from '../../../diagnostics';
import { readCsv } from '../../read/csv';
import { TabName, tabOf } from './columns';
import { TabSink } from './tabs';

/**
 * RVTools' per-tab CSV export: one file per tab, named `<prefix>tab<Tab>.csv` (`RVTools_tabvInfo.csv`,
 * `RVTools_tabvHost.csv`, ...). Given one tab file, its siblings with the same prefix in the same folder are read
 * too; given a folder, every export inside it (one per prefix).
 */
const TAB_FILE = /^(.*?)tab(v[A-Za-z]+|dv[A-Za-z]+)\.csv$/i;

export interface TabFileSet {
  /** Folder and file-name prefix identifying the export (`/data/RVTools_`). */
  key: string;
  /** Known tabs → absolute path and display name. */
  files: { tab: TabName; path: string; display: string }[];
  /** Every file of the set, known tab or not (e.g. vNetwork, dvPort: not read). */
  all: string[];
}

export function parseTabFileName(name: string): { prefix: string; tab: string } | undefined {
  const m = TAB_FILE.exec(name);
  return m ? { prefix: m[1], tab: m[2] } : undefined;
}

/** The export sets in a folder (grouped by prefix), or the one set a tab file belongs to. */
export function tabFileSets(dir: string, displayDir: string, entries: readonly string[], onlyPrefix?: string): TabFileSet[] {
  const sets = new Map<string, TabFileSet>();
  for (const e of [...entries].sort()) {
    const p = parseTabFileName(e);
    if (!p || (onlyPrefix !== undefined && p.prefix.toLowerCase() !== onlyPrefix.toLowerCase())) continue;
    const key = path.join(path.resolve(dir), p.prefix.toLowerCase());
    let set = sets.get(key);
    if (!set) sets.set(key, (set = { key, files: [], all: [] }));
    set.all.push(e);
    const tab = tabOf(p.tab);
    if (tab) set.files.push({ tab, path: path.join(dir, e), display: path.join(displayDir, e) });
  }
  return [...sets.values()];
}

/** Reads the known tabs of one set into the sink (vInfo first, so messages come in a natural order). */
export async function readCsvTabs(set: TabFileSet, sink: TabSink): Promise<void> {
  const order = (t: TabName) => (t === 'vInfo' ? 0 : 1);
  const files = [...set.files].sort((a, b) => order(a.tab) - order(b.tab) || a.tab.localeCompare(b.tab, 'en-US'));
  for (const f of files) {
    let use = false;
    let started = false;
    try {
      const res = await readCsv(
        f.path,
        { file: f.display },
        (headers) => {
          started = true;
          use = sink.begin(f.tab, { file: f.display }, headers);
          return use ? { repeating: sink.repeatingColumns } : undefined;
        },
        (fields, row, shared) => {
          if (use) sink.row(fields, row, shared);
        },
      );
      sink.problems.push(...res.problems);
      if (!started) sink.begin(f.tab, { file: f.display }, []);
      // The reader drops blank records (`,,,,` from a formatted sheet) itself: count them with the empty rows.
      else if (use) sink.data.emptyRows[f.tab] = (sink.data.emptyRows[f.tab] ?? 0) + res.blankRows;
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(error('unreadable-file', `Cannot read ${f.display}: ${(e as Error).message}.`, { file: f.display }));
    }
  }
}

/** Folder entries, or [] when the folder cannot be listed. */
export function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
