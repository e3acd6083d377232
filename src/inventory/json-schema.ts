import * as path from 'path';
import { z } from 'zod';
import { writeJsonAtomic } from '../util/atomic-write';
import { INVENTORY_SCHEMA, InventorySchema } from './schema';

/**
 * The published JSON Schema of inventory.json, generated from the zod schema so the two never drift.
 * `schemas/inventory.schema.json` is committed; a test checks it equals this output, and
 * `npm run schema:inventory` (scripts/gen-inventory-schema.js) regenerates it.
 */
export function inventoryJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(InventorySchema) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: `https://dcplan.invalid/schemas/${INVENTORY_SCHEMA.replace('/', '-')}.json`,
    title: 'dcplan inventory',
    description: `Canonical inventory written by \`dcplan collect\` (${INVENTORY_SCHEMA}). Units are in the field names: MHz, MiB, GiB, Mbps, IOPS, percent 0-100.`,
    ...generated,
  };
}

export const INVENTORY_SCHEMA_FILE = path.join('schemas', 'inventory.schema.json');

export function writeInventoryJsonSchema(repoRoot: string): string {
  const file = path.join(repoRoot, INVENTORY_SCHEMA_FILE);
  writeJsonAtomic(file, inventoryJsonSchema());
  return file;
}
