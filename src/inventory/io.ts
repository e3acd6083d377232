import * as fs from 'fs';
import { Problem, UserError, error } from '../diagnostics';
import { implausibleHost, implausibleWorkload } from './plausible';
import * as path from 'path';
import { CheckpointKind, readCheckpoint } from '../util/checkpoint';
import { dropTemp, tempFor, withPath } from '../util/atomic-write';
import { INVENTORY_SCHEMA, Inventory, InventorySchema } from './schema';

/**
 * Reading and writing `inventory.json`. Reading validates against the zod schema and reports every problem with the
 * file and the JSON path (`workloads.3.memoryMib`), so a hand-edited inventory fails with a pointer, not a crash.
 */
export function readInventory(file: string, displayName: string = file): Inventory {
  return readCheckpoint(file, INVENTORY_FILE, displayName);
}

export const INVENTORY_FILE: CheckpointKind<Inventory> = {
  noun: 'Inventory',
  tag: INVENTORY_SCHEMA,
  schema: InventorySchema,
  invalidCode: 'invalid-inventory',
  createHint: 'Create it with: dcplan collect <export files> --out inventory.json',
  versionHint: 'Run dcplan collect again on the original exports.',
  check: checkInventory,
};

/**
 * What the schema cannot say about a (possibly hand-edited) inventory: every workload and host plausible (see
 * plausible.ts; a negative size would otherwise be packed as negative demand) and ids unique (two workloads with one
 * id would be placed as one).
 */
export function checkInventory(inv: Inventory, file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  inv.workloads.forEach((w, i) => {
    for (const bad of implausibleWorkload(w))
      problems.push(
        error(
          'implausible-value',
          `Workload "${clip(w.name)}": ${bad.field} = ${bad.value}; expected ${bad.expected}.`,
          {
            file,
            path: ['workloads', i, ...bad.field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k))],
          },
        ),
      );
    const first = seen.get(w.id);
    if (first !== undefined)
      problems.push(
        error(
          'duplicate-id',
          `Workload id "${clip(w.id)}" is used by workloads ${first} and ${i}; ids must be unique.`,
          { file, path: ['workloads', i, 'id'] },
        ),
      );
    else seen.set(w.id, i);
  });
  const hostIds = new Set<string>();
  inv.hosts.forEach((h, i) => {
    for (const bad of implausibleHost(h))
      problems.push(
        error('implausible-value', `Host "${clip(h.name)}": ${bad.field} = ${bad.value}; expected ${bad.expected}.`, {
          file,
          path: ['hosts', i, bad.field],
        }),
      );
    if (hostIds.has(h.id))
      problems.push(
        error('duplicate-id', `Host id "${clip(h.id)}" is used twice; ids must be unique.`, {
          file,
          path: ['hosts', i, 'id'],
        }),
      );
    hostIds.add(h.id);
  });
  return problems;
}

const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}...` : s);

/**
 * Writes the inventory atomically (a reader never sees half a file), 2-space JSON with a trailing newline.
 * Byte-identical to `JSON.stringify(inventory, null, 2) + '\n'`, but top-level arrays are written in batches of items
 * so a 200,000-workload estate never exists as one giant string in memory.
 */
export function writeInventory(file: string, inventory: Inventory): void {
  try {
    writeStreamed(file, inventory);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && ['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EEXIST'].includes(code))
      throw new UserError(
        error('cannot-write', `Cannot write ${file}: ${(e as Error).message}`, { file }, 'Choose another --out path.'),
      );
    throw e;
  }
}

function writeStreamed(file: string, inventory: Inventory): void {
  const abs = path.resolve(file);
  const tmp = tempFor(file);
  try {
    writeTo(tmp, inventory);
    fs.renameSync(tmp, abs);
  } catch (e) {
    throw withPath(e, file);
  } finally {
    dropTemp(tmp);
  }
}

function writeTo(tmp: string, inventory: Inventory): void {
  const fd = fs.openSync(tmp, 'w');
  try {
    let buf = '';
    const out = (s: string) => {
      buf += s;
      if (buf.length > 1 << 20) {
        fs.writeSync(fd, buf);
        buf = '';
      }
    };
    const entries = Object.entries(inventory).filter(([, v]) => v !== undefined);
    out('{');
    entries.forEach(([key, value], i) => {
      out(`\n  ${JSON.stringify(key)}: `);
      if (Array.isArray(value) && value.length > 0) {
        out('[');
        for (let j = 0; j < value.length; j += BATCH) {
          if (j > 0) out(',');
          out(itemsIndented(key, value.slice(j, j + BATCH)));
        }
        out('\n  ]');
      } else out(JSON.stringify(value, null, 2).replace(/\n/g, '\n  '));
      if (i < entries.length - 1) out(',');
    });
    out(entries.length > 0 ? '\n}\n' : '}\n');
    fs.writeSync(fd, buf);
  } finally {
    fs.closeSync(fd);
  }
}

/** Items per JSON.stringify call: big enough that the native stringifier does the work, small enough to stay light. */
const BATCH = 512;

/**
 * `\n    <item>,\n    <item>` for items of a top-level array, indented as in the whole document: stringifying
 * `{ key: items }` puts every item at exactly that depth, so only the wrapper is cut off (no re-indenting pass).
 */
function itemsIndented(key: string, items: unknown[]): string {
  const text = JSON.stringify({ [key]: items }, null, 2);
  const head = `{\n  ${JSON.stringify(key)}: [`;
  return text.slice(head.length, text.length - '\n  ]\n}'.length);
}
