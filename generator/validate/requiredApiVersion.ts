/**
 * The lowest API version a metadata object can be written in without losing a setting.
 * An element newer than the target version is left out of the file, which is harmless
 * when it holds Salesforce's default (the org applies the same value) and a silent
 * change otherwise; this finds the newest element of the second kind.
 */
import type { ElementSpec, MetadataSchema } from '../model/schema';
import type { MetadataObject, MetadataValue } from '../model/metadata';

/** The version needed and the element (path like `oauthPolicy.ipRelaxation`) that needs it. */
export interface VersionNeed {
  readonly version: number;
  readonly element: string;
}

function newer(a: VersionNeed | undefined, b: VersionNeed | undefined): VersionNeed | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.version > a.version ? b : a;
}

function isEmptyList(value: MetadataValue): boolean {
  return Array.isArray(value) && value.length === 0;
}

function asObjects(value: MetadataValue): MetadataObject[] {
  return (Array.isArray(value) ? value : [value]) as MetadataObject[];
}

/** The path of the first value below `path` that differs from Salesforce's default. */
function firstSetting(typeName: string, objects: readonly MetadataObject[], path: string, schema: MetadataSchema): string | undefined {
  for (const object of objects) {
    for (const spec of schema.types[typeName] ?? []) {
      const value = object[spec.name];
      if (value === undefined || value === spec.defaultValue || isEmptyList(value)) continue;
      const childPath = `${path}.${spec.name}`;
      if (spec.type.kind !== 'complex') return childPath;
      const nested = firstSetting(spec.type.type, asObjects(value), childPath, schema);
      if (nested) return nested;
    }
  }
  return undefined;
}

function needOfElement(spec: ElementSpec, value: MetadataValue, path: string, schema: MetadataSchema): VersionNeed | undefined {
  if (isEmptyList(value)) return undefined;
  if (spec.type.kind !== 'complex') {
    return spec.minApi === undefined || value === spec.defaultValue ? undefined : { version: spec.minApi, element: path };
  }
  const typeName = spec.type.type;
  const items = asObjects(value);
  const inner = items.reduce<VersionNeed | undefined>((need, item) => newer(need, needOfObject(typeName, item, path, schema)), undefined);
  const setting = spec.minApi === undefined ? undefined : firstSetting(typeName, items, path, schema);
  return setting === undefined ? inner : newer({ version: spec.minApi as number, element: setting }, inner);
}

function needOfObject(typeName: string, object: MetadataObject, prefix: string, schema: MetadataSchema): VersionNeed | undefined {
  let need: VersionNeed | undefined;
  for (const spec of schema.types[typeName] ?? []) {
    const value = object[spec.name];
    if (value === undefined) continue;
    need = newer(need, needOfElement(spec, value, prefix === '' ? spec.name : `${prefix}.${spec.name}`, schema));
  }
  return need;
}

/** The newest element holding a non-default setting, or undefined when any version will do. */
export function requiredApiVersion(object: MetadataObject, schema: MetadataSchema): VersionNeed | undefined {
  return needOfObject(schema.root, object, '', schema);
}
