import { forget } from '../commands/forget';
import { EXIT_CODES } from '../errors';
import { APP_KINDS, type AppKind } from '../model/appKind';
import { printForgetResult, printJsonResult } from '../output';
import { type CommandSpec, textFlag } from './spec';

export const forgetCommand: CommandSpec = {
  usage: 'forget',
  describe: 'Drop a recorded rendering from connected-app.json and delete the files it generated.',
  flags: {
    app: { type: 'string', describe: 'The template. Default: defaultApp in connected-app.json, else the built-in one.' },
    env: { type: 'string', demandOption: true, describe: 'The environment of the rendering (as connected-app.json records it).' },
    kind: { choices: APP_KINDS, describe: 'The kind of the rendering. Default: connected-app.' },
  },
  examples: [
    ['$0 forget --env uat', 'Stop rendering the built-in template for uat (after renaming that environment, say).'],
    [
      '$0 forget --app acme-sync --env prod --kind connected-app',
      'Retire the connected app rendering once the External Client App replaced it.',
    ],
  ],
  run(flags, { cwd, streams, json }) {
    const result = forget({
      cwd,
      app: textFlag(flags, 'app'),
      env: textFlag(flags, 'env') ?? '',
      kind: textFlag(flags, 'kind') as AppKind | undefined,
    });
    if (json) printJsonResult(result, EXIT_CODES.ok, streams);
    else printForgetResult(result, streams);
    return EXIT_CODES.ok;
  },
};
