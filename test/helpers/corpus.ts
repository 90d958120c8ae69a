/**
 * The shared corpus of real ConnectedApp / External Client App files, split into files a
 * Salesforce retrieve wrote and files a person wrote. The split uses the curator's marks in
 * PROVENANCE.md (HAND-WRITTEN, INVALID), formatting no retrieve produces (comments, a
 * Prettier-style declaration or split tags, blank lines, no final newline), placeholder values,
 * and `oauthConfig` flag sets no API version has (a retrieve lists exactly the flags of its
 * version, as the WSDL history fixes them) — never the element order or bytes the tests then check.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusFile {
  readonly name: string;
  /** The file's name in its repository (PROVENANCE.md), which carries the component's API name. */
  readonly originalName: string;
  readonly path: string;
  /** The raw bytes decoded as UTF-8 (CR characters kept). */
  readonly text: string;
  readonly retrieveShaped: boolean;
}

/** Saved file name → the file's name in its own repository, from PROVENANCE.md's table. */
function originalNames(root: string): Map<string, string> {
  const provenance = join(root, 'PROVENANCE.md');
  const names = new Map<string, string>();
  if (!existsSync(provenance)) return names;
  for (const line of readFileSync(provenance, 'utf8').split('\n')) {
    // corpus: | # | saved | repo | path | commit | notes |; corpus-wide: | saved | repo | path | commit |
    const cells = line.split('|').map((cell) => cell.trim());
    const offset = /^\d+$/.test(cells[1] ?? '') ? 1 : 0;
    const saved = /^`([^`]+)`$/.exec(cells[1 + offset] ?? '')?.[1];
    const path = /^`([^`]+)`$/.exec(cells[3 + offset] ?? '')?.[1];
    if (saved && path) names.set(saved, path.split('/').pop() as string);
  }
  return names;
}

function handWrittenNames(root: string): Set<string> {
  const provenance = join(root, 'PROVENANCE.md');
  if (!existsSync(provenance)) return new Set();
  const marked = readFileSync(provenance, 'utf8')
    .split('\n')
    .filter((line) => /HAND-WRITTEN|HAND\/AI-WRITTEN|INVALID/.test(line));
  return new Set(
    marked
      .map((line) => /`([^`]+\.(?:connectedApp-meta\.xml|connectedApp|[A-Za-z]+-meta\.xml))`/.exec(line)?.[1])
      .filter((name): name is string => !!name),
  );
}

/**
 * The `oauthConfig` flags in the order API versions added them (WSDL history,
 * forcedotcom/wsdl resources/metadata.wsdl); a retrieve lists a prefix of this list, cut at a group boundary.
 */
const FLAG_GROUPS: readonly (readonly string[])[] = [
  ['isAdminApproved'],
  ['isConsumerSecretOptional', 'isIntrospectAllTokens'],
  ['isSecretRequiredForRefreshToken'],
  ['isClientCredentialEnabled'],
  ['isCodeCredentialEnabled', 'isCodeCredentialPostOnly'],
  ['isNamedUserJwtEnabled'],
  ['isPkceRequired'],
  ['isRefreshTokenRotationEnabled', 'isSecretRequiredForTokenExchange', 'isTokenExchangeEnabled'],
];

/** True when the file's flags are those of one API version (and an OAuth policy comes with 49.0's). */
function flagsOfOneVersion(text: string): boolean {
  const oauth = /<oauthConfig>([\s\S]*?)<\/oauthConfig>/.exec(text)?.[1];
  if (oauth === undefined) return true;
  const present = new Set([...oauth.matchAll(/<(is[A-Z]\w*)>/g)].map((match) => match[1]));
  let groups = 0;
  while (groups < FLAG_GROUPS.length && FLAG_GROUPS[groups].every((flag) => present.has(flag))) groups++;
  const expected = FLAG_GROUPS.slice(0, groups).flat();
  if (present.size !== expected.length) return false;
  return !text.includes('<oauthPolicy>') || groups >= 2;
}

function looksRetrieved(text: string): boolean {
  return (
    flagsOfOneVersion(text) &&
    !/REPLACE_WITH|YOUR_[A-Z_]+|<[a-zA-Z]+\/>/.test(text) &&
    text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n') &&
    text.endsWith('\n') &&
    !text.includes('<!--') &&
    !/\n\s*\n/.test(text) &&
    !/<[A-Za-z]+\n/.test(text)
  );
}

/** The files of one folder (`connectedApp` or `eca`) of a corpus (`root`: CORPUS_DIR or CORPUS_WIDE_DIR). */
export function corpusFiles(root: string, folder: 'connectedApp' | 'eca'): CorpusFile[] {
  const directory = join(root, folder);
  const handWritten = handWrittenNames(root);
  const originals = originalNames(root);
  return readdirSync(directory)
    .filter((name) => !name.endsWith('.md'))
    .sort()
    .map((name) => {
      const path = join(directory, name);
      const text = readFileSync(path, 'utf8');
      const originalName = originals.get(name) ?? name.split('__').pop() ?? name;
      return { name, originalName, path, text, retrieveShaped: !handWritten.has(name) && looksRetrieved(text) };
    });
}
