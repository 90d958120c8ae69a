/**
 * What differs between two versions of an app's settings, in Setup's words: each setting that
 * differs, with its Setup label (model/setupLabels.ts) and both values as Setup shows them. Both
 * sides are first normalized the same way — rendered for one API version and read back by the
 * import — so that a default written out and a default left out compare equal, and settings the
 * API version cannot express are left out on both sides.
 */
import type { AppKind } from '../model/appKind';
import { LABELLED_GROUPS, SETUP_VALUES, UNCOMPARED_SETTINGS, setupLabel } from '../model/setupLabels';
import type { AppSettings, Period } from '../model/template';
import { AppError, type Problem } from '../errors';
import { appDocuments } from '../render/index';
import { renderDocument } from '../render/document';
import { settingsFromTexts } from '../import/settingsFromTexts';
import { canonicalJson, isPlainObject } from '../model/settingsValue';

/** One setting that differs. */
export interface SettingDifference {
  /** The setting's path in the template (`policies.refreshToken`). */
  readonly setting: string;
  /** Its Setup label (`Refresh Token Policy`). */
  readonly label: string;
  /** The value on each side, in Setup's words; `(not set)` when a side has none. */
  readonly left: string;
  readonly right: string;
}

/** What identifies the app being compared. */
export interface ComparedApp {
  readonly kind: AppKind;
  readonly apiName: string;
  /** The API version both sides are normalized for. */
  readonly apiVersion: number;
}

/**
 * The settings as the import reads back their rendering at `app.apiVersion`: elements that version
 * does not have, org-assigned values (consumer key, OAuth link, org-scoped name) and defaults
 * written out or left out all come out the same on both sides.
 */
export function normalizedSettings(settings: AppSettings, app: ComparedApp): AppSettings {
  const files = appDocuments({
    template: '',
    environment: '',
    kind: app.kind,
    settings,
    apiName: app.apiName,
    contactEmail: settings.contactEmail ?? null,
    apiVersion: app.apiVersion,
  }).map((document) => {
    const file = renderDocument(document, app.apiVersion);
    return { type: file.type, fullName: file.fullName, text: file.content, source: file.path };
  });
  const problems: Problem[] = [];
  const read = settingsFromTexts(app.kind, app.apiName, files, problems);
  if (!read) {
    throw new AppError(
      'UnreadableMetadata',
      `${app.apiName}: its rendering cannot be read back: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    );
  }
  return read;
}

const NOT_SET = '(not set)';

const periodWords = (period: Period) => `${period.value} ${period.value === 1 ? period.unit.replace(/s$/, '') : period.unit}`;

/** A setting's value as Setup shows it. */
export function setupValue(setting: string, value: unknown): string {
  if (value === undefined) return NOT_SET;
  if (value === null) return '(none)';
  if (typeof value === 'boolean') return value ? 'checked' : 'unchecked';
  const words = SETUP_VALUES[setting];
  if (typeof value === 'string') return words?.[value] ?? value;
  if (typeof value === 'number') return setting.endsWith('JwtTimeout') ? `${value} minutes` : String(value);
  if (isPlainObject(value) && isPlainObject(value.expireAfter))
    return `expire after ${periodWords(value.expireAfter as unknown as Period)}`;
  if (isPlainObject(value) && isPlainObject(value.expireIfUnusedFor))
    return `expire if not used for ${periodWords(value.expireIfUnusedFor as unknown as Period)}`;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.length === 0 ? '(none)' : value.join(', ');
  return canonicalJson(value);
}

/** The settings as (path → value) pairs, sub-objects with labelled fields opened up. */
function leaves(value: Record<string, unknown>, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  for (const [key, item] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (item === undefined || UNCOMPARED_SETTINGS.includes(path)) continue;
    if (isPlainObject(item) && (LABELLED_GROUPS as readonly string[]).includes(path)) leaves(item, path, into);
    else into.set(path, item);
  }
  return into;
}

/** Every setting whose value differs between `left` and `right`, in the order the settings first appear. */
export function compareSettings(left: AppSettings, right: AppSettings): SettingDifference[] {
  const a = leaves(left as Record<string, unknown>, '', new Map());
  const b = leaves(right as Record<string, unknown>, '', new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((path) => canonicalJson(a.get(path)) !== canonicalJson(b.get(path)))
    .map((path) => ({ setting: path, label: setupLabel(path), left: setupValue(path, a.get(path)), right: setupValue(path, b.get(path)) }));
}
