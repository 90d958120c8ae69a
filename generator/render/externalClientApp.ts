/**
 * External Client App rendering: the same Setup settings → the linked ECA file set
 * (metadata-facts.md §6 and "Key facts" B). Pure: no file system, no network.
 *
 * - header `<Name>`: label, contact, description, distributionState Local;
 * - global OAuth settings `<Name>_glbloauth`: callback URLs and the flow flags (PKCE written
 *   out, since its ECA default is on); never a consumer key or secret;
 * - OAuth settings `<Name>_oauth`: the scopes, comma-separated in canonical order;
 * - OAuth policies `<Name>_oauthPlcy`: always written, because an ECA deployed without them
 *   gets Salesforce's defaults (a 365-day refresh token), not the template's;
 * - app policies `<Name>_plcy`: only when the template sets a start page or URL.
 * Children name their app in `externalClientApplication` and carry their own name as label,
 * as retrieved UI-created apps do.
 */
import {
  APP_POLICIES_SCHEMA,
  ECA_SCOPE_NAMES,
  EXTERNAL_CLIENT_APPLICATION_SCHEMA,
  GLOBAL_OAUTH_SETTINGS_SCHEMA,
  OAUTH_POLICIES_SCHEMA,
  OAUTH_SETTINGS_SCHEMA,
} from '../model/externalClientAppSchema';
import {
  APP_POLICIES_TYPE,
  EXTERNAL_CLIENT_APPLICATION_TYPE,
  GLOBAL_OAUTH_SETTINGS_TYPE,
  OAUTH_POLICIES_TYPE,
  OAUTH_SETTINGS_TYPE,
} from '../model/registry';
import type { ResolvedApp } from '../model/resolvedApp';
import { canonicalScopeOrder } from '../model/scopes';
import type { AppPolicies, AppSettings, IpRelaxation, OAuthSettings, RefreshTokenPolicy } from '../model/template';
import { callbackUrlText } from './connectedApp';
import type { MetadataDocument } from './document';
import type { MetadataObject } from './serialize';

/**
 * `ipRelaxationPolicyType` values. The relax-for-refresh-tokens value is spelt as a Salesforce
 * retrieve writes it, `Enforce_relaxrefresh` (shared/corpus/eca, N-P-N-P Devops_JWT, a retrieved
 * set); the doc spells it `Enforce_RelaxRefresh` (metadata-facts.md §6.2).
 */
export const ECA_IP_RELAXATION_VALUES: Readonly<Record<IpRelaxation, string>> = {
  enforce: 'Enforce',
  'enforce-relax-refresh': 'Enforce_relaxrefresh',
  'relax-activated-devices': 'Bypass_2factor',
  relax: 'Bypass',
};

/** Child component names: the app's name plus the suffix Setup gives each file. */
export const ECA_CHILD_SUFFIXES = {
  globalOauth: '_glbloauth',
  oauthSettings: '_oauth',
  oauthPolicies: '_oauthPlcy',
  appPolicies: '_plcy',
} as const;

type ChildRole = keyof typeof ECA_CHILD_SUFFIXES;

/** A child's component name (also its label): the template's, else Setup's convention. */
export function childName(app: ResolvedApp, role: ChildRole): string {
  return app.settings.externalClientAppNames?.[role] ?? `${app.apiName}${ECA_CHILD_SUFFIXES[role]}`;
}

const unit = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

function refreshToken(policy: RefreshTokenPolicy): MetadataObject {
  if (policy === 'valid-until-revoked') return { refreshTokenPolicyType: 'Infinite' };
  if (policy === 'expire-immediately') return { refreshTokenPolicyType: 'Zero', refreshTokenValidityPeriod: 0 };
  const [type, period] =
    'expireAfter' in policy ? ['SpecificLifetime', policy.expireAfter] : ['SpecificInactivity', policy.expireIfUnusedFor];
  return { refreshTokenPolicyType: type, refreshTokenValidityPeriod: period.value, refreshTokenValidityUnit: unit(period.unit) };
}

function globalOauth(name: string, label: string, oauth: OAuthSettings): MetadataObject {
  const { idToken } = oauth;
  return {
    callbackUrl: callbackUrlText(oauth),
    certificate: oauth.certificate,
    externalClientApplication: name,
    idTokenConfig: idToken && {
      idTokenAudience: idToken.audience,
      idTokenIncludeAttributes: idToken.includeAttributes,
      idTokenIncludeCustomPermissions: idToken.includeCustomPermissions,
      idTokenIncludeStandardClaims: idToken.includeStandardClaims,
      idTokenValidityInMinutes: idToken.validityMinutes,
    },
    isClientCredentialsFlowEnabled: oauth.enableClientCredentialsFlow ?? false,
    isCodeCredFlowEnabled: oauth.enableAuthorizationCodeAndCredentialsFlow ?? false,
    isCodeCredPostOnly: oauth.requireCredentialsInPostBody ?? false,
    isConsumerSecretOptional: !(oauth.requireSecretForWebServerFlow ?? true),
    isDeviceFlowEnabled: oauth.enableDeviceFlow ?? false,
    isIntrospectAllTokens: oauth.introspectAllTokens ?? false,
    isNamedUserJwtEnabled: oauth.issueJwtAccessTokens ?? false,
    isPkceRequired: oauth.requirePkce ?? true,
    isRefreshTokenRotationEnabled: oauth.enableRefreshTokenRotation ?? false,
    isSecretRequiredForRefreshToken: oauth.requireSecretForRefreshTokenFlow ?? true,
    isSecretRequiredForTokenExchange: oauth.requireSecretForTokenExchangeFlow ?? true,
    isTokenExchangeEnabled: oauth.enableTokenExchangeFlow ?? false,
    label,
    shouldRotateConsumerKey: false,
    shouldRotateConsumerSecret: false,
  };
}

