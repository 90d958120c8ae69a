/**
 * External Client App sets → import units: each header with the children that name it in
 * `externalClientApplication`. A child naming an app whose header is not among the files, or
 * two children of the same role for one app, is a problem.
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

export function readExternalClientAppUnits(
  headers: readonly AppFile[],
  children: readonly AppFile[],
  show: (path: string) => string,
  problems: Problem[],
): ImportUnit[] {
  const readChildren: ReadChild[] = [];
  for (const file of children) {
    const part = ecaChildPartBySuffix(file.suffix);
    if (!part) continue;
    const read = readFile(file, part.schema, show, problems);
    if (read) readChildren.push({ role: part.role, file, ...read });
  }
  const headerNames = new Set(headers.map((header) => header.name));
  for (const child of readChildren) {
    const app = scalarText(child.object.externalClientApplication);
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
      readChildren.filter((child) => scalarText(child.object.externalClientApplication) === header.name),
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
  const header = readFile(headerFile, ecaPart('header').schema, show, problems);
  if (!header) return undefined;
  const byRole = new Map<EcaChildRole, ReadChild>();
  for (const child of children) {
    const other = byRole.get(child.role);
    if (other)
      problems.push({
        field: show(child.file.path),
        message: `is a second ${child.role} file for ${headerFile.name}, with ${show(other.file.path)}`,
      });
    const label = textOf(child.object.label);
    const control = label === undefined ? undefined : controlCharacterProblem(label);
    if (control) problems.push({ field: `${show(child.file.path)}: label`, message: control });
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
  const ordered = EXTERNAL_CLIENT_APP_PARTS.flatMap((part) => (part.role === 'header' ? [] : [byRole.get(part.role)])).filter(
    (child): child is ReadChild => child !== undefined,
  );
  return {
    kind: 'external-client-app',
    apiName: headerFile.name,
    sources: [show(headerFile.path), ...ordered.map((child) => show(child.file.path))],
    texts: [header.text, ...ordered.map((child) => child.text)],
    ...imported,
  };
}
