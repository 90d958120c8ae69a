#!/usr/bin/env node
'use strict';
/*
 * The command's entry point. It runs the bundled CLI (dist/connected-app.js, built by
 * `npm ci` / `npm run build`) with a V8 code cache kept in node_modules/.cache, so a run
 * does not re-compile the bundle's functions: the same thing Node 22's compile cache does,
 * done here because the project runs on Node 20.
 */
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'connected-app.js');

function readBundle() {
  try {
    return { source: readFileSync(bundle, 'utf8'), stamp: statSync(bundle) };
  } catch {
    process.stderr.write('Error (NotBuilt): connected-app is not built; run npm ci (or npm run build) in its folder.\n');
    process.exit(1);
  }
}

function saveCache(file, data) {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch {
    // Without a cache the next run is only slower.
  }
}

const { source, stamp } = readBundle();
// One cache per command: it holds the functions the command's run compiled.
const command = /^[a-z-]+$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
const cacheFile = join(
  __dirname,
  '..',
  'node_modules',
  '.cache',
  'connected-app',
  `cli-${process.version}-${stamp.size}-${Math.floor(stamp.mtimeMs)}-${command}.v8`,
);
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
const loaded = { exports: {} };
script.runInThisContext().call(loaded.exports, loaded.exports, Module.createRequire(bundle), loaded, bundle, dirname(bundle));
const exitCode = loaded.exports.main(process.argv.slice(2));
if (typeof exitCode === 'number') process.exitCode = exitCode;
else exitCode.then((code) => process.exit(code));
if (cachedData === undefined || script.cachedDataRejected) saveCache(cacheFile, script.createCachedData());
