/**
 * Reading a parsed metadata file into a metadata object with the same schema tables the
 * renderer writes from: every element must be one the type has, with a value of its type;
 * problems name the element's path. What breaks the WSDL's types (an unknown element, a value of
 * the wrong type or outside an enum, a required element missing, a single element twice) is what
 * Salesforce refuses in a deploy, and what the tables cannot hold. Order is not checked — a
 * hand-written or reformatted file reads into the same object and renders canonically.
 */
import type { Problem } from '../errors';
import { NEWEST_KNOWN_API_VERSION, formatApiVersion } from '../model/apiVersion';
import { type ElementSpec, type MetadataSchema } from '../model/schema';
import type { MetadataObject, MetadataValue } from '../model/metadata';
import { closestMatch } from '../validate/closestMatch';
import { METADATA_NAMESPACE, type ParsedElement, XSI_NAMESPACE } from '../xml';

function scalar(spec: ElementSpec, element: ParsedElement, path: string, problems: Problem[]): MetadataValue | undefined {
  if (element.attributes['xsi:nil'] === 'true') return null;
  if (element.children.length > 0) {
    problems.push({
      field: path,
      message: `holds elements (${element.children.map((child) => child.name).join(', ')}) where a value belongs`,
    });
    return undefined;
  }
  const text = element.text ?? '';
  switch (spec.type.kind) {
    case 'boolean':
      if (text === 'true' || text === 'false') return text === 'true';
      problems.push({ field: path, message: `'${text}' is not true or false` });
      return undefined;
    case 'int':
      if (/^-?\d+$/.test(text)) return Number(text);
      problems.push({ field: path, message: `'${text}' is not a whole number` });
      return undefined;
    case 'enum': {
      if (spec.type.values.includes(text)) return text;
      const suggestion = closestMatch(text, spec.type.values);
      problems.push({
        field: path,
        message: `'${text}' is not one of the values Salesforce accepts${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
      });
      return undefined;
    }
    default:
      return text;
  }
}

/** Why an element the type does not have is refused: newer than this tool (naming the version it needs), or unknown. */
function unknownElement(typeName: string, name: string, known: readonly string[], schema: MetadataSchema): string {
  const newer = schema.newerElements?.[typeName]?.[name];
  if (newer !== undefined) {
    return (
      `needs API ${formatApiVersion(newer)} or later, newer than ${formatApiVersion(NEWEST_KNOWN_API_VERSION)}, the newest this tool renders ` +
      '(Salesforce documents no version for it yet); the import would lose it'
    );
  }
  const suggestion = closestMatch(name, known);
  return `is not an element of ${typeName}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
}

function readType(typeName: string, element: ParsedElement, path: string, schema: MetadataSchema, problems: Problem[]): MetadataObject {
  const specs = schema.types[typeName] ?? [];
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const object: Record<string, MetadataValue> = {};
  for (const child of element.children) {
    const spec = byName.get(child.name);
    const childPath = `${path}.${child.name}`;
    if (!spec) {
      problems.push({ field: childPath, message: unknownElement(typeName, child.name, [...byName.keys()], schema) });
      continue;
    }
    const value =
      spec.type.kind === 'complex'
        ? readType(spec.type.type, child, childPath, schema, problems)
        : scalar(spec, child, childPath, problems);
    if (value === undefined) continue;
    if (spec.repeated) {
      // Appended in place: a file may repeat an element tens of thousands of times, and copying
      // the list at each one would make reading it quadratic.
      const list = object[child.name] as MetadataValue[] | undefined;
      if (list) list.push(value);
      else object[child.name] = [value];
    } else if (child.name in object) problems.push({ field: childPath, message: `appears twice; ${typeName} has one` });
    else object[child.name] = value;
  }
  for (const spec of specs) {
    if (spec.required && !(spec.name in object))
      problems.push({ field: `${path}.${spec.name}`, message: 'is missing; Salesforce requires it' });
  }
  return object;
}

/** The metadata object of a file whose root must be the schema's root type in the metadata namespace. */
export function readMetadata(root: ParsedElement, schema: MetadataSchema, problems: Problem[]): MetadataObject | undefined {
  if (root.name !== schema.root) {
    problems.push({ field: root.name, message: `is the root element; a ${schema.root} file has <${schema.root}>` });
    return undefined;
  }
  if (root.attributes.xmlns !== METADATA_NAMESPACE) {
    problems.push({ field: schema.root, message: `is not in the metadata namespace (xmlns="${METADATA_NAMESPACE}")` });
    return undefined;
  }
  const extra = Object.entries(root.attributes).filter(
    ([name, value]) => name !== 'xmlns' && !(name === 'xmlns:xsi' && value === XSI_NAMESPACE),
  );
  if (extra.length > 0)
    problems.push({ field: schema.root, message: `has attributes metadata does not: ${extra.map(([name]) => name).join(', ')}` });
  return readType(schema.root, root, schema.root, schema, problems);
}
