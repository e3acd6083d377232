/**
 * `npm run test:unit`: the tests that need nothing beside the project. Test files that read the public samples in
 * ../shared (they import test/helpers/shared) are left out, so a newcomer without ../shared can still run the rest;
 * `npm test` (what CI runs) runs everything and fails loudly when ../shared is missing.
 */
const fs = require('fs');
const path = require('path');
const base = require('./jest.config.js');

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? testFiles(p) : e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const needsShared = testFiles(path.join(__dirname, 'test')).filter((f) =>
  /(\.\.\/)+helpers\/shared['"]/.test(fs.readFileSync(f, 'utf8')),
);
process.stderr.write(`test:unit leaves out ${needsShared.length} test files that read ../shared\n`);
process.env.DCPLAN_UNIT_ONLY = '1';

module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', ...needsShared.map((f) => `^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)],
};