function oauthSettings(name: string, label: string, oauth: OAuthSettings, settings: AppSettings): MetadataObject {
  const scopes = canonicalScopeOrder(oauth.scopes).map((scope) => ECA_SCOPE_NAMES[scope] ?? scope);
  const { assetTokens } = oauth;
  return {
    areAttributesIncludedInAssetToken: assetTokens?.includeAttributes,
    areCustomPermsIncludedInAssetToken: assetTokens?.includeCustomPermissions,
    assetTokenAudiences: assetTokens?.audiences,
    assetTokenSigningCertificate: assetTokens?.signingCertificateId,
    assetTokenValidity: assetTokens?.validityMinutes,
    commaSeparatedOauthScopes: scopes.join(', '),
    customAttributes: settings.attributes?.map(({ formula, key }) => ({ formula, key })),
    externalClientApplication: name,
    isFirstPartyAppEnabled: false,
    label,
    singleLogoutUrl: oauth.singleLogoutUrl,
    trustedIpRanges: settings.ipRanges?.map(({ description, end, start }) => ({ description, endIpAddress: end, startIpAddress: start })),
  };
}

function oauthPolicies(
  name: string,
  label: string,
  oauth: OAuthSettings,
  policies: AppPolicies,
  startUrl: string | undefined,
): MetadataObject {
  const list = (names: readonly string[] | undefined) => (names && names.length > 0 ? names.join(', ') : undefined);
  return {
    clientCredentialsFlowUser: policies.clientCredentialsRunAs,
    commaSeparatedPermissionSet: list(policies.permissionSets),
    commaSeparatedProfile: list(policies.profiles),
    externalClientApplication: name,
    ipRelaxationPolicyType: ECA_IP_RELAXATION_VALUES[policies.ipRelaxation ?? 'enforce'],
    isClientCredentialsFlowEnabled: oauth.enableClientCredentialsFlow ?? false,
    isGuestCodeCredFlowEnabled: false,
    isNamedUserJwtEnabled: oauth.issueJwtAccessTokens ?? false,
    isTokenExchangeFlowEnabled: policies.enableTokenExchangeFlow ?? false,
    label,
    permittedUsersPolicyType: policies.permittedUsers === 'admin-approved' ? 'AdminApprovedPreAuthorized' : 'AllSelfAuthorized',
    policyAction: policies.sessionPolicyAction,
    ...refreshToken(policies.refreshToken ?? 'valid-until-revoked'),
    requiredSessionLevel: policies.sessionLevel ?? 'STANDARD',
    sessionTimeoutInMinutes: policies.sessionTimeoutMinutes,
    singleLogoutUrl: policies.singleLogoutUrl,
    startUrl,
  };
}

function header(app: ResolvedApp): MetadataObject {
  const { settings } = app;
  return {
    contactEmail: app.contactEmail,
    contactPhone: settings.contactPhone,
    description: settings.description,
    distributionState: 'Local',
    iconUrl: settings.iconUrl,
    infoUrl: settings.infoUrl,
    isProtected: false,
    label: settings.label,
    logoUrl: settings.logoUrl,
  };
}

/** The linked External Client App documents of a resolved app. */
export function externalClientAppDocuments(app: ResolvedApp): MetadataDocument[] {
  const name = app.apiName;
  const { oauth, startUrl } = app.settings;
  const startPage = app.settings.startPage ?? (startUrl === undefined ? undefined : 'Custom');
  const policies = app.settings.policies ?? {};
  const documents: MetadataDocument[] = [
    { type: EXTERNAL_CLIENT_APPLICATION_TYPE, fullName: name, schema: EXTERNAL_CLIENT_APPLICATION_SCHEMA, object: header(app) },
  ];
  if (oauth) {
    const [global, settings, oauthPolicy] = [
      childName(app, 'globalOauth'),
      childName(app, 'oauthSettings'),
      childName(app, 'oauthPolicies'),
    ];
    documents.push(
      {
        type: GLOBAL_OAUTH_SETTINGS_TYPE,
        fullName: global,
        schema: GLOBAL_OAUTH_SETTINGS_SCHEMA,
        object: globalOauth(name, global, oauth),
      },
      {
        type: OAUTH_SETTINGS_TYPE,
        fullName: settings,
        schema: OAUTH_SETTINGS_SCHEMA,
        object: oauthSettings(name, settings, oauth, app.settings),
      },
      {
        type: OAUTH_POLICIES_TYPE,
        fullName: oauthPolicy,
        schema: OAUTH_POLICIES_SCHEMA,
        object: oauthPolicies(name, oauthPolicy, oauth, policies, startPage === 'OAuth' ? startUrl : undefined),
      },
    );
  }
  if (startPage !== undefined) {
    const label = childName(app, 'appPolicies');
    const appPolicies: MetadataObject = {
      externalClientApplication: name,
      isEnabled: true,
      isOauthPluginEnabled: oauth !== undefined,
      label,
      startPage,
      startUrl: startPage === 'OAuth' ? undefined : startUrl,
    };
    documents.push({ type: APP_POLICIES_TYPE, fullName: label, schema: APP_POLICIES_SCHEMA, object: appPolicies });
  }
  return documents;
}
