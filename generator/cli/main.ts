/**
 * The command line: parses arguments with yargs, dispatches to the command's spec (which runs
 * the command function and prints its typed result, or the JSON of it with `--json`) and returns
 * the exit code. Nothing else happens here.
 */
import type { Argv } from 'yargs';
import yargs from 'yargs/yargs';
import { version } from '../../package.json';
import { EXIT_CODES, UsageError } from '../errors';
import { type Streams, printError, processStreams, safeStreams } from '../output';
import { closestMatch } from '../validate/closestMatch';
import { COMMANDS } from './commands';
import { type CommandSpec, commandName } from './spec';

const HELP_ACTION = 'Run connected-app --help for the commands, or connected-app <command> --help for its flags and examples.';

/**
 * A parsed command on its way from a yargs handler to {@link main}. yargs renders and caches
 * its whole help text after a command handler returns (about 10 ms, a sixth of the generate
 * command's time); a handler that throws this instead skips that, and main runs the command.
 */
class ParsedCommand extends Error {
  constructor(readonly run: () => number | Promise<number>) {
    super('parsed');
  }
}

const GLOBAL_FLAGS = ['json', 'debug', 'help', 'version'];

/** "Unknown argument: envv" → the same with "did you mean --env?" for each flag close to a known one. */
function withSuggestions(message: string, spec: CommandSpec | undefined): string {
  const invalid = /Argument: ([\w-]+), Given: "(.*)", Choices: (.+)$/m.exec(message);
  if (invalid) return `--${invalid[1]}: '${invalid[2]}' is not one of ${invalid[3].replace(/"/g, '')}`;
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (!unknown) return message.replace(/\s*\n\s*/g, '; ');
  const known = [...Object.keys(spec?.flags ?? {}), ...GLOBAL_FLAGS];
  // yargs names a kebab-case flag twice, as typed and camel-cased: keep the one typed.
  const camel = (name: string) => name.replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase());
  const listed = unknown[1].split(', ');
  const names = listed.filter((name) => !listed.some((other) => other !== name && camel(other) === name));
  const parts = names.map((name) => {
    const suggestion = closestMatch(name, known);
    return suggestion ? `--${name} (did you mean --${suggestion}?)` : `--${name}`;
  });
  return `unknown flag${names.length > 1 ? 's' : ''} ${parts.join(', ')}${spec ? ` for ${commandName(spec)}` : ''}`;
}

/** A flag given twice would reach the command as a list; refuse it as sf does. */
function refuseRepeatedFlags(flags: Readonly<Record<string, unknown>>, spec: CommandSpec): void {
  for (const [name, options] of Object.entries(spec.flags)) {
    if (!options.array && options.type !== 'array' && Array.isArray(flags[name]))
      throw new UsageError(`--${name} can be given only once`, [HELP_ACTION]);
  }
}

function register(parser: Argv, spec: CommandSpec, streams: Streams, cwd: string, json: boolean): Argv {
  return parser.command(
    spec.usage,
    spec.describe,
    (command) => {
      for (const [name, options] of Object.entries(spec.positionals ?? {})) command.positional(name, options);
      command.options(spec.flags);
      for (const [line, description] of spec.examples) command.example(line, description);
      return command;
    },
    (flags) => {
      throw new ParsedCommand(() => {
        refuseRepeatedFlags(flags, spec);
        return spec.run(flags, { cwd, streams, json });
      });
    },
  );
}

/** Runs the command line `argv` (without node and the script) and returns the exit code (a promise for commands that talk to an org). */
export function main(argv: readonly string[], rawStreams: Streams = processStreams, cwd: string = process.cwd()): number | Promise<number> {
  const streams = safeStreams(rawStreams);
  const json = argv.includes('--json');
  const debug = argv.includes('--debug');
  if (debug) process.setSourceMapsEnabled(true); // stack traces point into the TypeScript sources
  const spec = COMMANDS.find((candidate) => commandName(candidate) === argv[0]);
  let printed = '';
  try {
    let parser: Argv = yargs([...argv])
      .scriptName('connected-app')
      .usage('$0 <command> [flags]\n\nOAuth client apps as code: typed templates rendered to Salesforce metadata.')
      .option('json', { type: 'boolean', describe: 'Print the result as JSON.' })
      .option('debug', { type: 'boolean', describe: 'Print stack traces of unexpected errors.' });
    for (const command of COMMANDS) parser = register(parser, command, streams, cwd, json);
    void parser
      .demandCommand(1, `name a command: ${COMMANDS.map(commandName).join(', ')}`)
      .recommendCommands()
      .strict()
      .version(version)
      .alias('h', 'help')
      .help()
      .wrap(Math.min(120, process.stdout.columns ?? 100))
      .exitProcess(false)
      .fail((message, error) => {
        if (error) throw error;
        const recommended = /^Did you mean (.+)\?$/.exec(message);
        const unknownCommand = spec === undefined && argv[0] !== undefined && !argv[0].startsWith('-');
        const text = recommended
          ? `unknown command '${argv[0]}'; did you mean ${recommended[1]}?`
          : unknownCommand
            ? `unknown command '${argv[0]}'; the commands are ${COMMANDS.map(commandName).join(', ')}`
            : withSuggestions(message, spec);
        throw new UsageError(text, [HELP_ACTION]);
      })
      .parse([...argv], {}, (_error, _flags, output) => {
        printed = output;
      });
    if (printed !== '') streams.stdout(`${printed}\n`);
    return EXIT_CODES.ok; // --help or --version printed
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
