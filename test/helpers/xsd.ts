/** Validates XML documents against the Metadata API 66.0 schema with libxml2 (xmllint-wasm). */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { XSD_FILE } from './paths';

let schema: string | undefined;

/** The schema's complaints about each document, empty when all are valid. */
export async function schemaErrors(documents: { fileName: string; contents: string }[]): Promise<string[]> {
  schema ??= readFileSync(XSD_FILE, 'utf8');
  const result = await validateXML({ xml: documents, schema: [{ fileName: 'metadata-66.xsd', contents: schema }] });
  return result.errors.map((error) => error.rawMessage);
}
