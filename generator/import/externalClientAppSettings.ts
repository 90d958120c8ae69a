/**
 * An External Client App file set → the template settings that render it (the inverse of
 * render/externalClientApp.ts). Elements this tool does not render are refused by name rather
 * than dropped: an import that loses a setting would change the org on the next deploy.
 */
import type { Problem } from '../errors';
import type { OAuthScope } from '../model/scopes';
import type {
  AppPolicies,
  AppSettings,
  ExternalClientAppNames,
  OAuthSettings,
  RefreshTokenPolicy,
  RefreshTokenUnit,
} from '../model/template';
import { ECA_CHILD_SUFFIXES, ECA_IP_RELAXATION_VALUES } from '../render/externalClientApp';
import type { MetadataObject, MetadataValue } from '../render/serialize';
import { type ImportedSettings, compact, ipRelaxationFrom, lineBreakOf } from './connectedAppSettings';
import type { EcaRole } from './sources';

type Obj = Record<string, MetadataValue | undefined>;

/** The set's documents by role; the header is required, the others optional. */
export interface EcaDocuments {
  readonly header: MetadataObject;
  readonly globalOauth?: MetadataObject;
  readonly oauthSettings?: MetadataObject;
  readonly oauthPolicies?: MetadataObject;
  readonly appPolicies?: MetadataObject;
}

const str = (value: MetadataValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const bool = (value: MetadataValue | undefined): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const num = (value: MetadataValue | undefined): number | undefined => (typeof value === 'number' ? value : undefined);
const onlyTrue = (value: MetadataValue | undefined): true | undefined => (value === true ? true : undefined);
const split = (value: MetadataValue | undefined): string[] | undefined =>
  typeof value === 'string' && value !== '' ? value.split(/\s*,\s*/) : undefined;

/** `commaSeparatedOauthScopes` names that differ from the ConnectedApp enum. */
const SCOPE_FROM_ECA: Readonly<Record<string, string>> = { SFApiPlatform: 'SFAP' };

/** Elements read but not rendered: refused unless they hold the value rendering writes anyway. */
function refuseUnsupported(
  object: Obj | undefined,
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
        message: `'${String(value)}' is not supported by this tool yet (it writes ${String(expected)})`,
      });
  }
}

