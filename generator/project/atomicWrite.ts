/**
 * Atomic file replacement: the content goes to a temporary file first, then a rename
 * puts it in place, so a reader (or a run killed half-way) sees the old file or the
 * new one, never a part. Temporary files live outside the package directories, in
 * the project's `.connected-app/tmp` (git-ignored), so a kill leaves none in them.
 */
import { chmodSync, closeSync, linkSync, lstatSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRunning } from './processes';
import { ensureFolder } from './safeFs';

/** The folder, under the project root, that holds temporary files while they are written. */
export const TEMP_FOLDER = join('.connected-app', 'tmp');

/** Makes temporary names unique within this process; the pid makes them unique between processes. */
let sequence = 0;

function writeTemp(folder: string, target: string, content: string): string {
  ensureFolder(folder);
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
  ensureFolder(dirname(target));
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

/**
 * Creates `target` with `content`, complete or not at all, and only if it does not exist: the
 * complete temporary file is hard-linked into place, which fails when the name is taken — so of
 * two runs creating the same file, one succeeds and the other is told (EEXIST), and neither
 * overwrites the other. Returns false when the target existed.
 */
export function createFileExclusive(target: string, content: string, tempFolder: string): boolean {
  ensureFolder(dirname(target));
  const temp = writeTemp(tempFolder, target, content);
  try {
    linkSync(temp, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  }
}

/** A temporary file's name: `.<target>.<pid>.<sequence>.tmp`. */
const TEMPORARY = /^\..+\.(\d+)\.\d+\.tmp$/;

/** Removes temporary files that runs killed half-way left in `folder` (their process is gone); never through a link. */
export function sweepStaleTemporaries(folder: string): void {
  let names: string[];
  try {
    if (!lstatSync(folder).isDirectory()) return;
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
