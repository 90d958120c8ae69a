import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listTemplates, loadTemplateModule, templateNameProblem } from '../../generator/project/templates';

function projectWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'templates-'));
  mkdirSync(join(root, 'templates'));
  mkdirSync(join(root, 'node_modules'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'templates', name), text);
  return root;
}

const CACHE = join('node_modules', '.cache', 'connected-app', 'templates');

describe('templates', () => {
  test('lists .ts modules by name, without declaration files', () => {
    expect(listTemplates(projectWith({ 'b.ts': '', 'a.ts': '', 'types.d.ts': '', 'notes.md': '' }))).toEqual(['a', 'b']);
  });

  test('a template name may not be a path', () => {
    expect(templateNameProblem('fullcast-motion-package')).toBeUndefined();
    for (const name of ['../x', 'a/b', '.hidden', '', 'a.b', 'x y']) expect(templateNameProblem(name)).toMatch(/is not a template name/);
  });

  test('strips types without checking them, and caches the result by content', () => {
    const root = projectWith({
      'x.ts':
        "import type { AppTemplate } from '../generator/model/template';\nconst n: number = 'not checked' as unknown as number;\nexport default { environments: { a: {} }, app: { label: String(n) } } satisfies Partial<AppTemplate>;\n",
    });
    expect(loadTemplateModule(root, 'x').exported).toEqual({ environments: { a: {} }, app: { label: 'not checked' } });
    expect(readdirSync(join(root, CACHE))).toHaveLength(1);
    writeFileSync(join(root, 'templates', 'x.ts'), 'export default { edited: true };\n');
    expect(loadTemplateModule(root, 'x').exported).toEqual({ edited: true });
  });

  test('a cache entry changed by anyone but this installation is never run: the reviewed source is', () => {
    const root = projectWith({ 'x.ts': 'export default { app: { label: "reviewed" } };\n' });
    expect(loadTemplateModule(root, 'x').exported).toEqual({ app: { label: 'reviewed' } });
    const [name] = readdirSync(join(root, CACHE));
    const entry = JSON.parse(readFileSync(join(root, CACHE, name), 'utf8'));
    writeFileSync(join(root, CACHE, name), JSON.stringify({ ...entry, code: 'throw new Error("tampered code ran");' }));
    expect(loadTemplateModule(root, 'x').exported).toEqual({ app: { label: 'reviewed' } });
  });

  test('a module with a runtime import is refused', () => {
    const root = projectWith({ 'x.ts': "import { readFileSync } from 'node:fs';\nexport default readFileSync;\n" });
    expect(() => loadTemplateModule(root, 'x')).toThrow(/imports 'node:fs' at run time/);
  });

  test('a module that throws while loading is reported', () => {
    const root = projectWith({ 'x.ts': "throw new Error('boom');\n" });
    expect(() => loadTemplateModule(root, 'x')).toThrow(/x\.ts failed while loading: boom/);
  });
});
