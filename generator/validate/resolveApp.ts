/**
 * Template → validated app: checks a loaded template's shape, picks the environment,
 * computes that environment's settings and applies every rule, collecting all problems.
 */
import type { Problem } from '../errors';
import { apiNameFromLabel } from '../model/apiName';
import { APP_KINDS, type AppKind, DEFAULT_KIND, isAppKind } from '../model/appKind';
import { NEWEST_KNOWN_API_VERSION, OLDEST_SUPPORTED_API_VERSION, formatApiVersion, parseApiVersion } from '../model/apiVersion';
import type { ResolvedApp } from '../model/resolvedApp';
import type { AppSettings, AppTemplate, EnvironmentDefinition } from '../model/template';
import { checkAppSettings } from './appRules';
import { emailProblem } from './email';
import { checkShape } from './shape';
import { APP_SETTINGS_SHAPE, TEMPLATE_SHAPE } from './templateShape';
import { oneLine, quoted } from './text';

type AnyTemplate = AppTemplate<Record<string, unknown>>;
type AnyEnvironment = EnvironmentDefinition<Record<string, unknown>>;

/** Environment names become folder names and flag values: a letter, then letters, digits, `-` or `_`. */
export const ENVIRONMENT_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

/** Where the contact email may come from, most specific first. */
interface ContactEmailSources {
  /** `--contact-email`. */
  readonly flag?: string;
  /** connected-app.json. */
  readonly settings?: string;
}

export interface ResolveRequest {
  readonly template: string;
  /** The template file, for messages. */
  readonly file: string;
  readonly exported: unknown;
  /** `--env`, possibly an alias; undefined picks the only environment. */
  readonly environment?: string;
  /** `--kind`; undefined takes the template's kind, else a ConnectedApp. */
  readonly kind?: AppKind;
  readonly contactEmail: ContactEmailSources;
  /** The API version to write for, and where it came from, unless the template pins one. */
  readonly apiVersion: ApiVersionChoice;
  /** `--api-version`: wins over the template's pin. */
  readonly apiVersionOverride?: ApiVersionChoice;
  /** False for an import, which keeps an app without a contact email as it is. */
  readonly requireContactEmail?: boolean;
}

/** An API version and where it was set, for messages (`--api-version`, `metadataApiVersion`, …). */
export interface ApiVersionChoice {
  readonly version: number;
  readonly source: string;
}

export interface ResolveOutcome {
  readonly app?: ResolvedApp;
  /** Where the app's API version came from. */
  readonly apiVersionSource?: string;
  readonly problems: Problem[];
  readonly warnings: string[];
}

/** The template's environments, checked: names, aliases, and a name → declared-name map. */
function environmentIndex(template: AnyTemplate, problems: Problem[]): Map<string, string> {
  const index = new Map<string, string>();
  const claim = (name: string, declared: string, field: string) => {
    if (!ENVIRONMENT_NAME.test(name))
      problems.push({ field, message: `${quoted(name)} is not a valid environment name (a letter, then letters, digits, - or _)` });
    else if (index.has(name)) problems.push({ field, message: `${quoted(name)} names two environments` });
    else index.set(name, declared);
  };
  for (const [name, definition] of Object.entries(template.environments)) {
    claim(name, name, `environments.${name}`);
    (definition.aliases ?? []).forEach((alias, position) => claim(alias, name, `environments.${name}.aliases[${position}]`));
  }
  if (Object.keys(template.environments).length === 0) problems.push({ field: 'environments', message: 'declares no environment' });
  return index;
}

/** `prod, sandbox (alias preprod)`: the environments a user may pass to --env. */
function describeEnvironments(environments: Readonly<Record<string, AnyEnvironment>>): string {
  return Object.entries(environments)
    .map(([name, definition]) => {
      const aliases = definition.aliases ?? [];
      return aliases.length === 0 ? name : `${name} (alias ${aliases.join(', ')})`;
    })
    .join(', ');
}

/** What is checked once per template module, however many renderings it has. */
interface TemplateCheck {
  readonly shapeProblems: readonly Problem[];
  readonly indexProblems: readonly Problem[];
  readonly index: ReadonlyMap<string, string>;
}

const templateChecks = new WeakMap<object, TemplateCheck>();

function checkTemplate(exported: unknown): TemplateCheck {
  const cached = typeof exported === 'object' && exported !== null ? templateChecks.get(exported) : undefined;
  if (cached) return cached;
  const shapeProblems: Problem[] = [];
  checkShape(exported, TEMPLATE_SHAPE, '', shapeProblems);
  const indexProblems: Problem[] = [];
  const index = shapeProblems.length === 0 ? environmentIndex(exported as AnyTemplate, indexProblems) : new Map<string, string>();
  const check = { shapeProblems, indexProblems, index };
  if (typeof exported === 'object' && exported !== null) templateChecks.set(exported, check);
  return check;
}

function pickEnvironment(
  template: AnyTemplate,
  index: ReadonlyMap<string, string>,
  request: ResolveRequest,
  problems: Problem[],
): string | undefined {
  const declared = Object.keys(template.environments);
  const known = describeEnvironments(template.environments);
  if (request.environment === undefined) {
    if (declared.length === 1) return declared[0];
    problems.push({ field: '--env', message: `${request.template} has several environments; choose one: ${known}` });
    return undefined;
  }
  const name = index.get(request.environment);
  if (name === undefined)
    problems.push({
      field: '--env',
      message: `unknown environment ${quoted(request.environment)} for ${request.template}; known: ${known}`,
    });
  return name;
}

