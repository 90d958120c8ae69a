/**
 * `connected-app generate`: template → validate → render → write (or, with `--check`,
 * compare). Returns a typed result; printing it is the CLI's job.
 */
import { join, relative, resolve, sep } from 'node:path';
import { AppError, type Problem, ValidationError } from '../errors';
import { type AppKind, DEFAULT_KIND } from '../model/appKind';
import { NEWEST_KNOWN_API_VERSION, OLDEST_SUPPORTED_API_VERSION, formatApiVersion, parseApiVersion } from '../model/apiVersion';
import type { ResolvedApp } from '../model/resolvedApp';
import { TEMP_FOLDER, writeFileAtomic } from '../project/atomicWrite';
import { compareWithDisk, readExisting } from '../project/drift';
import { type ProjectSettings, readSettings, withAppRecord, writeSettings } from '../project/settings';
import { type SfdxProject, readSfdxProject } from '../project/sfdxProject';
import { listTemplates, loadTemplateModule, templateNameProblem } from '../project/templates';
import { type MetadataDocument, renderDocument } from '../render/document';
import { appDocuments } from '../render/index';
import type { RenderedFile } from '../render/renderedFile';
import { documentProblems } from '../validate/documentRules';
import { type VersionNeed, requiredApiVersion } from '../validate/requiredApiVersion';
import { type ApiVersionChoice, resolveApp } from '../validate/resolveApp';

/** The template `--app` means when neither the flag nor connected-app.json names one. */
export const DEFAULT_TEMPLATE = 'fullcast-motion-package';

/** Folder holding the renderings of every environment but a template's first one. */
export const ENVIRONMENTS_FOLDER = 'environments';

export interface GenerateOptions {
  /** The folder the command runs in; the project is found from here. */
  readonly cwd: string;
  readonly app?: string;
  readonly env?: string;
  /** ConnectedApp or External Client App; default: the template's kind. */
  readonly kind?: AppKind;
  readonly contactEmail?: string;
  readonly outputDir?: string;
  readonly apiVersion?: string;
  /** Compare with the files on disk and write nothing. */
  readonly check?: boolean;
}

/** created/updated/unchanged when writing; missing/differs/unchanged with `--check`. */
export type FileState = 'created' | 'updated' | 'unchanged' | 'missing' | 'differs';

export interface GeneratedFile {
  /** Path relative to the project root, `/`-separated. */
  readonly path: string;
  readonly type: string;
  readonly fullName: string;
  readonly state: FileState;
  /** `--check` only: the unified diff from the file on disk to the generated file. */
  readonly diff?: string;
}

export interface GeneratedTarget {
  readonly app: string;
  readonly environment: string;
  readonly kind: AppKind;
  readonly apiName: string;
  readonly apiVersion: string;
  /** The folder receiving the type folders, relative to the project root. */
  readonly outputDir: string;
  readonly files: readonly GeneratedFile[];
}

export interface GenerateResult {
  readonly check: boolean;
  /** True unless `--check` found a file that differs from what is generated. */
  readonly inSync: boolean;
  readonly targets: readonly GeneratedTarget[];
  readonly warnings: readonly string[];
}

interface TargetRequest {
  readonly app: string;
  readonly env?: string;
  readonly kind?: AppKind;
}

interface PlannedTarget {
  readonly app: ResolvedApp;
  readonly outputDir: string;
  readonly files: readonly RenderedFile[];
}

const toPosix = (path: string): string => path.split(sep).join('/');

/** The API version to write for: `--api-version` (which wins over a template's pin), and the project's. */
function chooseApiVersions(options: GenerateOptions, project: SfdxProject, problems: Problem[]): { base: ApiVersionChoice; override?: ApiVersionChoice } {
  const read = (source: string, text: string): ApiVersionChoice => {
    const version = parseApiVersion(text);
    if (version === undefined) {
      problems.push({ field: source, message: `'${text}' is not an API version; write it like ${formatApiVersion(NEWEST_KNOWN_API_VERSION)}` });
      return { version: NEWEST_KNOWN_API_VERSION, source };
    }
    if (version < OLDEST_SUPPORTED_API_VERSION) {
      problems.push({ field: source, message: `${text} is older than the oldest version supported, ${formatApiVersion(OLDEST_SUPPORTED_API_VERSION)}` });
    }
    return { version, source };
  };
  const base =
    project.sourceApiVersion !== undefined
      ? read('sourceApiVersion in sfdx-project.json', project.sourceApiVersion)
      : { version: NEWEST_KNOWN_API_VERSION, source: 'the default API version' };
  return { base, override: options.apiVersion === undefined ? undefined : read('--api-version', options.apiVersion) };
}

