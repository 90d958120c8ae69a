/**
 * ConnectedApp rendering: Setup settings → the ConnectedApp metadata object. Pure: no file
 * system, no network. Every `oauthConfig` flag is filled in (with the Setup default when the
 * template is silent), so the file lists the flags a retrieve at the API version lists; the
 * serializer leaves out those newer than the version.
 */
import { CONNECTED_APP_SCHEMA } from '../model/connectedAppSchema';
import { CONNECTED_APP_TYPE } from '../model/registry';
import type { ResolvedApp } from '../model/resolvedApp';
import { canonicalScopeOrder } from '../model/scopes';
import type { AppPolicies, IpRelaxation, OAuthSettings, RefreshTokenPolicy } from '../model/template';
import type { MetadataDocument } from './document';
import type { MetadataObject } from './serialize';

/** `oauthPolicy/ipRelaxation` values (metadata-facts.md §3.1). */
export const IP_RELAXATION_VALUES: Readonly<Record<IpRelaxation, string>> = {
  enforce: 'ENFORCE',
  'enforce-relax-refresh': 'ENFORCE_RELAXREFRESH',
  'relax-activated-devices': 'BYPASS_2FACTOR',
  relax: 'BYPASS',
};

/** `oauthPolicy/refreshTokenPolicy`: `infinite`, `zero`, or `specific_lifetime|specific_inactivity:N:UNIT`. */
export function refreshTokenPolicyValue(policy: RefreshTokenPolicy): string {
  if (policy === 'valid-until-revoked') return 'infinite';
  if (policy === 'expire-immediately') return 'zero';
  const [kind, period] = 'expireAfter' in policy ? ['specific_lifetime', policy.expireAfter] : ['specific_inactivity', policy.expireIfUnusedFor];
  return `${kind}:${period.value}:${period.unit.toUpperCase()}`;
}

function oauthConfig(oauth: OAuthSettings, policies: AppPolicies): MetadataObject {
  return {
    callbackUrl: oauth.callbackUrls.join('\n'),
    certificate: oauth.certificate,
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
  };
}

function oauthPolicy(policies: AppPolicies): MetadataObject {
  return {
    ipRelaxation: IP_RELAXATION_VALUES[policies.ipRelaxation ?? 'enforce'],
    isTokenExchangeFlowEnabled: policies.enableTokenExchangeFlow ?? false,
    refreshTokenPolicy: refreshTokenPolicyValue(policies.refreshToken ?? 'valid-until-revoked'),
  };
}

/** The ConnectedApp metadata object for a resolved app, every field the template implies. */
export function connectedAppMetadata(app: ResolvedApp): MetadataObject {
  const { settings } = app;
  const policies = settings.policies ?? {};
  return {
    contactEmail: app.contactEmail,
    contactPhone: settings.contactPhone,
    description: settings.description,
    iconUrl: settings.iconUrl,
    infoUrl: settings.infoUrl,
    label: settings.label,
    logoUrl: settings.logoUrl,
    oauthConfig: settings.oauth && oauthConfig(settings.oauth, policies),
    oauthPolicy: settings.oauth && oauthPolicy(policies),
    permissionSetName: policies.permissionSets,
    profileName: policies.profiles,
    sessionPolicy: policies.sessionTimeoutMinutes === undefined ? undefined : { sessionTimeout: policies.sessionTimeoutMinutes },
    startUrl: settings.startUrl,
  };
}

/** The ConnectedApp document of a resolved app. */
export function connectedAppDocuments(app: ResolvedApp): MetadataDocument[] {
  return [{ type: CONNECTED_APP_TYPE, fullName: app.apiName, schema: CONNECTED_APP_SCHEMA, object: connectedAppMetadata(app) }];
}
