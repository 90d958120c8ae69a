/**
 * A lock for read-modify-write updates that concurrent runs share (connected-app.json): taken by
 * creating the lock file exclusively, with the holder's pid in it; a lock whose holder no
 * longer runs (a run killed half-way) is taken over.
 */
import { closeSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors';
import { isRunning, sleep } from './processes';
import { ensureFolder, readRegularFile } from './safeFs';

/** A lock file with no pid yet is its holder's for this long, then counted abandoned. */
const UNWRITTEN_GRACE_MS = 2000;

function abandoned(lock: string): boolean {
  try {
    const pid = Number(readRegularFile(lock, 32)?.toString('utf8') ?? '');
    if (pid > 0) return !isRunning(pid);
    return Date.now() - statSync(lock).mtimeMs > UNWRITTEN_GRACE_MS;
  } catch {
    return false; // gone already: the next attempt takes it
  }
}

function tryTake(lock: string): boolean {
  try {
    const fd = openSync(lock, 'wx');
    try {
      writeSync(fd, String(process.pid));
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new AppError('WriteFailed', `cannot create the lock ${lock}: ${(error as Error).message}`, [
      'Check that the folder is writable.',
    ]);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Removed by another run already.
  }
}

/**
 * Removes an abandoned lock under a second, short-lived lock, re-checking it there: two runs
 * that both saw the holder gone must not both remove it, or the slower would remove the lock
 * the faster had just taken.
 */
function removeAbandoned(lock: string): void {
  const guard = `${lock}.takeover`;
  if (!tryTake(guard)) {
    if (abandoned(guard)) removeQuietly(guard);
    return;
  }
  try {
    if (abandoned(lock)) removeQuietly(lock);
  } finally {
    removeQuietly(guard);
  }
}

/**
 * Runs `action` holding the lock at `lock`; waits up to `timeoutMs` for another run to release it,
 * then fails with `Locked` — whatever state a takeover is in, the wait always ends.
 */
export function withFileLock<T>(lock: string, action: () => T, timeoutMs = 15000): T {
  ensureFolder(dirname(lock));
  const deadline = Date.now() + timeoutMs;
  while (!tryTake(lock)) {
    if (Date.now() > deadline) {
      throw new AppError('Locked', `another connected-app run has held ${lock} for ${timeoutMs / 1000} s`, [
        `Wait for it to finish; if no run is going on, delete ${lock} (and ${lock}.takeover, if it exists).`,
      ]);
    }
    if (abandoned(lock)) removeAbandoned(lock);
    sleep(5);
  }
  try {
    return action();
  } finally {
    removeQuietly(lock);
  }
}
