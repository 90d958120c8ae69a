import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileExclusive, sweepStaleTemporaries, writeFileAtomic } from '../../generator/project/atomicWrite';

describe('writeFileAtomic', () => {
  const root = mkdtempSync(join(tmpdir(), 'atomic-'));
  const temp = join(root, '.connected-app', 'tmp');

  test('creates missing folders and writes the content', () => {
    const target = join(root, 'a', 'b', 'file.xml');
    writeFileAtomic(target, 'hello ✓\n', temp);
    expect(readFileSync(target, 'utf8')).toBe('hello ✓\n');
  });

  test('replaces an existing file, keeps its mode, and leaves no temporary file', () => {
    const target = join(root, 'mode.xml');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    writeFileAtomic(target, 'new', temp);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(temp)).toEqual([]);
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('fails without leaving a temporary file when the target cannot be replaced', () => {
    const target = join(root, 'is-a-folder');
    mkdirSync(join(target, 'child'), { recursive: true });
    expect(() => writeFileAtomic(target, 'x', temp)).toThrow();
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('sweepStaleTemporaries', () => {
  test('removes the temporary files of runs that are gone and keeps those of live runs and other files', () => {
    const folder = mkdtempSync(join(tmpdir(), 'connected-app-sweep-'));
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const names = [`.A.connectedApp-meta.xml.${gone}.1.tmp`, `.B.connectedApp-meta.xml.${process.pid}.1.tmp`, 'notes.txt'];
    for (const name of names) writeFileSync(join(folder, name), 'x');
    sweepStaleTemporaries(folder);
    expect(readdirSync(folder).sort()).toEqual(names.slice(1).sort());
  });

  test('does nothing when the folder does not exist', () => {
    expect(() => sweepStaleTemporaries(join(tmpdir(), 'connected-app-no-such-folder', 'tmp'))).not.toThrow();
  });
});

describe('createFileExclusive', () => {
  test('creates a file once; a second creation of the same name is told and changes nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'exclusive-'));
    const temp = join(root, '.connected-app', 'tmp');
    const target = join(root, 'templates', 'x.ts');
    expect(createFileExclusive(target, 'first', temp)).toBe(true);
    expect(createFileExclusive(target, 'second', temp)).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('first');
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('sweepStaleTemporaries through a link', () => {
  test('never deletes in the folder a link points to', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'connected-app-elsewhere-'));
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(elsewhere, `.victim.${gone}.1.tmp`), 'x');
    const root = mkdtempSync(join(tmpdir(), 'connected-app-sweep-link-'));
    symlinkSync(elsewhere, join(root, 'tmp'));
    sweepStaleTemporaries(join(root, 'tmp'));
    expect(readdirSync(elsewhere)).toEqual([`.victim.${gone}.1.tmp`]);
  });
});
