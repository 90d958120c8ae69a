/**
 * `connected-app new`: scaffolds `templates/<name>.ts` from flags — label, environments with
 * their base URLs, callback paths, scopes — so a newcomer never starts from a blank file. The
 * template is checked with generate's own rules before it is written, and never overwrites one.
 */
import { join } from 'node:path';
import { AppError, type Problem, UsageError, ValidationError } from '../errors';
import { type AppKind } from '../model/appKind';
import { NEWEST_KNOWN_API_VERSION } from '../model/apiVersion';
import { generateCommandLine } from '../messages';
import { TEMP_FOLDER, createFileExclusive } from '../project/atomicWrite';
import { toolFolder } from '../project/safeFs';
import { readSfdxProject } from '../project/sfdxProject';
import { scaffoldSource } from '../project/templateScaffold';
import { TEMPLATES_FOLDER, listTemplates, templateNameProblem } from '../project/templates';
import type { AppTemplate } from '../model/template';
import { resolveApp } from '../validate/resolveApp';
import { quoted } from '../validate/text';

export interface NewTemplateOptions {
  readonly cwd: string;
  readonly name: string;
  readonly label: string;
  /** `name=https://base.url`, one per environment, in order. */
  readonly environments: readonly string[];
  readonly callbackPaths: readonly string[];
  readonly scopes: readonly string[];
  readonly kind: AppKind;
}

export interface NewTemplateResult {
  readonly template: string;
  readonly templateFile: string;
  readonly environments: readonly string[];
  readonly kind: AppKind;
  /** The command that renders it for its first environment. */
  readonly next: string;
  readonly warnings: readonly string[];
}

function parseEnvironments(values: readonly string[]): [string, string][] {
  if (values.length === 0) throw new UsageError('name at least one environment: --env prod=https://app.example.com');
  return values.map((value) => {
    const at = value.indexOf('=');
    if (at <= 0) throw new UsageError(`--env ${quoted(value)}: write it as name=https://base.url`);
    return [value.slice(0, at), value.slice(at + 1)];
  });
}

/** The template as the module will export it, for the checks (the module computes the same settings). */
function asTemplate(options: NewTemplateOptions, environments: readonly (readonly [string, string])[]): AppTemplate<{ baseUrl: string }> {
  return {
    environments: Object.fromEntries(environments.map(([name, baseUrl]) => [name, { baseUrl }])),
    kind: options.kind,
    app: ({ baseUrl }) => ({
      label: options.label,
      oauth: { callbackUrls: options.callbackPaths.map((path) => `${baseUrl}${path}`), scopes: options.scopes as never },
    }),
  };
}

/** Writes the new template; throws, writing nothing, on any problem. */
export function newTemplate(options: NewTemplateOptions): NewTemplateResult {
  const project = readSfdxProject(options.cwd);
  const nameProblem = templateNameProblem(options.name);
  if (nameProblem) throw new UsageError(nameProblem);
  const templateFile = `${TEMPLATES_FOLDER}/${options.name}.ts`;
  if (listTemplates(project.root).includes(options.name)) throw new UsageError(`${templateFile} exists already; choose another name`);
  const environments = parseEnvironments(options.environments);
  const problems: Problem[] = [];
  const warnings: string[] = [];
  options.callbackPaths.forEach((path, index) => {
    if (!path.startsWith('/')) problems.push({ field: `--callback-path[${index}]`, message: `${quoted(path)} must start with /` });
  });
  const template = asTemplate(options, environments);
  for (const [environment] of environments) {
    const outcome = resolveApp({
      template: options.name,
      file: templateFile,
      exported: template,
      environment,
      contactEmail: {},
      apiVersion: { version: NEWEST_KNOWN_API_VERSION, source: 'the newest API version' },
      requireContactEmail: false,
    });
    problems.push(...outcome.problems.map((problem) => ({ field: `${environment} › ${problem.field}`, message: problem.message })));
    warnings.push(...outcome.warnings.map((warning) => `${environment} › ${warning}`));
  }
  if (problems.length > 0) throw new ValidationError(`the new template ${options.name}`, problems);
  const source = scaffoldSource({
    label: options.label,
    environments,
    callbackPaths: options.callbackPaths,
    scopes: options.scopes,
    kind: options.kind,
  });
  let created: boolean;
  try {
    created = createFileExclusive(join(project.root, templateFile), source, toolFolder(project.root, TEMP_FOLDER));
  } catch (error) {
    throw new AppError('WriteFailed', `cannot write ${templateFile}: ${(error as Error).message}`);
  }
  if (!created) throw new UsageError(`${templateFile} exists already; choose another name`);
  return {
    template: options.name,
    templateFile,
    environments: environments.map(([name]) => name),
    kind: options.kind,
    next: generateCommandLine(['--app', options.name, '--env', environments[0][0], '--contact-email', 'you@example.com']),
    warnings,
  };
}
