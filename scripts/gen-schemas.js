#!/usr/bin/env node
// Regenerates the JSON Schemas in schemas/ from the zod schemas (run `npm run build` first; `npm run schemas` does).
const path = require('path');
const { writeJsonSchemas } = require('../dist/json-schemas');
for (const file of writeJsonSchemas(path.resolve(__dirname, '..'))) console.log(`wrote ${file}`);
