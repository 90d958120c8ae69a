/** Running the project's own Salesforce CLI in tests: an isolated HOME, no telemetry, no autoupdate, no update check. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export const SF_BIN = join(REPO_ROOT, 'node_modules', '.bin', 'sf');

/** Environment for sf: a fresh HOME, no telemetry, no autoupdate, no update check. */
export function sfEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: mkdtempSync(join(tmpdir(), 'connected-app-sf-home-')),
    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
    SF_DISABLE_TELEMETRY: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    ...extra,
  };
}

/** Runs `sf <args> --json` in `cwd`; returns the exit code and the parsed JSON. */
export function runSf(
  cwd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = sfEnvironment(),
): { status: number | null; json: Record<string, unknown>; stderr: string } {
  const result = spawnSync(SF_BIN, [...args, '--json'], { cwd, encoding: 'utf8', env });
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    json = { unparsed: result.stdout };
  }
  return { status: result.status, json, stderr: result.stderr };
}
