/**
 * Typed errors. Every error a user can cause is an {@link AppError}: a stable code from
 * {@link ErrorCode}, a one-line message, the actions that fix it, and the exit code it maps to.
 * Exit codes are decided here and nowhere else.
 */

/**
 * Exit codes of the `connected-app` command. Deploy passes on sf's deploy codes, which are these
 * too (plugin-deploy-retrieve's DEPLOY_STATUS_CODES: 0, 1, 68, 69).
 */
export const EXIT_CODES = {
  /** Everything worked; `--check` found no drift. */
  ok: 0,
  /** Invalid template or input, drift found by `--check`, or a failed operation. */
  failure: 1,
  /** The command line itself is wrong: unknown flag or command, missing value. */
  usage: 2,
  /** A deploy succeeded only in part. */
  partialSuccess: 68,
  /** A deploy was still running in the org when the wait ran out. */
  stillRunning: 69,
  /** A bug in this tool: an error nobody anticipated (re-run with --debug). */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** Every error code a command can report; README lists them with what to do. */
export type ErrorCode =
  | 'UsageError'
  | 'ValidationError'
  | 'ProjectNotFound'
  | 'InvalidProjectFile'
  | 'InvalidSettingsFile'
  | 'Locked'
  | 'ReadFailed'
  | 'WriteFailed'
  | 'UnsafePath'
  | 'FileTooLarge'
  | 'OutsideProject'
  | 'SettingsNotRecorded'
  | 'TemplateImport'
  | 'TemplateLoadError'
  | 'TemplateSyntaxError'
  | 'TranspilerMissing'
  | 'UnreadableMetadata'
  | 'ImportSourceMissing'
  | 'ImportSourceEmpty'
  | 'ImportSourceUnknown'
  | 'ImportEcaChild'
  | 'ScanPathMissing'
  | 'OutOfSync'
  | 'ApiVersionTooNew'
  | 'OrgNotAuthorized'
  | 'OrgNotMapped'
  | 'OrgMapUnserved'
  | 'NoFleetRun'
  | 'SfNotFound'
  | 'SfFailed'
  | 'RetrieveFailed'
  | 'AppNotInOrg'
  | 'ImportIntoRefused'
  | 'GitFailed';

/** One problem found by validation, with the field or file it is about. */
export interface Problem {
  /** Where: a field path (`oauth.callbackUrls[1]`), a flag (`--contact-email`) or a file. */
  readonly field: string;
  readonly message: string;
}

/**
 * Marks AppErrors across copies of this module: deploy and import are bundled apart from the
 * CLI (scripts/build.js), so `instanceof` would not recognize their errors.
 */
const APP_ERROR = Symbol.for('connected-app/AppError');

/** A user-facing error: the code names it, the message says what is wrong in one line. */
export class AppError extends Error {
  readonly [APP_ERROR] = true;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly actions: readonly string[] = [],
    readonly exitCode: ExitCode = EXIT_CODES.failure,
    /** Problems listed one per line under the message. */
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
    this.name = code;
  }
}

/** The command line cannot be understood (exit 2). */
export class UsageError extends AppError {
  constructor(message: string, actions: readonly string[] = []) {
    super('UsageError', message, actions, EXIT_CODES.usage);
  }
}

/** Validation found problems; nothing was written (exit 1). */
export class ValidationError extends AppError {
  constructor(subject: string, problems: readonly Problem[], actions: readonly string[] = []) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super('ValidationError', `${count} in ${subject}; nothing was written`, actions, EXIT_CODES.failure, problems);
  }
}

/** True for an {@link AppError}, whichever copy of this module made it. */
export function isAppError(error: unknown): error is AppError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[APP_ERROR] === true;
}

/** The exit code an error maps to: its own for an {@link AppError}, `internal` for anything else. */
export function exitCodeOf(error: unknown): ExitCode {
  return isAppError(error) ? error.exitCode : EXIT_CODES.internal;
}
