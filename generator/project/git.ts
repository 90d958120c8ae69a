/**
 * Reading the project's templates at a git revision, for `changes --base`: `git show REF:path`
 * into memory. Nothing is checked out and nothing is written into the working tree.
 */
import { spawnSync } from 'node:child_process';
import { AppError, UsageError } from '../errors';
import { TEMPLATES_FOLDER, templateNameProblem } from './templates';

/** Templates are short modules; a listing or file far larger than this is not one. */
const MAX_GIT_OUTPUT = 8 * 1024 * 1024;

function git(root: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('git', [...args], { cwd: root, encoding: 'utf8', maxBuffer: MAX_GIT_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error) throw new AppError('GitFailed', `cannot run git: ${run.error.message}`, ['Install git, and run the command in a clone.']);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The commit `ref` names, checked to exist; a usage error otherwise. */
export function resolveRevision(root: string, ref: string): string {
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--base: '${ref}' is not a git revision`);
  const run = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (run.status !== 0) {
    throw new AppError('GitFailed', `--base: git knows no revision '${ref}' here`, [
      'Name a branch, tag or commit of this clone (in CI, fetch the base branch first: git fetch origin main).',
    ]);
  }
  return run.stdout.trim();
}

/** The template names at `commit` (`templates/<name>.ts`). */
export function templatesAt(root: string, commit: string): string[] {
  const run = git(root, ['ls-tree', '--name-only', `${commit}:${TEMPLATES_FOLDER}`]);
  if (run.status !== 0) return [];
  return run.stdout
    .split('\n')
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .filter((name) => templateNameProblem(name) === undefined)
    .sort();
}

/** A file's text at `commit`, or undefined when the commit has no such file. */
export function fileAt(root: string, commit: string, path: string): string | undefined {
  const run = git(root, ['show', `${commit}:${path}`]);
  return run.status === 0 ? run.stdout : undefined;
}
