import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppError } from '../../generator/errors';
import { withFileLock } from '../../generator/project/fileLock';

/** The pid of a process that has already exited. */
function goneProcess(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid;
}

describe('withFileLock', () => {
  const folder = mkdtempSync(join(tmpdir(), 'connected-app-lock-'));

  test('runs the action holding the lock and releases it, also when the action throws', () => {
    const lock = join(folder, 'a.lock');
    expect(withFileLock(lock, () => existsSync(lock))).toBe(true);
    expect(existsSync(lock)).toBe(false);
    expect(() =>
      withFileLock(lock, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });

  test('takes over a lock whose holder is gone', () => {
    const lock = join(folder, 'b.lock');
    writeFileSync(lock, String(goneProcess()));
    expect(withFileLock(lock, () => 'ran', 1000)).toBe('ran');
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(`${lock}.takeover`)).toBe(false);
  });

  test('waits for a live holder, then fails with Locked naming the lock file', () => {
    const lock = join(folder, 'c.lock');
    writeFileSync(lock, String(process.ppid));
    let error: unknown;
    try {
      withFileLock(lock, () => 'ran', 100);
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error) && [error.code, error.message.includes(lock)]).toEqual(['Locked', true]);
    expect(existsSync(lock)).toBe(true);
  });

  test('a stale lock with a takeover guard held by a live process still ends, with Locked naming the lock', () => {
    const lock = join(folder, 'd.lock');
    writeFileSync(lock, String(goneProcess()));
    writeFileSync(`${lock}.takeover`, String(process.pid));
    const started = Date.now();
    let error: unknown;
    try {
      withFileLock(lock, () => 'ran', 200);
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error) && [error.code, error.message.includes(lock)]).toEqual(['Locked', true]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a lock that is a link to a device is never read: the wait ends with Locked', () => {
    const lock = join(folder, 'e.lock');
    symlinkSync('/dev/zero', lock);
    let error: unknown;
    try {
      withFileLock(lock, () => 'ran', 200);
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error) && error.code).toBe('Locked');
  });
});
