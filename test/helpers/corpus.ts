/**
 * The shared corpus of real ConnectedApp / External Client App files, split into files a
 * Salesforce retrieve wrote and files a person wrote. The split uses the curator's marks in
 * PROVENANCE.md (HAND-WRITTEN, INVALID) and formatting no retrieve produces (comments, a
 * Prettier-style declaration or split tags, blank lines, no final newline) — never the
 * element order the tests then check.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from './paths';

export interface CorpusFile {
  readonly name: string;
  readonly path: string;
  /** The raw bytes decoded as UTF-8 (CR characters kept). */
  readonly text: string;
  readonly retrieveShaped: boolean;
}

function handWrittenNames(): Set<string> {
  const provenance = join(CORPUS_DIR, 'PROVENANCE.md');
  if (!existsSync(provenance)) return new Set();
  const marked = readFileSync(provenance, 'utf8')
    .split('\n')
    .filter((line) => /HAND-WRITTEN|HAND\/AI-WRITTEN|INVALID/.test(line));
  return new Set(marked.map((line) => /`([^`]+\.(?:connectedApp-meta\.xml|connectedApp|[A-Za-z]+-meta\.xml))`/.exec(line)?.[1]).filter((name): name is string => !!name));
}

function looksRetrieved(text: string): boolean {
  return (
    text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n') &&
    text.endsWith('\n') &&
    !text.includes('<!--') &&
    !/\n\s*\n/.test(text) &&
    !/<[A-Za-z]+\n/.test(text)
  );
}

/** The files of one corpus folder (`connectedApp` or `eca`). */
export function corpusFiles(folder: 'connectedApp' | 'eca'): CorpusFile[] {
  const directory = join(CORPUS_DIR, folder);
  const handWritten = handWrittenNames();
  return readdirSync(directory)
    .sort()
    .map((name) => {
      const path = join(directory, name);
      const text = readFileSync(path, 'utf8');
      return { name, path, text, retrieveShaped: !handWritten.has(name) && looksRetrieved(text) };
    });
}
