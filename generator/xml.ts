/**
 * The one XML module: every metadata file is written and read through here, over
 * fast-xml-parser with explicit settings.
 *
 * Writing produces the shape a Salesforce retrieve writes, as seen in every retrieved file the
 * corpus tests read (test/corpus/): the declaration line, the metadata namespace on
 * the root, 4-space indentation, one element per line, continuation lines of multi-line text
 * at column 0, `& < > ' "` escaped as entities, UTF-8 text as is, and a final newline.
 *
 * Reading treats every file as hostile: a size limit, UTF-8 text only, no DOCTYPE or entity
 * declarations (refused before parsing, so nothing is ever expanded or fetched), malformed XML
 * reported with its line and column, and no mixed content.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from './errors';

/** The Metadata API namespace every metadata file's root declares. */
export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

/** The namespace of `xsi:nil`, which old retrieves use for an empty contact email. */
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * An element with either text or child elements, never both (metadata has no mixed content),
 * or `nil`: written `<name xsi:nil="true"/>`, as old retrieves write an element with no value.
 */
export type XmlElement =
  | { readonly name: string; readonly text: string }
  | { readonly name: string; readonly children: readonly XmlElement[] }
  | { readonly name: string; readonly nil: true };

/** fast-xml-parser's ordered node shape: `{ tag: children }` plus `':@'` for attributes. */
type OrderedNode = Record<string, unknown>;

const BUILDER = new XMLBuilder({
  preserveOrder: true,
  format: true,
  indentBy: '    ',
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

function toOrderedNode(element: XmlElement): OrderedNode {
  if ('nil' in element) return { [element.name]: [], ':@': { '@_xsi:nil': 'true' } };
  const content = 'text' in element ? [{ '#text': element.text }] : element.children.map(toOrderedNode);
  return { [element.name]: content };
}

function hasNil(element: XmlElement): boolean {
  return 'nil' in element || ('children' in element && element.children.some(hasNil));
}

/** Serializes a metadata document: `root` becomes the namespaced document element. */
export function buildMetadataXml(root: XmlElement): string {
  const rootNode = toOrderedNode(root);
  rootNode[':@'] = hasNil(root) ? { '@_xmlns': METADATA_NAMESPACE, '@_xmlns:xsi': XSI_NAMESPACE } : { '@_xmlns': METADATA_NAMESPACE };
  const declaration = { '?xml': [{ '#text': '' }], ':@': { '@_version': '1.0', '@_encoding': 'UTF-8' } };
  return `${BUILDER.build([declaration, rootNode])}\n`;
}

/** The largest metadata file read: retrieved ConnectedApps are a few kilobytes. */
export const MAX_XML_BYTES = 1024 * 1024;

/** An element as read: its attributes, and text or child elements. */
export interface ParsedElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** The text, entities decoded; undefined for an element with children (or none). */
  readonly text?: string;
  readonly children: readonly ParsedElement[];
}

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

function unreadable(file: string, reason: string): AppError {
  return new AppError('UnreadableMetadata', `${file}: ${reason}`);
}

/** The XML special characters keep their entity when a character reference names them. */
const NAMED_ENTITY: Readonly<Record<string, string>> = { '<': '&lt;', '&': '&amp;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Replaces character references (`&#233;`, `&#xE9;`) by the characters, before parsing. */
function decodeCharacterReferences(text: string, file: string): string {
  return text.replace(/&#(x[0-9A-Fa-f]+|[0-9]+);/g, (_match, code: string) => {
    const point = code.startsWith('x') ? Number.parseInt(code.slice(1), 16) : Number(code);
    const valid =
      point === 0x9 ||
      point === 0xa ||
      point === 0xd ||
      (point >= 0x20 && point <= 0xd7ff) ||
      (point >= 0xe000 && point <= 0x10ffff && (point < 0xfffe || point > 0xffff));
    if (!valid) throw unreadable(file, `&#${code}; is not a character XML allows`);
    const character = String.fromCodePoint(point);
    return NAMED_ENTITY[character] ?? character;
  });
}

type ReadNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toParsedElement(node: ReadNode, file: string): ParsedElement {
  const name = Object.keys(node).find((key) => key !== ':@') as string;
  const content = (node[name] as ReadNode[]) ?? [];
  const attributes = Object.fromEntries(Object.entries(node[':@'] ?? {}).map(([key, value]) => [key.slice(2), String(value)]));
  const elements = content.filter((child) => !('#text' in child) && !('#comment' in child));
  const text = content
    .filter((child) => '#text' in child)
    .map((child) => String(child['#text']))
    .join('');
  if (elements.length > 0 && text.trim() !== '') throw unreadable(file, `<${name}> mixes text and elements, which metadata never does`);
  return {
    name,
    attributes,
    text: elements.length > 0 ? undefined : text,
    children: elements.map((child) => toParsedElement(child, file)),
  };
}

/** Decodes bytes as UTF-8 text, refusing what is not (binary files, other encodings). */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_XML_BYTES) throw unreadable(file, `is ${bytes.length} bytes; the limit for a metadata file is ${MAX_XML_BYTES}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable(file, 'is not UTF-8 text (a binary file?)');
  }
  if (text.includes('\u0000')) throw unreadable(file, 'is not UTF-8 text (it holds NUL characters)');
  return text.replace(/^\uFEFF/, '');
}

/**
 * The parser's nodes for well-formed text. Whatever the parser refuses — malformed XML, nesting
 * too deep, an element named like a JavaScript internal (`__proto__`, `constructor`) — is one line
 * naming the file.
 */
function parseNodes(text: string, file: string): ReadNode[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw unreadable(file, `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  try {
    return PARSER.parse(text) as ReadNode[];
  } catch (error) {
    throw unreadable(file, `cannot be read as metadata: ${(error as Error).message.replace(/^\[SECURITY\]\s*/, '')}`);
  }
}

/** Parses a metadata file's text into its root element; every problem is one line naming the file. */
export function parseMetadataXml(text: string, file: string): ParsedElement {
  if (text.trim() === '') throw unreadable(file, 'is empty');
  if (/<!DOCTYPE/i.test(text))
    throw unreadable(file, 'declares a DOCTYPE, which metadata never has; refused (no entity is expanded, nothing is fetched)');
  if (/<!ENTITY/i.test(text)) throw unreadable(file, 'declares entities, which metadata never has; refused');
  const decoded = decodeCharacterReferences(text, file);
  const nodes = parseNodes(decoded, file).filter((node) => !('#text' in node) && !('#comment' in node));
  if (nodes.length !== 1) throw unreadable(file, `has ${nodes.length} root elements; a metadata file has one`);
  return toParsedElement(nodes[0], file);
}
