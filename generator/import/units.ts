/**
 * Reading import sources into units: one app each, with its raw texts (what a round trip must
 * give back), the settings read from them, and what the user should hear about. A file that
 * cannot be read becomes problems, never a crash; every problem names its file.
 */
import { AppError, type Problem, isAppError } from '../errors';
import type { AppKind } from '../model/appKind';
import { CONNECTED_APP_SCHEMA } from '../model/connectedAppSchema';
import type { MetadataSchema } from '../model/schema';
import type { AppSettings } from '../model/template';
import type { MetadataObject } from '../model/metadata';
import { readRegularFile } from '../project/safeFs';
import { MAX_XML_BYTES, decodeUtf8, parseMetadataXml } from '../xml';
import { connectedAppSettings } from './connectedAppSettings';
import { readMetadata } from './readMetadata';
import type { AppFile } from './sources';

export interface ImportUnit {
  readonly kind: AppKind;
  readonly apiName: string;
  /** The files read, as shown to the user; the first names the app. */
  readonly sources: readonly string[];
  /** Their texts, in the order the renderer writes the files. */
  readonly texts: readonly string[];
  readonly settings: AppSettings;
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}

/** A file's text and metadata object, or undefined with the reasons in `problems`. */
export function readFile(
  file: AppFile,
  schema: MetadataSchema,
  show: (path: string) => string,
  problems: Problem[],
): { text: string; object: MetadataObject } | undefined {
  const name = show(file.path);
  try {
    const bytes = readRegularFile(file.path, MAX_XML_BYTES, name);
    if (bytes === undefined) throw new AppError('ImportSourceMissing', `${name}: no such file`);
    const text = decodeUtf8(bytes, name);
    const fileProblems: Problem[] = [];
    const object = readMetadata(parseMetadataXml(text, name), schema, fileProblems);
    problems.push(...fileProblems.map((problem) => ({ field: `${name}: ${problem.field}`, message: problem.message })));
    return object && fileProblems.length === 0 ? { text, object } : undefined;
  } catch (error) {
    if (!isAppError(error)) throw error;
    problems.push({ field: name, message: error.message.startsWith(`${name}: `) ? error.message.slice(name.length + 2) : error.message });
    return undefined;
  }
}

/** The raw text of an element's value in a file (line breaks as they are in the bytes). */
export function rawElementText(text: string, element: string): string | undefined {
  return new RegExp(`<${element}>([\\s\\S]*?)</${element}>`).exec(text)?.[1];
}

/** A ConnectedApp file → its unit. */
export function readConnectedAppUnit(file: AppFile, show: (path: string) => string, problems: Problem[]): ImportUnit | undefined {
  const read = readFile(file, CONNECTED_APP_SCHEMA, show, problems);
  if (!read) return undefined;
  const settingsProblems: Problem[] = [];
  const imported = connectedAppSettings(read.object, file.name, rawElementText(read.text, 'callbackUrl'), settingsProblems);
  problems.push(...settingsProblems.map((problem) => ({ field: `${show(file.path)}: ${problem.field}`, message: problem.message })));
  if (settingsProblems.length > 0) return undefined;
  return { kind: 'connected-app', apiName: file.name, sources: [show(file.path)], texts: [read.text], ...imported };
}
