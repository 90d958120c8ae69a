/**
 * The org a deploy goes to, found the way sf finds it (`--target-org`, then SF_TARGET_ORG, then
 * the `target-org` config of the project and of the user), and checked to be authorized.
 * The check reads sf's own state files first — an alias map and one auth file per username,
 * of which only the public fields are read — and asks `sf org display` only when they do not
 * answer, so the usual deploy pays no extra sf start-up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppError, UsageError } from '../errors';
import { parseApiVersion } from '../model/apiVersion';
import { redactSecrets } from '../secrets/redact';
import { runSf } from './runSf';

export interface TargetOrg {
  /** What the user named the org by (alias or username). */
  readonly name: string;
  readonly username: string;
  readonly instanceUrl?: string;
  /** The org's newest Metadata API version, when known. */
  readonly apiVersion?: number;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function configuredTargetOrg(projectRoot: string): string | undefined {
  const fromEnv = process.env.SF_TARGET_ORG;
  if (fromEnv) return fromEnv;
  for (const file of [join(projectRoot, '.sf', 'config.json'), join(homedir(), '.sf', 'config.json')]) {
    const value = readJson(file)?.['target-org'];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** The org from sf's state files: ~/.sfdx/alias.json and ~/.sfdx/<username>.json. */
function fromStateFiles(name: string): TargetOrg | undefined {
  const aliases = readJson(join(homedir(), '.sfdx', 'alias.json'))?.orgs as Record<string, unknown> | undefined;
  const alias = aliases?.[name];
  const username = typeof alias === 'string' ? alias : name;
  if (!/^[^/\\]+$/.test(username)) return undefined;
  const auth = readJson(join(homedir(), '.sfdx', `${username}.json`));
  if (!auth || typeof auth.instanceUrl !== 'string') return undefined;
  const version = typeof auth.instanceApiVersion === 'string' ? parseApiVersion(auth.instanceApiVersion) : undefined;
  return { name, username, instanceUrl: auth.instanceUrl, apiVersion: version };
}

function notAuthorized(name: string, reason: string): AppError {
  return new AppError('OrgNotAuthorized', `the org '${name}' is not authorized for the Salesforce CLI: ${reason}`, [
    `Authorize it: npx sf org login web --alias ${name} (add --instance-url https://test.salesforce.com for a sandbox).`,
    `In CI: npx sf org login jwt --username <user> --client-id <consumer key> --jwt-key-file <key file> --alias ${name}.`,
    'List the orgs sf knows: npx sf org list.',
  ]);
}

/** Asks sf itself, for orgs its state files do not describe. */
async function fromSfOrgDisplay(name: string, sf: string, projectRoot: string): Promise<TargetOrg> {
  const run = await runSf(sf, ['org', 'display', '--target-org', name], projectRoot);
  const result = run.json?.result as Record<string, unknown> | undefined;
  if (run.exitCode !== 0 || !result || typeof result.username !== 'string') {
    throw notAuthorized(name, redactSecrets(run.json?.message ?? (run.stderr.trim() || `sf exited ${run.exitCode}`)));
  }
  const version = typeof result.apiVersion === 'string' ? parseApiVersion(result.apiVersion) : undefined;
  return {
    name,
    username: result.username,
    instanceUrl: typeof result.instanceUrl === 'string' ? result.instanceUrl : undefined,
    apiVersion: version,
  };
}

/** Finds and checks the target org; throws with the login command to run when it is not authorized. */
export async function resolveTargetOrg(flag: string | undefined, projectRoot: string, sf: string): Promise<TargetOrg> {
  const name = flag ?? configuredTargetOrg(projectRoot);
  if (!name) {
    throw new UsageError('name the org to deploy to: --target-org <alias|username>', [
      'List the orgs sf knows: npx sf org list.',
      'Or set a default once: npx sf config set target-org <alias>.',
    ]);
  }
  return fromStateFiles(name) ?? fromSfOrgDisplay(name, sf, projectRoot);
}
