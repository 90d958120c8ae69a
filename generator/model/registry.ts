/**
 * The metadata types this tool writes, as data: folder and suffix as the Salesforce CLI's
 * source-deploy-retrieve registry declares them (its `metadataRegistry.json`; the Metadata API
 * Developer Guide's "File Suffix and Directory Location" of each type says the same), so
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

/** Every type this tool writes; the External Client App types in the order a rendering writes them. */
export const METADATA_TYPES = {
  ConnectedApp: { name: 'ConnectedApp', directoryName: 'connectedApps', suffix: 'connectedApp', minApi: 30 },
  ExternalClientApplication: { name: 'ExternalClientApplication', directoryName: 'externalClientApps', suffix: 'eca', minApi: 59 },
  ExtlClntAppGlobalOauthSettings: {
    name: 'ExtlClntAppGlobalOauthSettings',
    directoryName: 'extlClntAppGlobalOauthSets',
    suffix: 'ecaGlblOauth',
    minApi: 59,
  },
  ExtlClntAppOauthSettings: { name: 'ExtlClntAppOauthSettings', directoryName: 'extlClntAppOauthSettings', suffix: 'ecaOauth', minApi: 59 },
  ExtlClntAppOauthConfigurablePolicies: {
    name: 'ExtlClntAppOauthConfigurablePolicies',
    directoryName: 'extlClntAppOauthPolicies',
    suffix: 'ecaOauthPlcy',
    minApi: 59,
  },
  ExtlClntAppConfigurablePolicies: {
    name: 'ExtlClntAppConfigurablePolicies',
    directoryName: 'extlClntAppPolicies',
    suffix: 'ecaPlcy',
    minApi: 60,
  },
} as const satisfies Readonly<Record<string, MetadataTypeInfo>>;

/** `connectedApps/My_App.connectedApp-meta.xml`: a component's path relative to the output folder. */
export function sourceFilePath(type: MetadataTypeInfo, fullName: string): string {
  return `${type.directoryName}/${fullName}.${type.suffix}-meta.xml`;
}

/** The type whose folder is `directoryName`, or undefined. */
export function typeOfFolder(directoryName: string): MetadataTypeInfo | undefined {
  return Object.values(METADATA_TYPES).find((type) => type.directoryName === directoryName);
}
