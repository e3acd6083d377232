#!/usr/bin/env node
// Regenerates schemas/inventory.schema.json from the zod schema (run `npm run build` first).
const path = require('path');
const { writeInventoryJsonSchema } = require('../dist/inventory/json-schema');
console.log(`wrote ${path.relative(process.cwd(), writeInventoryJsonSchema(path.resolve(__dirname, '..')))}`);
