'use strict';
// The two functions of Node's assert that yargs uses, for the bundle (see scripts/build.js).
function fail(message) {
  throw new Error(message || 'assertion failed');
}
module.exports = {
  notStrictEqual(actual, expected, message) {
    if (actual === expected) fail(message);
  },
  strictEqual(actual, expected, message) {
    if (actual !== expected) fail(message);
  },
};
