import { readFileSync } from 'node:fs';
import { CONNECTED_APP_SCHEMA } from '../../generator/model/connectedAppSchema';
import { XSD_FILE, requireShared } from '../helpers/paths';

/** The element names of a complex type's sequence in the XSD, in order. */
function xsdSequence(xsd: string, type: string): string[] {
  const block = new RegExp(`<xsd:complexType name="${type}">([\\s\\S]*?)</xsd:complexType>`).exec(xsd)?.[1] ?? '';
  return [...block.matchAll(/<xsd:element name="(\w+)"/g)].map((match) => match[1]).filter((name) => name !== 'fullName');
}

describe('CONNECTED_APP_SCHEMA', () => {
  test('every complex type it refers to is defined', () => {
    for (const specs of Object.values(CONNECTED_APP_SCHEMA.types)) {
      for (const spec of specs) if (spec.type.kind === 'complex') expect(CONNECTED_APP_SCHEMA.types).toHaveProperty(spec.type.type);
    }
  });

  describe('element order and cardinality match metadata-66.xsd', () => {
    if (!requireShared(XSD_FILE, 'schema tables against the XSD')) return;
    const xsd = readFileSync(XSD_FILE, 'utf8');
    test.each(Object.keys(CONNECTED_APP_SCHEMA.types))('%s', (type) => {
      const specs = CONNECTED_APP_SCHEMA.types[type];
      expect(specs.map((spec) => spec.name)).toEqual(xsdSequence(xsd, type));
      const block = new RegExp(`<xsd:complexType name="${type}">([\\s\\S]*?)</xsd:complexType>`).exec(xsd)?.[1] ?? '';
      for (const spec of specs) {
        const element = new RegExp(`<xsd:element name="${spec.name}"([^>]*)/>`).exec(block)?.[1] ?? '';
        expect([spec.name, Boolean(spec.repeated)]).toEqual([spec.name, element.includes('maxOccurs="unbounded"')]);
        expect([spec.name, Boolean(spec.required)]).toEqual([spec.name, !element.includes('minOccurs="0"')]);
      }
    });
  });
});
