/**
 * Planning one rendering: its template loaded, validated and turned into metadata documents, and
 * the place its files go — or its problems, collected, so a run can report every problem at once.
 */
import { relative, resolve } from 'node:path';
import type { Problem } from '../errors';
import { NEWEST_KNOWN_API_VERSION, OLDEST_SUPPORTED_API_VERSION, formatApiVersion, parseApiVersion } from '../model/apiVersion';
import type { MetadataDocument } from '../model/metadata';
import type { ResolvedApp } from '../model/resolvedApp';
import { environmentFolder, isProduction, toPosix } from '../project/layout';
import { isInside } from '../project/safeFs';
import type { ProjectSettings } from '../project/settings';
import type { SfdxProject } from '../project/sfdxProject';
import { loadTemplateModule } from '../project/templates';
import { appDocuments } from '../render/index';
import { documentProblems } from '../validate/documentRules';
import { type VersionNeed, requiredApiVersion } from '../validate/requiredApiVersion';
import { type ApiVersionChoice, resolveApp } from '../validate/resolveApp';
import type { RenderingRequest, TargetRequest } from './renderingRequests';

/** One rendering, validated: the app, where its files go, and its documents. */
export interface PlannedTarget {
  readonly app: ResolvedApp;
  readonly outputDir: string;
  /** The folder from which every folder down to a file must be a real one (the project root, or an --output-dir outside it). */
  readonly writeBase: string;
  readonly documents: readonly MetadataDocument[];
  /** Rendered again because the run changed a value it holds (the contact email). */
  readonly followsChange: boolean;
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

/** Where a rendering's type folders go, and the folder below which no link may stand. */
function outputPlace(
  options: RenderingRequest,
  project: SfdxProject,
  settings: ProjectSettings,
  app: ResolvedApp,
): { outputDir: string; writeBase: string } {
  if (options.outputDir !== undefined) {
    const outputDir = resolve(options.cwd, options.outputDir);
    return { outputDir, writeBase: isInside(project.root, outputDir) ? project.root : outputDir };
  }
  return { outputDir: environmentFolder(project, app.environment, isProduction(app.environment, settings)), writeBase: project.root };
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

/** What the renderings of one run share: the request, the project, versions chosen once, each template module loaded once. */
export interface PlanContext {
  readonly options: RenderingRequest;
  readonly project: SfdxProject;
  readonly settings: ProjectSettings;
  readonly versions: { base: ApiVersionChoice; override?: ApiVersionChoice };
  readonly modules: Map<string, ReturnType<typeof loadTemplateModule>>;
  /** False to plan renderings only to know their names and files (no contact email needed). */
  readonly requireContactEmail?: boolean;
}

/** Loads, validates and documents one requested rendering; problems and warnings go to the lists, prefixed with `subject`. */
export function planOne(
  request: TargetRequest,
  context: PlanContext,
  subject: string,
  problems: Problem[],
  warnings: string[],
): PlannedTarget | undefined {
  const { options, project, settings, versions, modules } = context;
  const module = modules.get(request.app) ?? loadTemplateModule(project.root, request.app);
  modules.set(request.app, module);
  const outcome = resolveApp({
    template: request.app,
    file: toPosix(relative(project.root, module.file)),
    exported: module.exported,
    environment: request.env,
    kind: request.kind,
    contactEmail: { flag: options.contactEmail, settings: settings.apps[request.app]?.contactEmail },
    apiVersion: versions.base,
    apiVersionOverride: versions.override,
    requireContactEmail: context.requireContactEmail,
  });
  problems.push(...outcome.problems.map((problem) => ({ field: `${subject}${problem.field}`, message: problem.message })));
  warnings.push(...outcome.warnings.map((warning) => `${subject}${warning}`));
  if (!outcome.app) return undefined;
  const documents = appDocuments(outcome.app);
  const valueProblems = documents.flatMap(documentProblems);
  if (valueProblems.length > 0) {
    problems.push(...valueProblems.map((problem) => ({ field: `${subject}${problem.field}`, message: problem.message })));
    return undefined;
  }
  const need = versionNeed(documents);
  if (need && need.version > outcome.app.apiVersion) {
    problems.push({
      field: `${subject}${outcome.apiVersionSource}`,
      message: `API ${formatApiVersion(outcome.app.apiVersion)} cannot express ${need.element}; this app needs API ${formatApiVersion(need.version)} or later`,
    });
    return undefined;
  }
  return {
    app: outcome.app,
    ...outputPlace(options, project, settings, outcome.app),
    documents,
    followsChange: request.followsChange === true,
  };
}

/** The context a planning run shares: versions chosen once, each template module loaded once. */
export function planContext(options: RenderingRequest, project: SfdxProject, settings: ProjectSettings, problems: Problem[]): PlanContext {
  return { options, project, settings, versions: chooseApiVersions(options, project, problems), modules: new Map() };
}
