/**
 * The rules an app's settings must follow before anything is rendered, in two kinds:
 *
 * - refusals (problems, which stop the run): what Salesforce refuses — each with its source, a
 *   document or a refusal observed — what the files cannot express (a value outside this tool's
 *   lists, a setting the kind has no element for), and the few rules that protect users whatever
 *   Salesforce accepts (no script scheme where a redirect or a link goes, no secret in a file);
 * - advice (warnings, which are shown): everything else this tool has an opinion about.
 *
 * Whatever a Salesforce retrieve holds must import, and an imported app is checked by the same
 * rules, so a rule that Salesforce's own files break is advice. All findings are collected so a
 * user sees every one at once.
 */
import { EXTERNAL_CLIENT_APP_NAME_MAX_LENGTH, type ApiNameRules, apiNameFromLabel, apiNameProblem } from '../model/apiName';
import type { AppKind } from '../model/appKind';
import { formatApiVersion } from '../model/apiVersion';
import {
  CALLBACK_LINE_BREAKS,
  DISTRIBUTION_STATES,
  IP_RELAXATIONS,
  LIST_SEPARATORS,
  JWT_TIMEOUT_MINUTES,
  PERMITTED_USERS,
  REFRESH_TOKEN_CHOICES,
  REFRESH_TOKEN_UNITS,
  SESSION_POLICY_ACTIONS,
  START_PAGES,
} from '../model/enums';
import { EXTERNAL_CLIENT_APP_SCOPES } from '../model/externalClientAppScopes';
import { GLOBAL_OAUTH_FIELDS, ORG_MANAGED_ROLES, managedInOrg } from '../model/externalClientAppParts';
import { OAUTH_SCOPES, SCOPE_MIN_API, SCOPE_RETRIEVED_AS, isOAuthScope } from '../model/scopes';
import type { AppPolicies, AppSettings, JwtTimeout, OAuthSettings } from '../model/template';
import type { Problem } from '../errors';
import { closestMatch } from './closestMatch';
import { type UrlFinding, callbackUrlFinding, isIpAddress, linkFinding, startUrlFinding } from './urls';
import { controlCharacterProblem, quoted } from './text';

/** A connected app's "Connected App Name" holds at most 80 characters (Field Reference, ConnectedApplication: Name, string(80)). */
const LABEL_MAX_LENGTH = 80;

/**
 * "The Callback URL field has a limit of 2000 characters, cumulatively" (Salesforce Help, Configure
 * the External Client App OAuth Settings). For connected apps only older editions of the REST API
 * Developer Guide state it, so there it is advice.
 */
const CALLBACK_TOTAL_MAX_LENGTH = 2000;

/** Setup's session "Timeout Value" choices, in minutes; retrieves also hold 0, so others are advice. */
const SESSION_TIMEOUTS = [15, 30, 60, 120, 240, 480, 720, 1440];

/** "The value can be 1–720 minutes" (Metadata API Developer Guide, ExtlClntAppGlobalOauthSettings: idTokenValidityInMinutes). */
const ID_TOKEN_VALIDITY_MAX = 720;

/** OAuth token names people type, and the scope each stands for in metadata (Salesforce Help, OAuth Tokens and Scopes). */
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

/** A refusal: Salesforce refuses it, the files cannot hold it, or it would hurt the user. */
function refuse(context: RuleContext, field: string, message: string): void {
  context.problems.push({ field, message });
}

/** Advice: shown, never blocking. */
function advise(context: RuleContext, field: string, message: string): void {
  context.warnings.push(`${field}: ${message}`);
}

function report(context: RuleContext, field: string, value: string, finding: UrlFinding | undefined): void {
  if (!finding) return;
  (finding.severity === 'refuse' ? refuse : advise)(context, field, `${quoted(value)} ${finding.message}`);
}

