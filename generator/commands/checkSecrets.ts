/**
 * `connected-app check-secrets`: scans committed metadata for consumer secrets and keys,
 * private keys and access tokens. By default it reads every package directory of
 * sfdx-project.json and the environments/ folder; `generate --check` runs it too.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { AppError } from '../errors';
import { type SfdxProject, readSfdxProject } from '../project/sfdxProject';
import { type SecretFinding, findSecrets } from '../secrets/patterns';
import { ENVIRONMENTS_FOLDER, toPosix } from '../project/layout';

export interface CheckSecretsOptions {
  readonly cwd: string;
  /** Files or folders to scan; default: the package directories and environments/. */
  readonly paths?: readonly string[];
  /** Files the caller has scanned already (absolute path → findings), so they are not read again. */
  readonly scanned?: ReadonlyMap<string, readonly SecretFinding[]>;
}

export interface CheckSecretsResult {
  readonly scanned: number;
  readonly findings: readonly SecretFinding[];
  readonly warnings: readonly string[];
}

/** Folders never scanned: tools' own state, not metadata. */
const SKIPPED = new Set(['node_modules', '.git', '.sf', '.sfdx', '.connected-app']);

/** Files larger than this are not metadata a person commits by hand; they are skipped. */
const MAX_SCANNED_BYTES = 5 * 1024 * 1024;

function defaultPaths(project: SfdxProject): string[] {
  const folders = project.packageDirectories.map((directory) => join(project.root, directory));
  const environments = join(project.root, ENVIRONMENTS_FOLDER);
  return [...folders, ...(existsSync(environments) ? [environments] : [])].filter((folder) => existsSync(folder));
}

/**
 * The files under `folder`. Symbolic links inside it are not followed: git commits a link, not
 * what it points to, and a link back up the tree would never end.
 */
function collectFolder(folder: string, files: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isFile()) files.push(path);
    else if (entry.isDirectory() && !SKIPPED.has(entry.name)) collectFolder(path, files);
  }
}

/** A path the user named (followed if a link): the file itself, or the files under the folder. */
function collect(path: string, files: string[]): void {
  const stat = statSync(path);
  if (stat.isFile()) files.push(path);
  else if (stat.isDirectory()) collectFolder(path, files);
}

/** Scans the files and returns every secret found, with file and line. */
export function checkSecrets(options: CheckSecretsOptions): CheckSecretsResult {
  const project = readSfdxProject(options.cwd);
  const roots = options.paths && options.paths.length > 0 ? options.paths.map((path) => resolve(options.cwd, path)) : defaultPaths(project);
  const files: string[] = [];
  for (const root of roots) {
    if (!existsSync(root)) throw new AppError('ScanPathMissing', `${relative(options.cwd, root) || root}: no such file or folder`);
    collect(root, files);
  }
  const findings: SecretFinding[] = [];
  const warnings: string[] = [];
  for (const file of files) {
    const known = options.scanned?.get(file);
    if (known) {
      findings.push(...known);
      continue;
    }
    const shown = toPosix(relative(project.root, file));
    const bytes = readFileSync(file);
    if (bytes.length > MAX_SCANNED_BYTES) {
      warnings.push(`${shown}: not scanned, larger than ${MAX_SCANNED_BYTES / 1024 / 1024} MiB`);
      continue;
    }
    if (bytes.includes(0)) continue; // binary: no text secret to find
    findings.push(...findSecrets(bytes.toString('utf8'), shown));
  }
  return { scanned: files.length, findings, warnings };
}
