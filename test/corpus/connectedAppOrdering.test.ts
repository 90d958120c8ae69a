/**
 * The ordering rules the renderer relies on, checked on real files a Salesforce retrieve
 * wrote: children in schema order at every level, repeated elements together, scopes in
 * canonical order, and the retrieve's text format.
 */
import { XMLParser } from 'fast-xml-parser';
import { join } from 'node:path';
import { CONNECTED_APP_SCHEMA } from '../../generator/model/connectedAppSchema';
import { OAUTH_SCOPES } from '../../generator/model/scopes';
import { corpusFiles } from '../helpers/corpus';
import { CORPORA, requireShared } from '../helpers/paths';

type Ordered = Record<string, unknown>[];

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: true });

/** The element names of an ordered node list, text nodes left out. */
const childNames = (nodes: Ordered): string[] =>
  nodes.map((node) => Object.keys(node).find((key) => key !== ':@') as string).filter((name) => name !== '#text');

/** Checks one element's children against its schema type; returns the violations. */
function orderViolations(nodes: Ordered, typeName: string, path: string): string[] {
  const specs = CONNECTED_APP_SCHEMA.types[typeName];
  if (!specs) return [];
  const rank = new Map(specs.map((spec, index) => [spec.name, index]));
  const names = childNames(nodes);
  const violations: string[] = [];
  names.forEach((name, index) => {
    if (index > 0 && (rank.get(name) ?? -1) < (rank.get(names[index - 1]) ?? -1))
      violations.push(`${path}: ${name} after ${names[index - 1]}`);
  });
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
    const spec = specs.find((candidate) => candidate.name === name);
    if (name && spec?.type.kind === 'complex')
      violations.push(...orderViolations(node[name] as Ordered, spec.type.type, `${path}/${name}`));
  }
  return violations;
}

function scopesOf(text: string): string[] {
  return [...text.matchAll(/<scopes>([^<]*)<\/scopes>/g)].map((match) => match[1]);
}

for (const corpus of CORPORA) {
  describe(`real retrieved ConnectedApp files of ${corpus.name} follow the rules the renderer relies on`, () => {
    if (!requireShared(join(corpus.dir, 'connectedApp'), `${corpus.name} ordering checks`)) return;
    const files = corpusFiles(corpus.dir, 'connectedApp');
    const retrieved = files.filter((file) => file.retrieveShaped);

    test('the corpus has retrieve-shaped files to check', () => {
      console.log(
        `${corpus.name}: ${retrieved.length} retrieve-shaped ConnectedApp files checked, ${files.length - retrieved.length} hand-written ones left out`,
      );
      expect(retrieved.length).toBeGreaterThanOrEqual(20);
    });

    test.each(retrieved.map((file) => [file.name, file] as const))('%s', (_name, file) => {
      const document = parser.parse(file.text) as Ordered;
      const root = document.find((node) => 'ConnectedApp' in node) as Record<string, Ordered>;
      expect(root).toBeDefined();
      expect(orderViolations(root.ConnectedApp, 'ConnectedApp', 'ConnectedApp')).toEqual([]);

      const scopes = scopesOf(file.text);
      const ranks = scopes.map((scope) => OAUTH_SCOPES.indexOf(scope as (typeof OAUTH_SCOPES)[number]));
      expect(ranks.every((rank) => rank >= 0)).toBe(true);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

      const lines = file.text.split('\n');
      // Retrieves written by older API versions add the xsi namespace for an xsi:nil element.
      expect(lines[1]).toMatch(
        /^<ConnectedApp xmlns="http:\/\/soap\.sforce\.com\/2006\/04\/metadata"( xmlns:xsi="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance")?>$/,
      );
      const elementLines = lines.filter((line) => /^\s*</.test(line));
      expect(elementLines.every((line) => (line.length - line.trimStart().length) % 4 === 0 && !line.startsWith('\t'))).toBe(true);
      // Repeated elements are contiguous: no name reappears after another element intervened.
      const topLevel = childNames(root.ConnectedApp);
      expect(
        topLevel.filter((name, index) => index > 0 && name !== topLevel[index - 1] && topLevel.slice(0, index - 1).includes(name)),
      ).toEqual([]);
    });
  });
}
