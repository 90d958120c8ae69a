/**
 * An External Client App file set → the template settings that render it (the inverse of
 * render/externalClientApp.ts). Elements this tool does not render are refused by name rather
 * than dropped: an import that loses a setting would change the org on the next deploy.
 */
import type { Problem } from '../errors';
import { externalClientAppRefreshTokenFrom, ipRelaxationFrom, ipRelaxationValues, permittedUsersFrom, scopeFrom } from '../model/codecs';
import { type EcaChildRole, type EcaRole, ecaPartName } from '../model/externalClientAppParts';
import {
  type MetadataObject,
  type MetadataValue,
  compact,
  flagOf as bool,
  numberOf as num,
  objectOf,
  objectsOf,
  onlyTrue,
  scalarText,
  textOf as str,
} from '../model/metadata';
import type { OAuthScope } from '../model/scopes';
import type { AppPolicies, AppSettings, ExternalClientAppNames, OAuthSettings } from '../model/template';
import { quoted } from '../validate/text';
import { type ImportedSettings, lineBreakOf } from './connectedAppSettings';

/** The set's documents by role; the header is required, the others optional. */
export type EcaDocuments = { readonly header: MetadataObject } & { readonly [role in EcaChildRole]?: MetadataObject };

const split = (value: MetadataValue | undefined): string[] | undefined =>
  typeof value === 'string' && value !== '' ? value.split(/\s*,\s*/) : undefined;

/** Elements read but not rendered: refused unless they hold the value rendering writes anyway. */
function refuseUnsupported(
  object: MetadataObject | undefined,
  role: string,
  allowed: Readonly<Record<string, MetadataValue | undefined>>,
  problems: Problem[],
): void {
  for (const [element, value] of Object.entries(object ?? {})) {
    if (value === undefined || !(element in allowed)) continue;
    const expected = allowed[element];
    if (expected !== undefined && value !== expected)
      problems.push({
        field: `${role}.${element}`,
        message: `${quoted(scalarText(value))} is not supported by this tool yet (it writes ${scalarText(expected)})`,
      });
  }
}

const UNSUPPORTED_ELEMENTS: Readonly<Record<EcaRole, readonly string[]>> = {
  header: ['managedType'],
  globalOauth: [],
  oauthSettings: ['clientAssertionCertificate', 'commaSeparatedCustomScopes'],
  oauthPolicies: [
    'apexHandler',
    'commaSeparatedCustomScopes',
    'customAttributes',
    'executeHandlerAs',
    'guestJwtSessionTimeoutType',
    'guestJwtTimeout',
    'namedUserJwtSessionTimeoutType',
    'namedUserJwtTimeout',
  ],
  appPolicies: [
    'isCanvasPluginEnabled',
    'isMobilePluginEnabled',
    'isNotificationPluginEnabled',
    'isPushPluginEnabled',
    'isSamlPluginEnabled',
  ],
};

function refuseElements(object: MetadataObject | undefined, role: EcaRole, problems: Problem[]): void {
  for (const element of UNSUPPORTED_ELEMENTS[role]) {
    const value = object?.[element];
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    problems.push({ field: `${role}.${element}`, message: 'is not supported by this tool yet; the import would lose it' });
  }
}

function refreshTokenFrom(policies: MetadataObject, problems: Problem[]): AppPolicies['refreshToken'] {
  const policy = externalClientAppRefreshTokenFrom(policies);
  if (policy !== null) return policy;
  problems.push({
    field: 'oauthPolicies.refreshTokenValidityPeriod',
    message: `${scalarText(policies.refreshTokenPolicyType)} needs a period and a unit (Hours, Days or Months)`,
  });
  return undefined;
}

