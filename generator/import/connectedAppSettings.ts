/**
 * A ConnectedApp metadata object → the template settings that render it (the inverse of
 * render/connectedApp.ts). Values Setup defaults are left out unless the Setup checklist names
 * them (PKCE, the two secrets), so an imported template reads like a hand-written one. The
 * consumer key and secret are never carried over.
 */
import type { Problem } from '../errors';
import type { OAuthScope } from '../model/scopes';
import type { AppPolicies, AppSettings, IpRelaxation, OAuthSettings, RefreshTokenPolicy, RefreshTokenUnit } from '../model/template';
import { IP_RELAXATION_VALUES } from '../render/connectedApp';
import type { MetadataObject, MetadataValue } from '../render/serialize';

/** What an import reads: the settings, and what it left behind or noticed. */
export interface ImportedSettings {
  readonly settings: AppSettings;
  /** Things the user should know (the consumer key stays in Salesforce, …). */
  readonly notes: string[];
  /** Things the user must be warned about (a consumer secret was dropped, …). */
  readonly warnings: string[];
}

type Obj = Record<string, MetadataValue | undefined>;

const str = (value: MetadataValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const bool = (value: MetadataValue | undefined): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const num = (value: MetadataValue | undefined): number | undefined => (typeof value === 'number' ? value : undefined);
const list = (value: MetadataValue | undefined): MetadataValue[] | undefined => (Array.isArray(value) ? value : undefined);

/** Drops undefined fields, so a template lists only what the file holds. */
export function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** `true` when set and not Salesforce's default `false`: the shape an imported flag takes. */
const onlyTrue = (value: MetadataValue | undefined): true | undefined => (value === true ? true : undefined);

/** The line break between callback URLs in the file's raw text (`\r\n` survives only there). */
export function lineBreakOf(rawCallbackText: string | undefined): 'crlf' | undefined {
  return rawCallbackText?.includes('\r\n') ? 'crlf' : undefined;
}

export function ipRelaxationFrom(
  value: string,
  values: Readonly<Record<IpRelaxation, string>>,
  field: string,
  problems: Problem[],
): IpRelaxation | undefined {
  const found = (Object.entries(values) as [IpRelaxation, string][]).find(([, metadata]) => metadata === value)?.[0];
  if (!found) problems.push({ field, message: `'${value}' is not one of ${Object.values(values).join(', ')}` });
  return found;
}

/** `infinite`, `zero`, `specific_lifetime:90:DAYS`, `specific_inactivity:7:HOURS` → the Setup choice. */
function refreshTokenFrom(value: string, problems: Problem[]): RefreshTokenPolicy | undefined {
  if (value === 'infinite') return 'valid-until-revoked';
  if (value === 'zero') return 'expire-immediately';
  const match = /^(specific_lifetime|specific_inactivity):(\d+):(HOURS|DAYS|MONTHS)$/.exec(value);
  if (!match) {
    problems.push({
      field: 'oauthPolicy.refreshTokenPolicy',
      message: `'${value}' is not infinite, zero or specific_lifetime|specific_inactivity:N:HOURS|DAYS|MONTHS`,
    });
    return undefined;
  }
  const period = { value: Number(match[2]), unit: match[3].toLowerCase() as RefreshTokenUnit };
  return match[1] === 'specific_lifetime' ? { expireAfter: period } : { expireIfUnusedFor: period };
}

function oauthFrom(config: Obj, rawCallback: string | undefined): OAuthSettings {
  const id = config.idTokenConfig as Obj | undefined;
  const asset = config.assetTokenConfig as Obj | undefined;
  const secretOptional = bool(config.isConsumerSecretOptional);
  return compact({
    callbackUrls: (str(config.callbackUrl) ?? '').split(/\r?\n/),
    scopes: (list(config.scopes) ?? []).map(String) as OAuthScope[],
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

function policiesFrom(app: Obj, problems: Problem[]): AppPolicies | undefined {
  const config = (app.oauthConfig ?? {}) as Obj;
  const policy = app.oauthPolicy as Obj | undefined;
  const session = app.sessionPolicy as Obj | undefined;
  const admin = bool(config.isAdminApproved);
  const policies: AppPolicies = compact({
    permittedUsers: admin === undefined ? undefined : admin ? 'admin-approved' : 'all-self-authorize',
    ipRelaxation: policy && ipRelaxationFrom(str(policy.ipRelaxation) ?? '', IP_RELAXATION_VALUES, 'oauthPolicy.ipRelaxation', problems),
    refreshToken: policy && refreshTokenFrom(str(policy.refreshTokenPolicy) ?? '', problems),
    enableTokenExchangeFlow: policy && onlyTrue(policy.isTokenExchangeFlowEnabled),
    singleLogoutUrl: policy && str(policy.singleLogoutUrl),
    clientCredentialsRunAs: str(config.oauthClientCredentialUser),
    sessionTimeoutMinutes: session && num(session.sessionTimeout),
    sessionLevel: session && str(session.sessionLevel),
    sessionPolicyAction: session && (str(session.policyAction) as AppPolicies['sessionPolicyAction']),
    profiles: list(app.profileName)?.map(String),
    permissionSets: list(app.permissionSetName)?.map(String),
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
  const config = app.oauthConfig as Obj | undefined;
  if (config?.consumerKey !== undefined)
    notes.push('its consumer key stays in Salesforce: files generated from the template never carry it');
  if (config?.consumerSecret !== undefined)
    warnings.push('the file holds a consumer secret: it was dropped and written nowhere; rotate it if the file was ever committed');
  const canvas = app.canvasConfig as Obj | undefined;
  const saml = app.samlConfig as Obj | undefined;
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
    policies: policiesFrom(app as Obj, problems),
    attributes: list(app.attributes)?.map((attribute) => ({
      key: String((attribute as Obj).key),
      formula: String((attribute as Obj).formula),
    })),
    ipRanges: list(app.ipRanges)?.map((range) =>
      compact({ start: String((range as Obj).start), end: String((range as Obj).end), description: str((range as Obj).description) }),
    ),
    canvas:
      canvas &&
      (compact({
        canvasUrl: str(canvas.canvasUrl) ?? '',
        accessMethod: str(canvas.accessMethod),
        locations: list(canvas.locations)?.map(String),
        options: list(canvas.options)?.map(String),
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