const UNSUPPORTED_ELEMENTS: Readonly<Record<EcaRole | 'header', readonly string[]>> = {
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

function refuseElements(object: Obj | undefined, role: EcaRole | 'header', problems: Problem[]): void {
  for (const element of UNSUPPORTED_ELEMENTS[role]) {
    const value = object?.[element];
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    problems.push({ field: `${role}.${element}`, message: 'is not supported by this tool yet; the import would lose it' });
  }
}

function refreshTokenFrom(policies: Obj, problems: Problem[]): RefreshTokenPolicy | undefined {
  const type = str(policies.refreshTokenPolicyType);
  if (type === undefined || type === 'Infinite') return type && 'valid-until-revoked';
  if (type === 'Zero') return 'expire-immediately';
  const value = num(policies.refreshTokenValidityPeriod);
  const unit = str(policies.refreshTokenValidityUnit)?.toLowerCase();
  if (value === undefined || !['hours', 'days', 'months'].includes(unit ?? '')) {
    problems.push({
      field: 'oauthPolicies.refreshTokenValidityPeriod',
      message: `${type} needs a period and a unit (Hours, Days or Months)`,
    });
    return undefined;
  }
  const period = { value, unit: unit as RefreshTokenUnit };
  return type === 'SpecificLifetime' ? { expireAfter: period } : { expireIfUnusedFor: period };
}

function oauthFrom(global: Obj, settings: Obj, rawCallback: string | undefined): OAuthSettings {
  const id = global.idTokenConfig as Obj | undefined;
  const secretOptional = bool(global.isConsumerSecretOptional);
  const assetAudiences = str(settings.assetTokenAudiences);
  return compact({
    callbackUrls: (str(global.callbackUrl) ?? '').split(/\r?\n/),
    scopes: (split(settings.commaSeparatedOauthScopes) ?? []).map((scope) => SCOPE_FROM_ECA[scope] ?? scope) as OAuthScope[],
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

function policiesFrom(policies: Obj | undefined, problems: Problem[]): AppPolicies | undefined {
  if (!policies) return undefined;
  const permitted = str(policies.permittedUsersPolicyType);
  const level = str(policies.requiredSessionLevel);
  const relaxation = str(policies.ipRelaxationPolicyType);
  const spelling = Object.values(ECA_IP_RELAXATION_VALUES).find((value) => value.toLowerCase() === relaxation?.toLowerCase());
  return compact<AppPolicies>({
    permittedUsers:
      permitted === undefined ? undefined : permitted === 'AdminApprovedPreAuthorized' ? 'admin-approved' : 'all-self-authorize',
    ipRelaxation:
      relaxation === undefined
        ? undefined
        : ipRelaxationFrom(spelling ?? relaxation, ECA_IP_RELAXATION_VALUES, 'oauthPolicies.ipRelaxationPolicyType', problems),
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
  names: Partial<Record<EcaRole, string>>,
  notes: string[],
  labels: Partial<Record<EcaRole, string | undefined>>,
): ExternalClientAppNames | undefined {
  const kept = compact(
    Object.fromEntries(
      Object.entries(names).map(([role, name]) => [role, name === `${apiName}${ECA_CHILD_SUFFIXES[role as EcaRole]}` ? undefined : name]),
    ),
  );
  for (const [role, label] of Object.entries(labels)) {
    const name = names[role as EcaRole];
    if (label !== undefined && label !== name)
      notes.push(`the ${role} label '${label}' becomes its component name, '${name}', as Setup labels them`);
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The start URL, from the app policies (start page Custom) or the OAuth policies (start page OAuth). */
function startUrlFrom(appPolicies: Obj | undefined, oauthPolicies: Obj | undefined, problems: Problem[]): string | undefined {
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
  names: Partial<Record<EcaRole, string>>,
  rawCallback: string | undefined,
  problems: Problem[],
): ImportedSettings {
  const notes: string[] = [];
  const warnings: string[] = [];
  const header = documents.header as Obj;
  const global = documents.globalOauth as Obj | undefined;
  const oauthSettings = documents.oauthSettings as Obj | undefined;
  const appPolicies = documents.appPolicies as Obj | undefined;
  refuseUnsupported(header, 'header', { distributionState: 'Local', isProtected: false }, problems);
  refuseUnsupported(global, 'globalOauth', { shouldRotateConsumerKey: false, shouldRotateConsumerSecret: false }, problems);
  refuseUnsupported(oauthSettings, 'oauthSettings', { isFirstPartyAppEnabled: false }, problems);
  refuseUnsupported(documents.oauthPolicies as Obj | undefined, 'oauthPolicies', { isGuestCodeCredFlowEnabled: false }, problems);
  refuseUnsupported(appPolicies, 'appPolicies', { isEnabled: true, isOauthPluginEnabled: global !== undefined }, problems);
  refuseElements(header, 'header', problems);
  refuseElements(oauthSettings, 'oauthSettings', problems);
  refuseElements(documents.oauthPolicies as Obj | undefined, 'oauthPolicies', problems);
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
    oauthPolicies: str((documents.oauthPolicies as Obj | undefined)?.label),
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
    startUrl: startUrlFrom(appPolicies, documents.oauthPolicies as Obj | undefined, problems),
    startPage: appPolicies && (str(appPolicies.startPage) as AppSettings['startPage']),
    logoUrl: str(header.logoUrl),
    iconUrl: str(header.iconUrl),
    oauth: global && oauthSettings ? oauthFrom(global, oauthSettings, rawCallback) : undefined,
    policies: policiesFrom(documents.oauthPolicies as Obj | undefined, problems),
    attributes: (oauthSettings?.customAttributes as Obj[] | undefined)?.map((attribute) => ({
      key: String(attribute.key),
      formula: String(attribute.formula),
    })),
    ipRanges: (oauthSettings?.trustedIpRanges as Obj[] | undefined)?.map((range) =>
      compact({ start: String(range.startIpAddress), end: String(range.endIpAddress), description: str(range.description) }),
    ),
    externalClientAppNames: namesFrom(apiName, names, notes, labels),
  });
  return { settings, notes, warnings };
}
