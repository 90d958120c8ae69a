/**
 * External Client App sets → import units: each header with the children that name it in
 * `externalClientApplication`, and, for an app whose header is not among the files, its policies
 * alone (an app installed from a package: its header and settings are the package's). Settings
 * files without their header, or two children of the same role for one app, are problems.
 */
import type { Problem } from '../errors';
import { EXTERNAL_CLIENT_APP_PARTS, type EcaChildRole, ecaChildPartBySuffix, ecaPart } from '../model/externalClientAppParts';
import { type MetadataObject, scalarText, textOf } from '../model/metadata';
import { controlCharacterProblem } from '../validate/text';
import { type EcaDocuments, externalClientAppSettings } from './externalClientAppSettings';
import type { AppFile } from './sources';
import { type ImportUnit, rawElementText, readFile } from './units';

interface ReadChild {
  readonly role: EcaChildRole;
  readonly file: AppFile;
  readonly text: string;
  readonly object: MetadataObject;
}

/** The children read, grouped by the app they name (in the order their apps first appear). */
function childrenByApp(children: readonly AppFile[], show: (path: string) => string, problems: Problem[]): Map<string, ReadChild[]> {
  const byApp = new Map<string, ReadChild[]>();
  for (const file of children) {
    const part = ecaChildPartBySuffix(file.suffix);
    if (!part) continue;
    const read = readFile(file, part.schema, show, problems);
    if (!read) continue;
    const app = scalarText(read.object.externalClientApplication);
    const group = byApp.get(app);
    const child = { role: part.role, file, ...read };
    if (group) group.push(child);
    else byApp.set(app, [child]);
  }
  return byApp;
}

export function readExternalClientAppUnits(
  headers: readonly AppFile[],
  children: readonly AppFile[],
  show: (path: string) => string,
  problems: Problem[],
): ImportUnit[] {
  const byApp = childrenByApp(children, show, problems);
  const units: ImportUnit[] = [];
  for (const header of headers) {
    const unit = readSet(header.name, header, byApp.get(header.name) ?? [], show, problems);
    if (unit) units.push(unit);
    byApp.delete(header.name);
  }
  for (const [app, group] of byApp) {
    const settingsFile = group.find((child) => !ecaPart(child.role).policies);
    if (settingsFile) {
      problems.push({
        field: show(settingsFile.file.path),
        message: `names the External Client App '${app}', whose header (${app}.eca-meta.xml) is not among the files read; import the folder holding the whole set`,
      });
      continue;
    }
    const unit = readSet(app, undefined, group, show, problems);
    if (unit) units.push(unit);
  }
  return units;
}

/** One app's unit: `headerFile` undefined for a policies-only set. */
function readSet(
  apiName: string,
  headerFile: AppFile | undefined,
  children: readonly ReadChild[],
  show: (path: string) => string,
  problems: Problem[],
): ImportUnit | undefined {
  const header = headerFile && readFile(headerFile, ecaPart('header').schema, show, problems);
  if (headerFile && !header) return undefined;
  const byRole = new Map<EcaChildRole, ReadChild>();
  for (const child of children) {
    const other = byRole.get(child.role);
    if (other)
      problems.push({
        field: show(child.file.path),
        message: `is a second ${child.role} file for ${apiName}, with ${show(other.file.path)}`,
      });
    const label = textOf(child.object.label);
    const control = label === undefined ? undefined : controlCharacterProblem(label);
    if (control) problems.push({ field: `${show(child.file.path)}: label`, message: control });
    byRole.set(child.role, child);
  }
  const documents: EcaDocuments = {
    ...(header ? { header: header.object } : {}),
    ...Object.fromEntries([...byRole].map(([role, child]) => [role, child.object])),
  };
  const names = Object.fromEntries([...byRole].map(([role, child]) => [role, child.file.name]));
  const setProblems: Problem[] = [];
  const global = byRole.get('globalOauth');
  const imported = externalClientAppSettings(documents, apiName, names, global && rawElementText(global.text, 'callbackUrl'), setProblems);
  const ordered = EXTERNAL_CLIENT_APP_PARTS.flatMap((part) => (part.role === 'header' ? [] : [byRole.get(part.role)])).filter(
    (child): child is ReadChild => child !== undefined,
  );
  const sources = [...(headerFile ? [show(headerFile.path)] : []), ...ordered.map((child) => show(child.file.path))];
  problems.push(...setProblems.map((problem) => ({ field: `${sources[0]}: ${problem.field}`, message: problem.message })));
  if (setProblems.length > 0) return undefined;
  return {
    kind: 'external-client-app',
    apiName,
    sources,
    texts: [...(header ? [header.text] : []), ...ordered.map((child) => child.text)],
    ...imported,
  };
}