function oauthFrom(global: MetadataObject, settings: MetadataObject, rawCallback: string | undefined): OAuthSettings {
  const id = objectOf(global.idTokenConfig);
  const secretOptional = bool(global.isConsumerSecretOptional);
  const assetAudiences = str(settings.assetTokenAudiences);
  return compact({
    callbackUrls: (str(global.callbackUrl) ?? '').split(/\r?\n/),
    scopes: (split(settings.commaSeparatedOauthScopes) ?? []).map((scope) => scopeFrom('external-client-app', scope)) as OAuthScope[],
    requirePkce: bool(global.isPkceRequired),
    requireSecretForWebServerFlow: secretOptional === undefined ? undefined : !secretOptional,
    requireSecretForRefreshTokenFlow: bool(global.isSecretRequiredForRefreshToken),
    enableClientCredentialsFlow: onlyTrue(global.isClientCredentialsFlowEnabled),
    enableAuthorizationCodeAndCredentialsFlow: onlyTrue(global.isCodeCredFlowEnabled),
    requireCredentialsInPostBody: onlyTrue(global.isCodeCredPostOnly),
    introspectAllTokens: onlyTrue(global.isIntrospectAllTokens),
    issueJwtAccessTokens: onlyTrue(global.isNamedUserJwtEnabled),
    enableRefreshTokenRotation: onlyTrue(global.isRefreshTokenRotationEnabled),
    enableDeviceFlow: onlyTrue(global.isDeviceFlowEnabled),
    enableTokenExchangeFlow: onlyTrue(global.isTokenExchangeEnabled),
    requireSecretForTokenExchangeFlow: bool(global.isSecretRequiredForTokenExchange),
    certificate: str(global.certificate),
    singleLogoutUrl: str(settings.singleLogoutUrl),
    idToken:
      id &&
      compact({
        audience: str(id.idTokenAudience),
        includeAttributes: bool(id.idTokenIncludeAttributes),
        includeCustomPermissions: bool(id.idTokenIncludeCustomPermissions),
        includeStandardClaims: bool(id.idTokenIncludeStandardClaims),
        validityMinutes: num(id.idTokenValidityInMinutes),
      }),
    assetTokens:
      assetAudiences === undefined
        ? undefined
        : {
            audiences: assetAudiences,
            includeAttributes: bool(settings.areAttributesIncludedInAssetToken) ?? false,
            includeCustomPermissions: bool(settings.areCustomPermsIncludedInAssetToken) ?? false,
            signingCertificateId: str(settings.assetTokenSigningCertificate) ?? '',
            validityMinutes: num(settings.assetTokenValidity) ?? 0,
          },
    callbackUrlLineBreak: lineBreakOf(rawCallback),
  });
}

function policiesFrom(policies: MetadataObject | undefined, problems: Problem[]): AppPolicies | undefined {
  if (!policies) return undefined;
  const permitted = str(policies.permittedUsersPolicyType);
  const level = str(policies.requiredSessionLevel);
  const relaxation = str(policies.ipRelaxationPolicyType);
  const ipRelaxation = relaxation === undefined ? undefined : ipRelaxationFrom('external-client-app', relaxation);
  if (relaxation !== undefined && ipRelaxation === undefined) {
    const known = ipRelaxationValues('external-client-app').join(', ');
    problems.push({ field: 'oauthPolicies.ipRelaxationPolicyType', message: `${quoted(relaxation)} is not one of ${known}` });
  }
  return compact<AppPolicies>({
    permittedUsers: permitted === undefined ? undefined : permittedUsersFrom(permitted),
    ipRelaxation,
    refreshToken: refreshTokenFrom(policies, problems),
    enableTokenExchangeFlow: onlyTrue(policies.isTokenExchangeFlowEnabled),
    singleLogoutUrl: str(policies.singleLogoutUrl),
    clientCredentialsRunAs: str(policies.clientCredentialsFlowUser),
    sessionTimeoutMinutes: num(policies.sessionTimeoutInMinutes),
    sessionLevel: level === 'STANDARD' ? undefined : level,
    sessionPolicyAction: str(policies.policyAction) as AppPolicies['sessionPolicyAction'],
    profiles: split(policies.commaSeparatedProfile),
    permissionSets: split(policies.commaSeparatedPermissionSet),
  });
}

