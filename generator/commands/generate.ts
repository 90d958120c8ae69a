/**
 * `connected-app generate`: template → validate → render → write (or, with `--check`,
 * compare). Returns a typed result; printing it is the CLI's job.
 */
import { join, relative } from 'node:path';
import { AppError } from '../errors';
import type { AppKind } from '../model/appKind';
import { formatApiVersion } from '../model/apiVersion';
import { TEMP_FOLDER, sweepStaleTemporaries, writeFileAtomic } from '../project/atomicWrite';
import { compareWithDisk, readExisting } from '../project/drift';
import { readSettings, updateSettings } from '../project/settings';
import { type SfdxProject, readSfdxProject } from '../project/sfdxProject';
import { renderDocument } from '../render/document';
import { type CheckSecretsResult, checkSecrets } from './checkSecrets';
import { type PlannedTarget, type RenderingRequest, planRenderings, toPosix } from './planRenderings';

export { DEFAULT_TEMPLATE, ENVIRONMENTS_FOLDER, chosenTemplate } from './planRenderings';

export interface GenerateOptions extends RenderingRequest {
  /** Compare with the files on disk and write nothing. */
  readonly check?: boolean;
}

/** created/updated/unchanged when writing; missing/differs/unchanged with `--check`. */
export type FileState = 'created' | 'updated' | 'unchanged' | 'missing' | 'differs';

export interface GeneratedFile {
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
  readonly files: readonly GeneratedFile[];
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

function writeFile(absolute: string, content: string, tempFolder: string): FileState {
  const existing = readExisting(absolute);
  if (existing === content) return 'unchanged';
  try {
    writeFileAtomic(absolute, content, tempFolder);
  } catch (error) {
    throw new AppError('WriteFailed', `cannot write ${absolute}: ${(error as Error).message}`, ['Check that the folder exists and is writable.']);
  }
  return existing === undefined ? 'created' : 'updated';
}

/** Renders one target's files and writes (or compares) them one by one, holding no more than a target in memory. */
function outputFiles(project: SfdxProject, target: PlannedTarget, check: boolean): GeneratedFile[] {
  const tempFolder = join(project.root, TEMP_FOLDER);
  return target.documents.map((document) => {
    const file = renderDocument(document, target.app.apiVersion);
    const absolute = join(target.outputDir, file.path);
    const path = toPosix(relative(project.root, absolute));
    const base = { path, type: file.type, fullName: file.fullName };
    if (check) return { ...base, ...compareWithDisk(absolute, path, file.content) };
    return { ...base, state: writeFile(absolute, file.content, tempFolder) };
  });
}

/** Renders the requested apps and writes them, or with `check` compares them with the disk. */
export function generate(options: GenerateOptions): GenerateResult {
  const project = readSfdxProject(options.cwd);
  const warnings: string[] = [];
  const check = options.check === true;
  const planned = planRenderings(options, project, readSettings(project.root), warnings);
  if (!check) sweepStaleTemporaries(join(project.root, TEMP_FOLDER));

  const targets = planned.map((target) => ({
    app: target.app.template,
    environment: target.app.environment,
    kind: target.app.kind,
    apiName: target.app.apiName,
    apiVersion: formatApiVersion(target.app.apiVersion),
    outputDir: toPosix(relative(project.root, target.outputDir)) || '.',
    files: outputFiles(project, target, check),
  }));

  if (!check) {
    const updates = planned.map((target) => ({
      app: target.app.template,
      contactEmail: options.contactEmail,
      output: options.outputDir === undefined ? { env: target.app.environment, kind: target.app.kind } : undefined,
    }));
    updateSettings(project.root, updates, join(project.root, TEMP_FOLDER));
  }
  const inSync = targets.every((target) => target.files.every((file) => file.state === 'unchanged'));
  if (!check) return { check, inSync: true, targets, warnings };
  return { check, inSync, secrets: checkSecrets({ cwd: project.root }), targets, warnings };
}
