/**
 * `connected-app import`: existing apps → typed templates. Reads ConnectedApp files and
 * External Client App sets, turns each into the template settings that render it, pins the
 * API version of the retrieve when one reproduces the file byte for byte, checks the result
 * with generate's own rules, and writes `templates/<name>.ts` — all or nothing.
 */
import { join, relative } from 'node:path';
import { AppError, type Problem, UsageError, ValidationError } from '../errors';
import { DEFAULT_IMPORT_ENVIRONMENT } from './defaults';
import type { AppKind } from '../model/appKind';
import { NEWEST_KNOWN_API_VERSION, formatApiVersion, parseApiVersion } from '../model/apiVersion';
import { isOAuthScope } from '../model/scopes';
import type { AppSettings } from '../model/template';
import { TEMP_FOLDER, createFileExclusive } from '../project/atomicWrite';
import { readSettings } from '../project/settings';
import { toolFolder } from '../project/safeFs';
import { renderedApiNames } from './owners';
import { planContext } from './planTarget';
import { toPosix } from '../project/layout';
import { type SfdxProject, readSfdxProject } from '../project/sfdxProject';
import { TEMPLATES_FOLDER, listTemplates, templateNameProblem } from '../project/templates';
import { appDocuments } from '../render/index';
import { ENVIRONMENT_NAME, resolveApp } from '../validate/resolveApp';
import { readExternalClientAppUnits } from '../import/externalClientAppUnits';
import { type ImportUnit, readConnectedAppUnit } from '../import/units';
import { retrieveVersion } from '../import/retrieveVersion';
import { findAppFiles } from '../import/sources';
import { templateSource } from '../import/templateSource';

export interface ImportOptions {
  readonly cwd: string;
  /** Files and folders to read. */
  readonly paths: readonly string[];
  /** The template's name; only with a single app. Default: the app's API name. */
  readonly name?: string;
  /** The environment the values go under. Default `default`. */
  readonly env?: string;
  /** Import even an app whose API name another template already renders. */
  readonly allowSameApiName?: boolean;
  /** How a file read is named to the user; default: its path, project-relative where it is inside the project. */
  readonly showSource?: (path: string) => string;
}

interface ImportedApp {
  readonly template: string;
  /** `templates/<name>.ts`, project-relative. */
  readonly templateFile: string;
  readonly kind: AppKind;
  readonly apiName: string;
  readonly environment: string;
  /** The files read, project-relative where they are inside the project. */
  readonly sources: readonly string[];
  /** The API version pinned in the template, when a retrieve's version reproduces the files. */
  readonly metadataApiVersion?: string;
  /** True when generate reproduces the files byte for byte (consumer key aside). */
  readonly byteIdentical: boolean;
  readonly notes: readonly string[];
}

export interface ImportResult {
  readonly apps: readonly ImportedApp[];
  readonly warnings: readonly string[];
}

function displayPath(project: SfdxProject, cwd: string, path: string): string {
  const fromRoot = relative(project.root, path);
  return toPosix(fromRoot.startsWith('..') ? relative(cwd, path) : fromRoot);
}

/** The settings with the API version of the retrieve pinned, when one reproduces the files. */
export function pinRetrieveVersion(unit: ImportUnit): { settings: AppSettings; version?: number } {
  const documents = appDocuments({
    template: '',
    environment: '',
    kind: unit.kind,
    settings: unit.settings,
    apiName: unit.apiName,
    contactEmail: unit.settings.contactEmail ?? null,
    apiVersion: NEWEST_KNOWN_API_VERSION,
  });
  const version = retrieveVersion(documents, unit.texts);
  return version === undefined
    ? { settings: unit.settings }
    : { settings: { ...unit.settings, metadataApiVersion: formatApiVersion(version) }, version };
}

export function checkSettings(
  unit: ImportUnit,
  settings: AppSettings,
  environment: string,
  project: SfdxProject,
  problems: Problem[],
  warnings: string[],
): void {
  const base = parseApiVersion(project.sourceApiVersion ?? '') ?? NEWEST_KNOWN_API_VERSION;
  const outcome = resolveApp({
    template: unit.apiName,
    file: unit.sources[0],
    exported: { environments: { [environment]: {} }, kind: unit.kind, app: settings },
    environment,
    kind: unit.kind,
    contactEmail: {},
    apiVersion: { version: base, source: 'sourceApiVersion in sfdx-project.json' },
    requireContactEmail: false,
  });
  problems.push(...outcome.problems.map((problem) => ({ field: `${unit.sources[0]}: ${problem.field}`, message: problem.message })));
  warnings.push(...outcome.warnings.map((warning) => `${unit.sources[0]}: ${warning}`));
}

