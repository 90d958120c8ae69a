/**
 * `connected-app.json`, the project's committed settings: what the user gave once and
 * every later run (and `--check` in CI) must not ask for again — each app's contact
 * email, which of its environments are rendered into the project, and the org map (which
 * environment's rendering each org gets).
 */
import { join } from 'node:path';
import { AppError } from '../errors';
import { type AppKind, DEFAULT_KIND, isAppKind } from '../model/appKind';
import { writeFileAtomic } from './atomicWrite';
import { withFileLock } from './fileLock';
import { readRegularFile, toolFolder } from './safeFs';

const SETTINGS_FILE = 'connected-app.json';

/** One rendering kept in the project: `generate` without `--env` and `--check` revisit it. */
interface OutputRecord {
  readonly env: string;
  /** Absent for a ConnectedApp. */
  readonly kind?: AppKind;
}

/** What the project remembers about one template. */
interface AppRecord {
  readonly contactEmail?: string;
  readonly outputs?: readonly OutputRecord[];
}

/** One org of the fleet: the environment whose rendering it gets. */
export interface OrgRecord {
  readonly env: string;
  /** Which rendering, when the environment records both kinds. */
  readonly kind?: AppKind;
  /** The templates it gets; default: every template recorded for `env`. */
  readonly apps?: readonly string[];
}

export interface ProjectSettings {
  /** The template `--app` defaults to. */
  readonly defaultApp?: string;
  /** The environment rendered into the default package directory; default: the one named prod or production. */
  readonly production?: string;
  /** By template name. */
  readonly apps: Readonly<Record<string, AppRecord>>;
  /** The org map, by sf alias (or username). */
  readonly orgs?: Readonly<Record<string, OrgRecord>>;
}

