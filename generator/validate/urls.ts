/**
 * URL rules. Callback URLs are where Salesforce sends authorization codes and tokens, so a wrong
 * one is a security problem, not a typo. Each finding says whether it refuses the URL (Salesforce
 * refuses it, or it would put a secret or running code where a redirect goes) or only advises:
 * whatever a Salesforce retrieve holds must import, and retrieves hold URLs such as `https://`.
 */

/** What is wrong with a URL: `refuse` stops the run; `advise` is a warning. */
export interface UrlFinding {
  readonly severity: 'refuse' | 'advise';
  readonly message: string;
}

const refuse = (message: string): UrlFinding => ({ severity: 'refuse', message });
const advise = (message: string): UrlFinding => ({ severity: 'advise', message });

/**
 * Schemes a browser would execute or read locally instead of requesting. Kept refused wherever a
 * URL is written (a security rule of this tool, not a Salesforce limit): a redirect or a link to
 * one of them runs code in the user's browser.
 */
const DANGEROUS_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file', 'blob', 'about', 'filesystem']);

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * Salesforce's rule for callback URLs: "the URL must use secure HTTPS or a custom URI scheme"
 * (Salesforce Help, Configure the External Client App OAuth Settings; the same holds for connected
 * apps), http being accepted for the local host (Salesforce's own CLI redirects to
 * http://localhost:1717, and retrieved apps hold such URLs).
 */
const CALLBACK_SCHEME_RULE = 'Salesforce takes https, or http for localhost, or a custom scheme';

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The scheme-independent findings of a URL's text. In a list of callback URLs a line break
 * separates two URLs (Metadata API Developer Guide, ConnectedApp: "separate each callback URL with
 * line breaks"), so one inside a URL cannot be written.
 */
function textFinding(url: string, inCallbackList = false): UrlFinding | undefined {
  if (url === '') return advise('is empty');
  if (inCallbackList && /[\r\n]/.test(url)) return refuse('contains a line break, which makes it two callback URLs');
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return advise('contains whitespace or a control character');
  return undefined;
}

/** The findings of an http(s) URL: credentials refused (a secret in a file), an unparsable one advised against. */
function webFinding(url: string): { finding?: UrlFinding; hostname?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { finding: advise('is not a valid URL, so no redirect or link can reach it') };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { finding: refuse('carries a user name or password, which must never be written into a file') };
  }
  if (parsed.hostname === '') return { finding: advise('has no host') };
  return { hostname: parsed.hostname };
}

/** What is wrong with a callback URL, or undefined. */
export function callbackUrlFinding(url: string): UrlFinding | undefined {
  const textual = textFinding(url, true);
  if (textual) return textual;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return refuse(`has no scheme; ${CALLBACK_SCHEME_RULE} (write it as https://host/path)`);
  if (DANGEROUS_SCHEMES.has(scheme)) return refuse(`uses the ${scheme}: scheme, which must never receive OAuth redirects`);
  if (scheme === 'http' || scheme === 'https') {
    const { finding, hostname } = webFinding(url);
    if (finding) return finding;
    if (scheme === 'http' && !isLoopback(hostname as string)) return refuse(`uses http; ${CALLBACK_SCHEME_RULE}`);
    return undefined;
  }
  if (url.length === scheme.length + 1) return advise('has a scheme but nothing after it');
  return undefined;
}

/**
 * What is wrong with a link (info, logo and icon URLs, a single logout URL, a start URL), or
 * undefined: a script scheme is refused, anything but https advised against — unless `httpsRequired`
 * names the document that requires https.
 */
export function linkFinding(url: string, httpsRequired?: string): UrlFinding | undefined {
  const textual = textFinding(url);
  if (textual) return textual;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme && DANGEROUS_SCHEMES.has(scheme)) return refuse(`uses the ${scheme}: scheme, which runs code instead of opening a page`);
  if (scheme !== 'https') {
    return httpsRequired ? refuse(`must be an https URL (${httpsRequired})`) : advise('is not an https URL');
  }
  return webFinding(url).finding;
}

/** What is wrong with a start URL: a path in the org, or a link (https, or a custom scheme for a mobile app). */
export function startUrlFinding(url: string): UrlFinding | undefined {
  if (url.startsWith('/') && !url.startsWith('//')) return textFinding(url);
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    return DANGEROUS_SCHEMES.has(scheme)
      ? refuse(`uses the ${scheme}: scheme, which runs code instead of opening a page`)
      : textFinding(url);
  }
  return linkFinding(url);
}

const IPV4_PART = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_PART}(\\.${IPV4_PART}){3}$`);

/** True for an IPv4 or IPv6 address (the URL parser judges IPv6, sparing node:net's start-up). */
export function isIpAddress(text: string): boolean {
  if (IPV4.test(text)) return true;
  if (!text.includes(':') || /[^0-9A-Fa-f:.]/.test(text)) return false;
  try {
    return new URL(`http://[${text}]/`).hostname.startsWith('[');
  } catch {
    return false;
  }
}
