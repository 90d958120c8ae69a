/** Comparing setting values: plain objects, and a canonical text in which equal settings are equal. */

/** An object of settings (not an array, not null). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as JSON with its keys sorted and undefined fields left out, so equal settings give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value))
    return `{${Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** Two settings are the same when their canonical JSON is. */
export const sameSettings = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
