/**
 * `connected-app list`: what the project holds — each template with its environments, the
 * renderings connected-app.json records for it, their files, and whether each is in sync with
 * its template (the `--check` comparison). Reads only; prints nothing itself.
 */
import type { AppKind } from '../model/appKind';
import { readSettings } from '../project/settings';
import { readSfdxProject } from '../project/sfdxProject';
import { listTemplates, loadTemplateModule } from '../project/templates';
import { isAppError } from '../errors';
import type { ProjectSettings } from '../project/settings';
import { compareWithDisk } from './generate';
import type { FileState, GeneratedTarget } from './writeTargets';

export interface ListOptions {
  readonly cwd: string;
}

interface ListedRendering {
  readonly environment: string;
  readonly kind: AppKind;
  /** In sync: every file on disk is what the template generates. */
  readonly inSync: boolean;
  readonly files: readonly { readonly path: string; readonly state: FileState }[];
  /** Why the rendering cannot be made (its template fails to load or validate). */
  readonly problem?: string;
}

interface ListedTemplate {
  readonly template: string;
  /** Declared environments, each with its aliases. */
  readonly environments: readonly { readonly name: string; readonly aliases: readonly string[] }[];
  readonly renderings: readonly ListedRendering[];
  readonly problem?: string;
}

export interface ListResult {
  readonly templates: readonly ListedTemplate[];
  /** Renderings recorded for templates that no longer exist. */
  readonly orphans: readonly { readonly template: string; readonly environment: string; readonly kind: AppKind }[];
  readonly warnings: readonly string[];
}

function environmentsOf(root: string, template: string): ListedTemplate['environments'] {
  const exported = loadTemplateModule(root, template).exported as { environments?: Record<string, { aliases?: unknown }> };
  return Object.entries(exported.environments ?? {}).map(([name, definition]) => ({
    name,
    aliases: Array.isArray(definition?.aliases) ? definition.aliases.map(String) : [],
  }));
}

function oneLine(error: unknown): string {
  return isAppError(error)
    ? [error.message, ...error.problems.map((problem) => `${problem.field}: ${problem.message}`)].join('; ')
    : String(error);
}

const listed = (target: GeneratedTarget): ListedRendering => {
  const files = target.files.map((file) => ({ path: file.path, state: file.state }));
  return { environment: target.environment, kind: target.kind, inSync: files.every((file) => file.state === 'unchanged'), files };
};

/** One recorded rendering compared with the disk, or why it cannot be made. */
function renderingOf(cwd: string, template: string, environment: string, kind: AppKind): ListedRendering {
  try {
    return listed(compareWithDisk({ cwd, app: template, env: environment, kind })[0]);
  } catch (error) {
    return { environment, kind, inSync: false, files: [], problem: oneLine(error) };
  }
}

/** Every recorded rendering compared with the disk in one run; one by one only when the run has a problem to attribute. */
function recordedRenderings(cwd: string, settings: ProjectSettings, templates: ReadonlySet<string>): Map<string, ListedRendering[]> {
  const byTemplate = new Map<string, ListedRendering[]>();
  try {
    for (const target of compareWithDisk({ cwd })) byTemplate.set(target.app, [...(byTemplate.get(target.app) ?? []), listed(target)]);
    return byTemplate;
  } catch {
    for (const [template, record] of Object.entries(settings.apps)) {
      if (!templates.has(template)) continue;
      byTemplate.set(
        template,
        (record.outputs ?? []).map((output) => renderingOf(cwd, template, output.env, output.kind ?? 'connected-app')),
      );
    }
    return byTemplate;
  }
}

/** Lists the project's templates and recorded renderings. */
export function listProject(options: ListOptions): ListResult {
  const project = readSfdxProject(options.cwd);
  const settings = readSettings(project.root);
  const templates = listTemplates(project.root);
  const known = new Set(templates);
  const recorded = Object.keys(settings.apps).some((template) => known.has(template))
    ? recordedRenderings(project.root, settings, known)
    : new Map<string, ListedRendering[]>();
  const entries = templates.map((template): ListedTemplate => {
    const renderings = recorded.get(template) ?? [];
    try {
      return { template, environments: environmentsOf(project.root, template), renderings };
    } catch (error) {
      return { template, environments: [], renderings, problem: oneLine(error) };
    }
  });
  const orphans = Object.entries(settings.apps)
    .filter(([template]) => !known.has(template))
    .flatMap(([template, record]) =>
      (record.outputs ?? []).map((output) => ({ template, environment: output.env, kind: output.kind ?? 'connected-app' })),
    );
  const warnings = orphans.map(
    (orphan) =>
      `connected-app.json records ${orphan.template} (${orphan.environment}), but templates/${orphan.template}.ts does not exist: connected-app forget --app ${orphan.template} --env ${orphan.environment}`,
  );
  return { templates: entries, orphans, warnings };
}
