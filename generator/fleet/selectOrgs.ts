/**
 * Which mapped orgs a fleet run serves: all of them (`--all`), the ones named (`--orgs a,b`),
 * or the ones that did not succeed in the command's last run (`--rerun-failed`).
 */
import { DEFAULT_CONCURRENCY } from '../commands/defaults';
import { AppError, UsageError } from '../errors';
import { mappedOrg } from '../project/orgMap';
import type { ProjectSettings } from '../project/settings';
import { failedLastTime } from './fleetRecord';
import type { FleetOrg } from './runFleet';

export interface FleetSelection {
  readonly all?: boolean;
  readonly orgs?: readonly string[];
  readonly rerunFailed?: boolean;
  readonly concurrency?: number;
}

export function checkConcurrency(concurrency: number | undefined): number {
  const limit = concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(limit) || limit < 1 || limit > 64) throw new UsageError('--concurrency must be a whole number from 1 to 64');
  return limit;
}

/** The orgs to serve, in the map's order (or the order named). */
export function selectOrgs(root: string, settings: ProjectSettings, command: string, selection: FleetSelection): FleetOrg[] {
  const chosen = [selection.all === true, (selection.orgs ?? []).length > 0, selection.rerunFailed === true].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('choose one of --all, --orgs and --rerun-failed');
  let aliases: readonly string[];
  if (selection.rerunFailed) {
    const failed = failedLastTime(root, command);
    if (failed === undefined) {
      throw new AppError('NoFleetRun', `no ${command} run over the org map is recorded in this project, so none failed`, [
        `Run it over the org map first (--all or --orgs).`,
      ]);
    }
    aliases = failed.filter((alias) => settings.orgs?.[alias] !== undefined);
  } else if (selection.all) {
    aliases = Object.keys(settings.orgs ?? {});
    if (aliases.length === 0) {
      throw new AppError('OrgNotMapped', 'connected-app.json maps no orgs', ['Map one: connected-app orgs add <alias> --env <env>.']);
    }
  } else {
    aliases = [...new Set(selection.orgs)];
  }
  return aliases.map((alias) => ({ alias, env: mappedOrg(settings, alias).env }));
}
