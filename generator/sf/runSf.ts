/**
 * Runs the project's own Salesforce CLI (`node_modules/.bin/sf`, a pinned dev dependency)
 * with `--json` and reads its answer, which sf prints even when it exits non-zero.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';
import { redactSecrets } from '../secrets/redact';

/** What sf printed as JSON: `{ status, result, warnings }`, or an error `{ name, message, exitCode, … }`. */
interface SfJson {
  readonly status?: number;
  readonly result?: unknown;
  readonly warnings?: readonly unknown[];
  readonly name?: string;
  readonly message?: string;
  readonly exitCode?: number;
  readonly actions?: readonly string[];
  /** sf's error data (a timed-out deploy's id). */
  readonly data?: unknown;
}

export interface SfRun {
  readonly exitCode: number;
  /** Undefined when sf printed no JSON (it crashed before it could). */
  readonly json?: SfJson;
  /** sf's standard error, secrets redacted. */
  readonly stderr: string;
}

/** The project's sf binary; an error with the fix when it is not installed. */
export function sfBinary(projectRoot: string): string {
  const binary = join(projectRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'sf.cmd' : 'sf');
  if (!existsSync(binary)) {
    throw new AppError('SfNotFound', `the Salesforce CLI is not installed in this project (${binary} is missing)`, [
      'Run npm ci in the project.',
    ]);
  }
  return binary;
}

/**
 * sf's environment: the caller's, with sf's autoupdate and update check off unless the caller
 * set them — the project pins its sf version. (SF_AUTOUPDATE_DISABLE is not used: oclif's
 * update plugin reads SF_DISABLE_AUTOUPDATE only, and with sf 2.146.3 the other name was seen to
 * spawn the very autoupdate it names.)
 */
function sfEnvironment(): NodeJS.ProcessEnv {
  return { SF_DISABLE_AUTOUPDATE: 'true', SF_SKIP_NEW_VERSION_CHECK: 'true', ...process.env };
}

/** sf's JSON, with its top-level fields kept only when they have the types sf gives them (it is data from outside). */
function parseJson(stdout: string): SfJson | undefined {
  const start = stdout.indexOf('{');
  if (start < 0) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(stdout.slice(start));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const fields = json as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === 'string' ? fields[key] : undefined);
  const number = (key: string) => (typeof fields[key] === 'number' ? fields[key] : undefined);
  return {
    status: number('status'),
    result: fields.result,
    warnings: Array.isArray(fields.warnings) ? fields.warnings : undefined,
    name: text('name'),
    message: text('message'),
    exitCode: number('exitCode'),
    actions: Array.isArray(fields.actions) ? fields.actions.filter((action): action is string => typeof action === 'string') : undefined,
    data: fields.data,
  };
}

/** Runs `sf <args> --json` in `cwd` and resolves when it exits. */
export function runSf(binary: string, args: readonly string[], cwd: string): Promise<SfRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args, '--json'], { cwd, env: sfEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) =>
      reject(new AppError('SfFailed', `cannot run ${binary}: ${error.message}`, ['Run npm ci in the project.'])),
    );
    child.on('close', (code, signal) => {
      resolve({
        exitCode: code ?? (signal ? 1 : 0),
        json: parseJson(Buffer.concat(stdout).toString('utf8')),
        stderr: redactSecrets(Buffer.concat(stderr).toString('utf8')),
      });
    });
  });
}
