'use strict';
/*
 * Lint: typescript-eslint's type-aware recommended rules over the TypeScript sources, templates,
 * tests and benchmarks; the plain JavaScript entry points get ESLint's recommended rules.
 */
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const nodeGlobals = {
  require: 'readonly',
  module: 'writable',
  process: 'readonly',
  __dirname: 'readonly',
  Buffer: 'readonly',
  console: 'readonly',
};

module.exports = tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'force-app/', 'environments/'] },
  {
    files: ['**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      // The text rules match control characters on purpose: they find, escape or refuse them.
      'no-control-regex': 'off',
      // Modules loaded only when needed, off generate's start-up path (scripts/build.js keeps them out of the bundle).
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^diff$', '^esbuild$', '/commands/onDemand$'] }],
    },
  },
  {
    // Tests read the JSON the commands print and check its shape with expect(), not with types.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
