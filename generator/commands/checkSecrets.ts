/**
 * `connected-app check-secrets`: scans what git would commit for consumer secrets and keys,
 * private keys, tokens and sfdx auth URLs. By default that is every file git tracks and every
 * untracked file it does not ignore, in every folder of the project (without git: every file of
 * the project but the tools' own folders); named paths are scanned instead when given.
 * `generate --check` and `npm test` run it too.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../errors';
import { projectPath } from '../project/layout';
import { type EntryKind, entryKind } from '../project/safeFs';
import { type SfdxProject, readSfdxProject } from '../project/sfdxProject';
import type { SecretFinding } from '../secrets/patterns';
import { scanFile } from '../secrets/scan';

export interface CheckSecretsOptions {
  readonly cwd: string;
  /** Files or folders to scan; default: what git would commit. */
  readonly paths?: readonly string[];
  /** Files the caller has scanned already (absolute path → findings), so they are not read again. */
  readonly scanned?: ReadonlyMap<string, readonly SecretFinding[]>;
}

export interface CheckSecretsResult {
  readonly scanned: number;
  readonly findings: readonly SecretFinding[];
  readonly warnings: readonly string[];
}

/** Folders never walked: tools' own state, not the project's files. */
const SKIPPED = new Set(['node_modules', '.git', '.sf', '.sfdx', '.connected-app']);

/** What the scan does with what it meets: files scanned, everything else reported. */
interface Listing {
  readonly files: string[];
  readonly warnings: string[];
}

function notScanned(project: SfdxProject, path: string, kind: EntryKind): string {
  const what = kind === 'link' ? 'a symbolic link (git commits the link, not what it points to)' : 'a device, FIFO or socket';
  return `${projectPath(project, path)}: not scanned, it is ${what}`;
}

/** Every file under `folder`; links and special files are reported, not followed. */
function walk(project: SfdxProject, folder: string, listing: Listing): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new AppError('ReadFailed', `cannot read the folder ${projectPath(project, folder)}: ${(error as Error).message}`, [
      'Check that the folder is readable.',
    ]);
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (SKIPPED.has(entry.name)) continue;
    if (entry.isFile()) listing.files.push(path);
    else if (entry.isDirectory()) walk(project, path, listing);
    else listing.warnings.push(notScanned(project, path, entry.isSymbolicLink() ? 'link' : 'special'));
  }
}

/** What git would commit: tracked files, and untracked ones it does not ignore; undefined outside a git work tree. */
function gitFiles(root: string): string[] | undefined {
  const run = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error || run.status !== 0) return undefined;
  const files = run.stdout
    .toString('utf8')
    .split('\0')
    .filter((name) => name !== '');
  return [...new Set(files)].map((name) => join(root, name));
}

/** Adds one path the scan should cover: a file, or a folder walked; anything else is reported. */
function add(project: SfdxProject, path: string, listing: Listing, missing: 'error' | 'skip'): void {
  const kind = entryKind(path);
  if (kind === 'file') listing.files.push(path);
  else if (kind === 'folder') walk(project, path, listing);
  else if (kind === 'missing') {
    if (missing === 'error') throw new AppError('ScanPathMissing', `${projectPath(project, path)}: no such file or folder`);
  } else listing.warnings.push(notScanned(project, path, kind));
}

function listFiles(project: SfdxProject, options: CheckSecretsOptions): Listing {
  const listing: Listing = { files: [], warnings: [] };
  if (options.paths && options.paths.length > 0) {
    for (const path of options.paths) add(project, resolve(options.cwd, path), listing, 'error');
    return listing;
  }
  const files = gitFiles(project.root);
  if (files === undefined) walk(project, project.root, listing);
  else for (const file of files) add(project, file, listing, 'skip'); // a tracked file deleted from the work tree is not there to scan
  return listing;
}

/** Scans the files and returns every secret found, with file and line. */
export function checkSecrets(options: CheckSecretsOptions): CheckSecretsResult {
  const project = readSfdxProject(options.cwd);
  const listing = listFiles(project, options);
  const findings: SecretFinding[] = [];
  const files = [...new Set(listing.files)];
  for (const file of files) {
    const known = options.scanned?.get(file);
    findings.push(...(known ?? scanFile(file, projectPath(project, file))));
  }
  return { scanned: files.length, findings, warnings: listing.warnings };
}
