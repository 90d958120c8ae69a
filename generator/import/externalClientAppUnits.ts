/**
 * External Client App sets → import units: each header with the children that name it in
 * `externalClientApplication`. A child naming an app whose header is not among the files, or
 * two children of the same role for one app, is a problem.
 */
import type { Problem } from '../errors';
import {
  APP_POLICIES_SCHEMA,
  EXTERNAL_CLIENT_APPLICATION_SCHEMA,
  GLOBAL_OAUTH_SETTINGS_SCHEMA,
  OAUTH_POLICIES_SCHEMA,
  OAUTH_SETTINGS_SCHEMA,
} from '../model/externalClientAppSchema';
import type { MetadataSchema } from '../model/schema';
import type { MetadataObject } from '../render/serialize';
import { type EcaDocuments, externalClientAppSettings } from './externalClientAppSettings';
import { type AppFile, ECA_CHILD_ROLES, type EcaRole } from './sources';
import { type ImportUnit, rawElementText, readFile } from './units';

const SCHEMA_BY_ROLE: Readonly<Record<EcaRole, MetadataSchema>> = {
  globalOauth: GLOBAL_OAUTH_SETTINGS_SCHEMA,
  oauthSettings: OAUTH_SETTINGS_SCHEMA,
  oauthPolicies: OAUTH_POLICIES_SCHEMA,
  appPolicies: APP_POLICIES_SCHEMA,
};

/** The order the renderer writes a set's files in. */
const RENDER_ORDER: readonly EcaRole[] = ['globalOauth', 'oauthSettings', 'oauthPolicies', 'appPolicies'];

interface ReadChild {
  readonly role: EcaRole;
  readonly file: AppFile;
  readonly text: string;
  readonly object: MetadataObject;
}

export function readExternalClientAppUnits(
  headers: readonly AppFile[],
  children: readonly AppFile[],
  show: (path: string) => string,
  problems: Problem[],
): ImportUnit[] {
  const readChildren: ReadChild[] = [];
  for (const file of children) {
    const role = ECA_CHILD_ROLES[file.suffix as keyof typeof ECA_CHILD_ROLES];
    const read = readFile(file, SCHEMA_BY_ROLE[role], show, problems);
    if (read) readChildren.push({ role, file, ...read });
  }
  const headerNames = new Set(headers.map((header) => header.name));
  for (const child of readChildren) {
    const app = String(child.object.externalClientApplication);
    if (!headerNames.has(app)) {
      problems.push({
        field: show(child.file.path),
        message: `names the External Client App '${app}', whose header (${app}.eca-meta.xml) is not among the files read`,
      });
    }
  }
  return headers.flatMap((header) => {
    const unit = readSet(
      header,
      readChildren.filter((child) => String(child.object.externalClientApplication) === header.name),
      show,
      problems,
    );
    return unit ? [unit] : [];
  });
}

function readSet(
  headerFile: AppFile,
  children: readonly ReadChild[],
  show: (path: string) => string,
  problems: Problem[],
): ImportUnit | undefined {
  const header = readFile(headerFile, EXTERNAL_CLIENT_APPLICATION_SCHEMA, show, problems);
  if (!header) return undefined;
  const byRole = new Map<EcaRole, ReadChild>();
  for (const child of children) {
    const other = byRole.get(child.role);
    if (other)
      problems.push({
        field: show(child.file.path),
        message: `is a second ${child.role} file for ${headerFile.name}, with ${show(other.file.path)}`,
      });
    byRole.set(child.role, child);
  }
  const documents: EcaDocuments = {
    header: header.object,
    ...Object.fromEntries([...byRole].map(([role, child]) => [role, child.object])),
  };
  const names = Object.fromEntries([...byRole].map(([role, child]) => [role, child.file.name]));
  const setProblems: Problem[] = [];
  const global = byRole.get('globalOauth');
  const imported = externalClientAppSettings(
    documents,
    headerFile.name,
    names,
    global && rawElementText(global.text, 'callbackUrl'),
    setProblems,
  );
  problems.push(...setProblems.map((problem) => ({ field: `${show(headerFile.path)}: ${problem.field}`, message: problem.message })));
  if (setProblems.length > 0) return undefined;
  const ordered = RENDER_ORDER.map((role) => byRole.get(role)).filter((child): child is ReadChild => child !== undefined);
  return {
    kind: 'external-client-app',
    apiName: headerFile.name,
    sources: [show(headerFile.path), ...ordered.map((child) => show(child.file.path))],
    texts: [header.text, ...ordered.map((child) => child.text)],
    ...imported,
  };
}
