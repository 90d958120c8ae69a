/**
 * The source of a new template module (`connected-app new`): the shape of the built-in template
 * — environments with a base URL each, callback paths on every environment's site, the scopes —
 * filled in from the command line. Every value is written as a string literal through the one
 * encoder of template modules (quote()); the code around the values is fixed text.
 */
import { quote } from '../import/templateSource';
import { type AppKind, DEFAULT_KIND } from '../model/appKind';

export interface ScaffoldOptions {
  readonly label: string;
  /** Environment name → the app's base URL there, in order. */
  readonly environments: readonly (readonly [string, string])[];
  readonly callbackPaths: readonly string[];
  readonly scopes: readonly string[];
  readonly kind: AppKind;
}

const list = (values: readonly string[]): string => `[${values.map(quote).join(', ')}]`;

/** The TypeScript source of `templates/<name>.ts`. */
export function scaffoldSource(options: ScaffoldOptions): string {
  return [
    '/**',
    ' * Made by connected-app new. Every field is described, with its Setup label, in',
    ' * generator/model/template.ts; the built-in templates/fullcast-motion-package.ts is a complete example.',
    ' */',
    "import type { AppTemplate } from '../generator/model/template';",
    '',
    '/** Paths on each environment’s site that Salesforce may send users back to after they authorize the app. */',
    `const CALLBACK_PATHS = ${list(options.callbackPaths)};`,
    '',
    'const template: AppTemplate<{ baseUrl: string }> = {',
    '  environments: {',
    ...options.environments.map(
      ([name, baseUrl]) => `    ${/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name)}: { baseUrl: ${quote(baseUrl)} },`,
    ),
    '  },',
    ...(options.kind === DEFAULT_KIND ? [] : [`  kind: ${quote(options.kind)},`]),
    '  app: ({ baseUrl }) => ({',
    `    label: ${quote(options.label)},`,
    '    oauth: {',
    '      callbackUrls: CALLBACK_PATHS.map((path) => `${baseUrl}${path}`),',
    `      scopes: ${list(options.scopes)},`,
    '    },',
    '  }),',
    '};',
    '',
    'export default template;',
    '',
  ].join('\n');
}
