/**
 * The commands loaded on demand: bundled apart from the CLI (dist/commands.js), so generate's
 * start-up does not read or initialize their code. See scripts/build.js.
 */
export { deploy } from './deploy';
export { deployFleet } from './deployFleet';
export { importApps } from './import';
export { importFromOrg, listOrgApps } from './importFromOrg';
export { diffOrg } from './diffOrg';
export { diffFleet } from './diffFleet';
export { changes } from './changes';
export { printChangesResult, printDiffFleetResult, printDiffResult, printOrgListResult } from '../orgOutput';
