/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // ts-jest's default diagnostics: with isolatedModules (tsconfig.json) it transpiles file by file, so it reports syntax
  // errors only and costs nothing measurable; type errors are `npm run typecheck`'s, which .ci/run runs before the tests.
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/global-setup.ts',
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  // tests that spawn the CLI use dist/, built by `npm ci` (prepare) or `npm run build`
};
