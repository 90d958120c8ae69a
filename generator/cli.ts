/**
 * The command line: parses arguments with yargs, dispatches to a command function, prints
 * its typed result (or the JSON of it with `--json`) and returns the exit code. Nothing
 * else happens here.
 */
import yargs from 'yargs/yargs';
import { checkSecrets } from './commands/checkSecrets';
import { generate } from './commands/generate';
import { EXIT_CODES, UsageError } from './errors';
import { APP_KINDS, type AppKind } from './model/appKind';
import {
  type Streams,
  printCheckSecretsResult,
  printDeployResult,
  printError,
  printGenerateResult,
  printImportResult,
  printJsonResult,
  processStreams,
} from './output';

interface GlobalFlags {
  json?: boolean;
  debug?: boolean;
}

interface GenerateFlags extends GlobalFlags {
  env?: string;
  app?: string;
  kind?: AppKind;
  'contact-email'?: string;
  'output-dir'?: string;
  'api-version'?: string;
  check?: boolean;
}

interface DeployFlags extends GlobalFlags {
  'target-org'?: string;
  env?: string;
  app?: string;
  kind?: AppKind;
  'dry-run'?: boolean;
  wait?: string;
}

interface ImportFlags extends GlobalFlags {
  paths?: string[];
  name?: string;
  env?: string;
}

/** `npm run generate -- <the same flags>`, without --check and --json: the command that fixes drift. */
function fixCommand(flags: GenerateFlags): string {
  const parts = ['npm run generate'];
  const passed: [string, string | undefined][] = [
    ['--app', flags.app],
    ['--env', flags.env],
    ['--kind', flags.kind],
    ['--output-dir', flags['output-dir']],
    ['--api-version', flags['api-version']],
  ];
  const given = passed.filter(([, value]) => value !== undefined).map(([flag, value]) => `${flag} ${value}`);
  return given.length > 0 ? `${parts[0]} -- ${given.join(' ')}` : parts[0];
}

function runGenerate(flags: GenerateFlags, cwd: string, streams: Streams): number {
  const result = generate({
    cwd,
    app: flags.app,
    env: flags.env,
    kind: flags.kind,
    contactEmail: flags['contact-email'],
    outputDir: flags['output-dir'],
    apiVersion: flags['api-version'],
    check: flags.check,
  });
  const clean = result.inSync && (result.secrets?.findings.length ?? 0) === 0;
  const exitCode = clean ? EXIT_CODES.ok : EXIT_CODES.failure;
  if (flags.json) printJsonResult(result, exitCode, streams);
  else printGenerateResult(result, fixCommand(flags), streams);
  return exitCode;
}

interface CheckSecretsFlags extends GlobalFlags {
  paths?: string[];
}

function runCheckSecrets(flags: CheckSecretsFlags, cwd: string, streams: Streams): number {
  const result = checkSecrets({ cwd, paths: (flags.paths ?? []).map(String) });
  const exitCode = result.findings.length === 0 ? EXIT_CODES.ok : EXIT_CODES.failure;
  if (flags.json) printJsonResult(result, exitCode, streams);
  else printCheckSecretsResult(result, streams);
  return exitCode;
}

/** Deploy and import, loaded when they run: the build keeps them out of the CLI bundle. */
const onDemand = (): typeof import('./commands/onDemand') => require('./commands/onDemand') as typeof import('./commands/onDemand');

async function runDeploy(flags: DeployFlags, cwd: string, streams: Streams): Promise<number> {
  const { deploy } = onDemand();
  const result = await deploy({
    cwd,
    targetOrg: flags['target-org'],
    app: flags.app,
    env: flags.env,
    kind: flags.kind,
    dryRun: flags['dry-run'],
    wait: flags.wait,
  });
  if (flags.json) printJsonResult(result, result.exitCode, streams);
  else printDeployResult(result, streams);
  return result.exitCode;
}

function runImport(flags: ImportFlags, cwd: string, streams: Streams): number {
  const { importApps } = onDemand();
  const result = importApps({ cwd, paths: (flags.paths ?? []).map(String), name: flags.name, env: flags.env });
  if (flags.json) printJsonResult(result, EXIT_CODES.ok, streams);
  else printImportResult(result, streams);
  return EXIT_CODES.ok;
}

/**
 * A parsed command on its way from a yargs handler to {@link main}. yargs renders and caches
 * its whole help text after a command handler returns (about 10 ms, a sixth of the generate
 * command's time); a handler that throws this instead skips that, and main runs the command.
 */
class ParsedCommand {
  constructor(readonly run: () => number | Promise<number>) {}
}

