/**
 * External Client App rendering: the same Setup settings → the linked ECA file set (Metadata API
 * Developer Guide, ExternalClientApplication and its ExtlClntApp* types). Pure: no file system,
 * no network.
 *
 * - header `<Name>`: label, contact, description, distribution state (Local unless the template
 *   says Packaged), protection;
 * - global OAuth settings `<Name>_glbloauth`: callback URLs and the flow flags (PKCE written
 *   out, since its ECA default is on); never a consumer key or secret;
 * - OAuth settings `<Name>_oauth`: the scopes, comma-separated in the order retrieves write them;
 * - OAuth policies `<Name>_oauthPlcy`: written with OAuth, because an ECA deployed without them
 *   gets Salesforce's defaults (a 365-day refresh token), not the template's;
 * - app policies `<Name>_plcy`: when the template sets a start page or URL, or turns the app or
 *   its OAuth plugin on or off.
 * A part the template leaves to the org (`managedInOrg`) is not written. A policies-only template
 * (an app installed from a package) renders its policies and nothing else. Children name their
 * app in `externalClientApplication` and carry their own name as label, as retrieved UI-created
 * apps do, unless the template keeps other labels.
 */
import { externalClientAppRefreshTokenValues, ipRelaxationValue, jwtTimeoutValues, permittedUsersValue, scopeName } from '../model/codecs';
import { EXTERNAL_CLIENT_APP_PARTS, type EcaChildRole, type EcaRole, ecaPartName, managedInOrg } from '../model/externalClientAppParts';
import type { MetadataDocument, MetadataObject } from '../model/metadata';
import type { ResolvedApp } from '../model/resolvedApp';
import { EXTERNAL_CLIENT_APP_SCOPE_RANK } from '../model/externalClientAppScopes';
import { canonicalScopeOrder } from '../model/scopes';
import type { AppPolicies, AppSettings, OAuthSettings } from '../model/template';
import { callbackUrlText } from './connectedApp';

/** A child's component name: the template's, else Setup's convention. */
function childName(app: ResolvedApp, role: EcaChildRole): string {
  return app.settings.externalClientAppNames?.[role] ?? ecaPartName(app.apiName, role);
}

/** A child's label: the template's, else its component name, as Setup labels the files. */
function childLabel(app: ResolvedApp, role: EcaChildRole): string {
  return app.settings.externalClientAppLabels?.[role] ?? childName(app, role);
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
  const scopes = canonicalScopeOrder(oauth.scopes, EXTERNAL_CLIENT_APP_SCOPE_RANK).map((scope) => scopeName('external-client-app', scope));
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
  oauth: OAuthSettings | undefined,
  policies: AppPolicies,
  startUrl: string | undefined,
): MetadataObject {
  const list = (names: readonly string[] | undefined) =>
    names && names.length > 0 ? names.join(policies.listSeparator ?? ', ') : undefined;
  return {
    clientCredentialsFlowUser: policies.clientCredentialsRunAs,
    commaSeparatedPermissionSet: list(policies.permissionSets),
    commaSeparatedProfile: list(policies.profiles),
    externalClientApplication: name,
    ...jwtTimeoutValues('guest', policies.guestJwtTimeout),
    ipRelaxationPolicyType: ipRelaxationValue('external-client-app', policies.ipRelaxation ?? 'enforce'),
    isClientCredentialsFlowEnabled: policies.enableClientCredentialsFlow ?? oauth?.enableClientCredentialsFlow ?? false,
    isGuestCodeCredFlowEnabled: false,
    isNamedUserJwtEnabled: oauth?.issueJwtAccessTokens ?? false,
    isTokenExchangeFlowEnabled: policies.enableTokenExchangeFlow ?? false,
    label,
    ...jwtTimeoutValues('namedUser', policies.namedUserJwtTimeout),
    permittedUsersPolicyType: permittedUsersValue(policies.permittedUsers ?? 'all-self-authorize'),
    policyAction: policies.sessionPolicyAction,
    ...externalClientAppRefreshTokenValues(policies.refreshToken ?? 'valid-until-revoked'),
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
    distributionState: settings.distributionState ?? 'Local',
    iconUrl: settings.iconUrl,
    infoUrl: settings.infoUrl,
    isProtected: settings.protectedInPackage ?? false,
    label: settings.label,
    logoUrl: settings.logoUrl,
  };
}

/** True when the template sets anything the app policies hold. */
function hasAppPolicies(settings: AppSettings): boolean {
  const { startPage, startUrl, enabled, oauthEnabled } = settings;
  return [startPage, startUrl, enabled, oauthEnabled].some((value) => value !== undefined);
}

/** The metadata object of each part the app has, by role. */
function partObjects(app: ResolvedApp): Partial<Record<EcaRole, MetadataObject>> {
  const name = app.apiName;
  const { settings } = app;
  const { oauth, startUrl } = settings;
  const policiesOnly = settings.policiesOnly === true;
  const startPage = settings.startPage ?? (startUrl === undefined ? undefined : 'Custom');
  const policies = settings.policies ?? {};
  const objects: Partial<Record<EcaRole, MetadataObject>> = policiesOnly ? {} : { header: header(app) };
  if (oauth && !policiesOnly) {
    if (!managedInOrg(settings, 'globalOauth')) objects.globalOauth = globalOauth(name, childLabel(app, 'globalOauth'), oauth);
    objects.oauthSettings = oauthSettings(name, childLabel(app, 'oauthSettings'), oauth, settings);
  }
  if ((oauth || policiesOnly) && !managedInOrg(settings, 'oauthPolicies')) {
    const oauthStartUrl = startPage === 'OAuth' ? startUrl : undefined;
    objects.oauthPolicies = oauthPolicies(name, childLabel(app, 'oauthPolicies'), oauth, policies, oauthStartUrl);
  }
  if (hasAppPolicies(settings)) {
    objects.appPolicies = {
      externalClientApplication: name,
      isEnabled: settings.enabled ?? true,
      isOauthPluginEnabled: settings.oauthEnabled ?? (oauth !== undefined || policiesOnly),
      label: childLabel(app, 'appPolicies'),
      startPage,
      startUrl: startPage === 'OAuth' ? undefined : startUrl,
    };
  }
  return objects;
}

/** The linked External Client App documents of a resolved app, in the parts table's order. */
export function externalClientAppDocuments(app: ResolvedApp): MetadataDocument[] {
  const objects = partObjects(app);
  return EXTERNAL_CLIENT_APP_PARTS.flatMap((part) => {
    const object = objects[part.role];
    if (!object) return [];
    const fullName = part.role === 'header' ? app.apiName : childName(app, part.role);
    return [{ type: part.type, fullName, schema: part.schema, object }];
  });
}
