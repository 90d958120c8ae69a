import { generate } from '../commands/generate';
import { EXIT_CODES } from '../errors';
import { generateCommandLine } from '../messages';
import { APP_KINDS, type AppKind } from '../model/appKind';
import { printGenerateResult, printJsonResult } from '../output';
import { DEFAULT_TEMPLATE } from '../project/layout';
import { type CommandSpec, booleanFlag, textFlag } from './spec';

export const generateCommand: CommandSpec = {
  usage: 'generate',
  describe: 'Render templates into source-format metadata, or compare with the files on disk (--check).',
  flags: {
    env: {
      type: 'string',
      describe: "The template's environment (an alias works too). Default: every environment recorded in connected-app.json.",
    },
    app: {
      type: 'string',
      describe: `The template, templates/NAME.ts. Default: defaultApp in connected-app.json, else ${DEFAULT_TEMPLATE}.`,
    },
    kind: {
      choices: APP_KINDS,
      describe: "connected-app, or the External Client App file set new connections need. Default: the template's kind.",
    },
    'contact-email': { type: 'string', describe: "The org's contact email for the app; remembered in connected-app.json." },
    'output-dir': {
      type: 'string',
      describe:
        'Folder receiving the type folders (not remembered). Default: the default package directory for production, environments/<env> for the others.',
    },
    'api-version': {
      type: 'string',
      describe: 'Metadata API version to write for, like 66.0. Default: sourceApiVersion in sfdx-project.json.',
    },
    check: { type: 'boolean', describe: 'Write nothing; exit 1 with a diff when a generated file differs from the one on disk.' },
  },
  examples: [
    [
      '$0 generate --env prod --contact-email admin@example.com',
      'Render the built-in template for production and remember the contact email.',
    ],
    ['$0 generate', 'Render again every rendering recorded in connected-app.json.'],
    ['$0 generate --env prod --kind external-client-app', 'Render the External Client App file set for production.'],
    ['$0 generate --check', 'The pull-request gate: write nothing, exit 1 with a diff on drift.'],
  ],
  run(flags, { cwd, streams, json }) {
    const kind = textFlag(flags, 'kind') as AppKind | undefined;
    const options = {
      cwd,
      app: textFlag(flags, 'app'),
      env: textFlag(flags, 'env'),
      kind,
      contactEmail: textFlag(flags, 'contact-email'),
      outputDir: textFlag(flags, 'output-dir'),
      apiVersion: textFlag(flags, 'api-version'),
      check: booleanFlag(flags, 'check'),
    };
    const given = (flag: string, value: string | undefined) => (value === undefined ? [] : [flag, value]);
    const rendering = [
      ...given('--app', options.app),
      ...given('--env', options.env),
      ...given('--kind', options.kind),
      ...given('--output-dir', options.outputDir),
      ...given('--api-version', options.apiVersion),
    ];
    const fix = generateCommandLine(rendering);
    const result = generate({
      ...options,
      command: generateCommandLine([...rendering, ...given('--contact-email', options.contactEmail)]),
    });
    const clean = result.inSync && (result.secrets?.findings.length ?? 0) === 0;
    const exitCode = clean ? EXIT_CODES.ok : EXIT_CODES.failure;
    if (json) printJsonResult(result, exitCode, streams);
    else {
      printGenerateResult(result, fix, streams);
    }
    return exitCode;
  },
};
