/**
 * Writes an imported app as a template module: readable TypeScript in the project's style
 * (two-space indent, single quotes, one field per line), typed with the same AppTemplate as
 * the built-in template. Imported files are data: every value they hold is written as a string
 * literal through quote(), never into a comment or any other position where it could be code.
 */
import { type AppKind, DEFAULT_KIND } from '../model/appKind';
import type { AppSettings } from '../model/template';

const INDENT = '  ';
const LINE_LIMIT = 100;

/** A single-quoted TypeScript string literal; non-ASCII text stays readable. */
export function quote(text: string): string {
  const escaped = text.replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, (character) => {
    switch (character) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `'${escaped}'`;
}

export const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Writes `value` as a TypeScript literal; strings in `casts` get ` as OAuthScope` (unknown scopes). */
export function literal(value: unknown, depth: number, casts: ReadonlySet<string>, path: string): string {
  if (value === null) return 'null';
  if (typeof value === 'string')
    return path.endsWith('oauth.scopes[]') && casts.has(value) ? `${quote(value)} as OAuthScope` : quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const pad = INDENT.repeat(depth + 1);
  const close = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    const items = value.map((item) => literal(item, depth + 1, casts, `${path}[]`));
    const inline = `[${items.join(', ')}]`;
    if (inline.length + pad.length <= LINE_LIMIT && !items.some((item) => item.includes('\n'))) return inline;
    return `[\n${items.map((item) => `${pad}${item},\n`).join('')}${close}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  const lines = entries.map(
    ([key, item]) => `${pad}${IDENTIFIER.test(key) ? key : quote(key)}: ${literal(item, depth + 1, casts, `${path}.${key}`)},\n`,
  );
  return `{\n${lines.join('')}${close}}`;
}

export interface TemplateSourceOptions {
  readonly settings: AppSettings;
  readonly environment: string;
  readonly kind: AppKind;
  /** Scopes this tool does not know, written with a cast so the module type-checks. */
  readonly unknownScopes: ReadonlySet<string>;
}

/** The TypeScript source of `templates/<name>.ts`. */
export function templateSource(options: TemplateSourceOptions): string {
  const { settings } = options;
  const settingsText = literal(settings, 1, options.unknownScopes, 'app');
  const usesScopeCast = settingsText.includes(' as OAuthScope');
  // Nothing read from the imported files goes into a comment: a value could end the comment and
  // become code. Values appear only as string literals, which quote() makes inert.
  const header = [
    '/**',
    ' * Imported by connected-app import.',
    ' * Every field is described, with its Setup label, in generator/model/template.ts.',
    ' */',
  ];
  const imports = usesScopeCast
    ? ["import type { OAuthScope } from '../generator/model/scopes';", "import type { AppTemplate } from '../generator/model/template';"]
    : ["import type { AppTemplate } from '../generator/model/template';"];
  const environments = `{\n${INDENT}${INDENT}${IDENTIFIER.test(options.environment) ? options.environment : quote(options.environment)}: {},\n${INDENT}}`;
  return [
    ...header,
    ...imports,
    '',
    'const template: AppTemplate = {',
    `${INDENT}environments: ${environments},`,
    ...(options.kind === DEFAULT_KIND ? [] : [`${INDENT}kind: ${quote(options.kind)},`]),
    `${INDENT}app: ${settingsText},`,
    '};',
    '',
    'export default template;',
    '',
  ].join('\n');
}
