import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../generator/project/atomicWrite';

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