function settingsFor(template: AnyTemplate, environment: string, problems: Problem[]): AppSettings | undefined {
  let settings: unknown;
  try {
    settings =
      typeof template.app === 'function' ? template.app({ ...template.environments[environment], name: environment }) : template.app;
  } catch (error) {
    problems.push({ field: 'app', message: `failed for environment ${environment}: ${(error as Error)?.message ?? String(error)}` });
    return undefined;
  }
  const shapeProblems: Problem[] = [];
  checkShape(settings, APP_SETTINGS_SHAPE, '', shapeProblems);
  problems.push(...shapeProblems);
  return shapeProblems.length === 0 ? (settings as AppSettings) : undefined;
}

/** The problem of a `--contact-email` flag, checked once per run before any template is read. */
export function contactEmailFlagProblem(flag: string | undefined): Problem | undefined {
  const problem = flag === undefined ? undefined : emailProblem(flag);
  return problem ? { field: '--contact-email', message: problem } : undefined;
}

/** The contact email: the flag, else connected-app.json, else the template (where null means none). */
function contactEmail(request: ResolveRequest, settings: AppSettings, problems: Problem[], warnings: string[]): string | null | undefined {
  const { flag } = request.contactEmail;
  if (flag !== undefined) return flag; // checked once per run, by the caller (see checkedContactEmail)
  const sources: [string, string | null | undefined][] = [
    [`connected-app.json apps.${request.template}.contactEmail`, request.contactEmail.settings],
    ['contactEmail', settings.contactEmail],
  ];
  const found = sources.find(([, value]) => value !== undefined);
  if (!found && request.requireContactEmail === false) return null;
  if (!found) {
    problems.push({
      field: 'contactEmail',
      message: `is missing: pass --contact-email you@example.com once (connected-app.json remembers it), or set contactEmail in ${request.file}`,
    });
    return undefined;
  }
  const [field, email] = found as [string, string | null];
  if (email === null) {
    warnings.push(`${field}: null writes an empty contact email, which Salesforce requires for a new app`);
    return null;
  }
  // Advice: Salesforce documents no format for the element, and retrieves hold what Setup kept.
  // (A --contact-email the user types now is checked as the flag it is, before the template is read.)
  const problem = emailProblem(email);
  if (problem) warnings.push(`${field}: ${problem}`);
  return email;
}

function chooseVersion(request: ResolveRequest, settings: AppSettings, problems: Problem[]): ApiVersionChoice {
  if (request.apiVersionOverride) return request.apiVersionOverride;
  if (settings.metadataApiVersion === undefined) return request.apiVersion;
  const version = parseApiVersion(settings.metadataApiVersion);
  if (version === undefined) {
    problems.push({
      field: 'metadataApiVersion',
      message: `${quoted(settings.metadataApiVersion)} is not an API version; write it like ${formatApiVersion(NEWEST_KNOWN_API_VERSION)}`,
    });
    return request.apiVersion;
  }
  if (version < OLDEST_SUPPORTED_API_VERSION) {
    problems.push({
      field: 'metadataApiVersion',
      message: `${settings.metadataApiVersion} is older than the oldest version supported, ${formatApiVersion(OLDEST_SUPPORTED_API_VERSION)}`,
    });
  }
  return { version, source: 'metadataApiVersion' };
}

function resolveWithRawText(request: ResolveRequest): ResolveOutcome {
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const checked = checkTemplate(request.exported);
  problems.push(...checked.shapeProblems);
  if (checked.shapeProblems.length > 0) return { problems, warnings };

  const template = request.exported as AnyTemplate;
  problems.push(...checked.indexProblems);
  const environment = pickEnvironment(template, checked.index, request, problems);
  const settings = environment === undefined ? undefined : settingsFor(template, environment, problems);
  if (environment === undefined || settings === undefined) return { problems, warnings };

  const kind = request.kind ?? template.kind ?? DEFAULT_KIND;
  if (!isAppKind(kind)) problems.push({ field: 'kind', message: `${quoted(kind)} is not one of ${APP_KINDS.join(', ')}` });
  const apiVersion = chooseVersion(request, settings, problems);
  checkAppSettings(settings, { apiVersion: apiVersion.version, kind, problems, warnings });
  // A policies-only app's header, which holds the contact email, is someone else's.
  const policiesOnly = kind === 'external-client-app' && settings.policiesOnly === true;
  const email = contactEmail(policiesOnly ? { ...request, requireContactEmail: false } : request, settings, problems, warnings);
  if (problems.length > 0 || email === undefined) return { problems, warnings };
  return {
    problems,
    warnings,
    apiVersionSource: apiVersion.source,
    app: {
      template: request.template,
      environment,
      settings,
      kind,
      apiName: settings.apiName ?? apiNameFromLabel(settings.label ?? ''),
      contactEmail: email,
      apiVersion: apiVersion.version,
    },
  };
}

/**
 * A template is code: reading its export can throw (a getter, a Proxy). That is the template's
 * problem, named with its file, not a crash of the tool.
 */
function guarded(request: ResolveRequest): ResolveOutcome {
  try {
    return resolveWithRawText(request);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problems: [{ field: request.file, message: `threw while its export was read: ${message}` }], warnings: [] };
  }
}

/**
 * Runs the whole template → validated app step; `app` is set only when there is no problem.
 * Problems and warnings come out on one line each, whatever text the template holds.
 */
export function resolveApp(request: ResolveRequest): ResolveOutcome {
  const outcome = guarded(request);
  return {
    ...outcome,
    problems: outcome.problems.map((problem) => ({ field: oneLine(problem.field), message: oneLine(problem.message) })),
    warnings: outcome.warnings.map(oneLine),
  };
}
