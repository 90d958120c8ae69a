/**
 * What must never be committed, as data: each kind of secret, how to spot it in a line of
 * text, and how to get rid of it.
 */

interface SecretKind {
  readonly code: string;
  readonly what: string;
  readonly pattern: RegExp;
  readonly fix: string;
}

const SECRET_KINDS: readonly SecretKind[] = [
  {
    code: 'ConsumerSecret',
    what: 'a consumer secret',
    pattern: /<consumerSecret\b/,
    fix: 'delete the <consumerSecret> element, then rotate the secret in Setup: it has been in the repository',
  },
  {
    code: 'ConsumerKey',
    what: 'a consumer key',
    pattern: /<consumerKey\b/,
    fix: 'delete the <consumerKey> element; Salesforce keeps the key (npm run generate writes files without it)',
  },
  {
    code: 'PrivateKey',
    what: 'a private key',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/,
    fix: 'remove the key from the repository (and its history), keep it in a secret store, and replace the certificate it belongs to',
  },
  {
    code: 'AccessToken',
    what: 'an access token',
    pattern: /\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._\-+/=]{8,}/,
    fix: 'delete it, and end the session it belongs to (npx sf org logout, or revoke it in Setup → Session Management)',
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

/** Any kind's pattern: most files hold no secret and are passed over with one search. */
const ANY_SECRET = new RegExp(SECRET_KINDS.map((kind) => kind.pattern.source).join('|'));

/** The secrets in `text`, one finding per line and kind. */
export function findSecrets(text: string, file: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  if (!ANY_SECRET.test(text)) return findings;
  text.split(/\r?\n/).forEach((line, index) => {
    for (const kind of SECRET_KINDS) {
      if (kind.pattern.test(line)) findings.push({ file, line: index + 1, code: kind.code, what: kind.what, fix: kind.fix });
    }
  });
  return findings;
}
