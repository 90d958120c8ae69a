/**
 * `connected-app import --target-org`: apps straight from an org. `--list` names the org's
 * ConnectedApps and External Client Apps (listMetadata, then a retrieve of their headers for
 * the labels) and which template renders each; `--app-name` retrieves the named apps — an
 * External Client App with every file of its set — into a temporary folder outside the project,
 * imports them as `import FOLDER` does, and removes the folder. The consumer key goes nowhere.
 */
import { relative } from 'node:path';
import { AppError, type Problem, UsageError } from '../errors';
import type { AppKind } from '../model/appKind';
import { CONNECTED_APP_SCHEMA } from '../model/connectedAppSchema';
import { EXTERNAL_CLIENT_APP_PARTS, ecaPart, ecaPartName } from '../model/externalClientAppParts';
import { textOf } from '../model/metadata';
import { METADATA_TYPES } from '../model/registry';
import { toPosix } from '../project/layout';
import { readSettings } from '../project/settings';
import { readSfdxProject } from '../project/sfdxProject';
import { readMetadata } from '../import/readMetadata';
import { type ComponentName, listComponents, retrievedText, withRetrieve } from '../sf/retrieve';
import { sfBinary } from '../sf/runSf';
import { resolveTargetOrg } from '../sf/targetOrg';
import { parseMetadataXml } from '../xml';
import { type ImportResult, importApps } from './import';
import { importInto } from './importInto';
import { renderedApiNames } from './owners';
import { planContext } from './planTarget';

/** An API name as the Metadata API writes it (`Acme_Sync`, an installed app's `ns__Name`). */
const API_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

interface OrgOptions {
  readonly cwd: string;
  readonly targetOrg?: string;
}

interface OrgImportOptions extends OrgOptions {
  readonly appNames: readonly string[];
  readonly name?: string;
  readonly env?: string;
  readonly allowSameApiName?: boolean;
  /** Add the app as a new environment (`env`) of this template instead of writing a new one. */
  readonly into?: string;
}

interface OrgApp {
  readonly apiName: string;
  readonly kind: AppKind;
  /** The app's label ("Connected App Name" / "External Client App Name"), when the retrieve holds it. */
  readonly label?: string;
  /** `installed` for an app of an installed package. */
  readonly manageableState?: string;
  /** The template (and environment) of this project that renders the app, if any. */
  readonly renderedBy?: string;
}

interface OrgRef {
  readonly name: string;
  readonly username: string;
}

export interface OrgListResult {
  readonly targetOrg: OrgRef;
  readonly apps: readonly OrgApp[];
  readonly warnings: readonly string[];
}

interface OrgImportResult extends ImportResult {
  readonly targetOrg: OrgRef;
}

const KIND_OF_TYPE: Readonly<Record<string, AppKind>> = {
  [METADATA_TYPES.ConnectedApp.name]: 'connected-app',
  [METADATA_TYPES.ExternalClientApplication.name]: 'external-client-app',
};

async function connect(options: OrgOptions) {
  const project = readSfdxProject(options.cwd);
  const sf = sfBinary(project.root);
  const org = await resolveTargetOrg(options.targetOrg, project.root, sf);
  return { project, sf, org };
}

/** The label in an app's header text, or undefined when it cannot be read. */
function labelOf(type: string, text: string): string | undefined {
  try {
    const schema = type === METADATA_TYPES.ConnectedApp.name ? CONNECTED_APP_SCHEMA : ecaPart('header').schema;
    return textOf(readMetadata(parseMetadataXml(text, type), schema, [])?.label);
  } catch {
    return undefined;
  }
}

/** The org's ConnectedApps and External Client Apps, each with its label and the template that renders it. */
export async function listOrgApps(options: OrgOptions): Promise<OrgListResult> {
  const { project, sf, org } = await connect(options);
  const listed = (
    await Promise.all(
      [METADATA_TYPES.ConnectedApp.name, METADATA_TYPES.ExternalClientApplication.name].map((type) =>
        listComponents(sf, project.root, org.name, type),
      ),
    )
  ).flat();
  const labels =
    listed.length === 0
      ? new Map<string, string | undefined>()
      : await withRetrieve(sf, project.root, org.name, listed, (retrieved) => {
          const found = new Map<string, string | undefined>();
          for (const component of listed) {
            const text = retrievedText(retrieved, component);
            found.set(`${component.type}:${component.fullName}`, text === undefined ? undefined : labelOf(component.type, text));
          }
          return found;
        });
  const rendered = renderedApiNames(planContext({ cwd: options.cwd }, project, readSettings(project.root), []));
  const apps = listed
    .map((component) => ({
      apiName: component.fullName,
      kind: KIND_OF_TYPE[component.type],
      label: labels.get(`${component.type}:${component.fullName}`),
      manageableState: component.manageableState,
      renderedBy: rendered.get(component.fullName),
    }))
    .sort((a, b) => a.apiName.localeCompare(b.apiName) || a.kind.localeCompare(b.kind));
  return { targetOrg: { name: org.name, username: org.username }, apps, warnings: [] };
}

/** Every component an app of either kind may have: the ConnectedApp, and each file of an External Client App set. */
function componentsOf(apiName: string): ComponentName[] {
  return [
    { type: METADATA_TYPES.ConnectedApp.name, fullName: apiName },
    ...EXTERNAL_CLIENT_APP_PARTS.map((part) => ({ type: part.type.name, fullName: ecaPartName(apiName, part.role) })),
  ];
}

/** Retrieves the named apps and imports them as templates; nothing of the retrieve is left behind. */
export async function importFromOrg(options: OrgImportOptions): Promise<OrgImportResult> {
  const names = [...new Set(options.appNames)];
  if (names.length === 0) throw new UsageError('name the apps to import: --app-name NAME (see them with --list)');
  const bad = names.find((name) => !API_NAME.test(name));
  if (bad !== undefined) throw new UsageError(`--app-name: '${bad}' is not an API name (a letter, then letters, digits and _)`);
  if (options.into !== undefined && names.length > 1) throw new UsageError('--into adds one app: give one --app-name');
  if (options.into !== undefined && options.name !== undefined)
    throw new UsageError('--into writes into an existing template: leave out --name');
  const { project, sf, org } = await connect(options);
  const components = names.flatMap(componentsOf);
  const result = await withRetrieve(sf, project.root, org.name, components, (retrieved) => {
    const problems: Problem[] = [];
    for (const name of names) {
      if (componentsOf(name).every((component) => retrievedText(retrieved, component) === undefined))
        problems.push({ field: name, message: `the org '${org.name}' has no ConnectedApp or External Client App of that name` });
    }
    if (problems.length > 0) {
      throw new AppError('AppNotInOrg', problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '), [
        `List the org's apps: npm run import -- --target-org ${org.name} --list.`,
      ]);
    }
    const showSource = (path: string) => `${org.name}:${toPosix(relative(retrieved.folder, path)).replace(/^(unpackaged\/)+/, '')}`;
    if (options.into !== undefined) {
      return importInto({ cwd: options.cwd, folder: retrieved.folder, show: showSource, template: options.into, env: options.env });
    }
    return importApps({
      cwd: options.cwd,
      paths: [retrieved.folder],
      name: options.name,
      env: options.env,
      allowSameApiName: options.allowSameApiName,
      showSource,
    });
  });
  return { ...result, targetOrg: { name: org.name, username: org.username } };
}
