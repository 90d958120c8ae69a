/**
 * The org map of connected-app.json read for a run: which renderings each mapped org gets —
 * every template recorded for the org's environment unless the org names its templates, in the
 * kind the org names or the only kind recorded.
 */
import { AppError, UsageError } from '../errors';
import { type AppKind, DEFAULT_KIND } from '../model/appKind';
import { generateCommandLine } from '../messages';
import type { OrgRecord, ProjectSettings } from './settings';

/** One rendering an org gets. */
export interface OrgRendering {
  readonly app: string;
  readonly env: string;
  readonly kind: AppKind;
}

const MAP_ACTION = 'Run connected-app orgs to see the org map; connected-app orgs add <alias> --env <env> maps an org.';

/** The org's record; an error naming the mapped aliases when there is none. */
export function mappedOrg(settings: ProjectSettings, alias: string): OrgRecord {
  const record = settings.orgs?.[alias];
  if (record) return record;
  const known = Object.keys(settings.orgs ?? {});
  throw new AppError('OrgNotMapped', `connected-app.json maps no org '${alias}'; mapped: ${known.length > 0 ? known.join(', ') : 'none'}`, [
    MAP_ACTION,
  ]);
}

/** The kinds recorded for `app` in `env`. */
function recordedKinds(settings: ProjectSettings, app: string, env: string): AppKind[] {
  return (settings.apps[app]?.outputs ?? []).filter((output) => output.env === env).map((output) => output.kind ?? DEFAULT_KIND);
}

/** What `alias` gets; an error saying what to record when connected-app.json cannot serve it. */
export function orgRenderings(settings: ProjectSettings, alias: string, record: OrgRecord = mappedOrg(settings, alias)): OrgRendering[] {
  const { env } = record;
  const apps = record.apps ?? Object.keys(settings.apps).filter((app) => recordedKinds(settings, app, env).length > 0);
  if (apps.length === 0) {
    throw new AppError('OrgMapUnserved', `org '${alias}': no template is recorded for the environment '${env}'`, [
      `Render one for it: ${generateCommandLine(['--env', env])}.`,
    ]);
  }
  return apps.map((app) => {
    const kinds = recordedKinds(settings, app, env);
    const kind = record.kind ?? (kinds.length === 1 ? kinds[0] : undefined);
    if (kinds.length > 1 && kind === undefined) {
      throw new UsageError(`org '${alias}': ${app} records both kinds for '${env}'; name the one this org gets`, [
        `connected-app orgs add ${alias} --env ${env} --kind external-client-app (or connected-app).`,
      ]);
    }
    if (kind === undefined || !kinds.includes(kind)) {
      const what = record.kind ? `${record.kind} rendering` : 'rendering';
      throw new AppError('OrgMapUnserved', `org '${alias}': connected-app.json records no ${what} of ${app} for '${env}'`, [
        `Render it: ${generateCommandLine(['--app', app, '--env', env, ...(record.kind ? ['--kind', record.kind] : [])])}.`,
      ]);
    }
    return { app, env, kind };
  });
}
