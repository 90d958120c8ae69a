/**
 * Metadata API versions: `66.0` on the command line and in sfdx-project.json,
 * a number (66) inside the generator.
 */

/** The newest API version whose schema this generator knows (WSDL 66.0, Spring '26). */
export const NEWEST_KNOWN_API_VERSION = 66;

/** The oldest API version with ConnectedApp OAuth fields this generator renders. */
export const OLDEST_SUPPORTED_API_VERSION = 30;

const API_VERSION_PATTERN = /^([1-9][0-9])\.0$/;

/** The major number of a version written `NN.0`, or undefined when it is not in that form. */
export function parseApiVersion(text: string): number | undefined {
  const match = API_VERSION_PATTERN.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** `66` → `66.0`. */
export function formatApiVersion(version: number): string {
  return `${version}.0`;
}
