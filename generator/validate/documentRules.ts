/**
 * Checks a rendered metadata document against its schema's value types: an enum element must
 * hold one of its values, an int element a whole number. The template rules speak in Setup's
 * words; this catches what they pass through untouched (canvas, SAML and mobile settings).
 */
import type { Problem } from '../errors';
import type { MetadataSchema } from '../model/schema';
import type { MetadataDocument } from '../model/metadata';
import { type MetadataObject, type MetadataValue, scalarText } from '../model/metadata';
import { closestMatch } from './closestMatch';
import { quoted } from './text';

function checkType(typeName: string, object: MetadataObject, path: string, schema: MetadataSchema, problems: Problem[]): void {
  for (const spec of schema.types[typeName] ?? []) {
    const value = object[spec.name];
    if (value === undefined || value === null) continue;
    const values: readonly MetadataValue[] = Array.isArray(value) ? value : [value];
    values.forEach((item, index) => {
      const field = `${path}${spec.name}${Array.isArray(value) ? `[${index}]` : ''}`;
      const text = scalarText(item);
      if (spec.type.kind === 'complex') checkType(spec.type.type, item as MetadataObject, `${field}.`, schema, problems);
      else if (spec.type.kind === 'enum' && !spec.type.values.includes(text)) {
        const suggestion = closestMatch(text, spec.type.values);
        problems.push({
          field,
          message: `${quoted(text)} is not one of ${spec.type.values.join(', ')}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
        });
      } else if (spec.type.kind === 'int' && !Number.isInteger(item)) {
        problems.push({ field, message: `${quoted(text)} is not a whole number` });
      }
    });
  }
}

/** The value problems of a document, named by element path (`canvasConfig.accessMethod`). */
export function documentProblems(document: MetadataDocument): Problem[] {
  const problems: Problem[] = [];
  checkType(document.schema.root, document.object, '', document.schema, problems);
  return problems;
}
