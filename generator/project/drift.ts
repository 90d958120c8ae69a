/**
 * Drift: how a generated file compares with the file on disk, and the unified diff a
 * reviewer reads when they differ. The diff library is loaded only when there is drift.
 */
import { readRegularFile } from './safeFs';

/** The largest generated file read back for a comparison; rendered metadata files are a few kilobytes. */
const MAX_GENERATED_BYTES = 1024 * 1024;

/** `missing`: not on disk; `differs`: on disk with other bytes; `unchanged`: identical. */
type DriftState = 'unchanged' | 'missing' | 'differs';

export interface Drift {
  readonly state: DriftState;
  /** The unified diff from the file on disk to the generated one; absent when unchanged. */
  readonly diff?: string;
}

/**
 * The file's current bytes as text, or undefined when there is no file. A link, device or FIFO at
 * the path is refused, not read: its target could be anything (an environment with tokens).
 */
export function readExisting(path: string, shown: string): string | undefined {
  return readRegularFile(path, MAX_GENERATED_BYTES, shown)?.toString('utf8');
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