/** Reads every app named by the options and writes its template; throws, writing nothing, on any problem. */
export function importApps(options: ImportOptions): ImportResult {
  const project = readSfdxProject(options.cwd);
  const environment = options.env ?? DEFAULT_IMPORT_ENVIRONMENT;
  if (!ENVIRONMENT_NAME.test(environment))
    throw new UsageError(`--env: '${environment}' is not a valid environment name (a letter, then letters, digits, - or _)`);
  const nameProblem = options.name === undefined ? undefined : templateNameProblem(options.name);
  if (nameProblem) throw new UsageError(`--name: ${nameProblem}`);
  if (options.paths.length === 0) throw new UsageError('name the files or folders to import: connected-app import <file|folder>…');

  const files = findAppFiles(options.paths, options.cwd);
  let apiNames: Map<string, string> | undefined;
  const owners = () => (apiNames ??= renderedApiNames(planContext({ cwd: options.cwd }, project, readSettings(project.root), [])));
  const show = options.showSource ?? ((path: string) => displayPath(project, options.cwd, path));
  const problems: Problem[] = [];
  const warnings: string[] = files.skipped.map((path) => `${show(path)}: not read, it is a symbolic link, device or FIFO`);
  const units = [
    ...files.connectedApps.map((file) => readConnectedAppUnit(file, show, problems)),
    ...readExternalClientAppUnits(files.ecaHeaders, files.ecaChildren, show, problems),
  ].filter((unit): unit is ImportUnit => unit !== undefined);
  const appCount = files.connectedApps.length + files.ecaHeaders.length;
  if (options.name !== undefined && appCount > 1)
    throw new UsageError(`--name names one template, but ${appCount} apps were found; import them one at a time`);

  const planned = units.map((unit) => {
    warnings.push(...unit.warnings.map((warning) => `${unit.sources[0]}: ${warning}`));
    const { settings, version } = pinRetrieveVersion(unit);
    checkSettings(unit, settings, environment, project, problems, warnings);
    const template = options.name ?? unit.apiName;
    const templateFile = `${TEMPLATES_FOLDER}/${template}.ts`;
    const name = templateNameProblem(template);
    if (name) problems.push({ field: unit.sources[0], message: `${name}; choose one with --name` });
    if (listTemplates(project.root).includes(template))
      problems.push({ field: templateFile, message: 'exists already; choose another --name, or remove it first' });
    const owner = options.allowSameApiName ? undefined : owners().get(unit.apiName);
    if (owner) {
      problems.push({
        field: unit.sources[0],
        message:
          `${unit.apiName} is already rendered by the template ${owner}: a second template would write its files too. ` +
          "To manage the org copy of that app, mark that template existsInOrg: true; to add another org's copy, import it as a new environment of that template (import --into); or pass --allow-same-api-name",
      });
    }
    return { unit, settings, version, template, templateFile };
  });
  const claimed = new Set<string>();
  for (const plan of planned) {
    if (claimed.has(plan.template))
      problems.push({ field: plan.unit.sources[0], message: `would write templates/${plan.template}.ts, as another app does` });
    claimed.add(plan.template);
  }
  if (problems.length > 0)
    throw new ValidationError(appCount === 1 ? `the import of ${options.paths.join(', ')}` : `the import of ${appCount} apps`, problems);

  const apps = planned.map(({ unit, settings, version, template, templateFile }) => {
    const unknownScopes = new Set((settings.oauth?.scopes ?? []).filter((scope) => !isOAuthScope(scope)));
    const source = templateSource({
      settings,
      environment,
      kind: unit.kind,
      unknownScopes,
    });
    let created: boolean;
    try {
      created = createFileExclusive(join(project.root, templateFile), source, toolFolder(project.root, TEMP_FOLDER));
    } catch (error) {
      throw new AppError('WriteFailed', `cannot write ${templateFile}: ${(error as Error).message}`);
    }
    if (!created)
      throw new AppError('WriteFailed', `${templateFile} was created by another run meanwhile; it was left as it is`, [
        'Choose another --name.',
      ]);
    return {
      template,
      templateFile,
      kind: unit.kind,
      apiName: unit.apiName,
      environment,
      sources: unit.sources,
      metadataApiVersion: version === undefined ? undefined : formatApiVersion(version),
      byteIdentical: version !== undefined,
      notes: unit.notes,
    };
  });
  return { apps, warnings };
}
