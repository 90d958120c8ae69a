/**
 * The shapes of a template module's export and of the settings its `app` returns, for the checks
 * made at run time. Each object shape is bound to its type in generator/model/template.ts: a field
 * added to one and not the other, or required in one and optional in the other, fails the type
 * check (`npm run typecheck`).
 */
import type {
  AppPolicies,
  AppSettings,
  AssetTokenSettings,
  CanvasSettings,
  CustomAttribute,
  ExternalClientAppNames,
  IdTokenSettings,
  IpRange,
  LegacyCanvas,
  MobileAppSettings,
  OAuthSettings,
  Period,
  SamlSettings,
} from '../model/template';
import type { Field, Shape } from './shape';

/** A field the type declares required must be required here, and an optional one optional. */
type FieldFor<V> = undefined extends V ? Field & { readonly required?: false } : Field & { readonly required: true };

/** Exactly one field entry per property of `T`. */
type FieldsOf<T> = { readonly [K in keyof T]-?: FieldFor<T[K]> };

const object = <T>(fields: FieldsOf<T>): Shape => ({ kind: 'object', fields });

const TEXT: Shape = { kind: 'string' };
const FLAG: Shape = { kind: 'boolean' };
const INTEGER: Shape = { kind: 'integer' };
const TEXT_LIST: Shape = { kind: 'array', of: TEXT };
const text = { shape: TEXT } as const;
const flag = { shape: FLAG } as const;
const integer = { shape: INTEGER } as const;
const textList = { shape: TEXT_LIST } as const;
const required = <F extends Field>(field: F) => ({ ...field, required: true }) as const;
const listOf = (item: Shape) => ({ shape: { kind: 'array', of: item } }) as const;

const PERIOD = object<Period>({ value: required(integer), unit: required(text) });

const JWT_TIMEOUT: Shape = { kind: 'oneOf', description: "'user-session' or a number of minutes", options: [TEXT, INTEGER] };

const OAUTH = object<OAuthSettings>({
  callbackUrls: textList,
  scopes: required(textList),
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
    shape: object<IdTokenSettings>({
      audience: text,
      includeAttributes: flag,
      includeCustomPermissions: flag,
      includeStandardClaims: flag,
      validityMinutes: integer,
    }),
  },
  assetTokens: {
    shape: object<AssetTokenSettings>({
      audiences: required(text),
      includeAttributes: required(flag),
      includeCustomPermissions: required(flag),
      signingCertificateId: required(text),
      validityMinutes: required(integer),
    }),
  },
  callbackUrlLineBreak: text,
});

const POLICIES = object<AppPolicies>({
  permittedUsers: text,
  ipRelaxation: text,
  refreshToken: {
    shape: {
      kind: 'oneOf',
      description:
        "'valid-until-revoked', 'expire-immediately', { expireAfter: { value, unit } } or { expireIfUnusedFor: { value, unit } }",
      options: [
        TEXT,
        { kind: 'object', fields: { expireAfter: { shape: PERIOD, required: true } } },
        { kind: 'object', fields: { expireIfUnusedFor: { shape: PERIOD, required: true } } },
      ],
    },
  },
  enableTokenExchangeFlow: flag,
  clientCredentialsRunAs: text,
  sessionTimeoutMinutes: integer,
  singleLogoutUrl: text,
  sessionLevel: text,
  sessionPolicyAction: text,
  profiles: textList,
  permissionSets: textList,
  enableClientCredentialsFlow: flag,
  namedUserJwtTimeout: { shape: JWT_TIMEOUT },
  guestJwtTimeout: { shape: JWT_TIMEOUT },
  listSeparator: text,
});

const CANVAS = object<CanvasSettings>({
  canvasUrl: required(text),
  accessMethod: required(text),
  locations: textList,
  options: textList,
  lifecycleClass: text,
  samlInitiationMethod: text,
});

const LEGACY_CANVAS = object<LegacyCanvas>({
  accessMethod: required(text),
  canvasUrl: required(text),
  canvasOptions: text,
  lifecycleClass: text,
  locationOptions: text,
  samlInitiationMethod: text,
});

const MOBILE = object<MobileAppSettings>({
  devicePlatform: required(text),
  version: required(text),
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

const SAML = object<SamlSettings>({
  entityUrl: required(text),
  acsUrl: required(text),
  subjectType: required(text),
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

const ECA_NAMES = object<ExternalClientAppNames>({ globalOauth: text, oauthSettings: text, oauthPolicies: text, appPolicies: text });

/** The settings `app` returns for one environment. */
export const APP_SETTINGS_SHAPE: Shape = object<AppSettings>({
  label: text,
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
  attributes: listOf(object<CustomAttribute>({ key: required(text), formula: required(text) })),
  ipRanges: listOf(object<IpRange>({ start: required(text), end: required(text), description: text })),
  canvas: { shape: CANVAS },
  canvasMetadata: { shape: LEGACY_CANVAS },
  mobile: { shape: MOBILE },
  saml: { shape: SAML },
  plugin: text,
  pluginExecutionUser: text,
  externalClientAppNames: { shape: ECA_NAMES },
  externalClientAppLabels: { shape: ECA_NAMES },
  distributionState: text,
  protectedInPackage: flag,
  managedInOrg: textList,
  policiesOnly: flag,
  enabled: flag,
  oauthEnabled: flag,
  metadataApiVersion: text,
});

/** A template module's default export. */
export const TEMPLATE_SHAPE: Shape = {
  kind: 'object',
  fields: {
    environments: {
      required: true,
      shape: { kind: 'object', fields: {}, open: { kind: 'object', fields: { aliases: { shape: TEXT_LIST } }, open: { kind: 'any' } } },
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
  },
};