/** A value outside one of this tool's closed lists cannot be rendered. */
function oneOf(value: string, allowed: readonly string[], field: string, context: RuleContext): void {
  if (allowed.includes(value)) return;
  const suggestion = closestMatch(value, allowed);
  refuse(context, field, `${quoted(value)} is not one of ${allowed.join(', ')}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
}

/** A value listed twice: advice (retrieves list a profile twice when two profiles share a name). */
function duplicates(values: readonly string[], field: string, context: RuleContext): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) advise(context, `${field}[${index}]`, `${quoted(value)} is listed twice`);
    seen.add(value);
  });
}

const isExternalClientApp = (context: RuleContext) => context.kind === 'external-client-app';
const isPoliciesOnly = (settings: AppSettings, context: RuleContext) => isExternalClientApp(context) && settings.policiesOnly === true;

/** The API-name rules of the kind: External Client Apps have a documented length; a namespace only where a package gives one. */
function apiNameRules(settings: AppSettings, context: RuleContext): ApiNameRules {
  if (!isExternalClientApp(context)) return { namespace: true };
  return { maxLength: EXTERNAL_CLIENT_APP_NAME_MAX_LENGTH, namespace: settings.policiesOnly === true };
}

function checkNames(settings: AppSettings, context: RuleContext): void {
  const { label } = settings;
  if (label === undefined) {
    // WSDL: label has no minOccurs="0" in ConnectedApp; Setup requires an External Client App Name.
    if (!isPoliciesOnly(settings, context)) refuse(context, 'label', 'is required (Salesforce requires the app name)');
  } else {
    if (label.trim() === '') refuse(context, 'label', 'is empty (Salesforce requires the app name)');
    if (/[\r\n]/.test(label)) advise(context, 'label', 'holds a line break, which Setup never puts in a name');
    else {
      // Kept as an error without a Salesforce source: ESC and the like act on the terminal of whoever lists the app.
      const control = controlCharacterProblem(label);
      if (control) refuse(context, 'label', control);
    }
    if (label.length > LABEL_MAX_LENGTH) {
      const message = `is ${label.length} characters long; the limit is ${LABEL_MAX_LENGTH}`;
      if (isExternalClientApp(context)) advise(context, 'label', `${message} for a connected app's name`);
      else refuse(context, 'label', message);
    }
  }
  const rules = apiNameRules(settings, context);
  if (settings.apiName !== undefined) {
    const problem = apiNameProblem(settings.apiName, rules);
    if (problem) refuse(context, 'apiName', `${quoted(settings.apiName)} ${problem}`);
  } else if (isPoliciesOnly(settings, context)) {
    refuse(context, 'apiName', "is required in a policies-only template: the installed app's name, with its namespace");
  } else if (label !== undefined && label.trim() !== '') {
    const derived = apiNameFromLabel(label);
    const problem = apiNameProblem(derived, rules);
    if (problem) refuse(context, 'apiName', `the name derived from the label, ${quoted(derived)}, ${problem}; set apiName`);
  }
}

function checkLinks(settings: AppSettings, context: RuleContext): void {
  // "The URL must use HTTPS" (Metadata API Developer Guide, ConnectedApp: logoUrl).
  const logoRule = isExternalClientApp(context) ? undefined : 'Metadata API Developer Guide, ConnectedApp: logoUrl';
  for (const [field, httpsRequired] of [
    ['infoUrl', undefined],
    ['logoUrl', logoRule],
    ['iconUrl', undefined],
  ] as const) {
    const url = settings[field];
    if (url !== undefined) report(context, field, url, linkFinding(url, httpsRequired));
  }
  for (const field of ['startUrl', 'mobileStartUrl'] as const) {
    const url = settings[field];
    if (url !== undefined) report(context, field, url, startUrlFinding(url));
  }
}

function checkCallbackUrls(settings: AppSettings, urls: readonly string[] | undefined, context: RuleContext): void {
  if (urls === undefined || urls.length === 0) {
    // WSDL: ConnectedAppOauthConfig's callbackUrl has no minOccurs="0"; an External Client App's is
    // optional, and absent when its global OAuth settings are the org's.
    if (!isExternalClientApp(context)) refuse(context, 'oauth.callbackUrls', 'needs at least one URL (Salesforce requires a callback URL)');
    else if (!managedInOrg(settings, 'globalOauth'))
      advise(context, 'oauth.callbackUrls', 'none given; Setup asks for one to enable OAuth');
    return;
  }
  urls.forEach((url, index) => {
    const field = `oauth.callbackUrls[${index}]`;
    const finding = callbackUrlFinding(url);
    report(context, field, url, finding);
    if (!finding && url.includes('#'))
      advise(context, field, `${quoted(url)} has a #fragment, which OAuth redirect URIs must not have (RFC 6749 §3.1.2)`);
  });
  duplicates(urls, 'oauth.callbackUrls', context);
  const total = urls.join('\n').length;
  if (total > CALLBACK_TOTAL_MAX_LENGTH) {
    const message = `${total} characters in all; the limit is ${CALLBACK_TOTAL_MAX_LENGTH}`;
    if (isExternalClientApp(context)) refuse(context, 'oauth.callbackUrls', message);
    else advise(context, 'oauth.callbackUrls', `${message} for External Client Apps, and was for connected apps`);
  }
}

