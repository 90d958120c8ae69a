/**
 * Imported files are data: whatever text they hold, the template module import writes must hold
 * it only as an inert string literal. (The property test of every field and payload is
 * test/import/hostileValues.property.test.ts.)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templateSource } from '../../generator/import/templateSource';
import { loadTemplateModule } from '../../generator/project/templates';

function load(source: string): unknown {
  const root = mkdtempSync(join(tmpdir(), 'connected-app-source-'));
  mkdirSync(join(root, 'templates'));
  writeFileSync(join(root, 'templates', 'imported.ts'), source);
  return loadTemplateModule(root, 'imported').exported;
}

test('a label that closes a comment and carries code stays a label', () => {
  // Template modules run in Node's own context, not the test's: a payload that ran would throw.
  const label = '*/ throw new Error("the payload ran"); /*';
  const source = templateSource({ settings: { label }, environment: 'default', kind: 'connected-app', unknownScopes: new Set() });
  const exported = load(source) as { app: { label: string } };
  expect(exported.app.label).toBe(label);
});
