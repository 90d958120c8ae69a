/**
 * The search for a retrieve's API version renders the files once for the band of versions that
 * writes the file's elements, whatever the file's size and however many versions there are: the
 * work is counted, not timed.
 */
import { type BuildFile, retrieveVersion } from '../../generator/import/retrieveVersion';
import type { MetadataDocument } from '../../generator/model/metadata';
import type { ResolvedApp } from '../../generator/model/resolvedApp';
import type { AppSettings } from '../../generator/model/template';
import { renderDocument } from '../../generator/render/document';
import { appDocuments } from '../../generator/render/index';

function documentsOf(profiles: number): MetadataDocument[] {
  const settings: AppSettings = {
    label: 'Big',
    oauth: { callbackUrls: ['https://a.example.com/cb'], scopes: ['Api'] },
    policies: { permittedUsers: 'admin-approved', profiles: Array.from({ length: profiles }, (_, index) => `Profile ${index}`) },
  };
  const app: ResolvedApp = {
    template: 't',
    environment: 'default',
    kind: 'connected-app',
    settings,
    apiName: 'Big',
    contactEmail: 'a@example.com',
    apiVersion: 66,
  };
  return appDocuments(app);
}

/** The search, with every rendering it makes counted. */
function search(documents: readonly MetadataDocument[], files: readonly string[]): { version?: number; builds: number } {
  let builds = 0;
  const build: BuildFile = (document, apiVersion) => {
    builds += 1;
    return renderDocument(document, apiVersion).content;
  };
  return { version: retrieveVersion(documents, files, build), builds };
}

describe('retrieveVersion', () => {
  test.each([57, 58, 60, 66])('finds the newest version writing what a retrieve at %i wrote', (retrievedAt) => {
    const documents = documentsOf(3);
    const file = renderDocument(documents[0], retrievedAt).content;
    // 60 and 66 write the same flags: a file of either pins the newest of them.
    expect(search(documents, [file]).version).toBe(retrievedAt >= 60 ? 66 : retrievedAt);
  });

  test('renders once for the matching band, for ten values or forty thousand', () => {
    for (const size of [10, 40_000]) {
      const documents = documentsOf(size);
      const outcome = search(documents, [renderDocument(documents[0], 52).content]);
      expect(outcome).toEqual({ version: 55, builds: 1 });
    }
  });

  test('renders nothing for a file no version writes (a reformatted file)', () => {
    const documents = documentsOf(3);
    const reformatted = renderDocument(documents[0], 66).content.replace('    <label>', '  <label>');
    expect(search(documents, [reformatted])).toEqual({ builds: 1 });
    const reordered = renderDocument(documents[0], 66).content.replace(/( {4}<contactEmail>.*\n)( {4}<label>.*\n)/, '$2$1');
    expect(search(documents, [reordered])).toEqual({ builds: 0 });
  });
});
