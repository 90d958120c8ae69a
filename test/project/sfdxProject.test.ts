import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSfdxProject } from '../../generator/project/sfdxProject';

function project(content: string): string {
  const root = mkdtempSync(join(tmpdir(), 'sfdx-'));
  writeFileSync(join(root, 'sfdx-project.json'), content);
  return root;
}

describe('readSfdxProject', () => {
  test('finds the project from a subfolder and picks the default package directory', () => {
    const root = project(
      JSON.stringify({ packageDirectories: [{ path: 'other' }, { path: 'force-app/', default: true }], sourceApiVersion: '62.0' }),
    );
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    expect(readSfdxProject(join(root, 'a', 'b'))).toEqual({
      root,
      defaultPackageDirectory: 'force-app',
      packageDirectories: ['other', 'force-app'],
      sourceApiVersion: '62.0',
    });
  });

  test('uses the first package directory when none is the default', () => {
    expect(readSfdxProject(project(JSON.stringify({ packageDirectories: [{ path: 'src' }] }))).defaultPackageDirectory).toBe('src');
  });

  test.each([
    ['not json', /sfdx-project\.json: not valid JSON/],
    ['{"packageDirectories": []}', /packageDirectories names no package directory/],
    ['{"packageDirectories": [{"path": "a"}], "sourceApiVersion": 66}', /sourceApiVersion must be a string/],
  ])('%s is refused', (content, message) => {
    expect(() => readSfdxProject(project(content))).toThrow(message);
  });

  test('no project anywhere above is a clear error', () => {
    expect(() => readSfdxProject(mkdtempSync(join(tmpdir(), 'nothing-')))).toThrow(/no sfdx-project\.json in .* or any folder above it/);
  });
});
