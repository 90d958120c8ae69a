/**
 * A template module for several environments, each holding what its org holds (`import --into`):
 * the settings every environment shares are written once, and each setting that differs becomes
 * an environment value (`oauthCallbackUrls`, `policiesRefreshToken`, …) the `app` function reads.
 * Values are written only as literals (templateSource.ts's `literal`); the expressions that read
 * environment values are made here from setting paths, never from anything read from a file.
 */
import { randomUUID } from 'node:crypto';
import { type AppKind, DEFAULT_KIND } from '../model/appKind';
import { isPlainObject, sameSettings } from '../model/settingsValue';
import type { AppSettings } from '../model/template';
import { IDENTIFIER, literal, quote } from './templateSource';

const INDENT = '  ';

/** The sub-objects whose fields may differ one by one (the rest differ whole). */
const GROUPS: Readonly<Record<string, string>> = { oauth: 'OAuthSettings', policies: 'AppPolicies' };

interface Varying {
  /** `['oauth', 'callbackUrls']`. */
  readonly path: readonly string[];
  /** The environment value's name: `oauthCallbackUrls`. */
  readonly name: string;
}

/** The settings paths whose values differ between the environments. */
function varyingPaths(all: readonly AppSettings[]): Varying[] {
  const keys = (objects: readonly unknown[]) => [
    ...new Set(objects.flatMap((object) => (isPlainObject(object) ? Object.keys(object) : []))),
  ];
  const found: Varying[] = [];
  for (const key of keys(all)) {
    const values = all.map((settings) => (settings as Record<string, unknown>)[key]);
    if (values.every((value) => sameSettings(value, values[0]))) continue;
    if (GROUPS[key] && values.every(isPlainObject)) {
      for (const field of keys(values)) {
        const fields = values.map((value) => value[field]);
        if (!fields.every((value) => sameSettings(value, fields[0])))
          found.push({ path: [key, field], name: `${key}${field[0].toUpperCase()}${field.slice(1)}` });
      }
    } else found.push({ path: [key], name: key });
  }
  return found;
}

const valueAt = (settings: AppSettings, path: readonly string[]): unknown =>
  path.reduce<unknown>((object, key) => (isPlainObject(object) ? object[key] : undefined), settings);

/** A TypeScript type for an environment value: the template field's own type. */
const typeOf = (path: readonly string[]) =>
  path.length === 1 ? `AppSettings[${quote(path[0])}]` : `${GROUPS[path[0]]}[${quote(path[1])}]`;

export interface EnvironmentsSourceOptions {
  /** Environment name → its settings, in the order the template lists them (the first is the primary). */
  readonly environments: ReadonlyMap<string, AppSettings>;
  readonly kind: AppKind;
  readonly unknownScopes: ReadonlySet<string>;
}

/** The TypeScript source of a template whose environments hold the given settings. */
export function environmentsSource(options: EnvironmentsSourceOptions): string {
  const all = [...options.environments.values()];
  const varying = varyingPaths(all);
  // The shared settings, with a placeholder (unguessable, so no value read can equal it) where each environment value goes.
  const nonce = randomUUID();
  const placeholder = (name: string) => `${nonce}:${name}`;
  const shared = structuredClone(all[0]) as Record<string, unknown>;
  for (const { path, name } of varying) {
    if (path.length === 1) shared[path[0]] = placeholder(name);
    else {
      const group = shared[path[0]] as Record<string, unknown>;
      group[path[1]] = placeholder(name);
    }
  }
  let appText = literal(shared, 1, options.unknownScopes, 'app');
  for (const { name } of varying) appText = appText.split(quote(placeholder(name))).join(`env.${name}`);
  const environments = [...options.environments].map(([env, settings]) => {
    const lines = varying
      .map(({ path, name }) => ({ name, value: valueAt(settings, path), path: `app.${path.join('.')}` }))
      .filter(({ value }) => value !== undefined)
      .map(({ name, value, path }) => `${INDENT.repeat(3)}${name}: ${literal(value, 3, options.unknownScopes, path)},\n`);
    const key = IDENTIFIER.test(env) ? env : quote(env);
    return `${INDENT}${INDENT}${key}: ${lines.length === 0 ? '{}' : `{\n${lines.join('')}${INDENT}${INDENT}}`},`;
  });
  const groups = [...new Set(varying.filter(({ path }) => path.length === 2).map(({ path }) => GROUPS[path[0]]))].sort();
  const scopeCast = appText.includes(' as OAuthScope') || environments.some((line) => line.includes(' as OAuthScope'));
  const typeNames = [...(varying.length > 0 ? ['AppSettings'] : []), 'AppTemplate', ...groups].sort();
  // A value some environment lacks is left out of it: optional.
  const lacking = (path: readonly string[]) => all.some((settings) => valueAt(settings, path) === undefined);
  const values =
    varying.length > 0
      ? ['interface Values {', ...varying.map(({ path, name }) => `${INDENT}${name}${lacking(path) ? '?' : ''}: ${typeOf(path)};`), '}', '']
      : [];
  return [
    '/**',
    ' * Imported by connected-app import, one environment per org (import --into): settings that',
    ' * differ between the orgs are environment values.',
    ' * Every field is described, with its Setup label, in generator/model/template.ts.',
    ' */',
    ...(scopeCast ? ["import type { OAuthScope } from '../generator/model/scopes';"] : []),
    `import type { ${typeNames.join(', ')} } from '../generator/model/template';`,
    '',
    ...values,
    `const template: AppTemplate${varying.length > 0 ? '<Values>' : ''} = {`,
    `${INDENT}environments: {`,
    ...environments,
    `${INDENT}},`,
    ...(options.kind === DEFAULT_KIND ? [] : [`${INDENT}kind: ${quote(options.kind)},`]),
    varying.length > 0 ? `${INDENT}app: (env): AppSettings => (${appText}),` : `${INDENT}app: ${appText},`,
    '};',
    '',
    'export default template;',
    '',
  ].join('\n');
}
