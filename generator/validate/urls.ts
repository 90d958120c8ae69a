/**
 * URL rules. Callback URLs are where Salesforce sends authorization codes and tokens, so
 * a wrong one is a security problem, not a typo: https only (http just for a local
 * development server), custom schemes for mobile apps, never a scheme that runs code.
 */

/** Schemes a browser would execute or read locally instead of requesting. */
const DANGEROUS_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file', 'blob', 'about', 'filesystem']);

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** What is wrong with a web URL (https, or http on the loopback host), or undefined. */
function webUrlProblem(url: string, scheme: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a valid URL';
  }
  if (parsed.hostname === '') return 'has no host';
  if (parsed.username !== '' || parsed.password !== '') return 'may not carry a user name or password';
  if (scheme === 'http' && !isLoopback(parsed.hostname)) return 'uses http; use https (http is allowed only for localhost)';
  return undefined;
}

function textProblem(url: string): string | undefined {
  if (url === '') return 'is empty';
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return 'contains whitespace, a line break or a control character';
  return undefined;
}

/** What is wrong with a callback URL, or undefined when it is acceptable. */
export function callbackUrlProblem(url: string): string | undefined {
  const textual = textProblem(url);
  if (textual) return textual;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return 'has no scheme; write it as https://host/path';
  if (DANGEROUS_SCHEMES.has(scheme)) return `uses the ${scheme}: scheme, which must never receive OAuth redirects`;
  if (scheme === 'http' || scheme === 'https') return webUrlProblem(url, scheme);
  if (url.length === scheme.length + 1) return 'has a scheme but nothing after it';
  return undefined;
}

/** What is wrong with a link shown in Setup (info, logo and icon URLs): https only. */
export function httpsUrlProblem(url: string): string | undefined {
  const textual = textProblem(url);
  if (textual) return textual;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'https') return 'must be an https URL';
  return webUrlProblem(url, scheme);
}

/** What is wrong with a start URL: a callback-style URL (https, a custom scheme) or a path in the org. */
export function startUrlProblem(url: string): string | undefined {
  if (url.startsWith('/') && !url.startsWith('//')) return textProblem(url);
  return callbackUrlProblem(url);
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
