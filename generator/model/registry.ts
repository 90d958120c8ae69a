/**
 * The metadata types this tool writes, as data: folder and suffix as the Salesforce CLI's
 * source-deploy-retrieve registry declares them (shared/reference/toolchain.md §5), so
 * `sf project deploy start` resolves every file to its type.
 */

/** One metadata type's place in a source-format project. */
export interface MetadataTypeInfo {
  /** The Metadata API type name, also the XML root element and the package.xml `<name>`. */
  readonly name: string;
  /** The folder under a package directory's `main/default`. */
  readonly directoryName: string;
  /** The file suffix: `<fullName>.<suffix>-meta.xml`. */
  readonly suffix: string;
  /** The first API version with the type. */
  readonly minApi: number;
}

export const CONNECTED_APP_TYPE: MetadataTypeInfo = {
  name: 'ConnectedApp',
  directoryName: 'connectedApps',
  suffix: 'connectedApp',
  minApi: 30,
};

export const EXTERNAL_CLIENT_APPLICATION_TYPE: MetadataTypeInfo = {
  name: 'ExternalClientApplication',
  directoryName: 'externalClientApps',
  suffix: 'eca',
  minApi: 59,
};

export const GLOBAL_OAUTH_SETTINGS_TYPE: MetadataTypeInfo = {
  name: 'ExtlClntAppGlobalOauthSettings',
  directoryName: 'extlClntAppGlobalOauthSets',
  suffix: 'ecaGlblOauth',
  minApi: 59,
};

export const OAUTH_SETTINGS_TYPE: MetadataTypeInfo = {
  name: 'ExtlClntAppOauthSettings',
  directoryName: 'extlClntAppOauthSettings',
  suffix: 'ecaOauth',
  minApi: 59,
};

export const OAUTH_POLICIES_TYPE: MetadataTypeInfo = {
  name: 'ExtlClntAppOauthConfigurablePolicies',
  directoryName: 'extlClntAppOauthPolicies',
  suffix: 'ecaOauthPlcy',
  minApi: 59,
};

export const APP_POLICIES_TYPE: MetadataTypeInfo = {
  name: 'ExtlClntAppConfigurablePolicies',
  directoryName: 'extlClntAppPolicies',
  suffix: 'ecaPlcy',
  minApi: 60,
};

/** Every type, by name. */
export const METADATA_TYPES: readonly MetadataTypeInfo[] = [
  CONNECTED_APP_TYPE,
  EXTERNAL_CLIENT_APPLICATION_TYPE,
  GLOBAL_OAUTH_SETTINGS_TYPE,
  OAUTH_SETTINGS_TYPE,
  OAUTH_POLICIES_TYPE,
  APP_POLICIES_TYPE,
];

/** `connectedApps/My_App.connectedApp-meta.xml`: a component's path relative to the output folder. */
export function sourceFilePath(type: MetadataTypeInfo, fullName: string): string {
  return `${type.directoryName}/${fullName}.${type.suffix}-meta.xml`;
}
