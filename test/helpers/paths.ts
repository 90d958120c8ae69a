/** Where the tests find the repository and the shared reference material. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** The workplace's shared folder (reference schema, corpus): `../shared`, or CONNECTED_APP_SHARED. */
const SHARED_DIR = process.env.CONNECTED_APP_SHARED ?? resolve(REPO_ROOT, '..', 'shared');

export const XSD_FILE = join(SHARED_DIR, 'reference', 'metadata-66.xsd');
export const CORPUS_DIR = join(SHARED_DIR, 'corpus');
/**
 * Every corpus folder the corpus tests read, by the name they report it under: the corpus, and a
 * second, wider sample of real files (110 ConnectedApps, 10 External Client App files) not judged
 * one by one.
 */
export const CORPORA: readonly { readonly name: string; readonly dir: string }[] = [
  { name: 'corpus', dir: CORPUS_DIR },
  { name: 'corpus-wide', dir: join(SHARED_DIR, 'corpus-wide') },
];

/** True when `path` exists; otherwise registers one skipped test that says what is missing. */
export function requireShared(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  console.warn(`SKIPPED ${what}: ${path} is absent (set CONNECTED_APP_SHARED to the shared folder)`);
  test.skip(`${what} (skipped: ${path} is absent)`, () => undefined);
  return false;
}
