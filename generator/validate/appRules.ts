/**
 * The rules an app's settings must follow before anything is rendered. Each rule adds
 * problems (which stop the run) or warnings (which are shown); all are collected so a
 * user sees every problem at once.
 */
import { apiNameFromLabel, apiNameProblem } from '../model/apiName';
import type { AppKind } from '../model/appKind';
import { formatApiVersion } from '../model/apiVersion';
import {
  CALLBACK_LINE_BREAKS,
  IP_RELAXATIONS,
  PERMITTED_USERS,
  REFRESH_TOKEN_CHOICES,
  REFRESH_TOKEN_UNITS,
  SESSION_POLICY_ACTIONS,
  START_PAGES,
} from '../model/enums';
import { OAUTH_SCOPES, SCOPE_MIN_API, SCOPE_RETRIEVED_AS, isOAuthScope } from '../model/scopes';
import type { AppPolicies, AppSettings, OAuthSettings } from '../model/template';
import type { Problem } from '../errors';
import { closestMatch } from './closestMatch';
import { callbackUrlProblem, httpsUrlProblem, isIpAddress, startUrlProblem } from './urls';
import { controlCharacterProblem, quoted } from './text';

/** Setup's "Connected App Name" holds at most 80 characters (ConnectedApplication.Name, string(80)). */
const LABEL_MAX_LENGTH = 80;

/** The cumulative callback URL limit of the REST API Developer Guide (metadata-facts.md §4, unverified today). */
const CALLBACK_TOTAL_MAX_LENGTH = 2000;

/** Setup's session "Timeout Value" choices, in minutes (the values seen in retrieved files fit this list). */
const SESSION_TIMEOUTS = [15, 30, 60, 120, 240, 480, 720, 1440];

/** OAuth token names people type, and the scope each stands for in metadata (metadata-facts.md §2.2). */
const SCOPE_FOR_TOKEN: Readonly<Record<string, string>> = {
  id: 'Basic',
  api: 'Api',
  web: 'Web',
  full: 'Full',
  refresh_token: 'RefreshToken',
  offline_access: 'RefreshToken',
  openid: 'OpenID',
  chatter_api: 'Chatter',
  visualforce: 'CustomApplications',
  custom_permissions: 'CustomPermissions',
  wave_api: 'Wave',
  eclair_api: 'Eclair',
  pardot_api: 'Pardot',
  cdp_ingest_api: 'CDPIngest',
  cdp_profile_api: 'CDPProfile',
  cdp_query_api: 'CDPQuery',
};

/** Where a rule reports what it finds. */
export interface RuleContext {
  readonly apiVersion: number;
  readonly kind: AppKind;
  readonly problems: Problem[];
  readonly warnings: string[];
}

