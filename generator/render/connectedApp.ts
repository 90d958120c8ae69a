/**
 * ConnectedApp rendering: Setup settings → the ConnectedApp metadata object. Pure: no file
 * system, no network. Every `oauthConfig` flag is filled in (with the Setup default when the
 * template is silent), so the file lists the flags a retrieve at the API version lists; the
 * serializer leaves out those newer than the version.
 */
import { connectedAppRefreshTokenValue, ipRelaxationValue } from '../model/codecs';
import { CONNECTED_APP_SCHEMA } from '../model/connectedAppSchema';
import type { MetadataDocument, MetadataObject } from '../model/metadata';
import { METADATA_TYPES } from '../model/registry';
import type { ResolvedApp } from '../model/resolvedApp';
import { canonicalScopeOrder } from '../model/scopes';
import type { AppPolicies, OAuthSettings } from '../model/template';

/** The callback URLs as Salesforce stores them: one per line; undefined without any. */
export function callbackUrlText(oauth: OAuthSettings): string | undefined {
  return oauth.callbackUrls?.join(oauth.callbackUrlLineBreak === 'crlf' ? '\r\n' : '\n');
}

function oauthConfig(oauth: OAuthSettings, policies: AppPolicies): MetadataObject {
  const { idToken, assetTokens } = oauth;
  return {
    assetTokenConfig: assetTokens && {
      assetAudiences: assetTokens.audiences,
      assetIncludeAttributes: assetTokens.includeAttributes,
      assetIncludeCustomPerms: assetTokens.includeCustomPermissions,
      assetSigningCertId: assetTokens.signingCertificateId,
      assetValidityPeriod: assetTokens.validityMinutes,
    },
    callbackUrl: callbackUrlText(oauth),
    certificate: oauth.certificate,
    idTokenConfig: idToken && {
      idTokenAudience: idToken.audience,
      idTokenIncludeAttributes: idToken.includeAttributes,
      idTokenIncludeCustomPerms: idToken.includeCustomPermissions,
      idTokenIncludeStandardClaims: idToken.includeStandardClaims,
      idTokenValidity: idToken.validityMinutes,
    },
    isAdminApproved: policies.permittedUsers === 'admin-approved',
    isClientCredentialEnabled: oauth.enableClientCredentialsFlow ?? false,
    isCodeCredentialEnabled: oauth.enableAuthorizationCodeAndCredentialsFlow ?? false,
    isCodeCredentialPostOnly: oauth.requireCredentialsInPostBody ?? false,
    isConsumerSecretOptional: !(oauth.requireSecretForWebServerFlow ?? true),
    isIntrospectAllTokens: oauth.introspectAllTokens ?? false,
    isNamedUserJwtEnabled: oauth.issueJwtAccessTokens ?? false,
    isPkceRequired: oauth.requirePkce ?? false,
    isRefreshTokenRotationEnabled: oauth.enableRefreshTokenRotation ?? false,
    isSecretRequiredForRefreshToken: oauth.requireSecretForRefreshTokenFlow ?? true,
    isSecretRequiredForTokenExchange: oauth.requireSecretForTokenExchangeFlow ?? false,
    isTokenExchangeEnabled: oauth.enableTokenExchangeFlow ?? false,
    oauthClientCredentialUser: policies.clientCredentialsRunAs,
    scopes: canonicalScopeOrder(oauth.scopes),
    singleLogoutUrl: oauth.singleLogoutUrl,
  };
}

/**
 * The OAuth policy, written when the template states a policy (as a retrieve writes it for an
 * app whose policy was ever set); an app that states none leaves the org's policy alone.
 */
function oauthPolicy(policies: AppPolicies): MetadataObject | undefined {
  if (policies.ipRelaxation === undefined && policies.refreshToken === undefined) return undefined;
  return {
    ipRelaxation: ipRelaxationValue('connected-app', policies.ipRelaxation ?? 'enforce'),
    isTokenExchangeFlowEnabled: policies.enableTokenExchangeFlow ?? false,
    refreshTokenPolicy: connectedAppRefreshTokenValue(policies.refreshToken ?? 'valid-until-revoked'),
    singleLogoutUrl: policies.singleLogoutUrl,
  };
}

function sessionPolicy(policies: AppPolicies): MetadataObject | undefined {
  const { sessionPolicyAction, sessionLevel, sessionTimeoutMinutes } = policies;
  if (sessionPolicyAction === undefined && sessionLevel === undefined && sessionTimeoutMinutes === undefined) return undefined;
  return { policyAction: sessionPolicyAction, sessionLevel, sessionTimeout: sessionTimeoutMinutes };
}

/** The ConnectedApp metadata object for a resolved app, every field the template implies. */
export function connectedAppMetadata(app: ResolvedApp): MetadataObject {
  const { settings } = app;
  const policies = settings.policies ?? {};
  const { canvas, mobile, saml } = settings;
  return {
    attributes: settings.attributes?.map(({ formula, key }) => ({ formula, key })),
    canvas: settings.canvasMetadata && { ...settings.canvasMetadata },
    canvasConfig: canvas && {
      accessMethod: canvas.accessMethod,
      canvasUrl: canvas.canvasUrl,
      lifecycleClass: canvas.lifecycleClass,
      locations: canvas.locations,
      options: canvas.options,
      samlInitiationMethod: canvas.samlInitiationMethod,
    },
    contactEmail: app.contactEmail,
    contactPhone: settings.contactPhone,
    description: settings.description,
    iconUrl: settings.iconUrl,
    infoUrl: settings.infoUrl,
    ipRanges: settings.ipRanges?.map(({ description, end, start }) => ({ description, end, start })),
    label: settings.label,
    logoUrl: settings.logoUrl,
    mobileAppConfig: mobile && { ...mobile },
    mobileStartUrl: settings.mobileStartUrl,
    oauthConfig: settings.oauth && oauthConfig(settings.oauth, policies),
    oauthPolicy: oauthPolicy(policies),
    permissionSetName: policies.permissionSets,
    plugin: settings.plugin,
    pluginExecutionUser: settings.pluginExecutionUser,
    profileName: policies.profiles,
    samlConfig: saml && {
      acsUrl: saml.acsUrl,
      certificate: saml.certificate,
      encryptionCertificate: saml.encryptionCertificate,
      encryptionType: saml.encryptionType,
      entityUrl: saml.entityUrl,
      issuer: saml.issuer,
      samlIdpSLOBindingEnum: saml.singleLogoutBinding,
      samlNameIdFormat: saml.nameIdFormat,
      samlSigningAlgoType: saml.signingAlgorithm,
      samlSloUrl: saml.singleLogoutUrl,
      samlSubjectCustomAttr: saml.subjectCustomAttribute,
      samlSubjectType: saml.subjectType,
    },
    sessionPolicy: sessionPolicy(policies),
    startUrl: settings.startUrl,
  };
}

/** The ConnectedApp document of a resolved app. */
export function connectedAppDocuments(app: ResolvedApp): MetadataDocument[] {
  return [{ type: METADATA_TYPES.ConnectedApp, fullName: app.apiName, schema: CONNECTED_APP_SCHEMA, object: connectedAppMetadata(app) }];
}
