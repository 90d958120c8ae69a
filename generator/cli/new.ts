import { newTemplate } from '../commands/newTemplate';
import { EXIT_CODES } from '../errors';
import { APP_KINDS, type AppKind } from '../model/appKind';
import { printJsonResult, printNewTemplateResult } from '../output';
import { type CommandSpec, textFlag, textList } from './spec';

export const newCommand: CommandSpec = {
  usage: 'new <name>',
  describe: 'Scaffold templates/NAME.ts from a label, environments with their base URLs, callback paths and scopes.',
  positionals: { name: { type: 'string', describe: 'The template name (letters, digits, - and _).' } },
  flags: {
    label: { type: 'string', demandOption: true, describe: 'The app’s name in Setup ("Connected App Name").' },
    env: {
      type: 'string',
      array: true,
      demandOption: true,
      describe: 'An environment and the app’s base URL there, name=https://…; repeat for each.',
    },
    'callback-path': {
      type: 'string',
      array: true,
      default: ['/oauth/callback'],
      describe: 'A path on each base URL that receives the OAuth callback; repeat for several.',
    },
    scope: {
      type: 'string',
      array: true,
      default: ['Api', 'RefreshToken'],
      describe: 'An OAuth scope as metadata names it (Api, RefreshToken, Basic, …); repeat for each.',
    },
    kind: {
      choices: APP_KINDS,
      default: 'external-client-app',
      describe: 'What the template renders; new connections need an External Client App since Spring ’26.',
    },
  },
  examples: [
    [
      '$0 new acme-sync --label "Acme Sync" --env prod=https://app.acme.com --env sandbox=https://staging.acme.com',
      'A template for Acme Sync with production and a sandbox, as an External Client App.',
    ],
  ],
  run(flags, { cwd, streams, json }) {
    const result = newTemplate({
      cwd,
      name: textFlag(flags, 'name') ?? '',
      label: textFlag(flags, 'label') ?? '',
      environments: textList(flags, 'env'),
      callbackPaths: textList(flags, 'callback-path'),
      scopes: textList(flags, 'scope'),
      kind: textFlag(flags, 'kind') as AppKind,
    });
    if (json) printJsonResult(result, EXIT_CODES.ok, streams);
    else printNewTemplateResult(result, streams);
    return EXIT_CODES.ok;
  },
};
