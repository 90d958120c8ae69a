/**
 * The import round trip on every ConnectedApp file of the shared corpus, through the CLI:
 * `import <file>` then `generate --app N --output-dir D`. A file a Salesforce retrieve wrote
 * must come back byte for byte, its consumer key aside; any other file must import (and then
 * stay the same through a second round trip) or be refused with a clear, one-line reason.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutOrgValues } from '../../generator/import/retrieveVersion';
import { type CorpusFile, corpusFiles } from '../helpers/corpus';
import { CORPUS_DIR, requireShared } from '../helpers/paths';
import { makeProject, runCli } from '../helpers/tempProject';

const CONNECTED_APP = /^(.+)\.(connectedApp-meta\.xml|connectedApp)$/;

interface Outcome {
  readonly file: CorpusFile;
  readonly imported: boolean;
  readonly identical: boolean;
  readonly stable: boolean;
  readonly stderr: string;
}

/** Imports `file` into a fresh project and renders it twice over (the second time from its own output). */
function roundTrip(file: CorpusFile): Outcome {
  const project = makeProject();
  const [, apiName] = CONNECTED_APP.exec(file.originalName) as RegExpExecArray;
  mkdirSync(join(project, 'in'));
  copyFileSync(file.path, join(project, 'in', file.originalName));
  const imported = runCli(project, ['import', `in/${file.originalName}`]);
  if (imported.status !== 0) return { file, imported: false, identical: false, stable: false, stderr: imported.stderr };
  const first = runCli(project, ['generate', '--app', apiName, '--output-dir', 'out1']);
  const output = join(project, 'out1', 'connectedApps', `${apiName}.connectedApp-meta.xml`);
  const generated = first.status === 0 ? readFileSync(output, 'utf8') : '';
  const identical = generated === withoutOrgValues(file.text);
  const again = runCli(project, ['import', output, '--name', 'again', '--allow-same-api-name']);
  const second = runCli(project, ['generate', '--app', 'again', '--output-dir', 'out2']);
  const regenerated =
    second.status === 0 ? readFileSync(join(project, 'out2', 'connectedApps', `${apiName}.connectedApp-meta.xml`), 'utf8') : '';
  return {
    file,
    imported: true,
    identical,
    stable: again.status === 0 && regenerated === generated,
    stderr: first.stderr + again.stderr + second.stderr,
  };
}

describe('import → generate round trip over the shared corpus', () => {
  if (!requireShared(join(CORPUS_DIR, 'connectedApp'), 'corpus round trip')) return;
  const files = corpusFiles('connectedApp');
  const outcomes = files.map(roundTrip);
  const retrieved = outcomes.filter((outcome) => outcome.file.retrieveShaped);

  test('reports the round-trip figures', () => {
    const identical = retrieved.filter((outcome) => outcome.identical).length;
    const refused = outcomes.filter((outcome) => !outcome.imported).length;
    console.log(
      `${identical}/${retrieved.length} retrieved files byte-identical; ${outcomes.length - retrieved.length} other files: ${refused} refused with a reason, the rest stable`,
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

  const others = outcomes.filter((outcome) => !outcome.file.retrieveShaped);
  test.each(others.map((outcome) => [outcome.file.name, outcome] as const))(
    'hand-written %s imports and is stable, or is refused with a reason',
    (_name, outcome) => {
      if (outcome.imported) {
        expect(outcome.stable).toBe(true);
      } else {
        expect(outcome.stderr).toMatch(/^Error \(\w+\): .+\n/);
        expect(outcome.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      }
    },
  );
});

/** The corpus's External Client App files, grouped by the repository they came from. */
function ecaGroups(): Map<string, CorpusFile[]> {
  const groups = new Map<string, CorpusFile[]>();
  for (const file of corpusFiles('eca')) {
    const repo = file.name.split('__').slice(0, 2).join('__');
    groups.set(repo, [...(groups.get(repo) ?? []), file]);
  }
  return groups;
}

const ECA_FOLDERS: Record<string, string> = {
  eca: 'externalClientApps',
  ecaGlblOauth: 'extlClntAppGlobalOauthSets',
  ecaOauth: 'extlClntAppOauthSettings',
  ecaOauthPlcy: 'extlClntAppOauthPolicies',
  ecaPlcy: 'extlClntAppPolicies',
};

describe('import → generate round trip over the corpus External Client App sets', () => {
  if (!requireShared(join(CORPUS_DIR, 'eca'), 'ECA corpus round trip')) return;
  const results = [...ecaGroups()].map(([repo, files]) => {
    const project = makeProject();
    for (const file of files) {
      const suffix = /\.(\w+)-meta\.xml$/.exec(file.originalName)?.[1] ?? '';
      mkdirSync(join(project, 'in', ECA_FOLDERS[suffix]), { recursive: true });
      copyFileSync(file.path, join(project, 'in', ECA_FOLDERS[suffix], file.originalName));
    }
    const imported = runCli(project, ['import', 'in', '--json']);
    if (imported.status !== 0)
      return { repo, files, imported: false, identical: [] as boolean[], stderr: imported.stderr + imported.stdout };
    const apps = JSON.parse(imported.stdout).result.apps as { template: string; sources: string[] }[];
    const identical = apps.flatMap((app) => {
      runCli(project, ['generate', '--app', app.template, '--output-dir', `out-${app.template}`]);
      return app.sources.map((source) => {
        const [folder, name] = source.split('/').slice(-2);
        let generated = '';
        try {
          generated = readFileSync(join(project, `out-${app.template}`, folder, name), 'utf8');
        } catch {
          // Not rendered back: not identical.
        }
        return generated === withoutOrgValues(readFileSync(join(project, source), 'utf8'));
      });
    });
    return { repo, files, imported: true, identical, stderr: '' };
  });

  test('reports the figures', () => {
    const sets = results.filter((result) => result.files.every((file) => file.retrieveShaped));
    console.log(
      `External Client Apps: ${sets.filter((set) => set.identical.length > 0 && set.identical.every(Boolean)).length}/${sets.length} retrieved sets byte-identical; ${results.filter((result) => !result.imported).length} of ${results.length} groups refused with a reason`,
    );
    expect(results.length).toBeGreaterThan(0);
  });

  test.each(results.map((result) => [result.repo, result] as const))('%s', (_repo, result) => {
    if (result.files.every((file) => file.retrieveShaped)) {
      expect(result.stderr).toBe('');
      expect(result.identical.length).toBeGreaterThan(0);
      expect(result.identical.every(Boolean)).toBe(true);
    } else if (!result.imported) {
      expect(result.stderr).toMatch(/"message":|^Error \(\w+\): /m);
    }
  });
});
