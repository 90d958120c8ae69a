/** Deploy, import, diff and changes, loaded when they run: the build keeps them out of the CLI bundle (scripts/build.js). */
export const onDemand = (): typeof import('../commands/onDemand') =>
  require('../commands/onDemand') as typeof import('../commands/onDemand');
