import { listProject } from '../commands/list';
import { EXIT_CODES } from '../errors';
import { printJsonResult, printListResult } from '../output';
import type { CommandSpec } from './spec';

export const listCommand: CommandSpec = {
  usage: 'list',
  describe: 'List the templates, their environments, the recorded renderings and their files, and which are in sync.',
  flags: {},
  examples: [['$0 list', 'Show what the project holds and what is out of sync.']],
  run(_flags, { cwd, streams, json }) {
    const result = listProject({ cwd });
    const inSync = result.templates.every((template) => template.renderings.every((rendering) => rendering.inSync));
    const exitCode = inSync ? EXIT_CODES.ok : EXIT_CODES.failure;
    if (json) printJsonResult(result, exitCode, streams);
    else printListResult(result, streams);
    return exitCode;
  },
};
