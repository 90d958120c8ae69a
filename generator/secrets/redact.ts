/**
 * Keeps secrets out of what this tool prints: every text that reaches stdout, stderr or --json
 * passes through here (generator/output.ts). It masks every kind of secrets/patterns.ts — access
 * tokens raw and URL-encoded, refresh tokens, sfdx auth URLs, consumer keys and secrets in XML,
 * secret values under their usual names in JSON and properties — and bearer headers and SOAP
 * session ids.
 */
import { SECRET_KINDS, secretMatches } from './patterns';

const BEARER = /\b(Bearer|OAuth)\s+[A-Za-z0-9._\-+/=!%]{16,}/gi;
const SESSION_ID = /<((?:[\w.-]+:)?sessionId)>[^<]*<\/\1>/gi;
const MASK = '[REDACTED]';

/** `text` with every secret replaced by `[REDACTED]` (for a keyed secret, its value only). */
export function redactSecrets(text: string): string {
  let redacted = text.replace(BEARER, `$1 ${MASK}`).replace(SESSION_ID, `<$1>${MASK}</$1>`);
  for (const kind of SECRET_KINDS) {
    const matches = secretMatches(kind, redacted);
    for (const { index, length, value } of matches.reverse()) {
      const whole = redacted.slice(index, index + length);
      const masked = whole === value ? MASK : whole.replace(value, MASK);
      redacted = redacted.slice(0, index) + masked + redacted.slice(index + length);
    }
  }
  return redacted;
}
