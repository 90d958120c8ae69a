/**
 * Keeps secrets out of what this tool prints: anything that came from `sf` or an org passes
 * through here first. An access token looks like `<15- or 18-character org id>!<token>`.
 */
const ACCESS_TOKEN = /\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._\-+/=]{8,}/g;
const BEARER = /\b(Bearer|OAuth)\s+[A-Za-z0-9._\-+/=!]{16,}/gi;
const SESSION_ID = /<sessionId>[^<]*<\/sessionId>/gi;

/** The text with access tokens, bearer headers and SOAP session ids replaced by `[REDACTED]`. */
export function redactSecrets(text: string): string {
  return text.replace(ACCESS_TOKEN, '[REDACTED]').replace(BEARER, '$1 [REDACTED]').replace(SESSION_ID, '<sessionId>[REDACTED]</sessionId>');
}
