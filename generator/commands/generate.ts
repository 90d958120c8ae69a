/**
 * `connected-app generate`: template → validate → render → write (or, with `--check`,
 * compare). Returns a typed result; printing it is the CLI's job.
 */
import { join } from 'node:path';
import { TEMP_FOLDER, sweepStaleTemporaries } from '../project/atomicWrite';
import { readSettings, updateSettings } from '../project/settings';
import { readSfdxProject } from '../project/sfdxProject';
import type { SecretFinding } from '../secrets/patterns';
import { type CheckSecretsResult, checkSecrets } from './checkSecrets';
import { type RenderingRequest, planRenderings } from './planRenderings';
import { type GeneratedTarget, writeTargets } from './writeTargets';

export interface GenerateOptions extends RenderingRequest {
  /** Compare with the files on disk and write nothing. */
  readonly check?: boolean;
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

/** Renders the requested apps and writes them, or with `check` compares them with the disk. */
export function generate(options: GenerateOptions): GenerateResult {
  const project = readSfdxProject(options.cwd);
  const warnings: string[] = [];
  const check = options.check === true;
  const planned = planRenderings(options, project, readSettings(project.root), warnings);
  if (!check) {
    sweepStaleTemporaries(join(project.root, TEMP_FOLDER));
    const targets = writeTargets(project, planned, undefined);
    const updates = targets.map((target) => ({
      app: target.app,
      contactEmail: options.contactEmail,
      output: options.outputDir === undefined ? { env: target.environment, kind: target.kind } : undefined,
    }));
    updateSettings(project.root, updates, join(project.root, TEMP_FOLDER));
    return { check, inSync: true, targets, warnings };
  }
  // --check: every compared file is scanned for secrets as it is read, so the scan reads only the rest.
  const scanned = new Map<string, readonly SecretFinding[]>();
  const targets = writeTargets(project, planned, scanned);
  const inSync = targets.every((target) => target.files.every((file) => file.state === 'unchanged'));
  return { check, inSync, secrets: checkSecrets({ cwd: project.root, scanned }), targets, warnings };
}
