/**
 * Planning a generate run: the renderings it makes (commands/renderingRequests.ts), each loaded,
 * validated and turned into metadata documents, every problem of every rendering collected —
 * so nothing is written unless all of them are sound. Planning also decides where each
 * rendering's files go and refuses two renderings that would write the same file.
 */
import { type Problem, UsageError, ValidationError } from '../errors';
import type { ResolvedApp } from '../model/resolvedApp';
import type { ProjectSettings } from '../project/settings';
import type { SfdxProject } from '../project/sfdxProject';
import { listTemplates, templateNameProblem } from '../project/templates';
import { contactEmailFlagProblem } from '../validate/resolveApp';
import { checkOwners } from './owners';
import { type PlannedTarget, planContext, planOne } from './planTarget';
import { type RenderingRequest, type TargetRequest, requestedRenderings } from './renderingRequests';
import { renderingWarnings } from './renderingWarnings';

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

const renderingKey = (app: ResolvedApp) => `${app.template}\u0000${app.environment}\u0000${app.kind}`;

/** Loads and validates every rendering of the run; throws a {@link ValidationError} listing all problems. */
export function planRenderings(
  options: RenderingRequest,
  project: SfdxProject,
  settings: ProjectSettings,
  warnings: string[],
): PlannedTarget[] {
  if (options.outputDir === '')
    throw new UsageError('--output-dir needs a folder', ['Leave --output-dir out to write into the project, or name a folder.']);
  const problems: Problem[] = [];
  const emailProblem = contactEmailFlagProblem(options.contactEmail);
  if (emailProblem) problems.push(emailProblem);
  const context = planContext(options, project, settings, problems);
  const requests = requestedRenderings(emailProblem ? { ...options, contactEmail: undefined } : options, settings);
  const available = listTemplates(project.root);
  checkTemplateNames(requests, available, problems);

  const planned: PlannedTarget[] = [];
  const seen = new Set<string>();
  const known = new Set(available);
  for (const request of requests.filter((candidate) => known.has(candidate.app))) {
    const subject =
      requests.length > 1
        ? `${request.app}${request.env ? ` (${request.env}${request.kind === 'external-client-app' ? ', external-client-app' : ''})` : ''} › `
        : '';
    const target = planOne(request, context, subject, problems, warnings);
    if (!target || seen.has(renderingKey(target.app))) continue;
    seen.add(renderingKey(target.app));
    planned.push(target);
  }
  if (problems.length === 0) checkOwners(planned, context, problems);
  if (problems.length > 0) {
    const subject =
      requests.length === 1 ? `${requests[0].app}${requests[0].env ? ` (env ${requests[0].env})` : ''}` : `${requests.length} renderings`;
    throw new ValidationError(subject, problems);
  }
  warnings.push(...renderingWarnings(planned));
  return planned;
}
