/**
 * The import round trip over every corpus folder (../shared/corpus and ../shared/corpus-wide),
 * in-process through the CLI: `import` then `generate --output-dir`. A ConnectedApp a Salesforce
 * retrieve wrote must come back byte for byte, its consumer key aside; an External Client App set
 * of retrieved files must come back as the same set of files, each byte for byte once org-assigned
 * values are taken out. Any other file or set must import and then stay the same through a second
 * round trip, or be refused with a one-line reason.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withoutOrgValues } from '../../generator/import/retrieveVersion';
import { METADATA_TYPES } from '../../generator/model/registry';
import { type CorpusFile, corpusFiles } from '../helpers/corpus';
import { CORPORA, requireShared } from '../helpers/paths';
import { makeProject, runCli } from '../helpers/tempProject';

const CONNECTED_APP = /^(.+)\.(connectedApp-meta\.xml|connectedApp)$/;

/** A one-line refusal naming what is wrong, and no stack trace. */
function expectRefusedWithReason(stderr: string): void {
  expect(stderr).toMatch(/^Error \(\w+\): .+\n/);
  expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

interface Outcome {
  readonly file: CorpusFile;
  readonly imported: boolean;
  readonly identical: boolean;
  readonly stable: boolean;
  readonly stderr: string;
}

/** Imports one ConnectedApp file into `project` as template `t<index>`, renders it, then renders its own output again. */
function connectedAppRoundTrip(project: string, file: CorpusFile, index: number): Outcome {
  const [, apiName] = CONNECTED_APP.exec(file.originalName) as RegExpExecArray;
  const source = join('in', String(index), file.originalName);
  mkdirSync(join(project, 'in', String(index)), { recursive: true });
  copyFileSync(file.path, join(project, source));
  const imported = runCli(project, ['import', source, '--name', `t${index}`, '--allow-same-api-name']);
  if (imported.status !== 0) return { file, imported: false, identical: false, stable: false, stderr: imported.stderr };
  const output = join('out', String(index), 'connectedApps', `${apiName}.connectedApp-meta.xml`);
  const first = runCli(project, ['generate', '--app', `t${index}`, '--output-dir', join('out', String(index))]);
  const generated = first.status === 0 ? readFileSync(join(project, output), 'utf8') : '';
  const again = runCli(project, ['import', output, '--name', `a${index}`, '--allow-same-api-name']);
  const second = runCli(project, ['generate', '--app', `a${index}`, '--output-dir', join('again', String(index))]);
  const regenerated =
    second.status === 0
      ? readFileSync(join(project, 'again', String(index), 'connectedApps', `${apiName}.connectedApp-meta.xml`), 'utf8')
      : '';
  return {
    file,
    imported: true,
    identical: generated === withoutOrgValues(file.text),
    stable: again.status === 0 && regenerated === generated,
    stderr: first.stderr + again.stderr + second.stderr,
  };
}

for (const corpus of CORPORA) {
  describe(`import → generate round trip over the ${corpus.name} ConnectedApps`, () => {
    if (!requireShared(join(corpus.dir, 'connectedApp'), `${corpus.name} ConnectedApp round trip`)) return;
    const project = makeProject();
    const outcomes = corpusFiles(corpus.dir, 'connectedApp').map((file, index) => connectedAppRoundTrip(project, file, index));
    const retrieved = outcomes.filter((outcome) => outcome.file.retrieveShaped);
    const others = outcomes.filter((outcome) => !outcome.file.retrieveShaped);

    test('reports the round-trip figures', () => {
      const identical = retrieved.filter((outcome) => outcome.identical).length;
      const refused = others.filter((outcome) => !outcome.imported).length;
      console.log(
        `${corpus.name}: ${identical}/${retrieved.length} retrieved ConnectedApp files byte-identical; ${others.length} other files: ${others.length - refused} imported and stable, ${refused} refused with a reason`,
      );
      expect(retrieved.length).toBeGreaterThan(0);
    });

    test.each(retrieved.map((outcome) => [outcome.file.name, outcome] as const))(
      'retrieved %s comes back byte for byte',
      (_name, outcome) => {
        expect(outcome.stderr.includes('Error') ? outcome.stderr : '').toBe('');
        expect(outcome.imported).toBe(true);
        expect(outcome.identical).toBe(true);
        expect(outcome.stable).toBe(true);
      },
    );

    test.each(others.map((outcome) => [outcome.file.name, outcome] as const))(
      'other file %s imports and is stable, or is refused with a reason',
      (_name, outcome) => {
        if (outcome.imported) expect(outcome.stable).toBe(true);
        else expectRefusedWithReason(outcome.stderr);
      },
    );
  });
}

/** The folder of each External Client App suffix. */
const ECA_FOLDERS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(METADATA_TYPES).map((type) => [type.suffix, type.directoryName]),
);

