/**
 * The commands of `connected-app`, in the order help lists them. Deploy and import run from a
 * second bundle loaded when they run (scripts/build.js), so generate's start-up does not pay for them.
 */
import { checkSecretsCommand } from './checkSecrets';
import { deployCommand } from './deploy';
import { generateCommand } from './generate';
import { importCommand } from './import';
import type { CommandSpec } from './spec';

export const COMMANDS: readonly CommandSpec[] = [generateCommand, deployCommand, importCommand, checkSecretsCommand];
