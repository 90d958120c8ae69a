/**
 * API names (the component name, `fullName`): derived from the label the way Setup
 * fills in its "API Name" box, and the developer-name rules Salesforce enforces.
 */

/**
 * The longest name Setup proposes, and the longest External Client App API name Salesforce
 * accepts ("must be 40 characters or fewer": Object Reference, ExternalClientApplication,
 * DeveloperName), namespace prefix not counted. ConnectedApp documents no limit, and retrieved
 * connected apps have longer names (44 characters seen), so none is enforced for them.
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

/**
 * A component name: an optional namespace prefix (`Linear__` for an app installed from the
 * Linear package) and the name proper.
 */
const NAMESPACED = /^(?:([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)__)?(.*)$/s;

/** What an API name may be beyond the rules every name follows. */
export interface ApiNameRules {
  /** The longest name without its namespace (External Client Apps: {@link EXTERNAL_CLIENT_APP_NAME_MAX_LENGTH}). */
  readonly maxLength?: number;
  /** A namespace prefix is allowed: the component comes from a package (installed apps, retrieved connected apps). */
  readonly namespace?: boolean;
}

/**
 * What Salesforce refuses in an API name, or undefined: a name starts with a letter, holds only
 * letters, digits and underscores, has no two underscores in a row and does not end with one
 * (Salesforce Help, "Create a Connected App: Basic Information"; Object Reference,
 * ExternalClientApplication, DeveloperName). A namespace prefix, where allowed, ends with the
 * only two underscores in a row.
 */
export function apiNameProblem(name: string, rules: ApiNameRules = {}): string | undefined {
  if (name.length === 0) return 'is empty';
  if (!/^[A-Za-z]/.test(name)) return 'must start with a letter';
  if (!/^[A-Za-z0-9_]+$/.test(name)) return 'may contain only letters, digits and underscores';
  const local = rules.namespace ? ((NAMESPACED.exec(name) as RegExpExecArray)[2] ?? name) : name;
  if (!/^[A-Za-z]/.test(local)) return 'must start with a letter after its namespace prefix';
  if (local.includes('__'))
    return rules.namespace
      ? 'may not contain two underscores in a row but after its namespace prefix'
      : 'may not contain two underscores in a row';
  if (name.endsWith('_')) return 'may not end with an underscore';
  if (rules.maxLength !== undefined && local.length > rules.maxLength)
    return `is ${local.length} characters long; the limit is ${rules.maxLength}`;
  return undefined;
}

/** The longest External Client App API name (its namespace prefix not counted). */
export const EXTERNAL_CLIENT_APP_NAME_MAX_LENGTH = API_NAME_MAX_LENGTH;
