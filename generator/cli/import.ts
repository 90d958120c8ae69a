import { DEFAULT_IMPORT_ENVIRONMENT } from '../commands/defaults';
import { EXIT_CODES, UsageError } from '../errors';
import { printImportResult, printJsonResult } from '../output';
import { onDemand } from './onDemand';
import { type CommandSpec, booleanFlag, textFlag, textList } from './spec';

export const importCommand: CommandSpec = {
  usage: 'import [paths..]',
  describe: 'Import ConnectedApp files and External Client App sets, or apps straight from an org, into templates/NAME.ts.',
  positionals: {
    paths: {
      type: 'string',
      array: true,
      describe:
        "Files (.connectedApp-meta.xml, .connectedApp, .eca-meta.xml, an installed app's .ecaOauthPlcy-meta.xml) or folders to search.",
    },
  },
  flags: {
    'target-org': {
      alias: 'o',
      type: 'string',
      describe: 'Import from this org (an alias or username sf knows) instead of files: with --list or --app-name.',
    },
    list: { type: 'boolean', describe: "With --target-org: list the org's ConnectedApps and External Client Apps." },
    'app-name': {
      type: 'string',
      array: true,
      describe: 'With --target-org: the API name of an app to retrieve and import (repeat for several).',
    },
    into: {
      type: 'string',
      describe: "With --target-org and one --app-name: add the org's copy as a new environment (--env) of this imported template.",
    },
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
    ['$0 import --target-org acme-prod --list', "List the org's apps and which template renders each."],
    ['$0 import --target-org acme-prod --app-name Acme_Sync --env prod', 'Retrieve Acme_Sync from the org and import it.'],
    [
      '$0 import --target-org acme-uat --app-name Acme_Sync --into Acme_Sync --env sandbox',
      "Add the sandbox's copy as the environment sandbox of templates/Acme_Sync.ts.",
    ],
  ],
  run(flags, { cwd, streams, json }) {
    const targetOrg = textFlag(flags, 'target-org');
    const appNames = textList(flags, 'app-name');
    const paths = textList(flags, 'paths');
    const list = booleanFlag(flags, 'list');
    if (targetOrg === undefined && (list || appNames.length > 0 || flags.into !== undefined))
      throw new UsageError(
        `--${list ? 'list' : appNames.length > 0 ? 'app-name' : 'into'} reads an org: add --target-org <alias|username>`,
      );
    if (targetOrg !== undefined) {
      if (paths.length > 0) throw new UsageError('import reads either files or an org: leave out the paths, or --target-org');
      if (list === appNames.length > 0) throw new UsageError('with --target-org, give either --list or --app-name NAME');
      if (list) {
        return onDemand()
          .listOrgApps({ cwd, targetOrg })
          .then((result) => {
            if (json) printJsonResult(result, EXIT_CODES.ok, streams);
            else onDemand().printOrgListResult(result, streams);
            return EXIT_CODES.ok;
          });
      }
      return onDemand()
        .importFromOrg({
          cwd,
          targetOrg,
          appNames,
          name: textFlag(flags, 'name'),
          env: textFlag(flags, 'env'),
          allowSameApiName: booleanFlag(flags, 'allow-same-api-name'),
          into: textFlag(flags, 'into'),
        })
        .then((result) => {
          if (json) printJsonResult(result, EXIT_CODES.ok, streams);
          else printImportResult(result, streams);
          return EXIT_CODES.ok;
        });
    }
    const result = onDemand().importApps({
      cwd,
      paths,
      name: textFlag(flags, 'name'),
      env: textFlag(flags, 'env'),
      allowSameApiName: booleanFlag(flags, 'allow-same-api-name'),
    });
    if (json) printJsonResult(result, EXIT_CODES.ok, streams);
    else printImportResult(result, streams);
    return EXIT_CODES.ok;
  },
};
