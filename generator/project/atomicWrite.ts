/**
 * Atomic file replacement: the content goes to a temporary file first, then a rename
 * puts it in place, so a reader (or a run killed half-way) sees the old file or the
 * new one, never a part. Temporary files live outside the package directories, in
 * the project's `.connected-app/tmp` (git-ignored), so a kill leaves none in them.
 */
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRunning } from './processes';

/** The folder, under the project root, that holds temporary files while they are written. */
export const TEMP_FOLDER = join('.connected-app', 'tmp');

/** Makes temporary names unique within this process; the pid makes them unique between processes. */
let sequence = 0;

function writeTemp(folder: string, target: string, content: string): string {
  mkdirSync(folder, { recursive: true });
  sequence += 1;
  const temp = join(folder, `.${basename(target)}.${process.pid}.${sequence}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, content, null, 'utf8');
  } finally {
    closeSync(fd);
  }
  return temp;
}

function keepMode(target: string, temp: string): void {
  try {
    chmodSync(temp, statSync(target).mode & 0o7777);
  } catch {
    // A new file keeps the default mode.
  }
}

function place(temp: string, target: string): void {
  try {
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
    throw error;
  }
}

/**
 * Replaces `target` with `content` atomically. `tempFolder` should be on the same file
 * system as the target; when it is not, the temporary file is made next to the target.
 */
export function writeFileAtomic(target: string, content: string, tempFolder: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const temp = writeTemp(tempFolder, target, content);
  keepMode(target, temp);
  try {
    place(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const local = writeTemp(dirname(target), target, content);
    keepMode(target, local);
    place(local, target);
  }
}

/** A temporary file's name: `.<target>.<pid>.<sequence>.tmp`. */
const TEMPORARY = /^\..+\.(\d+)\.\d+\.tmp$/;

/** Removes temporary files that runs killed half-way left in `folder` (their process is gone). */
export function sweepStaleTemporaries(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isRunning(pid)) {
      try {
        unlinkSync(join(folder, name));
      } catch {
        // Removed by another run.
      }
    }
  }
}
