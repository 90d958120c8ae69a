/**
 * The shapes of a template module's export and of the settings its `app` returns,
 * mirroring generator/model/template.ts for the checks made at run time.
 */
import type { Field, Shape } from './shape';

const TEXT: Shape = { kind: 'string' };
const text: Field = { shape: TEXT };
const flag: Field = { shape: { kind: 'boolean' } };
const integer: Field = { shape: { kind: 'integer' } };
const requiredText: Field = { shape: TEXT, required: true };
const textList: Shape = { kind: 'array', of: TEXT };

const object = (fields: Record<string, Field>): Shape => ({ kind: 'object', fields });
const listOf = (item: Shape): Field => ({ shape: { kind: 'array', of: item } });

const PERIOD = object({ value: { shape: { kind: 'integer' }, required: true }, unit: requiredText });

const OAUTH = object({
  callbackUrls: { shape: textList, required: true },
  scopes: { shape: textList, required: true },
  requirePkce: flag,
  requireSecretForWebServerFlow: flag,
  requireSecretForRefreshTokenFlow: flag,
  enableClientCredentialsFlow: flag,
  enableAuthorizationCodeAndCredentialsFlow: flag,
  requireCredentialsInPostBody: flag,
  introspectAllTokens: flag,
  issueJwtAccessTokens: flag,
  enableRefreshTokenRotation: flag,
  enableDeviceFlow: flag,
  enableTokenExchangeFlow: flag,
  requireSecretForTokenExchangeFlow: flag,
  certificate: text,
  singleLogoutUrl: text,
  idToken: {
    shape: object({
      audience: text,
      includeAttributes: flag,
      includeCustomPermissions: flag,
      includeStandardClaims: flag,
      validityMinutes: integer,
    }),
  },
  assetTokens: {
    shape: object({
      audiences: requiredText,
      includeAttributes: { shape: { kind: 'boolean' }, required: true },
      includeCustomPermissions: { shape: { kind: 'boolean' }, required: true },
      signingCertificateId: requiredText,
      validityMinutes: { shape: { kind: 'integer' }, required: true },
    }),
  },
  callbackUrlLineBreak: text,
});

const POLICIES = object({
  permittedUsers: text,
  ipRelaxation: text,
  refreshToken: {
    shape: {
      kind: 'oneOf',
      description:
        "'valid-until-revoked', 'expire-immediately', { expireAfter: { value, unit } } or { expireIfUnusedFor: { value, unit } }",
      options: [
        TEXT,
        object({ expireAfter: { shape: PERIOD, required: true } }),
        object({ expireIfUnusedFor: { shape: PERIOD, required: true } }),
      ],
    },
  },
  enableTokenExchangeFlow: flag,
  clientCredentialsRunAs: text,
  sessionTimeoutMinutes: integer,
  singleLogoutUrl: text,
  sessionLevel: text,
  sessionPolicyAction: text,
  profiles: { shape: textList },
  permissionSets: { shape: textList },
});

const CANVAS = object({
  canvasUrl: requiredText,
  accessMethod: requiredText,
  locations: { shape: textList },
  options: { shape: textList },
  lifecycleClass: text,
  samlInitiationMethod: text,
});

const LEGACY_CANVAS = object({
  accessMethod: requiredText,
  canvasUrl: requiredText,
  canvasOptions: text,
  lifecycleClass: text,
  locationOptions: text,
  samlInitiationMethod: text,
});

const MOBILE = object({
  devicePlatform: requiredText,
  version: requiredText,
  deviceType: text,
  minimumOsVersion: text,
  privateApp: flag,
  applicationBundleIdentifier: text,
  applicationBinaryFile: text,
  applicationBinaryFileName: text,
  applicationFileLength: integer,
  applicationIconFile: text,
  applicationIconFileName: text,
  applicationInstallUrl: text,
});

const SAML = object({
  entityUrl: requiredText,
  acsUrl: requiredText,
  subjectType: requiredText,
  nameIdFormat: text,
  issuer: text,
  signingAlgorithm: text,
  encryptionType: text,
  certificate: text,
  encryptionCertificate: text,
  subjectCustomAttribute: text,
  singleLogoutUrl: text,
  singleLogoutBinding: text,
});

/** The settings `app` returns for one environment. */
export const APP_SETTINGS_SHAPE: Shape = object({
  label: requiredText,
  apiName: text,
  contactEmail: { shape: { kind: 'oneOf', description: 'text, or null for an app without one', options: [TEXT, { kind: 'null' }] } },
  contactPhone: text,
  description: text,
  infoUrl: text,
  startUrl: text,
  startPage: text,
  mobileStartUrl: text,
  logoUrl: text,
  iconUrl: text,
  existsInOrg: flag,
  oauth: { shape: OAUTH },
  policies: { shape: POLICIES },
  attributes: listOf(object({ key: requiredText, formula: requiredText })),
  ipRanges: listOf(object({ start: requiredText, end: requiredText, description: text })),
  canvas: { shape: CANVAS },
  canvasMetadata: { shape: LEGACY_CANVAS },
  mobile: { shape: MOBILE },
  saml: { shape: SAML },
  plugin: text,
  pluginExecutionUser: text,
  externalClientAppNames: { shape: object({ globalOauth: text, oauthSettings: text, oauthPolicies: text, appPolicies: text }) },
  metadataApiVersion: text,
});

/** A template module's default export. */
export const TEMPLATE_SHAPE: Shape = object({
  environments: {
    required: true,
    shape: { kind: 'object', fields: {}, open: { kind: 'object', fields: { aliases: { shape: textList } }, open: { kind: 'any' } } },
  },
  kind: text,
  app: {
    required: true,
    shape: {
      kind: 'oneOf',
      description: 'an object of app settings or a function of the environment',
      options: [{ kind: 'function' }, { kind: 'object', fields: {}, open: { kind: 'any' } }],
    },
  },
});
