/**
 * Property: whatever text an imported file holds, in any of its text fields — comment ends,
 * template-literal openers, backticks, quotes, backslashes, line and paragraph separators,
 * non-ASCII, payloads of code — the template module import writes type-checks, loads with no
 * side effect, and gives every value back byte for byte. Imported files are data and can never
 * become code. fast-check makes 1,000 files; one TypeScript program type-checks every module.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { connectedAppSettings } from '../../generator/import/connectedAppSettings';
import { readMetadata } from '../../generator/import/readMetadata';
import { templateSource } from '../../generator/import/templateSource';
import { rawElementText } from '../../generator/import/units';
import { CONNECTED_APP_SCHEMA } from '../../generator/model/connectedAppSchema';
import type { AppSettings, AppTemplate } from '../../generator/model/template';
import { loadTemplateModule } from '../../generator/project/templates';
import { renderApp } from '../../generator/render/index';
import { parseMetadataXml } from '../../generator/xml';
import { REPO_ROOT } from '../helpers/paths';

const RUNS = 1000;

/** Pieces that end or open code in some position of a TypeScript module. */
const PAYLOADS = [
  '*/',
  '/*',
  '//',
  '${',
  '`',
  "'",
  '"',
  '\\',
  '\u2028',
  '\u2029',
  '\n',
  '</',
  ']]>',
  '&amp;',
  'throw new Error("ran");',
  '});',
  '#!',
];

/** Any text an XML file can hold (no control characters but line feed), payloads mixed in. */
const hostile = (maxLength: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ unit: 'grapheme', maxLength: 6 })), { minLength: 1, maxLength: 8 })
    .map((parts) =>
      Array.from(parts.join('').replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, ''))
        .slice(0, maxLength)
        .join(''),
    )
    .filter((value) => value.trim() !== '' && value === value.trim());

/** A label is one line of at most 80 characters. */
const label = hostile(80).filter((value) => !/[\n\u2028\u2029]/.test(value));

const settings: fc.Arbitrary<AppSettings> = fc
  .record({
    label,
    description: hostile(200),
    contactPhone: hostile(40),
    key: hostile(40),
    formula: hostile(200),
    profiles: fc.uniqueArray(hostile(40), { minLength: 1, maxLength: 3 }),
    permissionSets: fc.uniqueArray(hostile(40), { minLength: 1, maxLength: 3 }),
    runAs: hostile(40),
    sessionLevel: hostile(20),
    plugin: hostile(40),
    rangeDescription: hostile(60),
  })
  .map((value): AppSettings => ({
    label: value.label,
    apiName: 'Hostile_App',
    existsInOrg: true,
    contactEmail: 'ops@example.com',
    contactPhone: value.contactPhone,
    description: value.description,
    oauth: { callbackUrls: ['https://app.example.com/cb'], scopes: ['Api'], enableClientCredentialsFlow: true },
    policies: {
      permittedUsers: 'admin-approved',
      clientCredentialsRunAs: value.runAs,
      sessionLevel: value.sessionLevel,
      profiles: value.profiles,
      permissionSets: value.permissionSets,
    },
    attributes: [{ key: value.key, formula: value.formula }],
    ipRanges: [{ start: '10.0.0.1', end: '10.0.0.9', description: value.rangeDescription }],
    plugin: value.plugin,
    metadataApiVersion: '66.0',
  }));

const render = (app: AppSettings): string =>
  renderApp({
    template: 't',
    environment: 'default',
    kind: 'connected-app',
    settings: app,
    apiName: 'Hostile_App',
    contactEmail: app.contactEmail ?? null,
    apiVersion: 66,
  })[0].content;

/** A project folder whose templates can `import type` the model, as real templates do. */
function scratchProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'connected-app-hostile-'));
  mkdirSync(join(root, 'templates'));
  symlinkSync(join(REPO_ROOT, 'generator'), join(root, 'generator'), 'dir');
  return root;
}

test(`${RUNS} imported files with hostile text in every text field: the modules type-check, load inertly and give every value back`, () => {
  const root = scratchProject();
  const modules: string[] = [];
  fc.assert(
    fc.property(settings, (app) => {
      const file = render(app);
      const problems: { field: string; message: string }[] = [];
      const object = readMetadata(parseMetadataXml(file, 'in.xml'), CONNECTED_APP_SCHEMA, problems);
      const imported = connectedAppSettings(object ?? {}, 'Hostile_App', rawElementText(file, 'callbackUrl'), problems);
      expect(problems).toEqual([]);
      const name = `case-${modules.length}`;
      const source = templateSource({
        settings: { ...imported.settings, metadataApiVersion: '66.0' },
        environment: 'default',
        kind: 'connected-app',
        unknownScopes: new Set(),
      });
      writeFileSync(join(root, 'templates', `${name}.ts`), source);
      modules.push(join(root, 'templates', `${name}.ts`));
      const exported = loadTemplateModule(root, name).exported as AppTemplate;
      const loaded = exported.app as AppSettings;
      expect(loaded).toEqual({ ...imported.settings, metadataApiVersion: '66.0' });
      expect(render(loaded)).toBe(file);
    }),
    { numRuns: RUNS, seed: 20261202 },
  );
  const program = ts.createProgram(modules, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  expect(diagnostics).toEqual([]);
  expect(modules).toHaveLength(RUNS);
});
