/**
 * The files of an External Client App, as one table: each part's role, metadata type, schema and
 * the suffix Setup adds to the app's name for the part's component name. Rendering, import and
 * the template's `externalClientAppNames` all derive from it; the order is the order a rendering
 * writes the files in.
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

export interface ExternalClientAppPart {
  readonly role: string;
  readonly type: MetadataTypeInfo;
  readonly schema: MetadataSchema;
  /** Setup's component name for the part: the app's API name plus this (`_oauthPlcy`). */
  readonly nameSuffix: string;
}

export const EXTERNAL_CLIENT_APP_PARTS = [
  { role: 'header', type: METADATA_TYPES.ExternalClientApplication, schema: EXTERNAL_CLIENT_APPLICATION_SCHEMA, nameSuffix: '' },
  {
    role: 'globalOauth',
    type: METADATA_TYPES.ExtlClntAppGlobalOauthSettings,
    schema: GLOBAL_OAUTH_SETTINGS_SCHEMA,
    nameSuffix: '_glbloauth',
  },
  { role: 'oauthSettings', type: METADATA_TYPES.ExtlClntAppOauthSettings, schema: OAUTH_SETTINGS_SCHEMA, nameSuffix: '_oauth' },
  {
    role: 'oauthPolicies',
    type: METADATA_TYPES.ExtlClntAppOauthConfigurablePolicies,
    schema: OAUTH_POLICIES_SCHEMA,
    nameSuffix: '_oauthPlcy',
  },
  { role: 'appPolicies', type: METADATA_TYPES.ExtlClntAppConfigurablePolicies, schema: APP_POLICIES_SCHEMA, nameSuffix: '_plcy' },
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
