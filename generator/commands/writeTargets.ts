/**
 * The write stage of generate: each planned rendering's files rendered and written (or, with
 * `--check`, compared with the disk) one target at a time, so memory holds one target's files.
 */
import { dirname, join } from 'node:path';
import { AppError, isAppError } from '../errors';
import type { AppKind } from '../model/appKind';
import { formatApiVersion } from '../model/apiVersion';
import { TEMP_FOLDER, writeFileAtomic } from '../project/atomicWrite';
import { driftOf, readExisting } from '../project/drift';
import type { SfdxProject } from '../project/sfdxProject';
import { renderDocument } from '../render/document';
import type { SecretFinding } from '../secrets/patterns';
import { scanText } from '../secrets/scan';
import { projectPath } from '../project/layout';
import { assertRealFolders, toolFolder } from '../project/safeFs';
import type { PlannedTarget } from './planTarget';

/** created/updated/unchanged when writing; missing/differs/unchanged with `--check`. */
export type FileState = 'created' | 'updated' | 'unchanged' | 'missing' | 'differs';

interface GeneratedFile {
  /** Path relative to the project root, `/`-separated. */
  readonly path: string;
  readonly type: string;
  readonly fullName: string;
  readonly state: FileState;
  /** `--check` only: the unified diff from the file on disk to the generated file. */
  readonly diff?: string;
}

export interface GeneratedTarget {
  readonly app: string;
  readonly environment: string;
  readonly kind: AppKind;
  readonly apiName: string;
  readonly apiVersion: string;
  /** The folder receiving the type folders, relative to the project root. */
  readonly outputDir: string;
  /** Why the run made this rendering when it was not asked for: the contact email it holds changed. */
  readonly reason?: 'contact email changed';
  readonly files: readonly GeneratedFile[];
}

function writeFile(absolute: string, shown: string, content: string, tempFolder: string): FileState {
  const existing = readExisting(absolute, shown);
  if (existing === content) return 'unchanged';
  try {
    writeFileAtomic(absolute, content, tempFolder);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('WriteFailed', `cannot write ${shown}: ${(error as Error).message}`, [
      'Check that the folder exists and is writable.',
    ]);
  }
  return existing === undefined ? 'created' : 'updated';
}

/**
 * Renders one target's files and writes them one by one; with `scanned` (`--check`) compares
 * them instead, and scans each file read for secrets, so the secret scan need not read it again.
 */
function outputFiles(
  project: SfdxProject,
  target: PlannedTarget,
  scanned: Map<string, readonly SecretFinding[]> | undefined,
): GeneratedFile[] {
  const tempFolder = toolFolder(project.root, TEMP_FOLDER);
  return target.documents.map((document) => {
    const file = renderDocument(document, target.app.apiVersion);
    const absolute = join(target.outputDir, file.path);
    const path = projectPath(project, absolute);
    assertRealFolders(target.writeBase, dirname(absolute), (folder) => projectPath(project, folder));
    const base = { path, type: file.type, fullName: file.fullName };
    if (!scanned) return { ...base, state: writeFile(absolute, path, file.content, tempFolder) };
    const onDisk = readExisting(absolute, path);
    if (onDisk !== undefined) scanned.set(absolute, scanText(onDisk, path));
    return { ...base, ...driftOf(onDisk, path, file.content) };
  });
}

/** Renders and writes (or compares, given `scanned`) every planned target, in order. */
export function writeTargets(
  project: SfdxProject,
  planned: readonly PlannedTarget[],
  scanned: Map<string, readonly SecretFinding[]> | undefined,
): GeneratedTarget[] {
  return planned.map((target) => ({
    app: target.app.template,
    environment: target.app.environment,
    kind: target.app.kind,
    apiName: target.app.apiName,
    apiVersion: formatApiVersion(target.app.apiVersion),
    outputDir: projectPath(project, target.outputDir),
    reason: target.followsChange ? 'contact email changed' : undefined,
    files: outputFiles(project, target, scanned),
  }));
}
