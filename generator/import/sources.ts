/**
 * What an import reads: the files named on the command line, and the app files found in the
 * folders named there — ConnectedApps in source format (`*.connectedApp-meta.xml`) or Metadata
 * API format (`*.connectedApp`), and External Client App sets (a header with its children).
 */
import { type Dirent, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../errors';
import { ecaChildPartBySuffix } from '../model/externalClientAppParts';
import { METADATA_TYPES } from '../model/registry';
import { entryKind, notARegularFile } from '../project/safeFs';

/** One file of an app, with the suffix that typed it and the component name before it. */
export interface AppFile {
  readonly path: string;
  readonly suffix: string;
  readonly name: string;
}

export interface FoundFiles {
  readonly connectedApps: AppFile[];
  readonly ecaHeaders: AppFile[];
  readonly ecaChildren: AppFile[];
  /** Links, devices and FIFOs met in the folders searched: named, never read. */
  readonly skipped: string[];
}

/** `<name>.<suffix>` (Metadata API format) or `<name>.<suffix>-meta.xml` (source format), for every type this tool reads. */
const SUFFIX = new RegExp(
  `^(.+)\\.(${Object.values(METADATA_TYPES)
    .map((type) => type.suffix)
    .join('|')})(-meta\\.xml)?$`,
);

/** Folders a search does not enter. */
const SKIPPED = new Set(['node_modules', '.git', '.sf', '.sfdx', '.connected-app']);
const MAX_DEPTH = 8;

function classify(path: string): AppFile | undefined {
  const match = SUFFIX.exec(basename(path));
  return match ? { path, suffix: match[2], name: match[1] } : undefined;
}

function entries(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new AppError('ReadFailed', `cannot read the folder ${folder}: ${(error as Error).message}`, [
      'Check that the folder is readable.',
    ]);
  }
}

/** The app files under `folder`; links and special files are listed in `skipped`, not followed or read. */
function walk(folder: string, depth: number, found: AppFile[], skipped: string[]): void {
  if (depth > MAX_DEPTH) return;
  for (const entry of entries(folder)) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) walk(path, depth + 1, found, skipped);
    } else if (entry.isFile()) {
      const file = classify(path);
      if (file) found.push(file);
    } else if (classify(path) || entry.isSymbolicLink()) skipped.push(path);
  }
}

/** The app files named by `paths` (files or folders), relative to `cwd`. */
export function findAppFiles(paths: readonly string[], cwd: string): FoundFiles {
  const found: AppFile[] = [];
  const skipped: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    const kind = entryKind(path);
    if (kind === 'missing') throw new AppError('ImportSourceMissing', `${given}: no such file or folder`);
    if (kind === 'link' || kind === 'special') throw notARegularFile(given, kind);
    if (kind === 'folder') {
      const before = found.length;
      walk(path, 0, found, skipped);
      if (found.length === before) throw new AppError('ImportSourceEmpty', `${given}: holds no ConnectedApp or External Client App file`);
      continue;
    }
    const file = classify(path);
    if (!file) {
      throw new AppError(
        'ImportSourceUnknown',
        `${given}: not a ConnectedApp (.connectedApp-meta.xml, .connectedApp) or External Client App (.eca-meta.xml) file`,
      );
    }
    // A policies file alone is a set (an installed app's); a settings file is not.
    if (ecaChildPartBySuffix(file.suffix)?.policies === false) {
      throw new AppError('ImportEcaChild', `${given}: part of an External Client App set; import the folder that holds the whole set`);
    }
    found.push(file);
  }
  const unique = [...new Map(found.map((file) => [file.path, file])).values()];
  return {
    connectedApps: unique.filter((file) => file.suffix === METADATA_TYPES.ConnectedApp.suffix),
    ecaHeaders: unique.filter((file) => file.suffix === METADATA_TYPES.ExternalClientApplication.suffix),
    ecaChildren: unique.filter((file) => ecaChildPartBySuffix(file.suffix) !== undefined),
    skipped,
  };
}
