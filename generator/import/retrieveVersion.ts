/**
 * Which API version a retrieved file was written at. The elements a retrieve lists — above all
 * the `oauthConfig` flags, written out true or false — depend on the version, so the version
 * whose rendering of the imported settings gives back the file, byte for byte, is the one to
 * pin. Searched from the newest version down; none when no version reproduces the file (a
 * hand-written or reformatted file, which then renders canonically).
 */
import { NEWEST_KNOWN_API_VERSION, OLDEST_SUPPORTED_API_VERSION } from '../model/apiVersion';

/**
 * The file as compared: without what Salesforce keeps per org and this tool never renders —
 * the consumer key and secret, an External Client App's OAuth link and org-scoped name.
 */
export function withoutOrgValues(text: string): string {
  return text.replace(/^[ \t]*<(consumerKey|consumerSecret|oauthLink|orgScopedExternalApp)(\/>|>[^<]*<\/\1>)[ \t]*\r?\n/gm, '');
}

/** The newest version at which `render` reproduces every expected file, or undefined. */
export function retrieveVersion(render: (apiVersion: number) => readonly string[], expected: readonly string[]): number | undefined {
  const wanted = expected.map(withoutOrgValues);
  for (let version = NEWEST_KNOWN_API_VERSION; version >= OLDEST_SUPPORTED_API_VERSION; version--) {
    const rendered = render(version);
    if (rendered.length === wanted.length && rendered.every((text, index) => text === wanted[index])) return version;
  }
  return undefined;
}