function oneOf(value: string, allowed: readonly string[], field: string, context: RuleContext): void {
  if (allowed.includes(value)) return;
  const suggestion = closestMatch(value, allowed);
  context.problems.push({
    field,
    message: `${quoted(value)} is not one of ${allowed.join(', ')}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
  });
}

function duplicates(values: readonly string[], field: string, context: RuleContext): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) context.problems.push({ field: `${field}[${index}]`, message: `${quoted(value)} is listed twice` });
    seen.add(value);
  });
}

function checkNames(settings: AppSettings, context: RuleContext): void {
  const label = settings.label.trim();
  if (label === '') context.problems.push({ field: 'label', message: 'is empty' });
  if (/[\r\n]/.test(settings.label)) context.problems.push({ field: 'label', message: 'may not contain a line break' });
  else {
    const control = controlCharacterProblem(settings.label);
    if (control) context.problems.push({ field: 'label', message: control });
  }
  if (settings.label.length > LABEL_MAX_LENGTH) {
    context.problems.push({ field: 'label', message: `is ${settings.label.length} characters long; the limit is ${LABEL_MAX_LENGTH}` });
  }
  if (settings.apiName !== undefined) {
    const problem = apiNameProblem(settings.apiName);
    if (problem) context.problems.push({ field: 'apiName', message: `${quoted(settings.apiName)} ${problem}` });
  } else if (label !== '') {
    const derived = apiNameFromLabel(settings.label);
    const problem = apiNameProblem(derived);
    if (problem)
      context.problems.push({ field: 'apiName', message: `the name derived from the label, ${quoted(derived)}, ${problem}; set apiName` });
  }
}

function checkLinks(settings: AppSettings, context: RuleContext): void {
  for (const field of ['infoUrl', 'logoUrl', 'iconUrl'] as const) {
    const url = settings[field];
    const problem = url === undefined ? undefined : httpsUrlProblem(url);
    if (problem) context.problems.push({ field, message: `${quoted(url)} ${problem}` });
  }
  for (const field of ['startUrl', 'mobileStartUrl'] as const) {
    const url = settings[field];
    const problem = url === undefined ? undefined : startUrlProblem(url);
    if (problem) context.problems.push({ field, message: `${quoted(url)} ${problem}` });
  }
}

function checkCallbackUrls(urls: readonly string[], context: RuleContext): void {
  if (urls.length === 0) context.problems.push({ field: 'oauth.callbackUrls', message: 'needs at least one URL' });
  urls.forEach((url, index) => {
    const problem = callbackUrlProblem(url);
    if (problem) context.problems.push({ field: `oauth.callbackUrls[${index}]`, message: `${quoted(url)} ${problem}` });
    else if (url.includes('#'))
      context.warnings.push(
        `oauth.callbackUrls[${index}]: ${quoted(url)} has a #fragment, which OAuth redirect URIs must not have (RFC 6749 §3.1.2)`,
      );
  });
  duplicates(urls, 'oauth.callbackUrls', context);
  const total = urls.join('\n').length;
  if (total > CALLBACK_TOTAL_MAX_LENGTH) {
    context.warnings.push(`oauth.callbackUrls: ${total} characters in all; Salesforce documents a limit of ${CALLBACK_TOTAL_MAX_LENGTH}`);
  }
}

/**
 * A scope this tool does not know: a typo (close to a known name, an OAuth token name, not an
 * identifier) is a problem; anything else may be a scope newer than API 66.0, kept with a warning.
 */
function checkUnknownScope(scope: string, field: string, context: RuleContext): void {
  const suggestion = SCOPE_FOR_TOKEN[scope.toLowerCase()] ?? closestMatch(scope, OAUTH_SCOPES);
  if (suggestion || !/^[A-Z][A-Za-z0-9]*$/.test(scope)) {
    context.problems.push({ field, message: `${quoted(scope)} is not a scope name${suggestion ? ` (did you mean ${suggestion}?)` : ''}` });
  } else {
    context.warnings.push(
      `${field}: ${quoted(scope)} is not a scope of API 66.0; it is written as given, and an org that does not know it will refuse it`,
    );
  }
}

function checkScopes(scopes: readonly string[], context: RuleContext): void {
  if (scopes.length === 0) context.warnings.push('oauth.scopes: none selected, so users cannot authorize the app');
  scopes.forEach((scope, index) => {
    const field = `oauth.scopes[${index}]`;
    if (!isOAuthScope(scope)) {
      checkUnknownScope(scope, field, context);
      return;
    }
    const minApi = SCOPE_MIN_API[scope];
    if (minApi !== undefined && minApi > context.apiVersion) {
      context.problems.push({ field, message: `${quoted(scope)} needs API ${formatApiVersion(minApi)} or later` });
    }
    const retrievedAs = SCOPE_RETRIEVED_AS[scope];
    if (retrievedAs)
      context.warnings.push(
        `${field}: a retrieve writes ${quoted(scope)} back as ${quoted(retrievedAs)}; list ${quoted(retrievedAs)} to keep git clean`,
      );
  });
  duplicates(scopes, 'oauth.scopes', context);
}

