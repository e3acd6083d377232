// ESLint flat config: typescript-eslint's type-aware recommended set on the TypeScript sources and tests, the plain
// JavaScript set on the few .js/.mjs files. Formatting (line length, quotes, commas) is prettier's job, not ESLint's.
// Every rule switched off or relaxed below says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'coverage/**', 'tools/dist/**'] },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a parameter an interface requires but this implementation does not read.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Off: an `async` function without `await` is how dcplan implements a Promise-returning contract (oclif's
      // Command.catch, the injectable pipeline stages, the series parsers' signature) so that a throw becomes a
      // rejection rather than a synchronous exception; the rule would force Promise.resolve() wrappers that change that.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read the JSON the CLI printed or wrote (JSON.parse gives `any`) and assert on it with expect(); the
    // assertions are the type check there, and casting every parsed document to its interface first would only
    // hide a wrong shape behind a cast. Source files keep these rules.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
