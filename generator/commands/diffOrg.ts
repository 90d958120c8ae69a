/**
 * `connected-app diff --target-org`: what an org holds against what the project renders for it,
 * compared as settings (compare/settingsDiff.ts), never as text. It retrieves the components of
 * the renderings asked for (one retrieve for all), reads both sides through the import and
 * reports each setting that differs in Setup's words. It changes nothing, locally or in the org.
 * `diffOrg` takes one org, so a run over several orgs can call it once per org.
 */
import { EXIT_CODES, type Problem, UsageError, ValidationError } from '../errors';
import type { AppKind } from '../model/appKind';
import { compareSettings, normalizedSettings } from '../compare/settingsDiff';
import { settingsFromTexts, type MetadataText } from '../import/settingsFromTexts';
import { driftOf } from '../project/drift';
import { readSettings } from '../project/settings';
import { readSfdxProject } from '../project/sfdxProject';
import { renderDocument } from '../render/document';
import { type Retrieved, retrievedText, withRetrieve } from '../sf/retrieve';
import { sfBinary } from '../sf/runSf';
import { resolveTargetOrg } from '../sf/targetOrg';
import { type PlannedTarget, planContext, planOne } from './planTarget';
import { type TargetRequest, recordedRenderings, requestedRenderings } from './renderingRequests';
import type { ProjectSettings } from '../project/settings';

/**
 * What `diffOrg` compares: one org, and the renderings of the project it should hold.
 * @public
 */
export interface DiffOptions {
  readonly cwd: string;
  readonly targetOrg?: string;
  readonly app?: string;
  readonly env?: string;
  readonly kind?: AppKind;
  /** Add the XML diff of each drifted app (org-assigned elements left out). */
  readonly verbose?: boolean;
}

/** One setting that differs, in Setup's words. */
interface OrgDifference {
  readonly setting: string;
  readonly label: string;
  readonly org: string;
  readonly repository: string;
}

interface AppDiff {
  readonly template: string;
  readonly environment: string;
  readonly kind: AppKind;
  readonly apiName: string;
  readonly label?: string;
  /** `in-sync`, `drift` (settings differ) or `missing-in-org`. */
  readonly state: 'in-sync' | 'drift' | 'missing-in-org';
  readonly differences: readonly OrgDifference[];
  /** With `verbose`: the unified diff from the org's files to the repository's. */
  readonly xmlDiff?: string;
}

export interface DiffResult {
  readonly targetOrg: { readonly name: string; readonly username: string };
  readonly inSync: boolean;
  readonly apps: readonly AppDiff[];
  /** 0 in sync, 1 drift or an app missing in the org. */
  readonly exitCode: number;
  readonly warnings: readonly string[];
}

/**
 * The renderings to compare: those of `--app`, or without it every rendering connected-app.json
 * records (of `--env` and `--kind` when given); the default template when nothing is recorded.
 */
function diffRequests(options: DiffOptions, settings: ProjectSettings): TargetRequest[] {
  const apps = Object.keys(settings.apps);
  if (options.app !== undefined || apps.length === 0) return requestedRenderings(options, settings);
  const recorded = apps
    .flatMap((app) => recordedRenderings(settings, app))
    .filter(
      (request) =>
        (options.env === undefined || request.env === options.env) && (options.kind === undefined || request.kind === options.kind),
    );
  if (recorded.length === 0)
    throw new UsageError(
      `connected-app.json records no rendering${options.env === undefined ? '' : ` of the environment ${options.env}`}; name one with --app and --env`,
    );
  return recorded;
}

