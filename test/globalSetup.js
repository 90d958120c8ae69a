'use strict';
/*
 * Before any test: rebuild dist/ when a source file is newer than the bundle, so the tests that
 * run the built command (child processes, the crash and concurrency tests, deploy end to end)
 * never test a stale build after an edit.
 */
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = join(__dirname, '..');

function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

module.exports = function rebuildStaleBundle() {
  const bundles = ['connected-app.js', 'commands.js'].map((name) => join(root, 'dist', name));
  const built = bundles.every((file) => existsSync(file)) ? Math.min(...bundles.map((file) => statSync(file).mtimeMs)) : 0;
  const sources = Math.max(
    newestSource(join(root, 'generator')),
    statSync(join(root, 'package.json')).mtimeMs,
    statSync(join(root, 'scripts', 'build.js')).mtimeMs,
  );
  if (sources > built) execFileSync(process.execPath, [join(root, 'scripts', 'build.js')], { stdio: 'inherit' });
};
