/**
 * `connected-app changes --base REF`: what a change of the templates does to each app, in Setup's
 * words, as Markdown for a pull-request comment. The templates at REF are read with `git show`
 * and loaded in memory through the same transpile-and-evaluate path as the working tree's
 * (project/templates.ts); both sides are resolved per environment and kind and compared as
 * settings (compare/settingsDiff.ts). Nothing is written into the working tree.
 */
import { join } from 'node:path';
import type { Problem } from '../errors';
import { type AppKind, DEFAULT_KIND, isAppKind } from '../model/appKind';
import { compareSettings, normalizedSettings } from '../compare/settingsDiff';
import { fileAt, resolveRevision, templatesAt } from '../project/git';
import { readSettings } from '../project/settings';
import { readSfdxProject } from '../project/sfdxProject';
import { TEMPLATES_FOLDER, evaluateTemplateSource, listTemplates, loadTemplateModule } from '../project/templates';
import type { ResolvedApp } from '../model/resolvedApp';
import { type PlanContext, planContext, planOne } from './planTarget';
import { recordedRenderings } from './renderingRequests';

interface ChangesOptions {
  readonly cwd: string;
  /** The git revision to compare the working tree with. */
  readonly base: string;
}

interface SettingChange {
  readonly setting: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

interface AppChanges {
  readonly template: string;
  readonly environment: string;
  readonly kind: AppKind;
  /** The app's label (or API name): how Setup names it. */
  readonly app: string;
  /** `added`: new at the working tree; `removed`: gone from it; `changed`: settings differ. */
  readonly state: 'added' | 'removed' | 'changed';
  readonly changes: readonly SettingChange[];
}

export interface ChangesResult {
  readonly base: string;
  readonly apps: readonly AppChanges[];
  /** The Markdown a pull-request comment shows. */
  readonly markdown: string;
  readonly warnings: readonly string[];
}

type Module = { file: string; exported: unknown };

/** The environments a template module declares, and the kinds it renders. */
function shapeOf(module: Module | undefined): { environments: string[]; kind?: AppKind } {
  const exported = (module?.exported ?? {}) as { environments?: unknown; kind?: unknown };
  const environments =
    typeof exported.environments === 'object' && exported.environments !== null ? Object.keys(exported.environments) : [];
  return { environments, kind: typeof exported.kind === 'string' && isAppKind(exported.kind) ? exported.kind : undefined };
}

/** One side of the comparison: its modules, and a planning context that uses them. */
function side(context: PlanContext, modules: ReadonlyMap<string, Module>): PlanContext {
  return { ...context, modules: new Map(modules), requireContactEmail: false };
}

function resolve(
  context: PlanContext,
  template: string,
  env: string,
  kind: AppKind,
  warnings: string[],
  label: string,
): ResolvedApp | undefined {
  if (!context.modules.has(template)) return undefined;
  const problems: Problem[] = [];
  const target = planOne({ app: template, env, kind }, context, '', problems, []);
  if (!target) {
    warnings.push(`${template} (${env}) at ${label}: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`);
  }
  return target?.app;
}

const settingsOf = (app: ResolvedApp) =>
  normalizedSettings(
    { ...app.settings, contactEmail: app.contactEmail },
    { kind: app.kind, apiName: app.apiName, apiVersion: app.apiVersion },
  );

/** Markdown's own characters in a value, escaped so a value shows as text. */
const markdownText = (text: string) => text.replace(/[\\`*_[\]<>|#~]/g, (character) => `\\${character}`);

function markdownOf(base: string, apps: readonly AppChanges[]): string {
  const heading = `### Connected app changes since ${markdownText(base)}\n\n`;
  if (apps.length === 0) return `${heading}No setting of any app changes.\n`;
  const lines = apps.flatMap((app) => {
    const name = `${markdownText(app.app)} (${markdownText(app.environment)}${app.kind === DEFAULT_KIND ? '' : `, ${app.kind}`})`;
    if (app.state !== 'changed') return [`- ${name} · ${app.state === 'added' ? 'new app' : 'removed'}`];
    return app.changes.map(
      (change) => `- ${name} · ${markdownText(change.label)}: ${markdownText(change.before)} → ${markdownText(change.after)}`,
    );
  });
  return `${heading}${lines.join('\n')}\n`;
}

/** Compares the settings of every app, environment and kind at `base` with the working tree's. */
export function changes(options: ChangesOptions): ChangesResult {
  const project = readSfdxProject(options.cwd);
  const commit = resolveRevision(project.root, options.base);
  const settings = readSettings(project.root);
  const context = planContext({ cwd: options.cwd }, project, settings, []);
  const before = new Map<string, Module>();
  for (const name of templatesAt(project.root, commit)) {
    const path = `${TEMPLATES_FOLDER}/${name}.ts`;
    const source = fileAt(project.root, commit, path);
    const file = join(project.root, TEMPLATES_FOLDER, `${name}.ts`);
    if (source !== undefined) before.set(name, { file, exported: evaluateTemplateSource(project.root, source, `${options.base}:${path}`) });
  }
  const after = new Map<string, Module>(listTemplates(project.root).map((name) => [name, loadTemplateModule(project.root, name)]));
  const [old, now] = [side(context, before), side(context, after)];
  const warnings: string[] = [];
  const apps: AppChanges[] = [];
  for (const template of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const [shapeBefore, shapeAfter] = [shapeOf(before.get(template)), shapeOf(after.get(template))];
    const kinds = new Set<AppKind>([
      shapeAfter.kind ?? shapeBefore.kind ?? DEFAULT_KIND,
      ...recordedRenderings(settings, template).map((request) => request.kind ?? DEFAULT_KIND),
    ]);
    for (const env of [...new Set([...shapeBefore.environments, ...shapeAfter.environments])]) {
      for (const kind of kinds) {
        const a = resolve(old, template, env, kind, warnings, options.base);
        const b = resolve(now, template, env, kind, warnings, 'the working tree');
        const named = { template, environment: env, kind };
        if (a && b) {
          const changed = compareSettings(settingsOf(a), settingsOf(b)).map((change) => ({
            setting: change.setting,
            label: change.label,
            before: change.left,
            after: change.right,
          }));
          if (changed.length > 0) apps.push({ ...named, app: b.settings.label ?? b.apiName, state: 'changed', changes: changed });
        } else if (a && !shapeAfter.environments.includes(env))
          apps.push({ ...named, app: a.settings.label ?? a.apiName, state: 'removed', changes: [] });
        else if (b && !shapeBefore.environments.includes(env))
          apps.push({ ...named, app: b.settings.label ?? b.apiName, state: 'added', changes: [] });
      }
    }
  }
  return { base: options.base, apps, markdown: markdownOf(options.base, apps), warnings };
}
