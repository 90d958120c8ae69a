/**
 * The rules the External Client App renderer relies on, on real retrieved ECA files: children
 * in schema order (ASCII order of the names), and scopes comma-separated with the names and in
 * the order of the External Client App scope table.
 */
import { XMLParser } from 'fast-xml-parser';
import { join } from 'node:path';
import { EXTERNAL_CLIENT_APPLICATION_SCHEMA } from '../../generator/model/externalClientAppSchema';
import { EXTERNAL_CLIENT_APP_SCOPES } from '../../generator/model/externalClientAppScopes';
import { corpusFiles } from '../helpers/corpus';
import { CORPORA, requireShared } from '../helpers/paths';

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false });

for (const corpus of CORPORA) {
  describe(`real retrieved External Client App files of ${corpus.name} follow the rules the renderer relies on`, () => {
    if (!requireShared(join(corpus.dir, 'eca'), `${corpus.name} ECA ordering checks`)) return;
    const files = corpusFiles(corpus.dir, 'eca');
    const retrieved = files.filter((file) => file.retrieveShaped);

    test('the corpus has retrieve-shaped ECA files to check', () => {
      console.log(
        `${corpus.name}: ${retrieved.length} retrieve-shaped External Client App files checked, ${files.length - retrieved.length} others left out`,
      );
      expect(retrieved.length).toBeGreaterThanOrEqual(5);
    });

    test.each(retrieved.map((file) => [file.name, file] as const))('%s', (_name, file) => {
      const [root] = (parser.parse(file.text) as Record<string, unknown>[]).filter((node) => !('?xml' in node));
      const type = Object.keys(root).find((key) => key !== ':@') as string;
      const specs = EXTERNAL_CLIENT_APPLICATION_SCHEMA.types[type];
      expect(specs).toBeDefined();
      const names = (root[type] as Record<string, unknown>[]).map((node) => Object.keys(node)[0]).filter((name) => name !== '#text');
      expect(names).toEqual([...names].sort());
      const rank = new Map(specs.map((spec, index) => [spec.name, index]));
      const known = names.filter((name) => rank.has(name)).map((name) => rank.get(name) as number);
      expect(known).toEqual([...known].sort((a, b) => a - b));

      // Scopes: names of the External Client App table, in its order (externalClientAppScopes.ts).
      const scopes = /<commaSeparatedOauthScopes>([^<]*)</.exec(file.text)?.[1];
      if (scopes !== undefined) {
        const ranks = scopes.split(', ').map((name) => EXTERNAL_CLIENT_APP_SCOPES.findIndex((entry) => entry.name === name));
        expect(ranks.every((value) => value >= 0)).toBe(true);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }
    });
  });
}
