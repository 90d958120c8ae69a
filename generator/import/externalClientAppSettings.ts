/**
 * An External Client App file set → the template settings that render it (the inverse of
 * render/externalClientApp.ts). A set may lack its global OAuth settings (kept out of source
 * control, as Salesforce advises: the template then leaves them to the org) or be policies only
 * (an app installed from a package: no header). Elements this tool does not render are refused by
 * name rather than dropped: an import that loses a setting would change the org on the next deploy.
 */
import type { Problem } from '../errors';
import {
  externalClientAppRefreshTokenFrom,
  ipRelaxationFrom,
  ipRelaxationValues,
  jwtTimeoutFrom,
  permittedUsersFrom,
  scopeFrom,
} from '../model/codecs';
import { ORG_MANAGED_ROLES, type EcaChildRole, type EcaRole, ecaPartName } from '../model/externalClientAppParts';
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

/** The set's documents by role; without a header, the set is policies only. */
export type EcaDocuments = { readonly [role in EcaRole]?: MetadataObject };

const split = (value: MetadataValue | undefined): string[] | undefined =>
  typeof value === 'string' && value !== '' ? value.split(/\s*,\s*/) : undefined;

/** `','` when a policies list's names are joined without a space (the renderer's default is `', '`). */
function listSeparatorOf(policies: MetadataObject): AppPolicies['listSeparator'] {
  const lists = [str(policies.commaSeparatedProfile), str(policies.commaSeparatedPermissionSet)].filter((list) => list?.includes(','));
  return lists.length > 0 && lists.every((list) => !/,\s/.test(list as string)) ? ',' : undefined;
}

/**
 * Elements read but not rendered: refused unless they hold the value rendering writes anyway (a
 * template without them would change the org on its next deploy, whatever Salesforce accepts).
 */
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
  oauthPolicies: ['apexHandler', 'commaSeparatedCustomScopes', 'customAttributes', 'executeHandlerAs'],
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

/** The OAuth settings; `global` is absent when the set leaves the global OAuth settings to the org. */
function oauthFrom(global: MetadataObject | undefined, settings: MetadataObject, rawCallback: string | undefined): OAuthSettings {
  const scopes = (split(settings.commaSeparatedOauthScopes) ?? []).map((scope) => scopeFrom('external-client-app', scope)) as OAuthScope[];
  const assetAudiences = str(settings.assetTokenAudiences);
  const local = compact({
    scopes,
    singleLogoutUrl: str(settings.singleLogoutUrl),
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
  });
  if (!global) return local;
  const id = objectOf(global.idTokenConfig);
  const secretOptional = bool(global.isConsumerSecretOptional);
  const callbackUrl = str(global.callbackUrl);
  return compact({
    callbackUrls: callbackUrl?.split(/\r?\n/),
    scopes,
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
    singleLogoutUrl: local.singleLogoutUrl,
    idToken:
      id &&
      compact({
        audience: str(id.idTokenAudience),
        includeAttributes: bool(id.idTokenIncludeAttributes),
        includeCustomPermissions: bool(id.idTokenIncludeCustomPermissions),
        includeStandardClaims: bool(id.idTokenIncludeStandardClaims),
        validityMinutes: num(id.idTokenValidityInMinutes),
      }),
    assetTokens: local.assetTokens,
    callbackUrlLineBreak: lineBreakOf(rawCallback),
  });
}

/** A JWT timeout of the OAuth policies, or a problem when its two elements contradict each other. */
function jwtTimeoutOf(prefix: 'namedUser' | 'guest', policies: MetadataObject, problems: Problem[]): AppPolicies['namedUserJwtTimeout'] {
  const timeout = jwtTimeoutFrom(prefix, policies);
  if (timeout !== null) return timeout;
  problems.push({
    field: `oauthPolicies.${prefix}JwtTimeout`,
    message: `does not go with ${prefix}JwtSessionTimeoutType ${quoted(scalarText(policies[`${prefix}JwtSessionTimeoutType`]))}: Custom takes minutes, UserSession none (Metadata API Developer Guide, ExtlClntAppOauthConfigurablePolicies)`,
  });
  return undefined;
}

/**
 * The OAuth policies. `clientCredentials` is what the policies' client-credentials flag is without
 * a policy of its own (the global OAuth settings' flag, or false): the policy is kept where it differs.
 */