function checkCertificate(certificate: string, context: RuleContext): void {
  const field = 'oauth.certificate';
  if (/PRIVATE KEY/.test(certificate)) {
    context.problems.push({
      field,
      message: 'holds a private key; give the public certificate only, and keep the key out of the repository',
    });
  } else if (/-----BEGIN|-----END/.test(certificate)) {
    context.problems.push({ field, message: 'has PEM armour; give the base64 body without the -----BEGIN/END lines, on one line' });
  } else if (!/^[A-Za-z0-9+/\r\n]+={0,2}$/.test(certificate)) {
    context.problems.push({ field, message: 'is not a base64 certificate body' });
  }
}

function checkOAuth(oauth: OAuthSettings, context: RuleContext): void {
  checkCallbackUrls(oauth.callbackUrls, context);
  checkScopes(oauth.scopes, context);
  if (oauth.certificate !== undefined) checkCertificate(oauth.certificate, context);
  if (oauth.requireCredentialsInPostBody && !oauth.enableAuthorizationCodeAndCredentialsFlow) {
    context.warnings.push('oauth.requireCredentialsInPostBody: takes effect only with oauth.enableAuthorizationCodeAndCredentialsFlow');
  }
  if (oauth.callbackUrlLineBreak !== undefined)
    oneOf(oauth.callbackUrlLineBreak, CALLBACK_LINE_BREAKS, 'oauth.callbackUrlLineBreak', context);
  if (oauth.singleLogoutUrl !== undefined) {
    const problem = httpsUrlProblem(oauth.singleLogoutUrl);
    if (problem) context.problems.push({ field: 'oauth.singleLogoutUrl', message: `${quoted(oauth.singleLogoutUrl)} ${problem}` });
  }
  const validity = oauth.idToken?.validityMinutes;
  if (validity !== undefined && (validity < 1 || validity > 720)) {
    context.problems.push({ field: 'oauth.idToken.validityMinutes', message: `${validity} is outside 1 to 720` });
  }
}

function checkPeriod(policies: AppPolicies, context: RuleContext): void {
  const policy = policies.refreshToken;
  if (policy === undefined) return;
  if (typeof policy === 'string') {
    oneOf(policy, REFRESH_TOKEN_CHOICES, 'policies.refreshToken', context);
    return;
  }
  const [key, period] = 'expireAfter' in policy ? ['expireAfter', policy.expireAfter] : ['expireIfUnusedFor', policy.expireIfUnusedFor];
  const field = `policies.refreshToken.${key}`;
  if (period.value < 1) context.problems.push({ field: `${field}.value`, message: `must be at least 1, not ${period.value}` });
  oneOf(period.unit, REFRESH_TOKEN_UNITS, `${field}.unit`, context);
}

function checkPreAuthorization(policies: AppPolicies, hasOAuth: boolean, context: RuleContext): void {
  const grants = [...(policies.profiles ?? []), ...(policies.permissionSets ?? [])];
  for (const field of ['profiles', 'permissionSets'] as const) {
    const names = policies[field] ?? [];
    names.forEach((name, index) => {
      if (name.trim() === '') context.problems.push({ field: `policies.${field}[${index}]`, message: 'is empty' });
      else if (context.kind === 'external-client-app' && name.includes(',')) {
        context.problems.push({
          field: `policies.${field}[${index}]`,
          message: `${quoted(name)} has a comma, which an External Client App's comma-separated list cannot hold`,
        });
      }
    });
    duplicates(names, `policies.${field}`, context);
  }
  const adminApproved = policies.permittedUsers === 'admin-approved';
  if (grants.length > 0 && !adminApproved && hasOAuth) {
    context.warnings.push(
      "policies.profiles/permissionSets: they pre-authorize OAuth users only when policies.permittedUsers is 'admin-approved'",
    );
  }
  if (adminApproved && grants.length === 0) {
    context.warnings.push(
      'policies.permittedUsers: admin-approved with no profiles or permission sets: nobody can use the app until an admin assigns one',
    );
  }
}