/** A warning when an app is written for a version newer than the schema this tool knows. */
function newerVersionWarning(version: number): string | undefined {
  if (version <= NEWEST_KNOWN_API_VERSION) return undefined;
  return `API ${formatApiVersion(version)} is newer than the newest schema this tool knows (${formatApiVersion(NEWEST_KNOWN_API_VERSION)}): fields added since are not rendered`;
}

/** The template a command works on: `--app`, else `defaultApp` in connected-app.json, else the built-in one. */
export function chosenTemplate(app: string | undefined, settings: ProjectSettings): string {
  return app ?? settings.defaultApp ?? DEFAULT_TEMPLATE;
}

/** Which (template, environment) pairs this run renders. */
function planTargets(options: GenerateOptions, settings: ProjectSettings): TargetRequest[] {
  const defaultApp = chosenTemplate(options.app, settings);
  if (options.env !== undefined) return [{ app: defaultApp, env: options.env, kind: options.kind }];
  const recorded = Object.entries(settings.apps)
    .filter(([app]) => options.app === undefined || app === options.app)
    .flatMap(([app, record]) => (record.outputs ?? []).map((output) => ({ app, env: output.env, kind: output.kind ?? DEFAULT_KIND })))
    .filter((output) => options.kind === undefined || output.kind === options.kind);
  return recorded.length > 0 ? recorded : [{ app: defaultApp, kind: options.kind }];
}

function checkTemplateNames(requests: readonly TargetRequest[], available: readonly string[], problems: Problem[]): void {
  for (const app of new Set(requests.map((request) => request.app))) {
    const problem = templateNameProblem(app);
    if (problem) problems.push({ field: '--app', message: problem });
    else if (!available.includes(app)) {
      problems.push({ field: '--app', message: `no template '${app}' in templates/; available: ${available.join(', ') || 'none'}` });
    }
  }
}

function outputDirectory(options: GenerateOptions, project: SfdxProject, app: ResolvedApp, primaryEnvironment: string): string {
  if (options.outputDir !== undefined) return resolve(options.cwd, options.outputDir);
  if (app.environment === primaryEnvironment) return join(project.root, project.defaultPackageDirectory, 'main', 'default');
  return join(project.root, ENVIRONMENTS_FOLDER, app.environment);
}

/** The newest API version the documents need: their types' own, or an element's holding a setting. */
function versionNeed(documents: readonly MetadataDocument[]): VersionNeed | undefined {
  let need: VersionNeed | undefined;
  for (const document of documents) {
    const candidates = [{ version: document.type.minApi, element: document.type.name }, requiredApiVersion(document.object, document.schema)];
    for (const candidate of candidates) if (candidate && (!need || candidate.version > need.version)) need = candidate;
  }
  return need;
}

/** One warning per connected app not marked as existing in the org, naming its environments. */
function springWarnings(apps: readonly ResolvedApp[]): string[] {
  const environments = new Map<string, string[]>();
  for (const app of apps.filter((candidate) => candidate.kind === 'connected-app' && !candidate.settings.existsInOrg)) {
    environments.set(app.apiName, [...(environments.get(app.apiName) ?? []), app.environment]);
  }
  return [...environments].map(
    ([apiName, names]) =>
      `${apiName} (${names.join(', ')}): since Spring '26 Salesforce blocks creating new connected apps, in Setup and through the Metadata API; ` +
      'deploying this file works only if the app already exists in the org (then set existsInOrg: true in the template) or Salesforce Support enabled creation. ' +
      'New connections need an External Client App: npm run generate -- --kind external-client-app.',
  );
}

