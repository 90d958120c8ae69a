/**
 * Fuzz: retrieved files, damaged at random — bytes cut, lines repeated or swapped, markup,
 * entities, a DOCTYPE, secrets or binary text put in — go through the import. The import
 * either fails with a typed error (one line) and writes nothing, or writes a template that
 * loads and validates and holds no secret. The seeds are the project's golden files and,
 * when ../shared is present, the retrieve-shaped files of the corpus.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import { importApps } from '../../generator/commands/import';
import { isAppError } from '../../generator/errors';
import { loadTemplateModule } from '../../generator/project/templates';
import { resolveApp } from '../../generator/validate/resolveApp';
import { corpusFiles } from '../helpers/corpus';
import { CORPUS_DIR, REPO_ROOT } from '../helpers/paths';

// Put together at run time: the project's own secret scan reads the tests too.
const CONSUMER_KEY = ['3MVG9', 'fuzzConsumerKeyValue'].join('');
const CONSUMER_SECRET = ['F0E1D2C3B4A59687', '78695A4B3C2D1E0F'].join('');

/** A set of files as a retrieve lays them out: project-relative path → content. */
type FileSet = ReadonlyMap<string, string>;

function goldenSets(): FileSet[] {
  const golden = join(REPO_ROOT, 'test', 'golden');
  const sets: FileSet[] = [];
  for (const env of ['prod', 'sandbox', 'api-52']) {
    const file = join(golden, 'connectedApp', env, 'Fullcast_Motion_Package.connectedApp-meta.xml');
    if (existsSync(file)) sets.push(new Map([[`retrieved/connectedApps/${basename(file)}`, readFileSync(file, 'utf8')]]));
  }
  for (const env of ['prod', 'sandbox']) {
    const folder = join(golden, 'eca', env);
    const set = new Map<string, string>();
    for (const type of readdirSync(folder)) {
      for (const name of readdirSync(join(folder, type)))
        set.set(`retrieved/${type}/${name}`, readFileSync(join(folder, type, name), 'utf8'));
    }
    sets.push(set);
  }
  return sets;
}

function corpusSets(): FileSet[] {
  if (!existsSync(join(CORPUS_DIR, 'connectedApp'))) {
    console.warn(`SKIPPED corpus seeds for the import fuzz: ${CORPUS_DIR} is absent; the golden files are the only seeds`);
    return [];
  }
  return corpusFiles(CORPUS_DIR, 'connectedApp')
    .filter((file) => file.retrieveShaped)
    .map((file) => new Map([[`retrieved/connectedApps/${file.originalName}`, file.text]]));
}

const SNIPPETS = [
  '<',
  '>',
  '&',
  '&#7;',
  '&#xD800;',
  '&lt;',
  ']]>',
  '<![CDATA[x]]>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
  '&b;',
  '<!-- note -->',
  '<?pi x?>',
  '\uFEFF',
  '\u0000',
  '\r\n',
  ' xmlns="urn:other"',
  '<label>Second label</label>',
  '<callbackUrl>https://x.example.com/cb</callbackUrl>',
  '<scopes>NoSuchScope</scopes>',
  '<isAdminApproved>maybe</isAdminApproved>',
  `<consumerKey>${CONSUMER_KEY}</consumerKey>`,
  `<consumerSecret>${CONSUMER_SECRET}</consumerSecret>`,
  '<unknownElement>1</unknownElement>',
  '</oauthConfig>',
  '<oauthConfig>',
];

type Mutation =
  | { readonly kind: 'cut'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'repeatLine'; readonly line: number }
  | { readonly kind: 'swapLines'; readonly line: number; readonly other: number }
  | { readonly kind: 'truncate'; readonly at: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ unit: 'binary', maxLength: 12 })),
  }),
  fc.record({ kind: fc.constant('repeatLine' as const), line: position }),
  fc.record({ kind: fc.constant('swapLines' as const), line: position, other: position }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
);

function mutate(text: string, change: Mutation): string {
  const lines = text.split('\n');
  const line = (at: number) => Math.floor(at * lines.length);
  switch (change.kind) {
    case 'cut': {
      const at = Math.floor(change.at * text.length);
      return text.slice(0, at) + text.slice(at + change.length);
    }
    case 'insert': {
      const at = Math.floor(change.at * (text.length + 1));
      return text.slice(0, at) + change.text + text.slice(at);
    }
    case 'repeatLine':
      lines.splice(line(change.line), 0, lines[line(change.line)]);
      return lines.join('\n');
    case 'swapLines': {
      const [a, b] = [line(change.line), line(change.other)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, Math.floor(change.at * text.length));
  }
}

function makeImportProject(files: FileSet): string {
  const folder = mkdtempSync(join(tmpdir(), 'connected-app-import-fuzz-'));
  cpSync(join(REPO_ROOT, 'sfdx-project.json'), join(folder, 'sfdx-project.json'));
  for (const [path, content] of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  return folder;
}

const templatesIn = (project: string): string[] => (existsSync(join(project, 'templates')) ? readdirSync(join(project, 'templates')) : []);

describe('damaged retrieved files through import', () => {
  const seeds = [...goldenSets(), ...corpusSets()];

  test('a typed error and nothing written, or a template that loads, validates and holds no secret', () => {
    const outcomes = { imported: 0, refused: 0 };
    fc.assert(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fc.nat(),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (seedIndex, fileChoice, changes) => {
          const seed = seeds[seedIndex];
          const paths = [...seed.keys()];
          const target = paths[fileChoice % paths.length];
          const files = new Map(seed);
          files.set(target, changes.reduce(mutate, seed.get(target) as string));
          const project = makeImportProject(files);
          try {
            let result;
            try {
              result = importApps({ cwd: project, paths: ['retrieved'] });
            } catch (error) {
              expect([isAppError(error), String((error as Error).message).includes('\n')]).toEqual([true, false]);
              expect(templatesIn(project)).toEqual([]);
              outcomes.refused++;
              return;
            }
            outcomes.imported++;
            expect(result.apps.length).toBeGreaterThan(0);
            for (const app of result.apps) {
              const source = readFileSync(join(project, app.templateFile), 'utf8');
              expect([app.templateFile, source.includes(CONSUMER_KEY), source.includes(CONSUMER_SECRET)]).toEqual([
                app.templateFile,
                false,
                false,
              ]);
              const { file, exported } = loadTemplateModule(project, app.template);
              const outcome = resolveApp({
                template: app.template,
                file: relative(project, file),
                exported,
                contactEmail: {},
                apiVersion: { version: 66, source: 'sourceApiVersion in sfdx-project.json' },
                requireContactEmail: false,
              });
              expect([app.templateFile, outcome.problems]).toEqual([app.templateFile, []]);
            }
          } finally {
            rmSync(project, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 1500, seed: 20261128 },
    );
    console.log(`1500 damaged file sets from ${seeds.length} seeds: ${outcomes.imported} imported, ${outcomes.refused} refused`);
    expect(outcomes.imported).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 300_000);
});
