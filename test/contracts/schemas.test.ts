import * as fs from 'fs';
import * as path from 'path';
import { jsonSchemaText, PUBLISHED_SCHEMAS } from '../../src/json-schemas';

const root = path.resolve(__dirname, '..', '..');

describe('schemas/ is generated from the zod schemas (npm run schemas rewrites it)', () => {
  it.each(PUBLISHED_SCHEMAS.map((s) => [s.file, s.build] as const))('%s is current', (file, build) => {
    expect(fs.readFileSync(path.join(root, file), 'utf8')).toBe(jsonSchemaText(build));
  });

  it('publishes every checkpoint and the config, and nothing else sits in schemas/', () => {
    expect(fs.readdirSync(path.join(root, 'schemas')).sort()).toEqual(PUBLISHED_SCHEMAS.map((s) => path.basename(s.file)).sort());
  });
});
