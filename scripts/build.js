'use strict';
/*
 * Builds dist/connected-app.js: the CLI and its runtime dependencies in one minified file,
 * so a run reads one file instead of resolving and compiling some fifty modules. Type
 * checking is separate (`npm run typecheck`); this only strips types. The generate command's
 * start-up time is a measured requirement (npm run bench), which is what each choice serves.
 */
const { buildSync } = require('esbuild');
const { join } = require('node:path');

const root = join(__dirname, '..');

buildSync({
  entryPoints: [join(root, 'generator', 'cli.ts')],
  outfile: join(root, 'dist', 'connected-app.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  // Stack traces map back to the TypeScript sources under --debug.
  sourcemap: 'linked',
  // Loaded only when needed: the diff library on drift, TypeScript when a template changed,
  // the Salesforce CLI's library for a deploy's Tooling query.
  external: ['diff', 'typescript', '@salesforce/core'],
  // yargs requires Node's assert for two internal sanity checks; loading assert also builds
  // the stderr stream (about 6 ms on every run). The shim keeps those checks.
  alias: { assert: join(root, 'scripts', 'assertShim.js') },
  logLevel: 'warning',
});
