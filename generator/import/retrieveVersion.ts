/**
 * Which API version a retrieved file was written at. The elements a retrieve lists — above all
 * the `oauthConfig` flags, written out true or false — depend on the version, so the version
 * whose rendering of the imported settings gives back the files, byte for byte, is the one to
 * pin. The newest such version wins; none when no version reproduces the files (a hand-written
 * or reformatted file, which then renders canonically).
 *
 * The search costs one pass over the documents per band of versions that write the same
 * elements (an element's first and last API version bound the bands), not one rendering per API
 * version: a band is compared with the file by the names of the elements it would write, and
 * only a band whose names match is rendered and compared byte for byte.
 */
import { NEWEST_KNOWN_API_VERSION, OLDEST_SUPPORTED_API_VERSION } from '../model/apiVersion';
import { type MetadataDocument, type MetadataObject, type MetadataValue, isMetadataObject } from '../model/metadata';
import type { MetadataSchema } from '../model/schema';
import { renderDocument } from '../render/document';
import { serializeMetadata } from '../render/serialize';
import type { XmlElement } from '../xml';

/**
 * The file as compared: without what Salesforce keeps per org and this tool never renders —
 * the consumer key and secret, an External Client App's OAuth link and org-scoped name.
 */
export function withoutOrgValues(text: string): string {
  return text.replace(/^[ \t]*<(consumerKey|consumerSecret|oauthLink|orgScopedExternalApp)(\/>|>[^<]*<\/\1>)[ \t]*\r?\n/gm, '');
}

/** Renders one document at an API version to its file's text. */
export type BuildFile = (document: MetadataDocument, apiVersion: number) => string;

const buildFile: BuildFile = (document, apiVersion) => renderDocument(document, apiVersion).content;

/** Adds to `bounds` the versions at which an element present in `object` appears or disappears. */
function collectBounds(typeName: string, object: MetadataObject, schema: MetadataSchema, bounds: Set<number>): void {
  for (const spec of schema.types[typeName] ?? []) {
    const value = object[spec.name];
    if (value === undefined) continue;
    if (spec.minApi !== undefined) bounds.add(spec.minApi);
    if (spec.maxApi !== undefined) bounds.add(spec.maxApi + 1);
    if (spec.type.kind !== 'complex') continue;
    const items: readonly MetadataValue[] = Array.isArray(value) ? value : [value];
    for (const item of items) if (isMetadataObject(item)) collectBounds(spec.type.type, item, schema, bounds);
  }
}

/** The newest version of each band of versions that render the documents alike, newest band first. */
function bandVersions(documents: readonly MetadataDocument[]): number[] {
  const bounds = new Set<number>([OLDEST_SUPPORTED_API_VERSION]);
  for (const document of documents) collectBounds(document.schema.root, document.object, document.schema, bounds);
  const starts = [...bounds].filter((start) => start > OLDEST_SUPPORTED_API_VERSION && start <= NEWEST_KNOWN_API_VERSION);
  return [NEWEST_KNOWN_API_VERSION, ...starts.map((start) => start - 1)].sort((a, b) => b - a);
}

/** The element names of a tree in document order. */
function treeNames(element: XmlElement, names: string[] = []): string[] {
  names.push(element.name);
  if ('children' in element) for (const child of element.children) treeNames(child, names);
  return names;
}

/** The names of the start tags of a file in document order (declaration, comments and end tags left out). */
function fileNames(text: string): string[] {
  return [...text.matchAll(/<([A-Za-z_][\w.:-]*)(?=[\s/>])/g)].map((match) => match[1]);
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}

/**
 * The newest version at which the documents render to exactly the expected files (one per
 * document, in order), or undefined. `build` renders a file; it runs once per document for the
 * band that matches, never once per API version.
 */
export function retrieveVersion(
  documents: readonly MetadataDocument[],
  expected: readonly string[],
  build: BuildFile = buildFile,
): number | undefined {
  if (documents.length !== expected.length) return undefined;
  const wanted = expected.map(withoutOrgValues);
  const wantedNames = wanted.map(fileNames);
  for (const version of bandVersions(documents)) {
    const sameElements = documents.every((document, index) =>
      sameNames(treeNames(serializeMetadata(document.object, document.schema, version)), wantedNames[index]),
    );
    if (sameElements && documents.every((document, index) => build(document, version) === wanted[index])) return version;
  }
  return undefined;
}
