/** Rendering, whatever the kind: a resolved app → its metadata documents → its files. */
import type { ResolvedApp } from '../model/resolvedApp';
import { connectedAppDocuments } from './connectedApp';
import type { MetadataDocument } from '../model/metadata';
import { renderDocument } from './document';
import { externalClientAppDocuments } from './externalClientApp';
import type { RenderedFile } from './renderedFile';

/** The documents of the app's kind. */
export function appDocuments(app: ResolvedApp): MetadataDocument[] {
  return app.kind === 'external-client-app' ? externalClientAppDocuments(app) : connectedAppDocuments(app);
}

/** The files of the app's kind, written for the app's API version. */
export function renderApp(app: ResolvedApp): RenderedFile[] {
  return appDocuments(app).map((document) => renderDocument(document, app.apiVersion));
}
