/**
 * Planning a generate run: which (template, environment, kind) renderings it makes, each loaded,
 * validated and turned into metadata documents, every problem of every rendering collected —
 * so nothing is written unless all of them are sound.
 */
import { join, relative, resolve } from 'node:path';
import { type Problem, ValidationError } from '../errors';
import { CREATION_BLOCKED, externalClientAppAdvice, generateCommandLine } from '../messages';
import { type AppKind, DEFAULT_KIND } from '../model/appKind';
import { NEWEST_KNOWN_API_VERSION, OLDEST_SUPPORTED_API_VERSION, formatApiVersion, parseApiVersion } from '../model/apiVersion';
import { sourceFilePath } from '../model/registry';
import type { ResolvedApp } from '../model/resolvedApp';
import { chosenTemplate, environmentFolder, toPosix } from '../project/layout';
import type { ProjectSettings } from '../project/settings';
import type { SfdxProject } from '../project/sfdxProject';
import { listTemplates, loadTemplateModule, templateNameProblem } from '../project/templates';
import type { MetadataDocument } from '../model/metadata';
import { appDocuments } from '../render/index';
import { documentProblems } from '../validate/documentRules';
import { type VersionNeed, requiredApiVersion } from '../validate/requiredApiVersion';
import { type ApiVersionChoice, resolveApp } from '../validate/resolveApp';

/** What a run is asked to render (the generate options that matter here). */
export interface RenderingRequest {
  readonly cwd: string;
  readonly app?: string;
  readonly env?: string;
  readonly kind?: AppKind;
  readonly contactEmail?: string;
  readonly outputDir?: string;
  readonly apiVersion?: string;
}

interface TargetRequest {
  readonly app: string;
  readonly env?: string;
  readonly kind?: AppKind;
}

/** One rendering, validated: the app, where its files go, and its documents. */
export interface PlannedTarget {
  readonly app: ResolvedApp;
  readonly outputDir: string;
  readonly documents: readonly MetadataDocument[];
}

/** The API version to write for: `--api-version` (which wins over a template's pin), and the project's. */
function chooseApiVersions(
  options: RenderingRequest,
  project: SfdxProject,
  problems: Problem[],
): { base: ApiVersionChoice; override?: ApiVersionChoice } {
  const read = (source: string, text: string): ApiVersionChoice => {
    const version = parseApiVersion(text);
    if (version === undefined) {
      problems.push({
        field: source,
        message: `'${text}' is not an API version; write it like ${formatApiVersion(NEWEST_KNOWN_API_VERSION)}`,
      });
      return { version: NEWEST_KNOWN_API_VERSION, source };
    }
    if (version < OLDEST_SUPPORTED_API_VERSION) {
      problems.push({
        field: source,
        message: `${text} is older than the oldest version supported, ${formatApiVersion(OLDEST_SUPPORTED_API_VERSION)}`,
      });
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

/** Which (template, environment) pairs this run renders. */
function planTargets(options: RenderingRequest, settings: ProjectSettings): TargetRequest[] {
  const defaultApp = chosenTemplate(options.app, settings);
  if (options.env !== undefined) return [{ app: defaultApp, env: options.env, kind: options.kind }];
  const recorded = Object.entries(settings.apps)
    .filter(([app]) => options.app === undefined || app === options.app)
    .flatMap(([app, record]) => (record.outputs ?? []).map((output) => ({ app, env: output.env, kind: output.kind ?? DEFAULT_KIND })))
    .filter((output) => options.kind === undefined || output.kind === options.kind);
  return recorded.length > 0 ? recorded : [{ app: defaultApp, kind: options.kind }];
}

function checkTemplateNames(requests: readonly TargetRequest[], available: readonly string[], problems: Problem[]): void {
  const known = new Set(available);
  for (const app of new Set(requests.map((request) => request.app))) {
    const problem = templateNameProblem(app);
    if (problem) problems.push({ field: '--app', message: problem });
    else if (!known.has(app)) {
      problems.push({ field: '--app', message: `no template '${app}' in templates/; available: ${available.join(', ') || 'none'}` });
    }
  }
}

function outputDirectory(options: RenderingRequest, project: SfdxProject, app: ResolvedApp, primaryEnvironment: string): string {
  if (options.outputDir !== undefined) return resolve(options.cwd, options.outputDir);
  return environmentFolder(project, app.environment, app.environment === primaryEnvironment);
}

/** The newest API version the documents need: their types' own, or an element's holding a setting. */
function versionNeed(documents: readonly MetadataDocument[]): VersionNeed | undefined {
  let need: VersionNeed | undefined;
  for (const document of documents) {
    const candidates = [
      { version: document.type.minApi, element: document.type.name },
      requiredApiVersion(document.object, document.schema),
    ];
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
      `${apiName} (${names.join(', ')}): ${CREATION_BLOCKED}; ` +
      'deploying this file works only if the app already exists in the org (then set existsInOrg: true in the template); ' +
      `${externalClientAppAdvice(generateCommandLine(['--kind', 'external-client-app']))}.`,
  );
}

/** Loads and validates every rendering of the run; throws a {@link ValidationError} listing all problems. */
export function planRenderings(
  options: RenderingRequest,
  project: SfdxProject,
  settings: ProjectSettings,
  warnings: string[],
): PlannedTarget[] {
  const commandProblems: Problem[] = [];
  const versions = chooseApiVersions(options, project, commandProblems);
  const requests = planTargets(options, settings);
  const available = listTemplates(project.root);
  checkTemplateNames(requests, available, commandProblems);

  const problems: Problem[] = [...commandProblems];
  const planned: PlannedTarget[] = [];
  const modules = new Map<string, ReturnType<typeof loadTemplateModule>>();
  const known = new Set(available);
  for (const request of requests.filter((candidate) => known.has(candidate.app))) {
    const module = modules.get(request.app) ?? loadTemplateModule(project.root, request.app);
    modules.set(request.app, module);
    const subject =
      requests.length > 1
        ? `${request.app}${request.env ? ` (${request.env}${request.kind === 'external-client-app' ? ', external-client-app' : ''})` : ''} › `
        : '';
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
    planned.push({ app: outcome.app, outputDir: outputDirectory(options, project, outcome.app, primary), documents });
  }
  checkCollisions(planned, problems);
  if (problems.length > 0) {
    const subject =
      requests.length === 1 ? `${requests[0].app}${requests[0].env ? ` (env ${requests[0].env})` : ''}` : `${requests.length} renderings`;
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
    for (const document of target.documents) {
      const path = join(target.outputDir, sourceFilePath(document.type, document.fullName));
      const owner = `${target.app.template} (${target.app.environment}, ${target.app.kind})`;
      const previous = owners.get(path);
      if (previous !== undefined && previous !== owner) {
        problems.push({ field: '--output-dir', message: `${previous} and ${owner} would both write ${path}` });
      }
      owners.set(path, owner);
    }
  }
}
