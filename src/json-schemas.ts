/**
 * The JSON Schemas dcplan publishes in `schemas/`, each generated from the zod schema that owns the contract, so the
 * published file and the code never drift: `npm run schemas` (scripts/gen-schemas.js) rewrites them and a test checks
 * that the committed files equal this output.
 */
import * as path from 'path';
import { z } from 'zod';
import { assessmentJsonSchema } from './config/schema';
import { INVENTORY_SCHEMA, InventorySchema } from './inventory/schema';
import { PLAN_SCHEMA, PlanSchema } from './plan/schema';
import { SCORECARD_SCHEMA, ScorecardSchema } from './readiness/scorecard-schema';
import { MATURITY_SCHEMA, MaturitySchema } from './maturity/schema';
import { writeFileAtomic } from './util/atomic-write';

/** A checkpoint's schema with the header every published checkpoint schema carries. */
function checkpointJsonSchema(schema: z.ZodType, tag: string, title: string, description: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema) as Record<string, unknown>;
  return { $schema: generated.$schema, $id: `https://dcplan.invalid/schemas/${tag.replace('/', '-')}.json`, title, description, ...generated };
}

export const PUBLISHED_SCHEMAS: { file: string; build: () => Record<string, unknown> }[] = [
  {
    file: 'schemas/inventory.schema.json',
    build: () =>
      checkpointJsonSchema(InventorySchema, INVENTORY_SCHEMA, 'dcplan inventory',
        `Canonical inventory written by \`dcplan collect\` (${INVENTORY_SCHEMA}). Units are in the field names: MHz, MiB, GiB, Mbps, IOPS, percent 0-100.`),
  },
  { file: 'schemas/assessment.schema.json', build: assessmentJsonSchema },
  {
    file: 'schemas/plan.schema.json',
    build: () =>
      checkpointJsonSchema(PlanSchema, PLAN_SCHEMA, 'dcplan plan',
        `Consolidation plan written by \`dcplan plan\` and \`dcplan assess\`, read by \`dcplan verify\` (${PLAN_SCHEMA}). Units are in the field names: MHz, MiB, GiB, Mbps, IOPS; utilisation 0-1.`),
  },
  {
    file: 'schemas/scorecard.schema.json',
    build: () =>
      checkpointJsonSchema(ScorecardSchema, SCORECARD_SCHEMA, 'dcplan scorecard',
        `Readiness scorecard written by \`dcplan score\` and \`dcplan assess\` (${SCORECARD_SCHEMA}): the criteria rated per platform, workload findings.`),
  },
  {
    file: 'schemas/maturity.schema.json',
    build: () =>
      checkpointJsonSchema(MaturitySchema, MATURITY_SCHEMA, 'dcplan maturity',
        `Infrastructure maturity written by \`dcplan assess\` (${MATURITY_SCHEMA}): indicators from the inventory with their source, the Infrastructure Optimization level per Core IO capability, questionnaire answers, roadmap. Shares are 0-1.`),
  },
];

/** The text of a published schema file: 2-space JSON and a trailing newline. */
export const jsonSchemaText = (build: () => Record<string, unknown>): string => JSON.stringify(build(), null, 2) + '\n';

/** Rewrites every file in `schemas/` under repoRoot; returns the files written. */
export function writeJsonSchemas(repoRoot: string): string[] {
  return PUBLISHED_SCHEMAS.map(({ file, build }) => {
    writeFileAtomic(path.join(repoRoot, file), jsonSchemaText(build));
    return file;
  });
}