function invalid(file: string, reason: string): AppError {
  return new AppError('InvalidSettingsFile', `${file}: ${reason}`, [`Fix or delete ${SETTINGS_FILE}; generate writes it again.`]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readAppRecord(file: string, name: string, value: unknown): AppRecord {
  if (!isObject(value)) throw invalid(file, `apps.${name} must be an object`);
  const { contactEmail, outputs } = value;
  if (contactEmail !== undefined && typeof contactEmail !== 'string') throw invalid(file, `apps.${name}.contactEmail must be a string`);
  const valid = (output: unknown) =>
    isObject(output) &&
    typeof output.env === 'string' &&
    (output.kind === undefined || (typeof output.kind === 'string' && isAppKind(output.kind)));
  if (outputs !== undefined && !(Array.isArray(outputs) && outputs.every(valid))) {
    throw invalid(file, `apps.${name}.outputs must be a list of { "env": "…", "kind"?: "external-client-app" }`);
  }
  return { contactEmail, outputs: (outputs as OutputRecord[] | undefined)?.map(normalOutput) };
}

/** The record as written: the kind only when it is not the default. */
function normalOutput(output: OutputRecord): OutputRecord {
  return output.kind === undefined || output.kind === DEFAULT_KIND ? { env: output.env } : { env: output.env, kind: output.kind };
}

/** An sf alias or username: what the org map is keyed by (it also names matrix jobs and result rows). */
export const ORG_ALIAS = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,79}$/;

function readOrgRecord(file: string, alias: string, value: unknown): OrgRecord {
  if (!ORG_ALIAS.test(alias)) throw invalid(file, `orgs: '${alias}' is not an sf alias or username (letters, digits, . _ @ + -)`);
  if (!isObject(value)) throw invalid(file, `orgs.${alias} must be an object`);
  const { env, kind, apps } = value;
  if (typeof env !== 'string' || env === '') throw invalid(file, `orgs.${alias}.env must name an environment`);
  if (kind !== undefined && !(typeof kind === 'string' && isAppKind(kind)))
    throw invalid(file, `orgs.${alias}.kind must be connected-app or external-client-app`);
  if (apps !== undefined && !(Array.isArray(apps) && apps.length > 0 && apps.every((app) => typeof app === 'string')))
    throw invalid(file, `orgs.${alias}.apps must be a list of template names`);
  return { env, kind: kind, apps: apps };
}

/** `prod` or `prod:external-client-app`: what tells two outputs apart. */
const outputKey = (output: OutputRecord): string => `${output.env}:${output.kind ?? DEFAULT_KIND}`;

/** connected-app.json is a few kilobytes; anything far larger is not one. */
const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;

/** The file's text, or undefined when there is none (a link or device there is refused). */
function readSettingsText(root: string): string | undefined {
  return readRegularFile(join(root, SETTINGS_FILE), MAX_SETTINGS_BYTES, SETTINGS_FILE)?.toString('utf8');
}

/** The project's settings; empty when the file does not exist yet. */
export function readSettings(root: string): ProjectSettings {
  const file = SETTINGS_FILE;
  const text = readSettingsText(root);
  if (text === undefined) return { apps: {} };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(file, `not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(json)) throw invalid(file, 'must hold a JSON object');
  if (json.defaultApp !== undefined && typeof json.defaultApp !== 'string') throw invalid(file, 'defaultApp must be a string');
  if (json.production !== undefined && typeof json.production !== 'string') throw invalid(file, 'production must be an environment name');
  if (json.apps !== undefined && !isObject(json.apps)) throw invalid(file, 'apps must be an object');
  const apps = Object.fromEntries(Object.entries(json.apps ?? {}).map(([name, value]) => [name, readAppRecord(file, name, value)]));
  if (json.orgs !== undefined && !isObject(json.orgs)) throw invalid(file, 'orgs must be an object');
  const orgs =
    json.orgs && Object.fromEntries(Object.entries(json.orgs).map(([alias, value]) => [alias, readOrgRecord(file, alias, value)]));
  return { defaultApp: json.defaultApp, production: json.production, apps, orgs };
}

/** Code-unit order: stable across machines and locales (and cheaper than localeCompare). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What one run adds to an app's record. */
export interface AppRecordUpdate {
  readonly app: string;
  readonly contactEmail?: string;
  readonly output?: OutputRecord;
}

/** The settings with `updates` merged in: outputs de-duplicated and sorted, apps sorted by name. */
export function withAppRecords(settings: ProjectSettings, updates: readonly AppRecordUpdate[]): ProjectSettings {
  const emails = new Map<string, string | undefined>();
  const outputs = new Map<string, Map<string, OutputRecord>>();
  const outputsOf = (app: string) => {
    let map = outputs.get(app);
    if (!map) {
      map = new Map((settings.apps[app]?.outputs ?? []).map((output) => [outputKey(output), normalOutput(output)]));
      outputs.set(app, map);
    }
    return map;
  };
  for (const update of updates) {
    if (update.contactEmail !== undefined) emails.set(update.app, update.contactEmail);
    const map = outputsOf(update.app);
    if (update.output) map.set(outputKey(update.output), normalOutput(update.output));
  }
  const apps: Record<string, AppRecord> = { ...settings.apps };
  for (const [app, map] of outputs) {
    const unique = [...map.values()].sort((a, b) => compareText(outputKey(a), outputKey(b)));
    apps[app] = { contactEmail: emails.get(app) ?? settings.apps[app]?.contactEmail, outputs: unique.length > 0 ? unique : undefined };
  }
  const sorted = Object.fromEntries(Object.entries(apps).sort(([a], [b]) => compareText(a, b)));
  return { ...settings, apps: sorted };
}

/** The settings with the org `alias` mapped to `record` (or dropped, for undefined); aliases sorted. */
export function withOrg(settings: ProjectSettings, alias: string, record: OrgRecord | undefined): ProjectSettings {
  const orgs: Record<string, OrgRecord> = { ...settings.orgs };
  if (record) orgs[alias] = { env: record.env, kind: record.kind, apps: record.apps && [...record.apps].sort(compareText) };
  else delete orgs[alias];
  const sorted = Object.entries(orgs).sort(([a], [b]) => compareText(a, b));
  return { ...settings, orgs: sorted.length > 0 ? Object.fromEntries(sorted) : undefined };
}

/** The file's text for `settings`: two-space JSON with a final newline, as sf writes its JSON files. */
function formatSettings(settings: ProjectSettings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** Writes the settings atomically when they changed; returns whether the file was written. */
export function writeSettings(root: string, settings: ProjectSettings, tempFolder: string): boolean {
  const content = formatSettings(settings);
  if (readSettingsText(root) === content) return false;
  writeFileAtomic(join(root, SETTINGS_FILE), content, tempFolder);
  return true;
}

/** The tool's folder holding the lock concurrent runs take to update connected-app.json. */
const STATE_FOLDER = '.connected-app';

/**
 * Applies `change` to connected-app.json under a lock, reading the file again inside it, so
 * concurrent runs recording different renderings all keep theirs. Returns whether the file changed.
 */
export function updateSettings(root: string, change: (settings: ProjectSettings) => ProjectSettings, tempFolder: string): boolean {
  const lock = join(toolFolder(root, STATE_FOLDER), 'settings.lock');
  return withFileLock(lock, () => writeSettings(root, change(readSettings(root)), tempFolder));
}
