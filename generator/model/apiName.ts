/**
 * API names (the component name, `fullName`): derived from the label the way Setup
 * fills in its "API Name" box, and the developer-name rules Salesforce enforces.
 */

/**
 * Longest API name accepted. Documented as 40 for External Client Apps; ConnectedApp
 * states no limit, so the same 40 applies (metadata-facts.md §8).
 */
const API_NAME_MAX_LENGTH = 40;

function isAsciiLetterOrDigit(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

/**
 * The API name Setup proposes for a label: ASCII letters and digits are kept, every run
 * of other characters after the first kept one becomes one underscore, a leading digit
 * gets an `X` in front, and the result is cut to {@link API_NAME_MAX_LENGTH} without a
 * trailing underscore. `Fullcast Motion Package` → `Fullcast_Motion_Package`.
 */
export function apiNameFromLabel(label: string): string {
  let name = '';
  for (const ch of label) {
    if (isAsciiLetterOrDigit(ch)) {
      if (name === '' && ch >= '0' && ch <= '9') name = 'X';
      name += ch;
    } else if (name !== '' && !name.endsWith('_')) {
      name += '_';
    }
  }
  return name.slice(0, API_NAME_MAX_LENGTH).replace(/_+$/, '');
}

/** What is wrong with an API name, or undefined when Salesforce accepts it. */
export function apiNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (!/^[A-Za-z]/.test(name)) return 'must start with a letter';
  if (!/^[A-Za-z0-9_]+$/.test(name)) return 'may contain only letters, digits and underscores';
  if (name.includes('__')) return 'may not contain two underscores in a row';
  if (name.endsWith('_')) return 'may not end with an underscore';
  if (name.length > API_NAME_MAX_LENGTH) return `is ${name.length} characters long; the limit is ${API_NAME_MAX_LENGTH}`;
  return undefined;
}
