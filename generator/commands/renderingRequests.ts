/**
 * Which renderings a generate run makes: (template, environment, kind) triples from the flags and
 * from what connected-app.json records — before any template is loaded.
 */
import { type AppKind, DEFAULT_KIND } from '../model/appKind';
import { chosenTemplate } from '../project/layout';
import type { ProjectSettings } from '../project/settings';

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

/** One rendering to make; `env` undefined: the template's only environment; `kind` undefined: the template's kind. */
export interface TargetRequest {
  readonly app: string;
  readonly env?: string;
  readonly kind?: AppKind;
  /** Made because the run changed a value every rendering of the app holds (the contact email). */
  readonly followsChange?: boolean;
}

/** The renderings connected-app.json records for `app`. */
export function recordedRenderings(settings: ProjectSettings, app: string): TargetRequest[] {
  return (settings.apps[app]?.outputs ?? []).map((output) => ({ app, env: output.env, kind: output.kind ?? DEFAULT_KIND }));
}

/**
 * The recorded renderings of one app for a run without --env: all of them, or those of `kind`;
 * when none has that kind, the same environments rendered as `kind` (so `--kind external-client-app`
 * alone renders the External Client App of every environment the app renders).
 */
function recordedOf(settings: ProjectSettings, app: string, kind: AppKind | undefined): TargetRequest[] {
  const recorded = recordedRenderings(settings, app);
  if (kind === undefined) return recorded;
  const ofKind = recorded.filter((request) => request.kind === kind);
  if (ofKind.length > 0) return ofKind;
  return [...new Set(recorded.map((request) => request.env))].map((env) => ({ app, env, kind }));
}

/** The renderings a run makes, in order: those asked for, then those that follow a changed contact email. */
export function requestedRenderings(options: RenderingRequest, settings: ProjectSettings): TargetRequest[] {
  const app = chosenTemplate(options.app, settings);
  let asked: TargetRequest[];
  if (options.env !== undefined) asked = [{ app, env: options.env, kind: options.kind }];
  else {
    const apps = options.app === undefined ? Object.keys(settings.apps) : [options.app];
    asked = apps.flatMap((name) => recordedOf(settings, name, options.kind));
    if (asked.length === 0) asked = [{ app, kind: options.kind }];
  }
  return [...asked, ...followingEmailChange(options, settings, asked)];
}

/**
 * A new contact email is remembered for the app, so every recorded rendering of it holds the new
 * one too: they are rendered again in the same run (not with --output-dir, which records nothing).
 */
function followingEmailChange(options: RenderingRequest, settings: ProjectSettings, asked: readonly TargetRequest[]): TargetRequest[] {
  if (options.contactEmail === undefined || options.outputDir !== undefined) return [];
  const apps = [...new Set(asked.map((request) => request.app))].filter((app) => settings.apps[app]?.contactEmail !== options.contactEmail);
  const key = (request: TargetRequest) => `${request.app}\u0000${request.env ?? ''}\u0000${request.kind ?? ''}`;
  const seen = new Set(asked.map(key));
  return apps
    .flatMap((app) => recordedRenderings(settings, app))
    .filter((request) => !seen.has(key(request)))
    .map((request) => ({ ...request, followsChange: true }));
}