function checkPolicies(settings: AppSettings, policies: AppPolicies, context: RuleContext): void {
  if (policies.permittedUsers !== undefined) oneOf(policies.permittedUsers, PERMITTED_USERS, 'policies.permittedUsers', context);
  if (policies.ipRelaxation !== undefined) oneOf(policies.ipRelaxation, IP_RELAXATIONS, 'policies.ipRelaxation', context);
  checkPeriod(policies, context);
  if (policies.sessionTimeoutMinutes !== undefined && !SESSION_TIMEOUTS.includes(policies.sessionTimeoutMinutes)) {
    context.problems.push({
      field: 'policies.sessionTimeoutMinutes',
      message: `${policies.sessionTimeoutMinutes} is not one of Setup's timeouts: ${SESSION_TIMEOUTS.join(', ')}`,
    });
  }
  checkPreAuthorization(policies, settings.oauth !== undefined, context);
  if (policies.clientCredentialsRunAs !== undefined && settings.oauth && !settings.oauth.enableClientCredentialsFlow) {
    context.warnings.push('policies.clientCredentialsRunAs: takes effect only with oauth.enableClientCredentialsFlow');
  }
  if (policies.sessionPolicyAction !== undefined)
    oneOf(policies.sessionPolicyAction, SESSION_POLICY_ACTIONS, 'policies.sessionPolicyAction', context);
  if (!settings.oauth) {
    for (const field of [
      'permittedUsers',
      'ipRelaxation',
      'refreshToken',
      'enableTokenExchangeFlow',
      'clientCredentialsRunAs',
      'singleLogoutUrl',
    ] as const) {
      if (policies[field] !== undefined)
        context.problems.push({ field: `policies.${field}`, message: 'is an OAuth policy; it needs oauth settings' });
    }
  }
}

/** Settings an External Client App keeps in types this tool does not write (canvas, SAML, mobile, plugins). */
const NOT_IN_EXTERNAL_CLIENT_APPS = [
  'canvas',
  'canvasMetadata',
  'mobile',
  'saml',
  'plugin',
  'pluginExecutionUser',
  'mobileStartUrl',
] as const;

function checkKind(settings: AppSettings, context: RuleContext): void {
  if (context.kind === 'connected-app') {
    if (settings.oauth?.enableDeviceFlow)
      context.problems.push({
        field: 'oauth.enableDeviceFlow',
        message: 'has no ConnectedApp element up to API 66.0; render an External Client App',
      });
    if (settings.externalClientAppNames)
      context.problems.push({ field: 'externalClientAppNames', message: 'names External Client App components; a connected app has none' });
    if (settings.startPage !== undefined)
      context.problems.push({ field: 'startPage', message: "is an External Client App's; a connected app has startUrl only" });
    return;
  }
  if (settings.startPage !== undefined) oneOf(settings.startPage, START_PAGES, 'startPage', context);
  if (settings.startPage === 'OAuth' && !settings.oauth && settings.startUrl !== undefined) {
    context.problems.push({ field: 'startUrl', message: 'goes in the OAuth policies with startPage OAuth; it needs oauth settings' });
  }
  for (const [role, name] of Object.entries(settings.externalClientAppNames ?? {})) {
    const problem = name === undefined ? undefined : apiNameProblem(name);
    if (problem) context.problems.push({ field: `externalClientAppNames.${role}`, message: `${quoted(name)} ${problem}` });
  }
  for (const field of NOT_IN_EXTERNAL_CLIENT_APPS) {
    if (settings[field] !== undefined) {
      context.problems.push({
        field,
        message:
          'is not rendered for an External Client App (it lives in a type this tool does not write); render a connected app, or leave it out',
      });
    }
  }
}

function checkIpRanges(settings: AppSettings, context: RuleContext): void {
  (settings.ipRanges ?? []).forEach((range, index) => {
    for (const end of ['start', 'end'] as const) {
      if (!isIpAddress(range[end]))
        context.problems.push({ field: `ipRanges[${index}].${end}`, message: `${quoted(range[end])} is not an IP address` });
    }
  });
}

/** Applies every rule to one app's settings (already known to have the right shape). */
export function checkAppSettings(settings: AppSettings, context: RuleContext): void {
  checkNames(settings, context);
  checkLinks(settings, context);
  checkKind(settings, context);
  checkIpRanges(settings, context);
  if (settings.oauth) checkOAuth(settings.oauth, context);
  if (settings.policies) checkPolicies(settings, settings.policies, context);
}
