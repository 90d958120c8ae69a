/**
 * `connected-app forget`: drops a recorded rendering from connected-app.json and deletes the
 * files it generated, so nobody edits the file by hand (an environment renamed, an app moved to
 * an External Client App). Files are deleted only when they are exactly what the rendering
 * generates — a file someone changed is kept and named — and a rendering that can no longer be
 * made (its template or environment is gone) is dropped with the folder its files were in.
 */
import { readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError, UsageError } from '../errors';
import { type AppKind, DEFAULT_KIND } from '../model/appKind';
import { TEMP_FOLDER } from '../project/atomicWrite';
import { chosenTemplate, environmentFolder, isProduction, projectPath } from '../project/layout';
import { entryKind, isInside, toolFolder } from '../project/safeFs';
import { readSettings, updateSettings } from '../project/settings';
import { readSfdxProject, type SfdxProject } from '../project/sfdxProject';
import { compareWithDisk } from './generate';

export interface ForgetOptions {
  readonly cwd: string;
  readonly app?: string;
  readonly env: string;
  readonly kind?: AppKind;
}

export interface ForgetResult {
  readonly app: string;
  readonly environment: string;
  readonly kind: AppKind;
  /** Files deleted, project-relative. */
  readonly deleted: readonly string[];
  /** Files kept because they differ from what the rendering generates. */
  readonly kept: readonly string[];
  readonly warnings: readonly string[];
}

/** Removes `folder` and the empty folders above it, up to (not including) `stop`. */
function removeEmptyFolders(folder: string, stop: string): void {
  for (let current = folder; current !== stop && isInside(stop, current); current = dirname(current)) {
    try {
      if (readdirSync(current).length > 0) return;
      rmdirSync(current);
    } catch {
      return;
    }
  }
}

function deleteFile(project: SfdxProject, path: string): void {
  const absolute = join(project.root, path);
  if (entryKind(absolute) !== 'file') return;
  try {
    unlinkSync(absolute);
  } catch (error) {
    throw new AppError('WriteFailed', `cannot delete ${path}: ${(error as Error).message}`, ['Check that the folder is writable.']);
  }
  removeEmptyFolders(dirname(absolute), project.root);
}

/** Drops the recorded rendering and deletes its unchanged files. */
export function forget(options: ForgetOptions): ForgetResult {
  const project = readSfdxProject(options.cwd);
  const settings = readSettings(project.root);
  const app = chosenTemplate(options.app, settings);
  const kind = options.kind ?? DEFAULT_KIND;
  const recorded = (settings.apps[app]?.outputs ?? []).some(
    (output) => output.env === options.env && (output.kind ?? DEFAULT_KIND) === kind,
  );
  if (!recorded) {
    const known =
      (settings.apps[app]?.outputs ?? []).map((output) => `${output.env} (${output.kind ?? DEFAULT_KIND})`).join(', ') || 'none';
    throw new UsageError(`connected-app.json records no ${kind} rendering of ${app} for ${options.env}; recorded: ${known}`, [
      'Run connected-app list to see what is recorded.',
    ]);
  }
  const deleted: string[] = [];
  const kept: string[] = [];
  const warnings: string[] = [];
  try {
    const [target] = compareWithDisk({ cwd: project.root, app, env: options.env, kind });
    for (const file of target.files) {
      if (file.state === 'unchanged') deleted.push(file.path);
      else if (file.state === 'differs') kept.push(file.path);
    }
  } catch {
    const folder = projectPath(project, environmentFolder(project, options.env, isProduction(options.env, settings)));
    warnings.push(`${app} (${options.env}) can no longer be rendered, so its files are not known: look for them under ${folder}`);
  }
  for (const path of deleted) deleteFile(project, path);
  if (kept.length > 0) warnings.push(`kept ${kept.join(', ')}: changed since it was generated; delete it yourself if it is not needed`);
  updateSettings(
    project.root,
    (current) => {
      const record = current.apps[app] ?? {};
      const outputs = (record.outputs ?? []).filter((output) => !(output.env === options.env && (output.kind ?? DEFAULT_KIND) === kind));
      return { ...current, apps: { ...current.apps, [app]: { ...record, outputs: outputs.length > 0 ? outputs : undefined } } };
    },
    toolFolder(project.root, TEMP_FOLDER),
  );
  return { app, environment: options.env, kind, deleted, kept, warnings };
}
