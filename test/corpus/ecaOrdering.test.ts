/**
 * The rules the External Client App renderer relies on, on real retrieved ECA files: children
 * in schema order (ASCII order of the names), labels, and scopes comma-separated in
 * canonical order.
 */
import { XMLParser } from 'fast-xml-parser';
import { join } from 'node:path';
import { EXTERNAL_CLIENT_APPLICATION_SCHEMA } from '../../generator/model/externalClientAppSchema';
import { OAUTH_SCOPES } from '../../generator/model/scopes';
import { corpusFiles } from '../helpers/corpus';
import { CORPUS_DIR, requireShared } from '../helpers/paths';

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false });

describe('real retrieved External Client App files follow the rules the renderer relies on', () => {
  if (!requireShared(join(CORPUS_DIR, 'eca'), 'ECA corpus checks')) return;
  const files = corpusFiles('eca');
  const retrieved = files.filter((file) => file.retrieveShaped);

  test('the corpus has retrieve-shaped ECA files to check', () => {
    console.log(
      `corpus: ${retrieved.length} retrieve-shaped External Client App files checked, ${files.length - retrieved.length} others left out`,
    );
    expect(retrieved.length).toBeGreaterThanOrEqual(10);
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

    const scopes = /<commaSeparatedOauthScopes>([^<]*)</.exec(file.text)?.[1];
    if (scopes !== undefined) {
      const ranks = scopes.split(', ').map((scope) => OAUTH_SCOPES.indexOf(scope as (typeof OAUTH_SCOPES)[number]));
      expect(ranks.every((value) => value >= 0)).toBe(true);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });
});