/**
 * A scope this tool does not know: a typo (close to a known name, an OAuth token name, not an
 * identifier) is refused, as Salesforce refuses a value outside its list; anything else may be a
 * scope newer than API 66.0, kept with a warning.
 */
function checkUnknownScope(scope: string, field: string, context: RuleContext): void {
  const eca = EXTERNAL_CLIENT_APP_SCOPES.find((entry) => entry.name === scope && entry.name !== entry.scope);
  if (eca) {
    advise(
      context,
      field,
      `${quoted(scope)} is how an External Client App file spells ${quoted(eca.scope)}; templates write ${quoted(eca.scope)}`,
    );
    return;
  }
  const suggestion = SCOPE_FOR_TOKEN[scope.toLowerCase()] ?? closestMatch(scope, OAUTH_SCOPES);
  if (suggestion || !/^[A-Z][A-Za-z0-9]*$/.test(scope)) {
    refuse(context, field, `${quoted(scope)} is not a scope name${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
  } else {
    advise(
      context,
      field,
      `${quoted(scope)} is not a scope of API 66.0; it is written as given, and an org that does not know it will refuse it`,
    );
  }
}

function checkScopes(scopes: readonly string[], context: RuleContext): void {
  if (scopes.length === 0) advise(context, 'oauth.scopes', 'none selected, so users cannot authorize the app');
  scopes.forEach((scope, index) => {
    const field = `oauth.scopes[${index}]`;
    if (!isOAuthScope(scope)) {
      checkUnknownScope(scope, field, context);
      return;
    }
    // A ConnectedApp's scopes are an enum whose values have API versions; an External Client App's are text.
    const minApi = SCOPE_MIN_API[scope];
    if (!isExternalClientApp(context) && minApi !== undefined && minApi > context.apiVersion) {
      refuse(context, field, `${quoted(scope)} needs API ${formatApiVersion(minApi)} or later`);
    }
    const retrievedAs = SCOPE_RETRIEVED_AS[scope];
    if (retrievedAs)
      advise(
        context,
        field,
        `a retrieve writes ${quoted(scope)} back as ${quoted(retrievedAs)}; list ${quoted(retrievedAs)} to keep git clean`,
      );
  });
  duplicates(scopes, 'oauth.scopes', context);
}

function checkCertificate(certificate: string, context: RuleContext): void {
  const field = 'oauth.certificate';
  if (/PRIVATE KEY/.test(certificate)) {
    // No secret in a file, whatever Salesforce would do with it.
    refuse(context, field, 'holds a private key; give the public certificate only, and keep the key out of the repository');
  } else if (/-----BEGIN|-----END/.test(certificate)) {
    advise(context, field, 'has PEM armour; retrieves hold the base64 body without the -----BEGIN/END lines');
  } else if (!/^[A-Za-z0-9+/\r\n]+={0,2}$/.test(certificate)) {
    advise(context, field, 'is not a base64 certificate body');
  }
}

/** An External Client App whose global OAuth settings are the org's cannot set what those settings hold. */
function checkGlobalOauthFields(settings: AppSettings, oauth: OAuthSettings, context: RuleContext): void {
  if (!isExternalClientApp(context) || !managedInOrg(settings, 'globalOauth')) return;
  for (const field of GLOBAL_OAUTH_FIELDS) {
    if (oauth[field] !== undefined) {
      refuse(context, `oauth.${field}`, "is a global OAuth setting, which this template leaves to the org (managedInOrg: 'globalOauth')");
    }
  }
}

function checkOAuth(settings: AppSettings, oauth: OAuthSettings, context: RuleContext): void {
  checkGlobalOauthFields(settings, oauth, context);
  checkCallbackUrls(settings, oauth.callbackUrls, context);
  checkScopes(oauth.scopes, context);
  if (oauth.certificate !== undefined) checkCertificate(oauth.certificate, context);
  if (oauth.requireCredentialsInPostBody && !oauth.enableAuthorizationCodeAndCredentialsFlow) {
    advise(context, 'oauth.requireCredentialsInPostBody', 'takes effect only with oauth.enableAuthorizationCodeAndCredentialsFlow');
  }
  if (oauth.callbackUrlLineBreak !== undefined)
    oneOf(oauth.callbackUrlLineBreak, CALLBACK_LINE_BREAKS, 'oauth.callbackUrlLineBreak', context);
  if (oauth.singleLogoutUrl !== undefined)
    report(context, 'oauth.singleLogoutUrl', oauth.singleLogoutUrl, linkFinding(oauth.singleLogoutUrl));
  const validity = oauth.idToken?.validityMinutes;
  if (validity !== undefined && (validity < 0 || validity > ID_TOKEN_VALIDITY_MAX)) {
    refuse(context, 'oauth.idToken.validityMinutes', `${validity} is outside 1 to ${ID_TOKEN_VALIDITY_MAX}, the minutes Salesforce allows`);
  } else if (validity === 0) {
    advise(
      context,
      'oauth.idToken.validityMinutes',
      `0 is outside 1 to ${ID_TOKEN_VALIDITY_MAX}, which Setup offers; Salesforce keeps it as written`,
    );
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
  // A negative count cannot be written in refreshTokenPolicy's `kind:N:UNIT` form; 0 can.
  if (period.value < 0) refuse(context, `${field}.value`, `must be 0 or more, not ${period.value}`);
  else if (period.value === 0) advise(context, `${field}.value`, 'is 0; Setup asks for at least 1');
  oneOf(period.unit, REFRESH_TOKEN_UNITS, `${field}.unit`, context);
}

function checkPreAuthorization(policies: AppPolicies, hasOAuth: boolean, context: RuleContext): void {
  const grants = [...(policies.profiles ?? []), ...(policies.permissionSets ?? [])];
  for (const field of ['profiles', 'permissionSets'] as const) {
    const names = policies[field] ?? [];
    names.forEach((name, index) => {
      if (name.trim() === '') advise(context, `policies.${field}[${index}]`, 'is empty');
      else if (isExternalClientApp(context) && name.includes(',')) {
        // The External Client App's list is one comma-separated element: a comma would split the name.
        refuse(
          context,
          `policies.${field}[${index}]`,
          `${quoted(name)} has a comma, which an External Client App's comma-separated list cannot hold`,
        );
      }
    });
    duplicates(names, `policies.${field}`, context);
  }
  const adminApproved = policies.permittedUsers === 'admin-approved';
  if (grants.length > 0 && !adminApproved && hasOAuth) {
    advise(
      context,
      'policies.profiles/permissionSets',
      "they pre-authorize OAuth users only when policies.permittedUsers is 'admin-approved'",
    );
  }
  if (adminApproved && grants.length === 0) {
    advise(
      context,
      'policies.permittedUsers',
      'admin-approved with no profiles or permission sets: nobody can use the app until an admin assigns one',
    );
  }
}

