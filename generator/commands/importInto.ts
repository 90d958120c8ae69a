/**
 * `import --target-org … --app-name NAME --into TEMPLATE --env ENV`: an org's copy of an app
 * added as a new environment of a template this tool imported before (typically a sandbox next to
 * production). The template is written again with every environment's settings: those all
 * environments share once, those that differ as environment values (import/environmentsSource.ts),
 * checked in memory to evaluate to exactly each environment's settings before it replaces the file.
 */
import { join } from 'node:path';
import { AppError, type Problem, UsageError, ValidationError } from '../errors';
import { type AppKind, DEFAULT_KIND, isAppKind } from '../model/appKind';
import { formatApiVersion } from '../model/apiVersion';
import { isOAuthScope } from '../model/scopes';
import type { AppSettings } from '../model/template';
import { TEMP_FOLDER, writeFileAtomic } from '../project/atomicWrite';
import { readRegularFile, toolFolder } from '../project/safeFs';
import { readSfdxProject } from '../project/sfdxProject';
import { TEMPLATES_FOLDER, evaluateTemplateSource, listTemplates, loadTemplateModule } from '../project/templates';
import { ENVIRONMENT_NAME } from '../validate/resolveApp';
import { environmentsSource } from '../import/environmentsSource';
import { sameSettings } from '../model/settingsValue';
import { readExternalClientAppUnits } from '../import/externalClientAppUnits';
import { findAppFiles } from '../import/sources';
import { type ImportUnit, readConnectedAppUnit } from '../import/units';
import { type ImportResult, checkSettings, pinRetrieveVersion } from './import';

/** The first line of a module written by import: only those are rewritten (a hand-written one would lose its code and comments). */
const IMPORTED_MARK = ' * Imported by connected-app import';

interface IntoOptions {
  readonly cwd: string;
  /** The folder holding the retrieved app. */
  readonly folder: string;
  readonly show: (path: string) => string;
  readonly template: string;
  readonly env?: string;
}

type Exported = { environments?: Record<string, Record<string, unknown>>; kind?: unknown; app?: unknown };

/** Each environment's settings, as the template gives them. */
function settingsByEnvironment(exported: Exported): Map<string, AppSettings> {
  const environments = new Map<string, AppSettings>();
  for (const [name, definition] of Object.entries(exported.environments ?? {})) {
    const app = exported.app;
    environments.set(
      name,
      (typeof app === 'function' ? (app as (env: object) => AppSettings)({ ...definition, name }) : app) as AppSettings,
    );
  }
  return environments;
}

/** Reads the one app of `folder` (of the template's kind); problems go to the list. */
function readUnit(options: IntoOptions, kind: AppKind, problems: Problem[]): ImportUnit | undefined {
  const files = findAppFiles([options.folder], options.cwd);
  const units = [
    ...files.connectedApps.map((file) => readConnectedAppUnit(file, options.show, problems)),
    ...readExternalClientAppUnits(files.ecaHeaders, files.ecaChildren, options.show, problems),
  ].filter((unit): unit is ImportUnit => unit !== undefined);
  const unit = units.find((candidate) => candidate.kind === kind);
  if (!unit && problems.length === 0)
    problems.push({ field: options.template, message: `renders a ${kind}, and the org holds no ${kind} of that name` });
  return unit;
}

export function importInto(options: IntoOptions): ImportResult {
  const project = readSfdxProject(options.cwd);
  const env = options.env;
  if (env === undefined) throw new UsageError('--into adds an environment: name it with --env (for example --env sandbox)');
  if (!ENVIRONMENT_NAME.test(env))
    throw new UsageError(`--env: '${env}' is not a valid environment name (a letter, then letters, digits, - or _)`);
  if (!listTemplates(project.root).includes(options.template))
    throw new UsageError(`--into: no template '${options.template}' in templates/`, ['List them: npm run list.']);
  const templateFile = `${TEMPLATES_FOLDER}/${options.template}.ts`;
  const path = join(project.root, templateFile);
  const before = readRegularFile(path, 4 * 1024 * 1024, templateFile)?.toString('utf8') ?? '';
  if (
    !before
      .split('\n')
      .slice(0, 3)
      .some((line) => line.startsWith(IMPORTED_MARK))
  ) {
    throw new AppError(
      'ImportIntoRefused',
      `${templateFile} was not written by import; --into rewrites the whole module and would lose its code`,
      [
        `Add the environment by hand: an entry under environments, and the values that differ in the app function; compare with npm run diff -- --app ${options.template} --env ${env}.`,
      ],
    );
  }
  const exported = loadTemplateModule(project.root, options.template).exported as Exported;
  const kind = typeof exported.kind === 'string' && isAppKind(exported.kind) ? exported.kind : DEFAULT_KIND;
  const environments = settingsByEnvironment(exported);
  if (environments.has(env)) throw new UsageError(`--env: ${templateFile} has an environment '${env}' already; name the new one otherwise`);

  const problems: Problem[] = [];
  const warnings: string[] = [];
  const unit = readUnit(options, kind, problems);
  const pinned = unit && pinRetrieveVersion(unit);
  if (unit && pinned) {
    warnings.push(...unit.warnings.map((warning) => `${unit.sources[0]}: ${warning}`));
    checkSettings(unit, pinned.settings, env, project, problems, warnings);
  }
  if (!unit || !pinned || problems.length > 0) throw new ValidationError(`the import of ${options.template} (${env})`, problems);

  environments.set(env, pinned.settings);
  const unknownScopes = new Set(
    [...environments.values()].flatMap((settings) => settings.oauth?.scopes ?? []).filter((scope) => !isOAuthScope(scope)),
  );
  const source = environmentsSource({ environments, kind, unknownScopes });
  // The module must give back exactly each environment's settings before it replaces the old one.
  const written = settingsByEnvironment(evaluateTemplateSource(project.root, source, templateFile) as Exported);
  for (const [name, settings] of environments) {
    if (!sameSettings(written.get(name), settings))
      throw new AppError(
        'ImportIntoRefused',
        `${templateFile}: the rewritten module does not give the environment ${name} its settings; nothing was written`,
      );
  }
  try {
    writeFileAtomic(path, source, toolFolder(project.root, TEMP_FOLDER));
  } catch (error) {
    throw new AppError('WriteFailed', `cannot write ${templateFile}: ${(error as Error).message}`);
  }
  return {
    apps: [
      {
        template: options.template,
        templateFile,
        kind,
        apiName: unit.apiName,
        environment: env,
        sources: unit.sources,
        metadataApiVersion: pinned.version === undefined ? undefined : formatApiVersion(pinned.version),
        byteIdentical: pinned.version !== undefined,
        notes: unit.notes,
      },
    ],
    warnings,
  };
}
