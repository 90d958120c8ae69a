/**
 * The files of an External Client App, as one table: each part's role, metadata type, schema,
 * the suffix Setup adds to the app's name for the part's component name, and whether it is a
 * policies file. Rendering, import, deploy and the template's `externalClientAppNames` all derive
 * from it; the order is the order a rendering writes the files in.
 *
 * Settings files are the developer's and policies files the admin's: "Settings files — configured
 * by the external client app developer. Policies files — configured by the external client app
 * subscriber" (Salesforce Help, OAuth Plugin Enablement with Metadata API); a subscriber org's admin
 * edits the policies of an installed app and nothing else, and policies are never packaged
 * (Salesforce Help, External Client Apps).
 */
import {
  APP_POLICIES_SCHEMA,
  EXTERNAL_CLIENT_APPLICATION_SCHEMA,
  GLOBAL_OAUTH_SETTINGS_SCHEMA,
  OAUTH_POLICIES_SCHEMA,
  OAUTH_SETTINGS_SCHEMA,
} from './externalClientAppSchema';
import { METADATA_TYPES, type MetadataTypeInfo } from './registry';
import type { MetadataSchema } from './schema';
import type { OAuthSettings } from './template';

export interface ExternalClientAppPart {
  readonly role: string;
  readonly type: MetadataTypeInfo;
  readonly schema: MetadataSchema;
  /** Setup's component name for the part: the app's API name plus this (`_oauthPlcy`). */
  readonly nameSuffix: string;
  /** A policies file (the admin's), not a settings file (the developer's). */
  readonly policies: boolean;
}

export const EXTERNAL_CLIENT_APP_PARTS = [
  {
    role: 'header',
    type: METADATA_TYPES.ExternalClientApplication,
    schema: EXTERNAL_CLIENT_APPLICATION_SCHEMA,
    nameSuffix: '',
    policies: false,
  },
  {
    role: 'globalOauth',
    type: METADATA_TYPES.ExtlClntAppGlobalOauthSettings,
    schema: GLOBAL_OAUTH_SETTINGS_SCHEMA,
    nameSuffix: '_glbloauth',
    policies: false,
  },
  {
    role: 'oauthSettings',
    type: METADATA_TYPES.ExtlClntAppOauthSettings,
    schema: OAUTH_SETTINGS_SCHEMA,
    nameSuffix: '_oauth',
    policies: false,
  },
  {
    role: 'oauthPolicies',
    type: METADATA_TYPES.ExtlClntAppOauthConfigurablePolicies,
    schema: OAUTH_POLICIES_SCHEMA,
    nameSuffix: '_oauthPlcy',
    policies: true,
  },
  {
    role: 'appPolicies',
    type: METADATA_TYPES.ExtlClntAppConfigurablePolicies,
    schema: APP_POLICIES_SCHEMA,
    nameSuffix: '_plcy',
    policies: true,
  },
] as const satisfies readonly ExternalClientAppPart[];

export type EcaRole = (typeof EXTERNAL_CLIENT_APP_PARTS)[number]['role'];

/** The roles of the files that belong to a header: every part but the header itself. */
export type EcaChildRole = Exclude<EcaRole, 'header'>;

/** The part playing `role`. */
export function ecaPart(role: EcaRole): ExternalClientAppPart {
  return EXTERNAL_CLIENT_APP_PARTS.find((part) => part.role === role) as ExternalClientAppPart;
}

/** The child part whose files carry `suffix` (`ecaOauthPlcy`), or undefined. */
export function ecaChildPartBySuffix(suffix: string): (ExternalClientAppPart & { readonly role: EcaChildRole }) | undefined {
  return EXTERNAL_CLIENT_APP_PARTS.find(
    (part): part is Extract<(typeof EXTERNAL_CLIENT_APP_PARTS)[number], { role: EcaChildRole }> =>
      part.role !== 'header' && part.type.suffix === suffix,
  );
}

/** Setup's component name for the part `role` of the app `apiName`. */
export function ecaPartName(apiName: string, role: EcaRole): string {
  return `${apiName}${ecaPart(role).nameSuffix}`;
}

/**
 * The parts a template may leave to the org (`managedInOrg`): nothing of them is rendered. The
 * global OAuth settings, which Salesforce advises keeping out of source control; the OAuth
 * policies, which a set retrieved without them leaves as the org has them.
 */
export const ORG_MANAGED_ROLES = ['globalOauth', 'oauthPolicies'] as const satisfies readonly EcaChildRole[];

/** A part a template may leave to the org. */
export type OrgManagedRole = (typeof ORG_MANAGED_ROLES)[number];

/** True when the template leaves the part playing `role` to the org. */
export function managedInOrg(settings: { readonly managedInOrg?: readonly string[] }, role: OrgManagedRole): boolean {
  return settings.managedInOrg?.includes(role) === true;
}

/** True when `type` (a metadata type name) is an External Client App policies file's. */
export function isEcaPoliciesType(type: string): boolean {
  return EXTERNAL_CLIENT_APP_PARTS.some((part) => part.policies && part.type.name === type);
}

/**
 * The template's `oauth` fields an External Client App keeps in its global OAuth settings file
 * (render/externalClientApp.ts writes them there); a template that leaves those settings to the
 * org cannot set them.
 */
export const GLOBAL_OAUTH_FIELDS = [
  'callbackUrls',
  'callbackUrlLineBreak',
  'certificate',
  'idToken',
  'requirePkce',
  'requireSecretForWebServerFlow',
  'requireSecretForRefreshTokenFlow',
  'requireSecretForTokenExchangeFlow',
  'enableClientCredentialsFlow',
  'enableAuthorizationCodeAndCredentialsFlow',
  'requireCredentialsInPostBody',
  'enableDeviceFlow',
  'enableTokenExchangeFlow',
  'enableRefreshTokenRotation',
  'introspectAllTokens',
  'issueJwtAccessTokens',
] as const satisfies readonly (keyof OAuthSettings)[];