/** The External Client App files of a corpus, grouped by the repository they came from (a set each). */
function ecaGroups(root: string): Map<string, CorpusFile[]> {
  const groups = new Map<string, CorpusFile[]>();
  for (const file of corpusFiles(root, 'eca')) {
    const repo = file.name.split('__').slice(0, 2).join('__');
    groups.set(repo, [...(groups.get(repo) ?? []), file]);
  }
  return groups;
}

/** The files under `folder` as `typeFolder/file` paths. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .flatMap((typeFolder) => readdirSync(join(folder, typeFolder)).map((file) => `${typeFolder}/${file}`))
    .sort();
}

interface SetOutcome {
  readonly repo: string;
  readonly files: readonly CorpusFile[];
  readonly imported: boolean;
  /** Per app: whether it came back as the same set of files, each byte for byte. */
  readonly identical: readonly boolean[];
  /** Per app: whether importing its own output and rendering again changes nothing. */
  readonly stable: readonly boolean[];
  readonly stderr: string;
}

/** Imports one repository's set folder, renders each app, and renders each app's output again. */
function ecaRoundTrip(repo: string, files: readonly CorpusFile[]): SetOutcome {
  const project = makeProject();
  for (const file of files) {
    const suffix = /\.(\w+)-meta\.xml$/.exec(file.originalName)?.[1] ?? '';
    mkdirSync(join(project, 'in', ECA_FOLDERS[suffix]), { recursive: true });
    copyFileSync(file.path, join(project, 'in', ECA_FOLDERS[suffix], file.originalName));
  }
  const imported = runCli(project, ['import', 'in', '--json']);
  if (imported.status !== 0) return { repo, files, imported: false, identical: [], stable: [], stderr: imported.stderr + imported.stdout };
  const apps = JSON.parse(imported.stdout).result.apps as { template: string; sources: string[] }[];
  const identical: boolean[] = [];
  const stable: boolean[] = [];
  let stderr = '';
  for (const app of apps) {
    const out = join(project, 'out', app.template);
    stderr += runCli(project, ['generate', '--app', app.template, '--output-dir', join('out', app.template)]).stderr;
    const sources = app.sources.map((source) => source.split('/').slice(-2).join('/')).sort();
    identical.push(
      JSON.stringify(filesUnder(out)) === JSON.stringify(sources) &&
        sources.every(
          (path) => readFileSync(join(out, path), 'utf8') === withoutOrgValues(readFileSync(join(project, 'in', path), 'utf8')),
        ),
    );
    const again = runCli(project, ['import', join('out', app.template), '--name', `${app.template}-again`, '--allow-same-api-name']);
    stderr += again.stderr;
    runCli(project, ['generate', '--app', `${app.template}-again`, '--output-dir', join('again', app.template)]);
    const regenerated = join(project, 'again', app.template);
    stable.push(
      again.status === 0 &&
        JSON.stringify(filesUnder(regenerated)) === JSON.stringify(filesUnder(out)) &&
        filesUnder(out).every((path) => readFileSync(join(regenerated, path), 'utf8') === readFileSync(join(out, path), 'utf8')),
    );
  }
  return { repo, files, imported: true, identical, stable, stderr: stderr.includes('Error') ? stderr : '' };
}

for (const corpus of CORPORA) {
  describe(`import → generate round trip over the ${corpus.name} External Client App sets`, () => {
    if (!requireShared(join(corpus.dir, 'eca'), `${corpus.name} External Client App round trip`)) return;
    const results = [...ecaGroups(corpus.dir)].map(([repo, files]) => ecaRoundTrip(repo, files));
    const retrieved = results.filter((result) => result.files.every((file) => file.retrieveShaped));

    test('reports the figures', () => {
      const identical = retrieved.filter((set) => set.identical.length > 0 && set.identical.every(Boolean)).length;
      const others = results.length - retrieved.length;
      const refused = results.filter((result) => !result.imported).length;
      console.log(
        `${corpus.name}: ${identical}/${retrieved.length} retrieved External Client App sets come back file for file, byte for byte; ${others} other sets: ${others - refused} imported and stable, ${refused} refused with a reason`,
      );
      expect(results.length).toBeGreaterThan(0);
    });

    test.each(results.map((result) => [result.repo, result] as const))('%s', (_repo, result) => {
      if (result.files.every((file) => file.retrieveShaped)) {
        expect(result.stderr).toBe('');
        expect(result.identical.length).toBeGreaterThan(0);
        expect(result.identical.every(Boolean)).toBe(true);
        expect(result.stable.every(Boolean)).toBe(true);
      } else if (result.imported) {
        expect(result.stable.every(Boolean)).toBe(true);
      } else {
        expect(result.stderr).toMatch(/"message":|^Error \(\w+\): /m);
      }
    });
  });
}
