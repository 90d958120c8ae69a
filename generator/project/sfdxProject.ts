/**
 * The Salesforce DX project around the current folder: its root (where
 * sfdx-project.json is, found the way sf finds it, upward from the working folder),
 * the default package directory and the sourceApiVersion.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../errors';
import { isInside, readRegularFile } from './safeFs';

/** sfdx-project.json is a few kilobytes; anything far larger is not one. */
const MAX_PROJECT_FILE_BYTES = 1024 * 1024;

const PROJECT_FILE = 'sfdx-project.json';

export interface SfdxProject {
  /** Absolute path of the folder holding sfdx-project.json. */
  readonly root: string;
  /** The default package directory, relative to the root (`force-app`). */
  readonly defaultPackageDirectory: string;
  /** Every package directory, relative to the root. */
  readonly packageDirectories: readonly string[];
  /** `sourceApiVersion` as written (`66.0`), if the file sets one. */
  readonly sourceApiVersion?: string;
}

function findRoot(start: string): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, PROJECT_FILE))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

function invalid(file: string, reason: string): AppError {
  return new AppError('InvalidProjectFile', `${file}: ${reason}`, [
    `Fix ${PROJECT_FILE}; see https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_ws_config.htm`,
  ]);
}

/** Reads the project that contains `cwd`. */
export function readSfdxProject(cwd: string): SfdxProject {
  const root = findRoot(cwd);
  if (!root) {
    throw new AppError('ProjectNotFound', `no ${PROJECT_FILE} in ${cwd} or any folder above it`, [
      'Run the command inside a Salesforce DX project (the folder holding sfdx-project.json).',
    ]);
  }
  const file = join(root, PROJECT_FILE);
  let json: unknown;
  try {
    json = JSON.parse(readRegularFile(file, MAX_PROJECT_FILE_BYTES, PROJECT_FILE)?.toString('utf8') ?? '');
  } catch (error) {
    if ((error as AppError).code === 'UnsafePath' || (error as AppError).code === 'FileTooLarge') throw error;
    throw invalid(file, `not valid JSON (${(error as Error).message})`);
  }
  const project = json as { packageDirectories?: unknown; sourceApiVersion?: unknown };
  const directories = Array.isArray(project.packageDirectories)
    ? (project.packageDirectories as { path?: unknown; default?: unknown }[])
    : [];
  const chosen = directories.find((directory) => directory?.default === true) ?? directories[0];
  if (!chosen || typeof chosen.path !== 'string' || chosen.path === '')
    throw invalid(file, 'packageDirectories names no package directory');
  if (project.sourceApiVersion !== undefined && typeof project.sourceApiVersion !== 'string') {
    throw invalid(file, 'sourceApiVersion must be a string such as "66.0"');
  }
  const normal = (path: string) => path.replace(/\\/g, '/').replace(/\/+$/, '');
  const all = directories
    .map((directory) => directory?.path)
    .filter((path): path is string => typeof path === 'string' && path !== '')
    .map(normal);
  // A package directory outside the project would make generate and check-secrets work outside it.
  const outside = all.find((path) => !isInside(root, resolve(root, path)));
  if (outside !== undefined) throw invalid(file, `the package directory '${outside}' is not a folder inside the project`);
  return { root, defaultPackageDirectory: normal(chosen.path), packageDirectories: all, sourceApiVersion: project.sourceApiVersion };
}
