/**
 * A metadata document → the file a retrieve at the app's API version would write.
 */
import type { MetadataDocument } from '../model/metadata';
import { sourceFilePath } from '../model/registry';
import { buildMetadataXml } from '../xml';
import type { RenderedFile } from './renderedFile';
import { serializeMetadata } from './serialize';

export function renderDocument(document: MetadataDocument, apiVersion: number): RenderedFile {
  return {
    path: sourceFilePath(document.type, document.fullName),
    type: document.type.name,
    fullName: document.fullName,
    content: buildMetadataXml(serializeMetadata(document.object, document.schema, apiVersion)),
  };
}
