/**
 * A command of the command line as data: its usage, description, flags, examples and the
 * function that runs it. generator/cli/main.ts registers every spec with yargs, and the same
 * flag tables give "did you mean" for a mistyped flag.
 */
import type { Options, PositionalOptions } from 'yargs';
import type { Streams } from '../output';

/** What every command receives besides its flags. */
export interface CommandContext {
  readonly cwd: string;
  readonly streams: Streams;
  /** `--json`: print the typed result as JSON. */
  readonly json: boolean;
}

export interface CommandSpec {
  /** The command as yargs declares it: its name and positionals (`import [paths..]`). */
  readonly usage: string;
  readonly describe: string;
  readonly positionals?: Readonly<Record<string, PositionalOptions>>;
  readonly flags: Readonly<Record<string, Options>>;
  /** `[command line, what it does]`, shown under EXAMPLES in the command's help. */
  readonly examples: readonly (readonly [string, string])[];
  /** Runs the command with the parsed flags and returns its exit code. */
  run(flags: Readonly<Record<string, unknown>>, context: CommandContext): number | Promise<number>;
}

/** The command's name: the first word of its usage. */
export const commandName = (spec: CommandSpec): string => spec.usage.split(' ')[0];

/** A flag's value as text, when given once (yargs makes a list of a flag given twice; main refuses that first). */
export const textFlag = (flags: Readonly<Record<string, unknown>>, name: string): string | undefined =>
  typeof flags[name] === 'string' ? flags[name] : undefined;

/** A boolean flag's value. */
export const booleanFlag = (flags: Readonly<Record<string, unknown>>, name: string): boolean => flags[name] === true;

/** A list of texts (a positional with `..`). */
export const textList = (flags: Readonly<Record<string, unknown>>, name: string): string[] =>
  Array.isArray(flags[name]) ? (flags[name] as unknown[]).map(String) : [];

/** `--target-org` / `-o` as sf's commands spell it: the org a command reads or deploys to. */
export const TARGET_ORG_FLAG = {
  alias: 'o',
  type: 'string',
  describe: "The org: an alias or username sf knows. Default: SF_TARGET_ORG, then sf's target-org config.",
} as const;
