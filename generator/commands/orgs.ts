/**
 * `connected-app orgs`: the org map of connected-app.json — list it, add or change an org,
 * remove one — so nobody edits the file by hand, and print it as a GitHub Actions matrix
 * (`--matrix`) so a workflow fans a fleet out over runners.
 */
import { UsageError } from '../errors';
import type { AppKind } from '../model/appKind';
import { TEMP_FOLDER } from '../project/atomicWrite';
import { type OrgRendering, mappedOrg, orgRenderings } from '../project/orgMap';
import { toolFolder } from '../project/safeFs';
import { ORG_ALIAS, type OrgRecord, readSettings, updateSettings, withOrg } from '../project/settings';
import { readSfdxProject } from '../project/sfdxProject';

interface MappedOrgEntry {
  readonly alias: string;
  readonly env: string;
  readonly kind?: AppKind;
  readonly apps?: readonly string[];
  /** What the org gets today; absent when connected-app.json cannot serve it (see `problem`). */
  readonly renderings?: readonly OrgRendering[];
  readonly problem?: string;
}

export interface OrgsResult {
  readonly orgs: readonly MappedOrgEntry[];
  /** For `--matrix`: `{ include: [{ org, env }] }`, a GitHub Actions matrix. */
  readonly matrix?: { readonly include: readonly { readonly org: string; readonly env: string }[] };
  /** The entry `add` wrote or `remove` dropped. */
  readonly changed?: { readonly action: 'added' | 'updated' | 'removed'; readonly alias: string };
  readonly warnings: readonly string[];
}

export interface OrgsOptions {
  readonly cwd: string;
  readonly action: 'list' | 'add' | 'remove';
  readonly alias?: string;
  readonly env?: string;
  readonly kind?: AppKind;
  readonly apps?: readonly string[];
  readonly matrix?: boolean;
}

function requireAlias(options: OrgsOptions): string {
  if (!options.alias) throw new UsageError(`name the org: connected-app orgs ${options.action} <alias>`);
  if (!ORG_ALIAS.test(options.alias))
    throw new UsageError(`'${options.alias}' is not an sf alias or username (letters, digits, . _ @ + -, at most 80)`);
  return options.alias;
}

/** Lists, adds or removes orgs of the map; returns the map as it is afterwards. */
export function orgs(options: OrgsOptions): OrgsResult {
  const project = readSfdxProject(options.cwd);
  const tempFolder = toolFolder(project.root, TEMP_FOLDER);
  let changed: OrgsResult['changed'];
  if (options.action !== 'add' && (options.env || options.kind || (options.apps ?? []).length > 0))
    throw new UsageError('--env, --kind and --app go with connected-app orgs add');
  if (options.action === 'add') {
    const alias = requireAlias(options);
    if (!options.env) throw new UsageError('name the environment the org gets: --env <env>');
    const apps = options.apps && options.apps.length > 0 ? [...new Set(options.apps)] : undefined;
    const record: OrgRecord = { env: options.env, kind: options.kind, apps };
    const existed = readSettings(project.root).orgs?.[alias] !== undefined;
    updateSettings(
      project.root,
      (settings) => {
        // Refused before anything is written when the environment's renderings cannot serve it.
        orgRenderings(settings, alias, record);
        return withOrg(settings, alias, record);
      },
      tempFolder,
    );
    changed = { action: existed ? 'updated' : 'added', alias };
  } else if (options.action === 'remove') {
    const alias = requireAlias(options);
    updateSettings(
      project.root,
      (settings) => {
        mappedOrg(settings, alias);
        return withOrg(settings, alias, undefined);
      },
      tempFolder,
    );
    changed = { action: 'removed', alias };
  }
  const settings = readSettings(project.root);
  const entries: MappedOrgEntry[] = Object.entries(settings.orgs ?? {}).map(([alias, record]) => {
    try {
      return { alias, ...record, renderings: orgRenderings(settings, alias, record) };
    } catch (error) {
      return { alias, ...record, problem: (error as Error).message };
    }
  });
  const matrix = options.matrix ? { include: entries.map((entry) => ({ org: entry.alias, env: entry.env })) } : undefined;
  const warnings = entries.filter((entry) => entry.problem).map((entry) => entry.problem as string);
  return { orgs: entries, matrix, changed, warnings };
}