/** Child names that differ from Setup's convention, to keep; undefined when all follow it. */
function namesFrom(
  apiName: string,
  names: Partial<Record<EcaChildRole, string>>,
  notes: string[],
  labels: Partial<Record<EcaChildRole, string | undefined>>,
): ExternalClientAppNames | undefined {
  const kept: ExternalClientAppNames = {};
  for (const [role, name] of Object.entries(names) as [EcaChildRole, string][]) {
    if (name !== ecaPartName(apiName, role)) kept[role] = name;
    const label = labels[role];
    if (label !== undefined && label !== name)
      notes.push(`the ${role} label ${quoted(label)} becomes its component name, ${quoted(name)}, as Setup labels them`);
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The start URL, from the app policies (start page Custom) or the OAuth policies (start page OAuth). */
function startUrlFrom(
  appPolicies: MetadataObject | undefined,
  oauthPolicies: MetadataObject | undefined,
  problems: Problem[],
): string | undefined {
  const custom = str(appPolicies?.startUrl);
  const oauth = str(oauthPolicies?.startUrl);
  const page = str(appPolicies?.startPage);
  if (oauth !== undefined && page !== 'OAuth')
    problems.push({ field: 'oauthPolicies.startUrl', message: "is used with the app policies' startPage OAuth only" });
  if (custom !== undefined && page === 'OAuth')
    problems.push({ field: 'appPolicies.startUrl', message: 'is not used with startPage OAuth, whose URL is in the OAuth policies' });
  return custom ?? oauth;
}

/** The template settings for an External Client App set. */
export function externalClientAppSettings(
  documents: EcaDocuments,
  apiName: string,
  names: Partial<Record<EcaChildRole, string>>,
  rawCallback: string | undefined,
  problems: Problem[],
): ImportedSettings {
  const notes: string[] = [];
  const warnings: string[] = [];
  const { header, globalOauth: global, oauthSettings, oauthPolicies, appPolicies } = documents;
  refuseUnsupported(header, 'header', { distributionState: 'Local', isProtected: false }, problems);
  refuseUnsupported(global, 'globalOauth', { shouldRotateConsumerKey: false, shouldRotateConsumerSecret: false }, problems);
  refuseUnsupported(oauthSettings, 'oauthSettings', { isFirstPartyAppEnabled: false }, problems);
  refuseUnsupported(oauthPolicies, 'oauthPolicies', { isGuestCodeCredFlowEnabled: false }, problems);
  refuseUnsupported(appPolicies, 'appPolicies', { isEnabled: true, isOauthPluginEnabled: global !== undefined }, problems);
  refuseElements(header, 'header', problems);
  refuseElements(oauthSettings, 'oauthSettings', problems);
  refuseElements(oauthPolicies, 'oauthPolicies', problems);
  refuseElements(appPolicies, 'appPolicies', problems);
  if (global?.consumerKey !== undefined)
    notes.push('its consumer key stays in Salesforce: files generated from the template never carry it');
  if (global?.consumerSecret !== undefined)
    warnings.push(
      'the global OAuth settings hold a consumer secret: it was dropped and written nowhere; rotate it if the file was ever committed',
    );
  if (header.orgScopedExternalApp !== undefined)
    notes.push('its org-scoped name stays in Salesforce (it is made on the first deploy to each org)');
  if (oauthSettings?.oauthLink !== undefined) notes.push('its OAuth link stays in Salesforce (it is org-specific)');
  if ((global === undefined) !== (oauthSettings === undefined))
    problems.push({ field: apiName, message: 'has only one of the global OAuth settings and the OAuth settings; an OAuth app needs both' });

  const labels = {
    globalOauth: str(global?.label),
    oauthSettings: str(oauthSettings?.label),
    oauthPolicies: str(oauthPolicies?.label),
    appPolicies: str(appPolicies?.label),
  };
  const settings: AppSettings = compact({
    label: str(header.label) ?? '',
    apiName,
    existsInOrg: true,
    contactEmail: header.contactEmail === null ? null : str(header.contactEmail),
    contactPhone: str(header.contactPhone),
    description: str(header.description),
    infoUrl: str(header.infoUrl),
    startUrl: startUrlFrom(appPolicies, oauthPolicies, problems),
    startPage: appPolicies && (str(appPolicies.startPage) as AppSettings['startPage']),
    logoUrl: str(header.logoUrl),
    iconUrl: str(header.iconUrl),
    oauth: global && oauthSettings ? oauthFrom(global, oauthSettings, rawCallback) : undefined,
    policies: policiesFrom(oauthPolicies, problems),
    attributes: objectsOf(oauthSettings?.customAttributes)?.map((attribute) => ({
      key: scalarText(attribute.key),
      formula: scalarText(attribute.formula),
    })),
    ipRanges: objectsOf(oauthSettings?.trustedIpRanges)?.map((range) =>
      compact({ start: scalarText(range.startIpAddress), end: scalarText(range.endIpAddress), description: str(range.description) }),
    ),
    externalClientAppNames: namesFrom(apiName, names, notes, labels),
  });
  return { settings, notes, warnings };
}
