/**
 * Metadata as data: the object of a Metadata API type (element name → value), the document a
 * renderer makes of it, and typed readers for values read back from a file.
 */
import type { MetadataTypeInfo } from './registry';
import type { MetadataSchema } from './schema';

/**
 * A value of a metadata object: a scalar, a nested object, a list for repeated elements, or
 * `null` for an element present without a value (`xsi:nil`, as old retrieves write it).
 */
export type MetadataValue = string | number | boolean | null | MetadataObject | readonly MetadataValue[];

/** A metadata object: element name → value; `undefined` means the element is absent. */
export interface MetadataObject {
  readonly [element: string]: MetadataValue | undefined;
}

/** A metadata document before it becomes a file: its type, component name, schema and object. */
export interface MetadataDocument {
  readonly type: MetadataTypeInfo;
  readonly fullName: string;
  readonly schema: MetadataSchema;
  readonly object: MetadataObject;
}

/** True for a nested object (not a scalar, a list or nil). */
export function isMetadataObject(value: MetadataValue | undefined): value is MetadataObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as text, or undefined when it is not text. */
export const textOf = (value: MetadataValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/** The value as a flag, or undefined when it is not one. */
export const flagOf = (value: MetadataValue | undefined): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

/** The value as a number, or undefined when it is not one. */
export const numberOf = (value: MetadataValue | undefined): number | undefined => (typeof value === 'number' ? value : undefined);

/** The value as a nested object, or undefined when it is not one. */
export const objectOf = (value: MetadataValue | undefined): MetadataObject | undefined => (isMetadataObject(value) ? value : undefined);

/** A repeated element's values, or undefined when the element is absent. */
export const listOf = (value: MetadataValue | undefined): readonly MetadataValue[] | undefined =>
  Array.isArray(value) ? value : undefined;

/** A repeated complex element's objects, or undefined when the element is absent. */
export const objectsOf = (value: MetadataValue | undefined): readonly MetadataObject[] | undefined =>
  listOf(value)?.filter(isMetadataObject);

/** A scalar's text (numbers and flags written as a file writes them); '' for anything else. */
export function scalarText(value: MetadataValue | undefined): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** `true` when set and not Salesforce's default `false`: the shape an imported flag takes. */
export const onlyTrue = (value: MetadataValue | undefined): true | undefined => (value === true ? true : undefined);

/** Drops undefined fields, so an object lists only what was set. */
export function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