/** The renderings to compare: one environment per template (the org's). */
function plannedTargets(options: DiffOptions): { targets: PlannedTarget[]; root: string } {
  const project = readSfdxProject(options.cwd);
  const settings = readSettings(project.root);
  const requests = diffRequests(options, settings);
  const envs = new Map<string, Set<string | undefined>>();
  for (const request of requests) envs.set(request.app, (envs.get(request.app) ?? new Set()).add(request.env));
  for (const [app, names] of envs) {
    if (names.size > 1)
      throw new UsageError(`${app} is rendered for ${[...names].join(', ')}; name the environment this org holds with --env`);
  }
  const problems: Problem[] = [];
  // The templates' advice is generate's to give; diff reports drift only.
  const advice: string[] = [];
  const context = { ...planContext({ cwd: options.cwd }, project, settings, problems), requireContactEmail: false };
  const targets = requests
    .map((request) => planOne(request, context, requests.length > 1 ? `${request.app} › ` : '', problems, advice))
    .filter((target): target is PlannedTarget => target !== undefined);
  if (problems.length > 0) throw new ValidationError('the renderings to compare', problems);
  return { targets, root: project.root };
}

/** Leaves out the elements only the org assigns (they never belong to a template). */
const withoutOrgValues = (text: string) =>
  text.replace(/^[ \t]*<(consumerKey|consumerSecret|oauthLink|orgScopedExternalApp)(\/>|>[^<]*<\/\1>)[ \t]*\r?\n/gm, '');

function compareTarget(target: PlannedTarget, retrieved: Retrieved, verbose: boolean): AppDiff {
  const { app } = target;
  const base = { template: app.template, environment: app.environment, kind: app.kind, apiName: app.apiName, label: app.settings.label };
  const rendered = target.documents.map((document) => renderDocument(document, app.apiVersion));
  const orgFiles: MetadataText[] = [];
  for (const file of rendered) {
    const text = retrievedText(retrieved, { type: file.type, fullName: file.fullName });
    if (text !== undefined) orgFiles.push({ type: file.type, fullName: file.fullName, text, source: `org:${file.path}` });
  }
  if (orgFiles.length === 0 || (rendered[0] && !orgFiles.some((file) => file.type === rendered[0].type))) {
    return { ...base, state: 'missing-in-org', differences: [] };
  }
  const problems: Problem[] = [];
  const orgSettings = settingsFromTexts(app.kind, app.apiName, orgFiles, problems);
  if (!orgSettings) throw new ValidationError(`the org's copy of ${app.apiName}`, problems);
  const compared = { kind: app.kind, apiName: app.apiName, apiVersion: app.apiVersion };
  const repository = normalizedSettings({ ...app.settings, contactEmail: app.contactEmail }, compared);
  const differences = compareSettings(normalizedSettings(orgSettings, compared), repository).map((difference) => ({
    setting: difference.setting,
    label: difference.label,
    org: difference.left,
    repository: difference.right,
  }));
  const xmlDiff =
    verbose && differences.length > 0
      ? rendered
          .map((file) => {
            const org = orgFiles.find((candidate) => candidate.type === file.type);
            return driftOf(org === undefined ? undefined : withoutOrgValues(org.text), file.path, file.content).diff ?? '';
          })
          .join('')
      : undefined;
  return { ...base, state: differences.length > 0 ? 'drift' : 'in-sync', differences, xmlDiff };
}

/** Compares what one org holds with what the project renders for it. */
export async function diffOrg(options: DiffOptions): Promise<DiffResult> {
  const { targets, root } = plannedTargets(options);
  const sf = sfBinary(root);
  const org = await resolveTargetOrg(options.targetOrg, root, sf);
  const components = targets.flatMap((target) =>
    target.documents.map((document) => ({ type: document.type.name, fullName: document.fullName })),
  );
  const apps = await withRetrieve(sf, root, org.name, components, (retrieved) =>
    targets.map((target) => compareTarget(target, retrieved, options.verbose === true)),
  );
  const inSync = apps.every((app) => app.state === 'in-sync');
  return {
    targetOrg: { name: org.name, username: org.username },
    inSync,
    apps,
    exitCode: inSync ? EXIT_CODES.ok : EXIT_CODES.failure,
    warnings: [],
  };
}
