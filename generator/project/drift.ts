/**
 * Drift: how a generated file compares with the file on disk, and the unified diff a
 * reviewer reads when they differ. The diff library is loaded only when there is drift.
 */
import { existsSync, readFileSync } from 'node:fs';

/** `missing`: not on disk; `differs`: on disk with other bytes; `unchanged`: identical. */
export type DriftState = 'unchanged' | 'missing' | 'differs';

export interface Drift {
  readonly state: DriftState;
  /** The unified diff from the file on disk to the generated one; absent when unchanged. */
  readonly diff?: string;
}

/** The file's current bytes as text, or undefined when there is no file. */
export function readExisting(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Compares `generated` with what is on disk; `label` names the file in the diff header. */
export function compareWithDisk(absolutePath: string, label: string, generated: string): Drift {
  const onDisk = readExisting(absolutePath);
  if (onDisk === generated) return { state: 'unchanged' };
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = require('diff') as typeof import('diff');
  const diff = createTwoFilesPatch(label, label, onDisk ?? '', generated, onDisk === undefined ? '(missing on disk)' : '(on disk)', '(generated)', {
    headerOptions: FILE_HEADERS_ONLY,
  });
  return { state: onDisk === undefined ? 'missing' : 'differs', diff };
}
