import { DEFAULT_IMPORT_ENVIRONMENT } from '../commands/defaults';
import { EXIT_CODES } from '../errors';
import { printImportResult, printJsonResult } from '../output';
import { onDemand } from './onDemand';
import { type CommandSpec, booleanFlag, textFlag, textList } from './spec';

export const importCommand: CommandSpec = {
  usage: 'import [paths..]',
  describe: 'Import ConnectedApp files and External Client App sets into templates/NAME.ts.',
  positionals: {
    paths: {
      type: 'string',
      array: true,
      describe:
        "Files (.connectedApp-meta.xml, .connectedApp, .eca-meta.xml, an installed app's .ecaOauthPlcy-meta.xml) or folders to search.",
    },
  },
  flags: {
    name: { type: 'string', describe: "The template's name (one app only). Default: the app's API name." },
    env: { type: 'string', describe: `The environment the values go under. Default: ${DEFAULT_IMPORT_ENVIRONMENT}.` },
    'allow-same-api-name': { type: 'boolean', describe: 'Import even an app whose API name another template already renders.' },
  },
  examples: [
    ['$0 import retrieved', 'Import every app found under retrieved/.'],
    [
      '$0 import retrieved/connectedApps/Acme_Sync.connectedApp-meta.xml --name acme-sync --env prod',
      'Import one app as templates/acme-sync.ts.',
    ],
  ],
  run(flags, { cwd, streams, json }) {
    const result = onDemand().importApps({
      cwd,
      paths: textList(flags, 'paths'),
      name: textFlag(flags, 'name'),
      env: textFlag(flags, 'env'),
      allowSameApiName: booleanFlag(flags, 'allow-same-api-name'),
    });
    if (json) printJsonResult(result, EXIT_CODES.ok, streams);
    else printImportResult(result, streams);
    return EXIT_CODES.ok;
  },
};
