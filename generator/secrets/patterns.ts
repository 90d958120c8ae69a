/**
 * What must never be committed or printed, as data: each kind of secret, how to spot it, and how
 * to get rid of it. check-secrets finds these (secrets/scan.ts) and every printed text has them
 * masked (secrets/redact.ts), from this one table.
 */

/** Names under which a secret value is stored in XML, JSON, YAML, properties or code (`consumerSecret`, `SF_CLIENT_SECRET`, …). */
const SECRET_KEY = String.raw`[A-Za-z0-9_]*?(?:consumer[_-]?secret|consumer[_-]?key|client[_-]?secret|refresh[_-]?token|access[_-]?token)`;

/** Values that stand for a secret without being one: placeholders, variables, masks. */
const PLACEHOLDER =
  /^(?:<[^>]*>|(?:process\.env|env|secrets|vars|inputs)\.[\w.]+|\$\{\{?[^}]*\}\}?|\{\{[^}]*\}\}|\$[A-Z_][A-Z0-9_]*|%[A-Z_]+%|[x*.#-]+|\[REDACTED\]|(?:your|my|the|replace|example|sample|changeme|placeholder|dummy|fake|redacted|secret|token|key|none|null|undefined|todo|tbd|xxx)[\w.-]*)$/i;

export interface SecretKind {
  readonly code: string;
  readonly what: string;
  /** Global, multiline; the first group (when there is one) is the secret value, which must not be a placeholder. */
  readonly pattern: RegExp;
  /**
   * For values found only by the name they are stored under: what a real one looks like. Issued
   * secrets mix digits and letters; a word under such a name is a setting or a placeholder.
   */
  readonly looksIssued?: RegExp;
  readonly fix: string;
}

/** In priority order: a line is reported once, as the first kind found on it. */
export const SECRET_KINDS: readonly SecretKind[] = [
  {
    code: 'PrivateKey',
    what: 'a private key',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g,
    fix: 'remove the key from the repository (and its history), keep it in a secret store, and replace the certificate it belongs to',
  },
  {
    code: 'AuthUrl',
    what: 'an sfdx auth URL (a refresh token)',
    // force://<client id>:<client secret>:<refresh token>@<instance host>
    pattern: /force:\/\/[^\s"'<>@]*:[^\s"'<>@:]{16,}@[\w.-]+\.[A-Za-z]{2,}/g,
    fix: 'delete it and revoke its refresh token (Setup → Connected Apps OAuth Usage, or npx sf org logout); keep auth URLs in CI secrets only',
  },
  {
    code: 'AccessToken',
    what: 'an access token',
    pattern: /(?<![A-Za-z0-9])00D[A-Za-z0-9]{12,15}(?:!|%21)[A-Za-z0-9._\-+/=]{8,}/g,
    fix: 'delete it, and end the session it belongs to (npx sf org logout, or revoke it in Setup → Session Management)',
  },
  {
    code: 'RefreshToken',
    what: 'a refresh token',
    pattern: /(?<![A-Za-z0-9])5Aep8[0-9A-Za-z._]{40,}/g,
    fix: "delete it and revoke it (Setup → Connected Apps OAuth Usage, or the user's OAuth connected apps)",
  },
  {
    code: 'ConsumerSecret',
    what: 'a consumer secret',
    pattern: /<(?:[\w.-]+:)?consumerSecret\b[^>\n]*>\s*([^<\s][^<\n]*)<\/(?:[\w.-]+:)?consumerSecret>/g,
    fix: 'delete the <consumerSecret> element, then rotate the secret in Setup: it has been in the repository',
  },
  {
    code: 'ConsumerKey',
    what: 'a consumer key',
    pattern: /<(?:[\w.-]+:)?consumerKey\b[^>\n]*>\s*([^<\s][^<\n]*)<\/(?:[\w.-]+:)?consumerKey>/g,
    fix: 'delete the <consumerKey> element; Salesforce keeps the key (npm run generate writes files without it)',
  },
  {
    code: 'KeyedSecret',
    what: 'a secret value',
    pattern: new RegExp(
      String.raw`["']?\b${SECRET_KEY}\b["']?\s*[:=]\s*(?:"([^"\s]{6,})"|'([^'\s]{6,})'|([^\s"'#,;{}()\[\]]{6,})\s*$)`,
      'gim',
    ),
    looksIssued: /^(?=.*\d)(?=.*[A-Za-z]).{8,}$/,
    fix: 'delete the value and rotate it where it was issued; keep it in a secret store or CI secret and read it from the environment',
  },
];

export interface SecretFinding {
  /** Project-relative path, `/`-separated. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly code: string;
  readonly what: string;
  readonly fix: string;
}

/** The secret value a match holds (its first capture that matched), or the whole match. */
function valueOf(match: RegExpExecArray): string {
  return match.slice(1).find((group) => group !== undefined) ?? match[0];
}

/** Every real (not placeholder) match of `kind` in `text`, as offsets. */
export function secretMatches(
  kind: SecretKind,
  text: string,
): { readonly index: number; readonly length: number; readonly value: string }[] {
  const found: { index: number; length: number; value: string }[] = [];
  for (const match of text.matchAll(kind.pattern)) {
    const value = valueOf(match).trim();
    if (PLACEHOLDER.test(value) || (kind.looksIssued && !kind.looksIssued.test(value))) continue;
    found.push({ index: match.index, length: match[0].length, value });
  }
  return found;
}

/** The secrets in `text`, one finding per line (the first kind found on it); `firstLine` numbers the text's first line. */
export function findSecrets(text: string, file: string, firstLine = 1): SecretFinding[] {
  const byLine = new Map<number, SecretFinding>();
  let lineStarts: number[] | undefined;
  for (const kind of SECRET_KINDS) {
    for (const { index } of secretMatches(kind, text)) {
      lineStarts ??= [...text.matchAll(/\n/g)].map((newline) => newline.index + 1);
      const line = firstLine + countBelow(lineStarts, index);
      if (!byLine.has(line)) byLine.set(line, { file, line, code: kind.code, what: kind.what, fix: kind.fix });
    }
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** How many of the sorted `starts` are at or before `index`. */
function countBelow(starts: readonly number[], index: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle] <= index) low = middle + 1;
    else high = middle;
  }
  return low;
}
