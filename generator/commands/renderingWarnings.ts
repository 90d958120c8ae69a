/**
 * The warnings a generate run gives about its renderings as a whole: each printed once per run,
 * listing what it applies to, with a command that works exactly as printed.
 */
import { CREATION_BLOCKED, externalClientAppAdvice, generateCommandLine } from '../messages';
import { NEWEST_KNOWN_API_VERSION, formatApiVersion } from '../model/apiVersion';
import { managedInOrg } from '../model/externalClientAppParts';
import type { PlannedTarget } from './planTarget';

/** Connected apps not marked as existing in the org: one warning naming each app and its environments. */
function creationBlockedWarning(planned: readonly PlannedTarget[]): string | undefined {
  const environments = new Map<string, string[]>();
  const templates = new Set<string>();
  for (const { app } of planned) {
    if (app.kind !== 'connected-app' || app.settings.existsInOrg) continue;
    environments.set(app.apiName, [...(environments.get(app.apiName) ?? []), app.environment]);
    templates.add(app.template);
  }
  if (environments.size === 0) return undefined;
  const apps = [...environments].map(([apiName, names]) => `${apiName} (${names.join(', ')})`).join(', ');
  const command = generateCommandLine([...(templates.size === 1 ? ['--app', [...templates][0]] : []), '--kind', 'external-client-app']);
  return (
    `${apps}: ${CREATION_BLOCKED}; deploying a connected app works only if it already exists in the org (then set existsInOrg: true in its template); ` +
    `${externalClientAppAdvice(command)}.`
  );
}

/** Versions newer than the schema this tool knows: one warning. */
function newerVersionWarning(planned: readonly PlannedTarget[]): string | undefined {
  const newer = [...new Set(planned.map((target) => target.app.apiVersion))].filter((version) => version > NEWEST_KNOWN_API_VERSION);
  if (newer.length === 0) return undefined;
  const versions = newer.map(formatApiVersion).join(', ');
  return `API ${versions} is newer than the newest schema this tool knows (${formatApiVersion(NEWEST_KNOWN_API_VERSION)}): fields added since are not rendered`;
}

/**
 * External Client Apps whose global OAuth settings the templates leave to the org: one warning
 * listing them, as no `_glbloauth` file is written for them.
 */
function globalOauthInOrgWarning(planned: readonly PlannedTarget[]): string | undefined {
  const names = new Set<string>();
  for (const { app } of planned) {
    if (app.kind === 'external-client-app' && managedInOrg(app.settings, 'globalOauth') && !app.settings.policiesOnly)
      names.add(app.apiName);
  }
  if (names.size === 0) return undefined;
  return `the global OAuth settings of ${[...names].join(', ')} are managed in the org (managedInOrg: ['globalOauth']): no _glbloauth file is written for ${names.size === 1 ? 'it' : 'them'}`;
}

export function renderingWarnings(planned: readonly PlannedTarget[]): string[] {
  return [creationBlockedWarning(planned), globalOauthInOrgWarning(planned), newerVersionWarning(planned)].filter(
    (warning): warning is string => warning !== undefined,
  );
}
