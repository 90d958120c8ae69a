/**
 * Turns a metadata object (the shape of a Metadata API type) into the XML tree a
 * retrieve at a given API version would write: elements in schema order, repeated
 * elements kept together, and elements the version does not have left out.
 */
import { type MetadataObject, type MetadataValue, isMetadataObject } from '../model/metadata';
import { type ElementSpec, type MetadataSchema, existsAt } from '../model/schema';
import type { XmlElement } from '../xml';

function serializeValue(spec: ElementSpec, value: MetadataValue, schema: MetadataSchema, apiVersion: number): XmlElement {
  if (value === null) return { name: spec.name, nil: true };
  if (spec.type.kind === 'complex') {
    if (!isMetadataObject(value)) throw new TypeError(`${spec.name} must be an object`);
    return { name: spec.name, children: serializeType(spec.type.type, value, schema, apiVersion) };
  }
  if (typeof value === 'object') throw new TypeError(`${spec.name} must be a scalar`);
  return { name: spec.name, text: String(value) };
}

function serializeType(typeName: string, object: MetadataObject, schema: MetadataSchema, apiVersion: number): XmlElement[] {
  const specs = schema.types[typeName];
  if (!specs) throw new TypeError(`unknown metadata type ${typeName}`);
  const known = new Set(specs.map((spec) => spec.name));
  const unknown = Object.keys(object).filter((key) => !known.has(key) && object[key] !== undefined);
  if (unknown.length > 0) throw new TypeError(`${typeName} has no element ${unknown.join(', ')}`);

  const elements: XmlElement[] = [];
  for (const spec of specs) {
    const value = object[spec.name];
    if (value === undefined || !existsAt(spec, apiVersion)) continue;
    const values: readonly MetadataValue[] = spec.repeated && Array.isArray(value) ? value : [value];
    for (const item of values) elements.push(serializeValue(spec, item, schema, apiVersion));
  }
  return elements;
}

/** The document element for `object`, an instance of the schema's root type. */
export function serializeMetadata(object: MetadataObject, schema: MetadataSchema, apiVersion: number): XmlElement {
  return { name: schema.root, children: serializeType(schema.root, object, schema, apiVersion) };
}