function policiesFrom(policies: MetadataObject | undefined, clientCredentials: boolean, problems: Problem[]): AppPolicies | undefined {
  if (!policies) return undefined;
  const permitted = str(policies.permittedUsersPolicyType);
  const level = str(policies.requiredSessionLevel);
  const relaxation = str(policies.ipRelaxationPolicyType);
  const ipRelaxation = relaxation === undefined ? undefined : ipRelaxationFrom('external-client-app', relaxation);
  if (relaxation !== undefined && ipRelaxation === undefined) {
    const known = ipRelaxationValues('external-client-app').join(', ');
    problems.push({ field: 'oauthPolicies.ipRelaxationPolicyType', message: `${quoted(relaxation)} is not one of ${known}` });
  }
  const clientCredentialsPolicy = bool(policies.isClientCredentialsFlowEnabled);
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
    enableClientCredentialsFlow:
      clientCredentialsPolicy === undefined || clientCredentialsPolicy === clientCredentials ? undefined : clientCredentialsPolicy,
    namedUserJwtTimeout: jwtTimeoutOf('namedUser', policies, problems),
    guestJwtTimeout: jwtTimeoutOf('guest', policies, problems),
    listSeparator: listSeparatorOf(policies),
  });
}

/** Child names that differ from Setup's convention, to keep; undefined when all follow it. */
function namesFrom(apiName: string, names: Partial<Record<EcaChildRole, string>>): ExternalClientAppNames | undefined {
  const kept: ExternalClientAppNames = {};
  for (const [role, name] of Object.entries(names) as [EcaChildRole, string][]) {
    if (name !== ecaPartName(apiName, role)) kept[role] = name;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** Child labels that are not the child's component name (as Setup labels them), to keep; undefined when none. */
function labelsFrom(documents: EcaDocuments, names: Partial<Record<EcaChildRole, string>>): ExternalClientAppNames | undefined {
  const kept: ExternalClientAppNames = {};
  for (const [role, name] of Object.entries(names) as [EcaChildRole, string][]) {
    const label = str(documents[role]?.label);
    if (label !== undefined && label !== name) kept[role] = label;
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

/**
 * The app policies' switches, kept where they differ from what the renderer writes without them;
 * `enabled: true` is kept when the file holds nothing else the template would render it for.
 */
function appSwitchesFrom(
  appPolicies: MetadataObject | undefined,
  oauthByDefault: boolean,
  rendered: boolean,
): Pick<AppSettings, 'enabled' | 'oauthEnabled'> {
  if (!appPolicies) return {};
  const enabled = bool(appPolicies.isEnabled);
  const oauth = bool(appPolicies.isOauthPluginEnabled);
  const switches = {
    enabled: enabled === false ? false : undefined,
    oauthEnabled: oauth === undefined || oauth === oauthByDefault ? undefined : oauth,
  };
  return rendered || switches.enabled !== undefined || switches.oauthEnabled !== undefined ? switches : { enabled: true };
}

/** Problems of a set whose files do not fit together. */
function checkSetShape(documents: EcaDocuments, apiName: string, problems: Problem[]): void {
  const { header, globalOauth, oauthSettings, oauthPolicies } = documents;
  if (!header) return;
  if (globalOauth && !oauthSettings)
    problems.push({
      field: apiName,
      message: 'has global OAuth settings but no OAuth settings file (…_oauth.ecaOauth-meta.xml); import both',
    });
  if (oauthPolicies && !oauthSettings)
    problems.push({
      field: apiName,
      message: 'has OAuth policies but no OAuth settings file (…_oauth.ecaOauth-meta.xml); import them together',
    });
}

/**
 * The OAuth policies' isNamedUserJwtEnabled (API 61.0–63.0, deprecated) mirrors the global OAuth
 * settings' (Metadata API Developer Guide, ExtlClntAppOauthConfigurablePolicies); the renderer
 * writes it so, and a file that says otherwise cannot be rendered back.
 */
function checkJwtMirror(documents: EcaDocuments, problems: Problem[]): void {
  const policy = bool(documents.oauthPolicies?.isNamedUserJwtEnabled);
  const global = bool(documents.globalOauth?.isNamedUserJwtEnabled) ?? false;
  if (policy !== undefined && policy !== global) {
    problems.push({
      field: 'oauthPolicies.isNamedUserJwtEnabled',
      message: `${quoted(String(policy))} differs from the global OAuth settings' isNamedUserJwtEnabled, which it mirrors; this tool writes the two alike`,
    });
  }
}

/** The template settings for an External Client App set (with its header) or policies-only set (without). */
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
  const policiesOnly = header === undefined;
  refuseUnsupported(global, 'globalOauth', { shouldRotateConsumerKey: false, shouldRotateConsumerSecret: false }, problems);
  refuseUnsupported(oauthSettings, 'oauthSettings', { isFirstPartyAppEnabled: false }, problems);
  refuseUnsupported(oauthPolicies, 'oauthPolicies', { isGuestCodeCredFlowEnabled: false }, problems);
  refuseElements(header, 'header', problems);
  refuseElements(oauthSettings, 'oauthSettings', problems);
  refuseElements(oauthPolicies, 'oauthPolicies', problems);
  refuseElements(appPolicies, 'appPolicies', problems);
  checkSetShape(documents, apiName, problems);
  checkJwtMirror(documents, problems);
  if (global?.consumerKey !== undefined)
    notes.push('its consumer key stays in Salesforce: files generated from the template never carry it');
  if (global?.consumerSecret !== undefined)
    warnings.push(
      'the global OAuth settings hold a consumer secret: it was dropped and written nowhere; rotate it if the file was ever committed',
    );
  if (header?.orgScopedExternalApp !== undefined)
    notes.push('its org-scoped name stays in Salesforce (it is made on the first deploy to each org)');
  if (oauthSettings?.oauthLink !== undefined) notes.push('its OAuth link stays in Salesforce (it is org-specific)');
  const inOrg = ORG_MANAGED_ROLES.filter((role) => header && oauthSettings && !documents[role]);
  for (const role of inOrg)
    notes.push(
      `it has no ${role === 'globalOauth' ? 'global OAuth settings' : 'OAuth policies'} file: the template leaves them to the org (managedInOrg), and generate writes none`,
    );
  if (policiesOnly)
    notes.push('its header is not among the files (an app installed from a package): the template holds its policies only (policiesOnly)');

  const oauth = header && oauthSettings ? oauthFrom(global, oauthSettings, rawCallback) : undefined;
  const startPage = appPolicies && (str(appPolicies.startPage) as AppSettings['startPage']);
  const startUrl = startUrlFrom(appPolicies, oauthPolicies, problems);
  const distributionState = str(header?.distributionState) as AppSettings['distributionState'];
  const settings: AppSettings = compact({
    label: str(header?.label) ?? (policiesOnly ? undefined : ''),
    apiName,
    existsInOrg: true,
    contactEmail: header?.contactEmail === null ? null : str(header?.contactEmail),
    contactPhone: str(header?.contactPhone),
    description: str(header?.description),
    infoUrl: str(header?.infoUrl),
    startUrl,
    startPage,
    ...appSwitchesFrom(appPolicies, oauth !== undefined || policiesOnly, startPage !== undefined || startUrl !== undefined),
    logoUrl: str(header?.logoUrl),
    iconUrl: str(header?.iconUrl),
    distributionState: distributionState === 'Local' ? undefined : distributionState,
    protectedInPackage: onlyTrue(header?.isProtected),
    managedInOrg: inOrg.length > 0 ? inOrg : undefined,
    policiesOnly: policiesOnly ? true : undefined,
    oauth,
    policies: policiesFrom(oauthPolicies, bool(global?.isClientCredentialsFlowEnabled) ?? false, problems),
    attributes: objectsOf(oauthSettings?.customAttributes)?.map((attribute) => ({
      key: scalarText(attribute.key),
      formula: scalarText(attribute.formula),
    })),
    ipRanges: objectsOf(oauthSettings?.trustedIpRanges)?.map((range) =>
      compact({ start: scalarText(range.startIpAddress), end: scalarText(range.endIpAddress), description: str(range.description) }),
    ),
    externalClientAppNames: namesFrom(apiName, names),
    externalClientAppLabels: labelsFrom(documents, names),
  } satisfies AppSettings);
  return { settings, notes, warnings };
}
