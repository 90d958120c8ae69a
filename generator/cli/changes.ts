import { EXIT_CODES, UsageError } from '../errors';
import { printJsonResult } from '../output';
import { onDemand } from './onDemand';
import { type CommandSpec, textFlag } from './spec';

export const changesCommand: CommandSpec = {
  usage: 'changes',
  describe: "What a change of the templates does to each app since a git revision, in Setup's words, as Markdown for a pull request.",
  flags: {
    base: { type: 'string', describe: 'The git revision to compare the working tree with (a branch, tag or commit).' },
  },
  examples: [
    ['$0 changes --base HEAD~1', 'What the last commit changed, app by app.'],
    ['$0 changes --base origin/main > changes.md', "A pull request's changes, for a comment."],
  ],
  run(flags, { cwd, streams, json }) {
    const base = textFlag(flags, 'base');
    if (base === undefined) throw new UsageError('name the revision to compare with: --base <branch|tag|commit>');
    const result = onDemand().changes({ cwd, base });
    if (json) printJsonResult(result, EXIT_CODES.ok, streams);
    else onDemand().printChangesResult(result, streams);
    return EXIT_CODES.ok;
  },
};