/**
 * The JWT token timeouts: Salesforce lists the minutes it accepts and the version of each
 * (Metadata API Developer Guide, ExtlClntAppOauthConfigurablePolicies).
 */
function checkJwtTimeout(timeout: JwtTimeout | undefined, field: string, context: RuleContext): void {
  if (timeout === undefined || timeout === 'user-session') return;
  if (typeof timeout === 'string') {
    refuse(context, field, `${quoted(timeout)} is not 'user-session' or a number of minutes`);
    return;
  }
  const minApi = JWT_TIMEOUT_MINUTES[timeout];
  if (minApi === undefined) refuse(context, field, `${timeout} is not one of ${Object.keys(JWT_TIMEOUT_MINUTES).join(', ')} minutes`);
  else if (minApi > context.apiVersion) refuse(context, field, `${timeout} minutes needs API ${formatApiVersion(minApi)} or later`);
}

/** OAuth policies of a ConnectedApp that live in oauthConfig (so need OAuth settings), and those in oauthPolicy. */
const IN_OAUTH_CONFIG = ['permittedUsers', 'clientCredentialsRunAs'] as const;
const IN_OAUTH_POLICY = ['ipRelaxation', 'refreshToken', 'enableTokenExchangeFlow', 'singleLogoutUrl'] as const;

/** External Client App policies a connected app has no element for. */
const EXTERNAL_CLIENT_APP_POLICIES = ['enableClientCredentialsFlow', 'namedUserJwtTimeout', 'guestJwtTimeout', 'listSeparator'] as const;

