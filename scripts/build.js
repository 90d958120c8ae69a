'use strict';
/*
 * Builds the CLI into two minified bundles: dist/connected-app.js (the command line and
 * generate, which users run most and whose start-up time is a measured requirement, npm run
 * bench) and dist/commands.js (deploy and import, loaded when they run). A run reads one file
 * instead of resolving and compiling some fifty modules. Type checking is separate
 * (npm run typecheck); this only strips types.
 */
const { build } = require('esbuild');
const { join } = require('node:path');

const root = join(__dirname, '..');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  // Stack traces map back to the TypeScript sources under --debug.
  sourcemap: 'linked',
  // Loaded only when needed: the diff library on drift, esbuild when a template changed.
  external: ['diff', 'esbuild'],
  // yargs requires Node's assert for two internal sanity checks; loading assert also builds
  // the stderr stream (about 6 ms on every run). The shim keeps those checks.
  alias: { assert: join(root, 'scripts', 'assertShim.js') },
  logLevel: 'warning',
};

/** Sends the CLI's `require('./commands/onDemand')` to the second bundle. */
const onDemandBundle = {
  name: 'on-demand-commands',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/commands\/onDemand$/ }, () => ({ path: './commands.js', external: true }));
  },
};

Promise.all([
  build({
    ...common,
    entryPoints: [join(root, 'generator', 'cli', 'main.ts')],
    outfile: join(root, 'dist', 'connected-app.js'),
    plugins: [onDemandBundle],
  }),
  build({ ...common, entryPoints: [join(root, 'generator', 'commands', 'onDemand.ts')], outfile: join(root, 'dist', 'commands.js') }),
]).catch(() => {
  process.exitCode = 1;
});
