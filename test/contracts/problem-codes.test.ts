import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator is a plain node script (scripts/), run without a build
const { catalogue } = require('../../scripts/problem-codes.js') as { catalogue: (root: string) => string };

const root = path.join(__dirname, '..', '..');

describe('docs/problem-codes.md, the generated catalogue of problem codes', () => {
  it('is up to date with the sources (run `npm run problem-codes` after adding a code)', () => {
    expect(fs.readFileSync(path.join(root, 'docs', 'problem-codes.md'), 'utf8')).toBe(catalogue(root));
  });

  it('lists the codes a user meets, with their severity', () => {
    const text = catalogue(root);
    expect(text).toMatch(/\| `file-exists` \| error \|/);
    expect(text).toMatch(/\| `sizing-fallback` \| warning \|/);
    expect(text).toMatch(/## Record codes/);
  });
});
