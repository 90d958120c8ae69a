/**
 * The one XML module: every metadata file is written through here, over fast-xml-parser
 * with explicit settings, in the shape a Salesforce retrieve writes
 * (shared/reference/metadata-facts.md §9, shared/corpus/OBSERVATIONS.md §1 and §6):
 * the declaration line, the metadata namespace on the root and nothing else, 4-space
 * indentation, one element per line, continuation lines of multi-line text at column 0,
 * `& < > ' "` escaped as entities, UTF-8 text as is, and a final newline.
 */
import { XMLBuilder } from 'fast-xml-parser';

/** The Metadata API namespace every metadata file's root declares. */
export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

/** An element with either text or child elements, never both (metadata has no mixed content). */
export type XmlElement = { readonly name: string; readonly text: string } | { readonly name: string; readonly children: readonly XmlElement[] };

/** fast-xml-parser's ordered node shape: `{ tag: children }` plus `':@'` for attributes. */
type OrderedNode = Record<string, unknown>;

const BUILDER = new XMLBuilder({
  preserveOrder: true,
  format: true,
  indentBy: '    ',
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
  suppressBooleanAttributes: false,
  processEntities: true,
});

function toOrderedNode(element: XmlElement): OrderedNode {
  const content = 'text' in element ? [{ '#text': element.text }] : element.children.map(toOrderedNode);
  return { [element.name]: content };
}

/** Serializes a metadata document: `root` becomes the namespaced document element. */
export function buildMetadataXml(root: XmlElement): string {
  const rootNode = toOrderedNode(root);
  rootNode[':@'] = { '@_xmlns': METADATA_NAMESPACE };
  const declaration = { '?xml': [{ '#text': '' }], ':@': { '@_version': '1.0', '@_encoding': 'UTF-8' } };
  return `${BUILDER.build([declaration, rootNode]) as string}\n`;
}
