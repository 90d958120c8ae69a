/**
 * A lock for read-modify-write updates that concurrent runs share (connected-app.json): taken by
 * creating the lock file exclusively, with the holder's pid in it; a lock whose holder no
 * longer runs (a run killed half-way) is taken over.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors';
import { isRunning, sleep } from './processes';

/** A lock file with no pid yet is its holder's for this long, then counted abandoned. */
const UNWRITTEN_GRACE_MS = 2000;

function abandoned(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
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
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
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

/** Runs `action` holding the lock at `lock`; waits up to `timeoutMs` for another run to release it. */
export function withFileLock<T>(lock: string, action: () => T, timeoutMs = 15000): T {
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  while (!tryTake(lock)) {
    if (abandoned(lock)) {
      removeAbandoned(lock);
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppError('Locked', `another connected-app run has held ${lock} for ${timeoutMs / 1000} s`, [
        'Wait for it to finish; if no run is going on, delete the lock file.',
      ]);
    }
    sleep(5);
  }
  try {
    return action();
  } finally {
    removeQuietly(lock);
  }
}
