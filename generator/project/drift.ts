/**
 * Drift: how a generated file compares with the file on disk, and the unified diff a
 * reviewer reads when they differ. The diff library is loaded only when there is drift.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../errors';

/** `missing`: not on disk; `differs`: on disk with other bytes; `unchanged`: identical. */
type DriftState = 'unchanged' | 'missing' | 'differs';

export interface Drift {
  readonly state: DriftState;
  /** The unified diff from the file on disk to the generated one; absent when unchanged. */
  readonly diff?: string;
}

/** The file's current bytes as text, or undefined when there is no file (nor, ENOTDIR, its folder). */
export function readExisting(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new AppError('ReadFailed', `cannot read ${path}: ${message}`, ['Check that the path is a readable file.']);
  }
}

/** Compares `generated` with the file's bytes on disk (`onDisk`, undefined when it is missing); `label` names the file in the diff header. */
export function driftOf(onDisk: string | undefined, label: string, generated: string): Drift {
  if (onDisk === generated) return { state: 'unchanged' };
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = require('diff') as typeof import('diff');
  const diff = createTwoFilesPatch(
    label,
    label,
    onDisk ?? '',
    generated,
    onDisk === undefined ? '(missing on disk)' : '(on disk)',
    '(generated)',
    {
      headerOptions: FILE_HEADERS_ONLY,
    },
  );
  return { state: onDisk === undefined ? 'missing' : 'differs', diff };
}
