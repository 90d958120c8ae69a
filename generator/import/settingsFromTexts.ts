/**
 * Template settings from metadata texts held in memory (a retrieve's files, or a rendering): the
 * import's own readers and mappings, without the file search. `diff` and `changes` compare what
 * this gives for two sides, so they compare settings as an import sees them, never XML text.
 */
import type { Problem } from '../errors';
import type { AppKind } from '../model/appKind';
import { CONNECTED_APP_SCHEMA } from '../model/connectedAppSchema';
import { EXTERNAL_CLIENT_APP_PARTS, type EcaChildRole } from '../model/externalClientAppParts';
import type { MetadataObject } from '../model/metadata';
import type { AppSettings } from '../model/template';
import { parseMetadataXml } from '../xml';
import { connectedAppSettings } from './connectedAppSettings';
import { externalClientAppSettings } from './externalClientAppSettings';
import { readMetadata } from './readMetadata';
import { rawElementText } from './units';

/** One metadata file in memory: its type, component name and text. */
export interface MetadataText {
  readonly type: string;
  readonly fullName: string;
  readonly text: string;
  /** How the file is named in problems (`org:connectedApps/A.connectedApp`). */
  readonly source: string;
}

/** The settings the files of one app hold, or undefined with the reasons in `problems`. */
export function settingsFromTexts(
  kind: AppKind,
  apiName: string,
  files: readonly MetadataText[],
  problems: Problem[],
): AppSettings | undefined {
  const before = problems.length;
  if (kind === 'connected-app') {
    const file = files.find((candidate) => candidate.type === 'ConnectedApp');
    if (!file) return undefined;
    const object = readMetadata(parseMetadataXml(file.text, file.source), CONNECTED_APP_SCHEMA, problems);
    if (!object) return undefined;
    const imported = connectedAppSettings(object, file.fullName, rawElementText(file.text, 'callbackUrl'), problems);
    return problems.length === before ? imported.settings : undefined;
  }
  const documents: { [role: string]: MetadataObject } = {};
  const names: Partial<Record<EcaChildRole, string>> = {};
  let rawCallback: string | undefined;
  for (const part of EXTERNAL_CLIENT_APP_PARTS) {
    const file = files.find((candidate) => candidate.type === part.type.name);
    if (!file) continue;
    const object = readMetadata(parseMetadataXml(file.text, file.source), part.schema, problems);
    if (!object) continue;
    documents[part.role] = object;
    if (part.role !== 'header') names[part.role] = file.fullName;
    if (part.role === 'globalOauth') rawCallback = rawElementText(file.text, 'callbackUrl');
  }
  if (problems.length > before || Object.keys(documents).length === 0) return undefined;
  const imported = externalClientAppSettings(documents, apiName, names, rawCallback, problems);
  return problems.length === before ? imported.settings : undefined;
}
