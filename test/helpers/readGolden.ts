import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/** A golden file under test/golden, as bytes decoded as UTF-8. */
export function readGolden(...path: string[]): string {
  return readFileSync(join(REPO_ROOT, 'test', 'golden', ...path), 'utf8');
}
