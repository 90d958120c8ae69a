import { orgs } from '../commands/orgs';
import { EXIT_CODES } from '../errors';
import { APP_KINDS, type AppKind } from '../model/appKind';
import { printJsonResult, printOrgsResult } from '../output';
import { type CommandSpec, booleanFlag, textFlag, textList } from './spec';

export const orgsCommand: CommandSpec = {
  usage: 'orgs [action] [alias]',
  describe:
    'The org map in connected-app.json: which environment each org gets. List it, add or remove an org, or print it as a CI matrix.',
  positionals: {
    action: { choices: ['list', 'add', 'remove'], default: 'list', describe: 'list (the default), add (or change) or remove an org.' },
    alias: { type: 'string', describe: 'The org: an alias or username sf knows.' },
  },
  flags: {
    env: { type: 'string', describe: 'add: the environment whose rendering the org gets.' },
    kind: { choices: APP_KINDS, describe: 'add: which rendering, when the environment records both kinds.' },
    app: {
      type: 'string',
      array: true,
      describe: 'add: a template the org gets; repeat for several. Default: every template recorded for the environment.',
    },
    matrix: { type: 'boolean', describe: 'Print the map as a GitHub Actions matrix: {"include":[{"org":…,"env":…}]}.' },
  },
  examples: [
    ['$0 orgs add acme-prod --env prod', 'Map the org acme-prod to the prod rendering of every template.'],
    ['$0 orgs add acme-uat --env sandbox --app fullcast-motion-package', 'Map a sandbox to one template only.'],
    ['$0 orgs remove acme-uat', 'Drop an org from the map.'],
    ['$0 orgs --matrix', 'The map as a matrix for a workflow (docs/examples/fleet.yml).'],
  ],
  run(flags, { cwd, streams, json }) {
    const result = orgs({
      cwd,
      action: (textFlag(flags, 'action') ?? 'list') as 'list' | 'add' | 'remove',
      alias: textFlag(flags, 'alias'),
      env: textFlag(flags, 'env'),
      kind: textFlag(flags, 'kind') as AppKind | undefined,
      apps: textList(flags, 'app'),
      matrix: booleanFlag(flags, 'matrix'),
    });
    if (json) printJsonResult(result, EXIT_CODES.ok, streams);
    else printOrgsResult(result, streams);
    return EXIT_CODES.ok;
  },
};
