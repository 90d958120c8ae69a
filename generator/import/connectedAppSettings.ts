/**
 * A ConnectedApp metadata object → the template settings that render it (the inverse of
 * render/connectedApp.ts). Values Setup defaults are left out unless the Setup checklist names
 * them (PKCE, the two secrets), so an imported template reads like a hand-written one. The
 * consumer key and secret are never carried over.
 */
import type { Problem } from '../errors';
import { CONNECTED_APP_REFRESH_TOKEN_FORMS, connectedAppRefreshTokenFrom, ipRelaxationFrom, ipRelaxationValues } from '../model/codecs';
import {
  type MetadataObject,
  compact,
  flagOf as bool,
  listOf as list,
  numberOf as num,
  objectOf,
  objectsOf,
  onlyTrue,
  scalarText,
  textOf as str,
} from '../model/metadata';
import type { OAuthScope } from '../model/scopes';
import type { AppPolicies, AppSettings, OAuthSettings } from '../model/template';
import { quoted } from '../validate/text';

/** What an import reads: the settings, and what it left behind or noticed. */
export interface ImportedSettings {
  readonly settings: AppSettings;
  /** Things the user should know (the consumer key stays in Salesforce, …). */
  readonly notes: string[];
  /** Things the user must be warned about (a consumer secret was dropped, …). */
  readonly warnings: string[];
}

/** The line break between callback URLs in the file's raw text (`\r\n` survives only there). */
export function lineBreakOf(rawCallbackText: string | undefined): 'crlf' | undefined {
  return rawCallbackText?.includes('\r\n') ? 'crlf' : undefined;
}

/**
 * The refresh-token choice of `oauthPolicy/refreshTokenPolicy`, or a problem: the element's values
 * are `infinite`, `zero` and `specific_lifetime|specific_inactivity:N:UNIT` (Metadata API Developer
 * Guide, ConnectedAppOauthPolicy); anything else is refused, since it cannot be rendered back.
 */
function refreshTokenFrom(value: string, problems: Problem[]): AppPolicies['refreshToken'] {
  const policy = connectedAppRefreshTokenFrom(value);
  if (!policy)
    problems.push({ field: 'oauthPolicy.refreshTokenPolicy', message: `${quoted(value)} is not ${CONNECTED_APP_REFRESH_TOKEN_FORMS}` });
  return policy;
}

/** The IP relaxation choice of `oauthPolicy/ipRelaxation`, or a problem: one of the values the guide lists (ConnectedAppOauthPolicy). */
function ipRelaxationOf(value: string, problems: Problem[]): AppPolicies['ipRelaxation'] {
  const setting = ipRelaxationFrom('connected-app', value);
  if (!setting)
    problems.push({
      field: 'oauthPolicy.ipRelaxation',
      message: `${quoted(value)} is not one of ${ipRelaxationValues('connected-app').join(', ')}`,
    });
  return setting;
}

function oauthFrom(config: MetadataObject, rawCallback: string | undefined): OAuthSettings {
  const id = objectOf(config.idTokenConfig);
  const asset = objectOf(config.assetTokenConfig);
  const secretOptional = bool(config.isConsumerSecretOptional);
  return compact({
    callbackUrls: (str(config.callbackUrl) ?? '').split(/\r?\n/),
    scopes: (list(config.scopes) ?? []).map(scalarText) as OAuthScope[],
    requirePkce: bool(config.isPkceRequired),
    requireSecretForWebServerFlow: secretOptional === undefined ? undefined : !secretOptional,
    requireSecretForRefreshTokenFlow: bool(config.isSecretRequiredForRefreshToken),
    enableClientCredentialsFlow: onlyTrue(config.isClientCredentialEnabled),
    enableAuthorizationCodeAndCredentialsFlow: onlyTrue(config.isCodeCredentialEnabled),
    requireCredentialsInPostBody: onlyTrue(config.isCodeCredentialPostOnly),
    introspectAllTokens: onlyTrue(config.isIntrospectAllTokens),
    issueJwtAccessTokens: onlyTrue(config.isNamedUserJwtEnabled),
    enableRefreshTokenRotation: onlyTrue(config.isRefreshTokenRotationEnabled),
    enableTokenExchangeFlow: onlyTrue(config.isTokenExchangeEnabled),
    requireSecretForTokenExchangeFlow: onlyTrue(config.isSecretRequiredForTokenExchange),
    certificate: str(config.certificate),
    singleLogoutUrl: str(config.singleLogoutUrl),
    idToken:
      id &&
      compact({
        audience: str(id.idTokenAudience),
        includeAttributes: bool(id.idTokenIncludeAttributes),
        includeCustomPermissions: bool(id.idTokenIncludeCustomPerms),
        includeStandardClaims: bool(id.idTokenIncludeStandardClaims),
        validityMinutes: num(id.idTokenValidity),
      }),
    assetTokens: asset && {
      audiences: str(asset.assetAudiences) ?? '',
      includeAttributes: bool(asset.assetIncludeAttributes) ?? false,
      includeCustomPermissions: bool(asset.assetIncludeCustomPerms) ?? false,
      signingCertificateId: str(asset.assetSigningCertId) ?? '',
      validityMinutes: num(asset.assetValidityPeriod) ?? 0,
    },
    callbackUrlLineBreak: lineBreakOf(rawCallback),
  });
}

