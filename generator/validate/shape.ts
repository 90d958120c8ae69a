/**
 * Structural checks of plain data against a small shape description. Templates are
 * loaded without type checking, so a misspelt field or a string where a list belongs
 * must be caught here, with the field's path, before any rule reads the value.
 */
import type { Problem } from '../errors';
import { closestMatch } from './closestMatch';
import { xmlCharacterProblem } from './text';
import { isPlainObject } from '../model/settingsValue';

/** The shape a value must have. */
export type Shape =
  | { readonly kind: 'any' | 'string' | 'boolean' | 'integer' | 'function' | 'null' }
  | { readonly kind: 'array'; readonly of: Shape }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, Field>>; readonly open?: Shape }
  | { readonly kind: 'oneOf'; readonly options: readonly Shape[]; readonly description: string };

/** A field of an object shape. */
export interface Field {
  readonly shape: Shape;
  readonly required?: boolean;
}

const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fraction';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
};

const EXPECTED: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  integer: 'a whole number',
  function: 'a function',
  array: 'a list',
  object: 'an object',
};

function matches(value: unknown, shape: Shape): boolean {
  const problems: Problem[] = [];
  checkShape(value, shape, '', problems);
  return problems.length === 0;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Appends to `problems` every place where `value` does not have `shape`. */
export function checkShape(value: unknown, shape: Shape, path: string, problems: Problem[]): void {
  const field = path === '' ? '(value)' : path;
  switch (shape.kind) {
    case 'any':
      return;
    case 'null':
      if (value !== null) problems.push({ field, message: `must be null, not ${describe(value)}` });
      return;
    case 'string': {
      if (typeof value !== 'string') problems.push({ field, message: `must be ${EXPECTED.string}, not ${describe(value)}` });
      const problem = typeof value === 'string' ? xmlCharacterProblem(value) : undefined;
      if (problem) problems.push({ field, message: problem });
      return;
    }
    case 'boolean':
    case 'function':
      if (typeof value !== shape.kind) problems.push({ field, message: `must be ${EXPECTED[shape.kind]}, not ${describe(value)}` });
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        problems.push({ field, message: `must be ${EXPECTED.integer}, not ${describe(value)}` });
      }
      return;
    case 'array':
      if (!Array.isArray(value)) {
        problems.push({ field, message: `must be ${EXPECTED.array}, not ${describe(value)}` });
        return;
      }
      value.forEach((item, index) => checkShape(item, shape.of, `${path}[${index}]`, problems));
      return;
    case 'oneOf':
      if (!shape.options.some((option) => matches(value, option))) {
        problems.push({ field, message: `must be ${shape.description}` });
      }
      return;
    case 'object':
      checkObject(value, shape, path, problems);
  }
}

function checkObject(value: unknown, shape: Extract<Shape, { kind: 'object' }>, path: string, problems: Problem[]): void {
  if (!isPlainObject(value)) {
    problems.push({ field: path === '' ? '(value)' : path, message: `must be ${EXPECTED.object}, not ${describe(value)}` });
    return;
  }
  const names = Object.keys(shape.fields);
  for (const [key, field] of Object.entries(shape.fields)) {
    if (value[key] === undefined) {
      if (field.required) problems.push({ field: join(path, key), message: 'is required' });
    } else {
      checkShape(value[key], field.shape, join(path, key), problems);
    }
  }
  for (const key of Object.keys(value)) {
    if (key in shape.fields || value[key] === undefined) continue;
    if (shape.open) {
      checkShape(value[key], shape.open, join(path, key), problems);
      continue;
    }
    const suggestion = closestMatch(key, names);
    problems.push({ field: join(path, key), message: `is not a known field${suggestion ? ` (did you mean ${suggestion}?)` : ''}` });
  }
}
