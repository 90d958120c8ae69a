import { readFileSync } from 'node:fs';
import { CONNECTED_APP_SCHEMA } from '../../generator/model/connectedAppSchema';
import { EXTERNAL_CLIENT_APPLICATION_SCHEMA } from '../../generator/model/externalClientAppSchema';
import type { MetadataSchema } from '../../generator/model/schema';
import { XSD_FILE, requireShared } from '../helpers/paths';

const SCHEMAS: Record<string, MetadataSchema> = {
  ConnectedApp: CONNECTED_APP_SCHEMA,
  'External Client App': EXTERNAL_CLIENT_APPLICATION_SCHEMA,
};

/** A complex type's block in the XSD. */
const block = (xsd: string, type: string) =>
  new RegExp(`<xsd:complexType name="${type}">([\\s\\S]*?)</xsd:complexType>`).exec(xsd)?.[1] ?? '';

describe.each(Object.entries(SCHEMAS))('%s schema tables', (_name, schema) => {
  test('every complex type they refer to is defined', () => {
    for (const specs of Object.values(schema.types)) {
      for (const spec of specs) if (spec.type.kind === 'complex') expect(schema.types).toHaveProperty(spec.type.type);
    }
  });

  describe('match metadata-66.xsd: the elements of API 66.0, in order, with their cardinality', () => {
    if (!requireShared(XSD_FILE, 'schema tables against the XSD')) return;
    const xsd = readFileSync(XSD_FILE, 'utf8');
    test.each(Object.keys(schema.types))('%s', (type) => {
      const specs = schema.types[type].filter((spec) => spec.maxApi === undefined || spec.maxApi >= 66);
      const xsdNames = [...block(xsd, type).matchAll(/<xsd:element name="(\w+)"/g)]
        .map((match) => match[1])
        .filter((name) => name !== 'fullName');
      expect(specs.map((spec) => spec.name)).toEqual(xsdNames);
      for (const spec of specs) {
        const element = new RegExp(`<xsd:element name="${spec.name}"([^>]*)/>`).exec(block(xsd, type))?.[1] ?? '';
        expect([spec.name, Boolean(spec.repeated)]).toEqual([spec.name, element.includes('maxOccurs="unbounded"')]);
        expect([spec.name, Boolean(spec.required)]).toEqual([spec.name, !element.includes('minOccurs="0"')]);
      }
    });
  });
});
