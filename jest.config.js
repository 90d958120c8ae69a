/** Jest runs the TypeScript sources through ts-jest without type checking
 * (tsconfig `isolatedModules`); `npm test` type-checks separately with tsc. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
};
