/**
 * `connected-app generate`: template → validate → render → write (or, with `--check`,
 * compare). Returns a typed result; printing it is the CLI's job.
 */
import { AppError, isAppError } from '../errors';
import { TEMP_FOLDER, sweepStaleTemporaries } from '../project/atomicWrite';
import { metadataFolders } from '../project/layout';
import { entryKind, toolFolder } from '../project/safeFs';
import { readSettings, updateSettings, withAppRecords } from '../project/settings';
import { readSfdxProject } from '../project/sfdxProject';
import type { SecretFinding } from '../secrets/patterns';
import { type CheckSecretsResult, checkSecrets } from './checkSecrets';
import { planRenderings } from './planRenderings';
import type { RenderingRequest } from './renderingRequests';
import { type GeneratedTarget, writeTargets } from './writeTargets';

export interface GenerateOptions extends RenderingRequest {
  /** Compare with the files on disk and write nothing. */
  readonly check?: boolean;
  /** The command that made this run, for the action of an error (`npm run generate -- …`). */
  readonly command?: string;
}

export interface GenerateResult {
  readonly check: boolean;
  /** True unless `--check` found a file that differs from what is generated. */
  readonly inSync: boolean;
  /** `--check` only: the secret scan of the committed metadata (check-secrets). */
  readonly secrets?: CheckSecretsResult;
  readonly targets: readonly GeneratedTarget[];
  readonly warnings: readonly string[];
}

/** Records the run's renderings (and contact email) in connected-app.json; a failure says what was written and what to run. */
function record(root: string, options: GenerateOptions, targets: readonly GeneratedTarget[], tempFolder: string): void {
  if (options.outputDir !== undefined) return; // a rendering elsewhere is a one-off: nothing is remembered
  const updates = targets.map((target) => ({
    app: target.app,
    contactEmail: options.contactEmail,
    output: { env: target.environment, kind: target.kind },
  }));
  try {
    updateSettings(root, (settings) => withAppRecords(settings, updates), tempFolder);
  } catch (error) {
    const reason = isAppError(error) ? error.message : (error as Error).message;
    throw new AppError('SettingsNotRecorded', `the files were written, but connected-app.json could not record them: ${reason}`, [
      `Fix the cause, then run ${options.command ?? 'npm run generate'} again: it rewrites nothing and records the renderings.`,
    ]);
  }
}

/** Renders the requested apps and writes them, or with `check` compares them with the disk. */
export function generate(options: GenerateOptions): GenerateResult {
  const project = readSfdxProject(options.cwd);
  const warnings: string[] = [];
  const check = options.check === true;
  const planned = planRenderings(options, project, readSettings(project.root), warnings);
  if (!check) {
    const tempFolder = toolFolder(project.root, TEMP_FOLDER);
    sweepStaleTemporaries(tempFolder);
    const targets = writeTargets(project, planned, undefined);
    record(project.root, options, targets, tempFolder);
    return { check, inSync: true, targets, warnings };
  }
  // --check: every compared file is scanned for secrets as it is read, so the scan reads only the rest.
  const scanned = new Map<string, readonly SecretFinding[]>();
  const targets = writeTargets(project, planned, scanned);
  const inSync = targets.every((target) => target.files.every((file) => file.state === 'unchanged'));
  // The metadata folders only: the project-wide scan is check-secrets' (npm run check runs both),
  // and scanning every file git tracks tripled --check's start-up.
  const paths = metadataFolders(project).filter((folder) => entryKind(folder) === 'folder');
  return { check, inSync, secrets: checkSecrets({ cwd: project.root, paths, scanned }), targets, warnings };
}

/** The renderings of `options` compared with the files on disk: `--check` without the secret scan. */
export function compareWithDisk(options: RenderingRequest): readonly GeneratedTarget[] {
  const project = readSfdxProject(options.cwd);
  const planned = planRenderings(options, project, readSettings(project.root), []);
  return writeTargets(project, planned, new Map());
}