/** Runs the command line `argv` (without node and the script) and returns the exit code (a promise for deploy). */
export function main(argv: readonly string[], streams: Streams = processStreams, cwd: string = process.cwd()): number | Promise<number> {
  const json = argv.includes('--json');
  const debug = argv.includes('--debug');
  if (debug) process.setSourceMapsEnabled(true); // stack traces point into the TypeScript sources
  try {
    yargs([...argv])
      .scriptName('connected-app')
      .usage('$0 <command> [flags]\n\nOAuth client apps as code: typed templates rendered to Salesforce metadata.')
      .option('json', { type: 'boolean', describe: 'Print the result as JSON.' })
      .option('debug', { type: 'boolean', describe: 'Print stack traces of unexpected errors.' })
      .command<GenerateFlags>(
        'generate',
        'Render a template into source-format metadata (or compare with --check).',
        (command) =>
          command
            .option('env', {
              type: 'string',
              describe: "The template's environment (e.g. prod, sandbox). Default: every environment recorded in connected-app.json.",
            })
            .option('app', {
              type: 'string',
              describe:
                'The template under templates/ (file name without .ts). Default: defaultApp in connected-app.json, else fullcast-motion-package.',
            })
            .option('kind', {
              choices: APP_KINDS,
              describe: "ConnectedApp, or the External Client App file set new connections need. Default: the template's kind.",
            })
            .option('contact-email', { type: 'string', describe: "The org's contact email for the app; remembered in connected-app.json." })
            .option('output-dir', {
              type: 'string',
              describe:
                'Folder receiving the type folders. Default: <default package directory>/main/default for the first environment, environments/<env> for the others.',
            })
            .option('api-version', {
              type: 'string',
              describe: 'Metadata API version to write for, like 66.0. Default: sourceApiVersion in sfdx-project.json.',
            })
            .option('check', {
              type: 'boolean',
              describe: 'Write nothing; exit 1 with a diff when a generated file differs from the one on disk.',
            }),
        (flags) => {
          throw new ParsedCommand(() => runGenerate(flags, cwd, streams));
        },
      )
      .command<DeployFlags>(
        'deploy',
        "Deploy an app's generated files with the project's sf (sf project deploy start).",
        (command) =>
          command
            .option('target-org', {
              alias: 'o',
              type: 'string',
              describe: "The org: an alias or username sf knows. Default: sf's target-org config.",
            })
            .option('env', { type: 'string', describe: "The template's environment whose files to deploy." })
            .option('app', { type: 'string', describe: 'The template (file name under templates/ without .ts).' })
            .option('kind', {
              choices: APP_KINDS,
              describe: "Which rendering to deploy: connected-app or external-client-app. Default: the template's kind.",
            })
            .option('dry-run', { type: 'boolean', describe: 'Validate in the org without saving.' })
            .option('wait', { type: 'string', describe: `Minutes to wait for the deploy to finish. Default: ${33}.` }),
        (flags) => {
          throw new ParsedCommand(() => runDeploy(flags, cwd, streams));
        },
      )
      .command<ImportFlags>(
        'import <paths..>',
        'Import ConnectedApp files and External Client App sets into templates/<name>.ts.',
        (command) =>
          command
            .positional('paths', {
              type: 'string',
              array: true,
              describe: 'Files (.connectedApp-meta.xml, .connectedApp, .eca-meta.xml) or folders to search.',
            })
            .option('name', { type: 'string', describe: "The template's name (one app only). Default: the app's API name." })
            .option('env', { type: 'string', describe: 'The environment the values go under. Default: default.' }),
        (flags) => {
          throw new ParsedCommand(() => runImport(flags, cwd, streams));
        },
      )
      .command<CheckSecretsFlags>(
        'check-secrets [paths..]',
        'Fail when committed metadata holds a consumer secret or key, a private key or an access token.',
        (command) =>
          command.positional('paths', {
            type: 'string',
            array: true,
            describe: 'Files or folders. Default: every package directory and environments/.',
          }),
        (flags) => {
          throw new ParsedCommand(() => runCheckSecrets(flags, cwd, streams));
        },
      )
      .demandCommand(1, 'Name a command: generate, deploy, import or check-secrets.')
      .strict()
      .version(false)
      .help()
      .wrap(Math.min(120, process.stdout.columns ?? 100))
      .exitProcess(false)
      .fail((message, error) => {
        throw error ?? new UsageError(message, ['Run connected-app --help for the commands and flags.']);
      })
      .parseSync();
    return EXIT_CODES.ok; // --help printed
  } catch (parsed) {
    try {
      if (!(parsed instanceof ParsedCommand)) throw parsed;
      const exitCode = parsed.run();
      return typeof exitCode === 'number' ? exitCode : exitCode.catch((error: unknown) => printError(error, json, debug, streams));
    } catch (error) {
      return printError(error, json, debug, streams);
    }
  }
}