function policiesFrom(app: MetadataObject, problems: Problem[]): AppPolicies | undefined {
  const config = objectOf(app.oauthConfig) ?? {};
  const policy = objectOf(app.oauthPolicy);
  const session = objectOf(app.sessionPolicy);
  const admin = bool(config.isAdminApproved);
  const policies: AppPolicies = compact({
    permittedUsers: admin === undefined ? undefined : admin ? 'admin-approved' : 'all-self-authorize',
    ipRelaxation: policy && ipRelaxationOf(str(policy.ipRelaxation) ?? '', problems),
    refreshToken: policy && refreshTokenFrom(str(policy.refreshTokenPolicy) ?? '', problems),
    enableTokenExchangeFlow: policy && onlyTrue(policy.isTokenExchangeFlowEnabled),
    singleLogoutUrl: policy && str(policy.singleLogoutUrl),
    clientCredentialsRunAs: str(config.oauthClientCredentialUser),
    sessionTimeoutMinutes: session && num(session.sessionTimeout),
    sessionLevel: session && str(session.sessionLevel),
    sessionPolicyAction: session && (str(session.policyAction) as AppPolicies['sessionPolicyAction']),
    profiles: list(app.profileName)?.map(scalarText),
    permissionSets: list(app.permissionSetName)?.map(scalarText),
  });
  return Object.keys(policies).length > 0 ? policies : undefined;
}

/** The template settings for a ConnectedApp read from `file`; `rawCallback` is the callback URL text as in the file. */
export function connectedAppSettings(
  app: MetadataObject,
  apiName: string,
  rawCallback: string | undefined,
  problems: Problem[],
): ImportedSettings {
  const notes: string[] = [];
  const warnings: string[] = [];
  const config = objectOf(app.oauthConfig);
  if (config?.consumerKey !== undefined)
    notes.push('its consumer key stays in Salesforce: files generated from the template never carry it');
  if (config?.consumerSecret !== undefined)
    warnings.push('the file holds a consumer secret: it was dropped and written nowhere; rotate it if the file was ever committed');
  const canvas = objectOf(app.canvasConfig);
  const saml = objectOf(app.samlConfig);
  const settings: AppSettings = compact({
    label: str(app.label) ?? '',
    apiName,
    existsInOrg: true,
    contactEmail: app.contactEmail === null ? null : str(app.contactEmail),
    contactPhone: str(app.contactPhone),
    description: str(app.description),
    infoUrl: str(app.infoUrl),
    startUrl: str(app.startUrl),
    mobileStartUrl: str(app.mobileStartUrl),
    logoUrl: str(app.logoUrl),
    iconUrl: str(app.iconUrl),
    oauth: config && oauthFrom(config, rawCallback),
    policies: policiesFrom(app, problems),
    attributes: objectsOf(app.attributes)?.map((attribute) => ({ key: scalarText(attribute.key), formula: scalarText(attribute.formula) })),
    ipRanges: objectsOf(app.ipRanges)?.map((range) =>
      compact({ start: scalarText(range.start), end: scalarText(range.end), description: str(range.description) }),
    ),
    canvas:
      canvas &&
      (compact({
        canvasUrl: str(canvas.canvasUrl) ?? '',
        accessMethod: str(canvas.accessMethod),
        locations: list(canvas.locations)?.map(scalarText),
        options: list(canvas.options)?.map(scalarText),
        lifecycleClass: str(canvas.lifecycleClass),
        samlInitiationMethod: str(canvas.samlInitiationMethod),
      }) as AppSettings['canvas']),
    canvasMetadata: app.canvas as AppSettings['canvasMetadata'],
    mobile: app.mobileAppConfig as AppSettings['mobile'],
    saml:
      saml &&
      (compact({
        entityUrl: str(saml.entityUrl) ?? '',
        acsUrl: str(saml.acsUrl) ?? '',
        subjectType: str(saml.samlSubjectType),
        nameIdFormat: str(saml.samlNameIdFormat),
        issuer: str(saml.issuer),
        signingAlgorithm: str(saml.samlSigningAlgoType),
        encryptionType: str(saml.encryptionType),
        certificate: str(saml.certificate),
        encryptionCertificate: str(saml.encryptionCertificate),
        subjectCustomAttribute: str(saml.samlSubjectCustomAttr),
        singleLogoutUrl: str(saml.samlSloUrl),
        singleLogoutBinding: str(saml.samlIdpSLOBindingEnum),
      }) as AppSettings['saml']),
    plugin: str(app.plugin),
    pluginExecutionUser: str(app.pluginExecutionUser),
  });
  return { settings, notes, warnings };
}
