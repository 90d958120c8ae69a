'use strict';
/*
 * The test lanes: each is a Jest project, run alone with `npm run test:<lane>` and all together
 * by `npm test`. Jest runs the TypeScript sources through @swc/jest: types stripped, not checked
 * (tsconfig `isolatedModules` keeps every file transpilable alone); `npm test` type-checks
 * separately with tsc. Tests that run the built command as a child process get a fresh build
 * first (test/globalSetup.js).
 */
// A cold unit lane took 60 s of CPU with ts-jest and 48 s with @swc/jest (2 cores, shared).
const swc = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };
const transform = { '^.+\\.ts$': ['@swc/jest', swc] };

const lane = (displayName, testMatch) => ({ displayName, testMatch, transform, testEnvironment: 'node', rootDir: __dirname });

module.exports = {
  globalSetup: '<rootDir>/test/globalSetup.js',
  testSequencer: '<rootDir>/test/sequencer.js',
  testTimeout: 120000,
  // Many slow tests wait on child processes (sf, the stand-in org's polls, a one-minute sf wait);
  // more workers than cores overlap those waits. On 2 idle cores with a cold cache, jest took
  // 210 s with three workers, 200 s with four; npm test 3 min 44 s with five.
  maxWorkers: 5,
  projects: [
    lane('unit', [
      '<rootDir>/test/{model,render,validate,import,compare,project,secrets,sf,output,errors,fleet}/**/*.test.ts',
      '<rootDir>/test/*.test.ts',
    ]),
    lane('cli', ['<rootDir>/test/cli/**/*.test.ts']),
    lane('corpus', ['<rootDir>/test/corpus/**/*.test.ts']),
    lane('reliability', ['<rootDir>/test/reliability/**/*.test.ts']),
    lane('e2e', ['<rootDir>/test/e2e/**/*.test.ts']),
  ],
};
