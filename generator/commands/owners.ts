/**
 * One owner per file: two renderings that would write the same file are refused before anything
 * is written, whether both are in the run or one is another recorded rendering the run does not
 * make (an imported copy of an app the project already renders, say).
 */
import { join } from 'node:path';
import type { Problem } from '../errors';
import { sourceFilePath } from '../model/registry';
import type { ResolvedApp } from '../model/resolvedApp';
import { projectPath } from '../project/layout';
import { listTemplates, loadTemplateModule } from '../project/templates';
import { type PlanContext, type PlannedTarget, planOne } from './planTarget';
import { recordedRenderings } from './renderingRequests';

const ownerOf = (app: ResolvedApp) => `${app.template} (${app.environment}, ${app.kind})`;

/** Every file path of the targets → its owner. */
function filesOf(targets: readonly PlannedTarget[]): Map<string, string>[] {
  return targets.map(
    (target) =>
      new Map(
        target.documents.map((document) => [join(target.outputDir, sourceFilePath(document.type, document.fullName)), ownerOf(target.app)]),
      ),
  );
}

/** The recorded renderings this run does not make, planned to know their files (those that cannot be planned are passed over). */
function otherRecorded(planned: readonly PlannedTarget[], context: PlanContext): PlannedTarget[] {
  const made = new Set(planned.map((target) => ownerOf(target.app)));
  const others: PlannedTarget[] = [];
  const recordedContext: PlanContext = {
    ...context,
    options: { ...context.options, outputDir: undefined, contactEmail: undefined, apiVersion: undefined },
    requireContactEmail: false,
  };
  for (const app of Object.keys(context.settings.apps)) {
    for (const request of recordedRenderings(context.settings, app)) {
      if (made.has(`${request.app} (${request.env}, ${request.kind})`)) continue;
      const target = planOne(request, recordedContext, '', [], []);
      if (target && !made.has(ownerOf(target.app))) others.push(target);
    }
  }
  return others;
}

/** Adds a problem for each file two renderings would write. */
export function checkOwners(planned: readonly PlannedTarget[], context: PlanContext, problems: Problem[]): void {
  const owners = new Map<string, string>();
  const [made, others] = [filesOf(planned), filesOf(otherRecorded(planned, context))];
  for (const files of [...made, ...others]) {
    for (const [path, owner] of files) {
      const previous = owners.get(path);
      if (previous !== undefined && previous !== owner) {
        problems.push({
          field: projectPath(context.project, path),
          message: `would be written by both ${previous} and ${owner}: give one of them another apiName in its template, or remove one template`,
        });
      }
      owners.set(path, owner);
    }
  }
}

/**
 * The API names the project's templates render, each with the template and environment that
 * renders it — every environment of every template, recorded or not (a template that cannot be
 * resolved is passed over: its own run reports it).
 */
export function renderedApiNames(planning: PlanContext): Map<string, string> {
  const context: PlanContext = { ...planning, requireContactEmail: false };
  const names = new Map<string, string>();
  for (const template of listTemplates(context.project.root)) {
    let environments: string[];
    try {
      const module = context.modules.get(template) ?? loadTemplateModule(context.project.root, template);
      context.modules.set(template, module);
      environments = Object.keys((module.exported as { environments?: object }).environments ?? {});
    } catch {
      continue;
    }
    for (const env of environments) {
      const target = planOne({ app: template, env }, context, '', [], []);
      if (target && !names.has(target.app.apiName)) names.set(target.app.apiName, `${template} (${env})`);
    }
  }
  return names;
}
