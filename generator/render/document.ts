/**
 * A metadata document before it becomes a file: its type, component name, schema and the
 * metadata object holding every value. Renderers produce documents; this turns one into the
 * file a retrieve at the app's API version would write.
 */
import type { MetadataTypeInfo } from '../model/registry';
import { sourceFilePath } from '../model/registry';
import type { MetadataSchema } from '../model/schema';
import { buildMetadataXml } from '../xml';
import type { RenderedFile } from './renderedFile';
import { type MetadataObject, serializeMetadata } from './serialize';

export interface MetadataDocument {
  readonly type: MetadataTypeInfo;
  readonly fullName: string;
  readonly schema: MetadataSchema;
  readonly object: MetadataObject;
}

export function renderDocument(document: MetadataDocument, apiVersion: number): RenderedFile {
  return {
    path: sourceFilePath(document.type, document.fullName),
    type: document.type.name,
    fullName: document.fullName,
    content: buildMetadataXml(serializeMetadata(document.object, document.schema, apiVersion)),
  };
}
