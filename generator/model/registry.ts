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
}

export const CONNECTED_APP_TYPE: MetadataTypeInfo = {
  name: 'ConnectedApp',
  directoryName: 'connectedApps',
  suffix: 'connectedApp',
};

/** `connectedApps/My_App.connectedApp-meta.xml`: a component's path relative to the output folder. */
export function sourceFilePath(type: MetadataTypeInfo, fullName: string): string {
  return `${type.directoryName}/${fullName}.${type.suffix}-meta.xml`;
}
