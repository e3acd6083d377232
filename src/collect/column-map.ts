import YAML from 'yaml';
import { MAX_YAML_BYTES, readRegularFile } from '../util/input-file';
import { Problem, UserError, error } from '../diagnostics';

/**
 * `--map file.yaml`: the customer's column names mapped onto dcplan's canonical names, e.g.
 *
 *   columns:
 *     Server Name: name
 *     Cores: vcpus
 *     RAM (GB): memory_gib
 *
 * A flat mapping without the `columns:` key is accepted too. Names are matched like headers (case, spaces and
 * punctuation ignored). A target may carry the unit the customer's column is in, converted to the target's own unit:
 *
 *     RAM (MB): { column: memory_gib, unit: MiB }
 *
 * (sizes: KiB, MiB, GiB, TiB binary; KB, MB, GB, TB decimal, as written).
 */
export interface ColumnMap {
  columns: Record<string, string>;
  /** Source column → the unit its values are in (only for targets given with a unit). */
  units: Record<string, SizeUnit>;
}

export const SIZE_UNITS = { KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 } as const;
export type SizeUnit = keyof typeof SIZE_UNITS;

/** The size unit a canonical column name ends in (`memory_gib` → GiB), if any. */
export function unitOfColumn(name: string): SizeUnit | undefined {
  const m = /_(kib|mib|gib|tib|kb|mb|gb|tb)$/i.exec(name.trim());
  if (!m) return undefined;
  return (Object.keys(SIZE_UNITS) as SizeUnit[]).find((u) => u.toLowerCase() === m[1].toLowerCase());
}

export function loadColumnMap(file: string): ColumnMap {
  const text = readRegularFile(file, { noun: 'Column map', maxBytes: MAX_YAML_BYTES }).toString('utf8');
  let doc: unknown;
  try {
    doc = YAML.parse(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new UserError(error('bad-yaml', `${file} is not valid YAML: ${(e as Error).message}`, { file }));
  }
  const root = doc && typeof doc === 'object' && 'columns' in doc ? doc.columns : doc;
  const prefix = doc && typeof doc === 'object' && 'columns' in doc ? ['columns'] : [];
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    throw new UserError(
      error('bad-map', `${file} must map customer column names to dcplan column names (e.g. "Server Name: name").`, { file, path: prefix }),
    );
  }
  const out: Record<string, string> = {};
  const units: Record<string, SizeUnit> = {};
  const problems: Problem[] = [];
  for (const [from, to] of Object.entries(root as Record<string, unknown>)) {
    if (to && typeof to === 'object' && !Array.isArray(to)) {
      const t = to as Record<string, unknown>;
      const column = typeof t.column === 'string' ? t.column.trim() : '';
      const unit = (Object.keys(SIZE_UNITS) as SizeUnit[]).find((u) => u === t.unit);
      if (column === '') problems.push(error('bad-map', `"${from}" must name its target as column: <name>.`, { file, path: [...prefix, from, 'column'] }));
      else if (t.unit !== undefined && unit === undefined)
        problems.push(error('bad-map', `"${from}": unit ${JSON.stringify(t.unit)} is not one of ${Object.keys(SIZE_UNITS).join(', ')}.`, { file, path: [...prefix, from, 'unit'] }));
      else if (unit !== undefined && unitOfColumn(column) === undefined)
        problems.push(error('bad-map', `"${from}": ${column} holds no size, so a unit cannot be converted to it.`, { file, path: [...prefix, from, 'unit'] }));
      else {
        out[from] = column;
        if (unit !== undefined) units[from] = unit;
      }
      continue;
    }
    if (typeof to !== 'string' || to.trim() === '') {
      problems.push(error('bad-map', `The target of "${from}" must be a column name (text), or { column, unit }.`, { file, path: [...prefix, from] }));
      continue;
    }
    out[from] = to.trim();
  }
  if (problems.length > 0) throw new UserError(problems);
  return { columns: out, units };
}
