'use strict';
/*
 * The order Jest starts test files in. Jest starts the files that took longest last time first;
 * a clean clone has no such record, and Jest then orders by file size, which would start last
 * the short files that mostly wait (sf's shortest --wait is one minute; 100 generate runs
 * killed one after another), so their waiting would add to the whole run. They start first.
 */
const Sequencer = require('@jest/test-sequencer').default;

const WAITING_FIRST = [/test\/e2e\/deployWait\.test\.ts$/, /test\/reliability\/crashSafety\.test\.ts$/];

const rank = (test) => {
  const index = WAITING_FIRST.findIndex((pattern) => pattern.test(test.path));
  return index === -1 ? WAITING_FIRST.length : index;
};

class WaitingFirst extends Sequencer {
  sort(tests) {
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = WaitingFirst;
