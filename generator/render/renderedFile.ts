/** What a renderer produces: one metadata file, not yet written anywhere. */
export interface RenderedFile {
  /** Path relative to the output folder, with `/` separators (`connectedApps/X.connectedApp-meta.xml`). */
  readonly path: string;
  /** The Metadata API type (`ConnectedApp`). */
  readonly type: string;
  /** The component name (the API name). */
  readonly fullName: string;
  /** The file's bytes as text, exactly as they are to be written. */
  readonly content: string;
}
