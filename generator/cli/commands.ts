/**
 * The commands of `connected-app`, in the order help lists them. Deploy, import, diff and changes run
 * from a second bundle loaded when they run (scripts/build.js), so generate's start-up does not pay for them.
 */
import { changesCommand } from './changes';
import { checkSecretsCommand } from './checkSecrets';
import { deployCommand } from './deploy';
import { diffCommand } from './diff';
import { generateCommand } from './generate';
import { forgetCommand } from './forget';
import { importCommand } from './import';
import { listCommand } from './list';
import { newCommand } from './new';
import { orgsCommand } from './orgs';
import type { CommandSpec } from './spec';

export const COMMANDS: readonly CommandSpec[] = [
  generateCommand,
  deployCommand,
  importCommand,
  diffCommand,
  changesCommand,
  checkSecretsCommand,
  listCommand,
  newCommand,
  forgetCommand,
  orgsCommand,
];