/** Loads, validates and renders every target; throws a {@link ValidationError} listing all problems. */
function prepare(options: GenerateOptions, project: SfdxProject, settings: ProjectSettings, warnings: string[]): PlannedTarget[] {
  const commandProblems: Problem[] = [];
  const versions = chooseApiVersions(options, project, commandProblems);
  const requests = planTargets(options, settings);
  const available = listTemplates(project.root);
  checkTemplateNames(requests, available, commandProblems);

  const problems: Problem[] = [...commandProblems];
  const planned: PlannedTarget[] = [];
  const modules = new Map<string, ReturnType<typeof loadTemplateModule>>();
  for (const request of requests.filter((candidate) => available.includes(candidate.app))) {
    const module = modules.get(request.app) ?? loadTemplateModule(project.root, request.app);
    modules.set(request.app, module);
    const subject = requests.length > 1 ? `${request.app}${request.env ? ` (${request.env}${request.kind === 'external-client-app' ? ', external-client-app' : ''})` : ''} › ` : '';
    const outcome = resolveApp({
      template: request.app,
      file: toPosix(relative(project.root, module.file)),
      exported: module.exported,
      environment: request.env,
      kind: request.kind,
      contactEmail: { flag: options.contactEmail, settings: settings.apps[request.app]?.contactEmail },
      apiVersion: versions.base,
      apiVersionOverride: versions.override,
    });
    problems.push(...outcome.problems.map((problem) => ({ field: `${subject}${problem.field}`, message: problem.message })));
    warnings.push(...outcome.warnings.map((warning) => `${subject}${warning}`));
    if (!outcome.app) continue;
    const version = outcome.app.apiVersion;
    const documents = appDocuments(outcome.app);
    const valueProblems = documents.flatMap(documentProblems);
    if (valueProblems.length > 0) {
      problems.push(...valueProblems.map((problem) => ({ field: `${subject}${problem.field}`, message: problem.message })));
      continue;
    }
    const need = versionNeed(documents);
    if (need && need.version > version) {
      problems.push({
        field: `${subject}${outcome.apiVersionSource}`,
        message: `API ${formatApiVersion(version)} cannot express ${need.element}; this app needs API ${formatApiVersion(need.version)} or later`,
      });
      continue;
    }
    const primary = Object.keys((module.exported as { environments: object }).environments)[0];
    const files = documents.map((document) => renderDocument(document, version));
    planned.push({ app: outcome.app, outputDir: outputDirectory(options, project, outcome.app, primary), files });
  }
  checkCollisions(planned, problems);
  if (problems.length > 0) {
    const subject = requests.length === 1 ? `${requests[0].app}${requests[0].env ? ` (env ${requests[0].env})` : ''}` : `${requests.length} renderings`;
    throw new ValidationError(subject, problems);
  }
  warnings.push(...springWarnings(planned.map((target) => target.app)));
  for (const version of new Set(planned.map((target) => target.app.apiVersion))) {
    const warning = newerVersionWarning(version);
    if (warning) warnings.push(warning);
  }
  return planned;
}

function checkCollisions(planned: readonly PlannedTarget[], problems: Problem[]): void {
  const owners = new Map<string, string>();
  for (const target of planned) {
    for (const file of target.files) {
      const path = join(target.outputDir, file.path);
      const owner = `${target.app.template} (${target.app.environment}, ${target.app.kind})`;
      const previous = owners.get(path);
      if (previous !== undefined && previous !== owner) {
        problems.push({ field: '--output-dir', message: `${previous} and ${owner} would both write ${path}` });
      }
      owners.set(path, owner);
    }
  }
}

function writeFile(absolute: string, content: string, tempFolder: string): FileState {
  const existing = readExisting(absolute);
  if (existing === content) return 'unchanged';
  try {
    writeFileAtomic(absolute, content, tempFolder);
  } catch (error) {
    throw new AppError('WriteFailed', `cannot write ${absolute}: ${(error as Error).message}`, ['Check that the folder exists and is writable.']);
  }
  return existing === undefined ? 'created' : 'updated';
}

function outputFiles(project: SfdxProject, target: PlannedTarget, check: boolean): GeneratedFile[] {
  return target.files.map((file) => {
    const absolute = join(target.outputDir, file.path);
    const path = toPosix(relative(project.root, absolute));
    const base = { path, type: file.type, fullName: file.fullName };
    if (check) return { ...base, ...compareWithDisk(absolute, path, file.content) };
    return { ...base, state: writeFile(absolute, file.content, join(project.root, TEMP_FOLDER)) };
  });
}

/** Renders the requested apps and writes them, or with `check` compares them with the disk. */
export function generate(options: GenerateOptions): GenerateResult {
  const project = readSfdxProject(options.cwd);
  let settings = readSettings(project.root);
  const warnings: string[] = [];
  const check = options.check === true;
  const planned = prepare(options, project, settings, warnings);

  const targets = planned.map((target) => ({
    app: target.app.template,
    environment: target.app.environment,
    kind: target.app.kind,
    apiName: target.app.apiName,
    apiVersion: formatApiVersion(target.app.apiVersion),
    outputDir: toPosix(relative(project.root, target.outputDir)) || '.',
    files: outputFiles(project, target, check),
  }));

  if (!check) {
    for (const target of planned) {
      const output = options.outputDir === undefined ? { env: target.app.environment, kind: target.app.kind } : undefined;
      settings = withAppRecord(settings, target.app.template, { contactEmail: options.contactEmail, output });
    }
    writeSettings(project.root, settings, join(project.root, TEMP_FOLDER));
  }
  const inSync = targets.every((target) => target.files.every((file) => file.state === 'unchanged'));
  return { check, inSync: check ? inSync : true, targets, warnings };
}