function checkOAuthPoliciesPlace(settings: AppSettings, policies: AppPolicies, context: RuleContext): void {
  if (settings.oauth || isPoliciesOnly(settings, context)) return;
  if (isExternalClientApp(context)) {
    // An External Client App's OAuth policies file is written with its OAuth settings only.
    for (const field of [...IN_OAUTH_CONFIG, ...IN_OAUTH_POLICY, ...EXTERNAL_CLIENT_APP_POLICIES]) {
      if (policies[field] !== undefined) refuse(context, `policies.${field}`, 'is an OAuth policy; it needs oauth settings');
    }
    return;
  }
  for (const field of IN_OAUTH_CONFIG) {
    if (policies[field] !== undefined)
      refuse(context, `policies.${field}`, 'is written in the OAuth settings (oauthConfig); it needs oauth settings');
  }
  for (const field of IN_OAUTH_POLICY) {
    if (policies[field] !== undefined) advise(context, `policies.${field}`, 'is an OAuth policy; it takes effect only with oauth settings');
  }
}

function checkPolicies(settings: AppSettings, policies: AppPolicies, context: RuleContext): void {
  if (policies.permittedUsers !== undefined) oneOf(policies.permittedUsers, PERMITTED_USERS, 'policies.permittedUsers', context);
  if (policies.ipRelaxation !== undefined) oneOf(policies.ipRelaxation, IP_RELAXATIONS, 'policies.ipRelaxation', context);
  checkPeriod(policies, context);
  const timeout = policies.sessionTimeoutMinutes;
  if (timeout !== undefined && !SESSION_TIMEOUTS.includes(timeout)) {
    advise(context, 'policies.sessionTimeoutMinutes', `${timeout} is not one of Setup's timeouts: ${SESSION_TIMEOUTS.join(', ')}`);
  }
  checkPreAuthorization(policies, settings.oauth !== undefined || isPoliciesOnly(settings, context), context);
  const clientCredentials = policies.enableClientCredentialsFlow ?? settings.oauth?.enableClientCredentialsFlow;
  if (policies.clientCredentialsRunAs !== undefined && (settings.oauth || isPoliciesOnly(settings, context)) && !clientCredentials) {
    advise(context, 'policies.clientCredentialsRunAs', 'takes effect only with oauth.enableClientCredentialsFlow');
  }
  if (policies.sessionPolicyAction !== undefined)
    oneOf(policies.sessionPolicyAction, SESSION_POLICY_ACTIONS, 'policies.sessionPolicyAction', context);
  if (policies.listSeparator !== undefined) oneOf(policies.listSeparator, LIST_SEPARATORS, 'policies.listSeparator', context);
  checkJwtTimeout(policies.namedUserJwtTimeout, 'policies.namedUserJwtTimeout', context);
  checkJwtTimeout(policies.guestJwtTimeout, 'policies.guestJwtTimeout', context);
  checkOAuthPoliciesPlace(settings, policies, context);
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

/** Settings only an External Client App has. */
const EXTERNAL_CLIENT_APP_ONLY = [
  'startPage',
  'externalClientAppNames',
  'externalClientAppLabels',
  'distributionState',
  'protectedInPackage',
  'managedInOrg',
  'policiesOnly',
  'enabled',
  'oauthEnabled',
] as const;

/** What a policies-only template renders: its policies (and the settings naming them). */
const POLICIES_ONLY_FIELDS = new Set<string>([
  'label',
  'apiName',
  'policies',
  'startUrl',
  'startPage',
  'enabled',
  'oauthEnabled',
  'externalClientAppNames',
  'externalClientAppLabels',
  'policiesOnly',
  'existsInOrg',
  'metadataApiVersion',
  'contactEmail',
]);

function checkConnectedApp(settings: AppSettings, context: RuleContext): void {
  if (settings.oauth?.enableDeviceFlow)
    refuse(context, 'oauth.enableDeviceFlow', 'has no ConnectedApp element up to API 66.0; render an External Client App');
  for (const field of EXTERNAL_CLIENT_APP_ONLY) {
    if (settings[field] !== undefined) refuse(context, field, "is an External Client App's; a connected app has no element for it");
  }
  for (const field of EXTERNAL_CLIENT_APP_POLICIES) {
    if (settings.policies?.[field] !== undefined) {
      refuse(context, `policies.${field}`, "is an External Client App's policy; a connected app has no element for it");
    }
  }
}

function checkPoliciesOnly(settings: AppSettings, context: RuleContext): void {
  for (const [field, value] of Object.entries(settings)) {
    if (value !== undefined && !POLICIES_ONLY_FIELDS.has(field)) {
      refuse(context, field, "is not rendered for a policies-only app, whose settings are not this template's; leave it out");
    }
  }
  if (settings.label !== undefined) advise(context, 'label', 'is not rendered for a policies-only app');
}

/** The parts left to the org: known roles, and no setting of theirs in the template. */
function checkManagedInOrg(settings: AppSettings, context: RuleContext): void {
  const roles = settings.managedInOrg ?? [];
  roles.forEach((role, index) => oneOf(role, ORG_MANAGED_ROLES, `managedInOrg[${index}]`, context));
  duplicates(roles, 'managedInOrg', context);
  if (!managedInOrg(settings, 'oauthPolicies')) return;
  if (settings.policiesOnly)
    refuse(context, 'managedInOrg', 'leaves the OAuth policies to the org, which are all a policies-only template renders');
  for (const [field, value] of Object.entries(settings.policies ?? {})) {
    if (value !== undefined)
      refuse(context, `policies.${field}`, "is an OAuth policy, which this template leaves to the org (managedInOrg: 'oauthPolicies')");
  }
  if (settings.startPage === 'OAuth' && settings.startUrl !== undefined) {
    refuse(
      context,
      'startUrl',
      "goes in the OAuth policies with startPage OAuth, which this template leaves to the org (managedInOrg: 'oauthPolicies')",
    );
  }
}

function checkExternalClientApp(settings: AppSettings, context: RuleContext): void {
  if (settings.startPage !== undefined) oneOf(settings.startPage, START_PAGES, 'startPage', context);
  if (settings.distributionState !== undefined) {
    oneOf(settings.distributionState, DISTRIBUTION_STATES, 'distributionState', context);
    if (settings.distributionState === 'Managed' || settings.distributionState === 'AutoInstalled') {
      advise(
        context,
        'distributionState',
        `${settings.distributionState} is for Salesforce's internal use (Metadata API Developer Guide, ExternalClientApplication)`,
      );
    }
  }
  if (settings.protectedInPackage && settings.distributionState !== 'Packaged') {
    advise(context, 'protectedInPackage', 'takes effect only in a package (distributionState: Packaged)');
  }
  checkManagedInOrg(settings, context);
  if (settings.distributionState === 'Packaged' && settings.oauth && !managedInOrg(settings, 'globalOauth') && !settings.policiesOnly) {
    advise(
      context,
      'managedInOrg',
      "a packaged app's global OAuth settings can't be packaged (Metadata API Developer Guide, ExtlClntAppGlobalOauthSettings): they stay in the org that develops the app; consider managedInOrg: ['globalOauth']",
    );
  }
  if (settings.startPage === 'OAuth' && !settings.oauth && !settings.policiesOnly && settings.startUrl !== undefined) {
    refuse(context, 'startUrl', 'goes in the OAuth policies with startPage OAuth; it needs oauth settings');
  }
  for (const names of ['externalClientAppNames', 'externalClientAppLabels'] as const) {
    for (const [role, name] of Object.entries(settings[names] ?? {})) {
      if (name === undefined) continue;
      if (names === 'externalClientAppLabels') {
        if (name.trim() === '') advise(context, `${names}.${role}`, 'is empty');
        continue;
      }
      const problem = apiNameProblem(name);
      if (problem) refuse(context, `${names}.${role}`, `${quoted(name)} ${problem}`);
    }
  }
  for (const field of NOT_IN_EXTERNAL_CLIENT_APPS) {
    if (settings[field] !== undefined) {
      refuse(
        context,
        field,
        'is not rendered for an External Client App (it lives in a type this tool does not write); render a connected app, or leave it out',
      );
    }
  }
  if (settings.policiesOnly) checkPoliciesOnly(settings, context);
}

function checkIpRanges(settings: AppSettings, context: RuleContext): void {
  (settings.ipRanges ?? []).forEach((range, index) => {
    for (const end of ['start', 'end'] as const) {
      if (!isIpAddress(range[end])) advise(context, `ipRanges[${index}].${end}`, `${quoted(range[end])} is not an IP address`);
    }
  });
}

/** Applies every rule to one app's settings (already known to have the right shape). */
export function checkAppSettings(settings: AppSettings, context: RuleContext): void {
  checkNames(settings, context);
  checkLinks(settings, context);
  if (isExternalClientApp(context)) checkExternalClientApp(settings, context);
  else checkConnectedApp(settings, context);
  checkIpRanges(settings, context);
  if (settings.oauth) checkOAuth(settings, settings.oauth, context);
  if (settings.policies) checkPolicies(settings, settings.policies, context);
}
