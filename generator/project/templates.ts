/**
 * Finding and loading template modules (`templates/<name>.ts`).
 *
 * Templates are TypeScript the user edits, and an edit must take effect on the next run
 * with no build step, while type checking and compiling stay off the generate path. So a
 * template is transpiled (types stripped by esbuild, never checked) only when its text changes;
 * the JavaScript is cached in the project's git-ignored `.connected-app/cache`, next to the
 * text it came from, and the usual run reads the cache. esbuild is loaded only on a miss.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { AppError, isAppError } from '../errors';
import { sweepStaleTemporaries, writeFileAtomic } from './atomicWrite';

export const TEMPLATES_FOLDER = 'templates';

/**
 * Template names are module file names: letters, digits, `-` and `_`, starting with a letter or
 * digit (`fullcast-motion-package`, or an imported app's API name) — never a path.
 */
const TEMPLATE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

/** The transpiled templates' folder, under the project root. */
const CACHE_FOLDER = join('.connected-app', 'cache', 'templates');

/** Bumped when the transpile settings change, so old cache entries are not reused. */
const CACHE_FORMAT = 'esbuild-cjs-node20-v1';

/** One cached transpilation: the exact source it was made from, and the JavaScript. */
interface CacheEntry {
  readonly format: string;
  readonly source: string;
  readonly code: string;
}

/** The names of the templates in the project, sorted. */
export function listTemplates(root: string): string[] {
  const folder = join(root, TEMPLATES_FOLDER);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

/** What is wrong with a template name, or undefined. */
export function templateNameProblem(name: string): string | undefined {
  if (!TEMPLATE_NAME.test(name)) return `'${name}' is not a template name: use letters, digits, - and _ (no path, no dots)`;
  return undefined;
}

interface EsbuildFailure {
  readonly errors?: readonly { readonly text: string; readonly location?: { readonly line: number; readonly column: number } | null }[];
}

/** Strips the template's types (never checks them) with esbuild, loaded only now. */
function transpile(source: string, file: string): string {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = require('esbuild') as typeof import('esbuild');
  } catch {
    throw new AppError('TranspilerMissing', `cannot read ${file}: the esbuild package is not installed`, ['Run npm ci in the project.']);
  }
  try {
    return esbuild.transformSync(source, { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: file }).code;
  } catch (error) {
    const first = (error as EsbuildFailure).errors?.[0];
    if (!first) throw error;
    const at = first.location ? `:${first.location.line}:${first.location.column + 1}` : '';
    throw new AppError('TemplateSyntaxError', `${file}${at}: ${first.text}`);
  }
}

/** 32-bit FNV-1a of the text: it only names the cache file; the entry's source is compared in full. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function readCache(file: string, source: string): string | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
    return entry.format === CACHE_FORMAT && entry.source === source ? entry.code : undefined;
  } catch {
    return undefined;
  }
}

/** Cache folders swept of stale temporaries by this run: once is enough, and a sweep reads the whole folder. */
const swept = new Set<string>();

function compiledTemplate(root: string, source: string, file: string): string {
  const folder = join(root, CACHE_FOLDER);
  const cacheFile = join(folder, `${fnv1a(source)}-${source.length}.json`);
  const cached = readCache(cacheFile, source);
  if (cached !== undefined) return cached;
  const code = transpile(source, file);
  if (!swept.has(folder)) {
    swept.add(folder);
    sweepStaleTemporaries(folder);
  }
  try {
    const entry: CacheEntry = { format: CACHE_FORMAT, source, code };
    writeFileAtomic(cacheFile, JSON.stringify(entry), folder);
  } catch {
    // A cache that cannot be written only costs speed.
  }
  return code;
}

/** A module that `require`s only what the template itself may: nothing at run time. */
function evaluate(code: string, file: string): unknown {
  const module = new Module(file);
  module.filename = file;
  const internals = module as unknown as { require(request: string): never; _compile(code: string, file: string): void };
  internals.require = (request: string) => {
    throw new AppError('TemplateImport', `${file} imports '${request}' at run time; a template may import only types (import type …)`);
  };
  internals._compile(code, file);
  const exports = module.exports as { default?: unknown };
  return exports.default ?? exports;
}

/** Loads `templates/<name>.ts` and returns its default export, not yet validated. */
export function loadTemplateModule(root: string, name: string): { file: string; exported: unknown } {
  const file = join(root, TEMPLATES_FOLDER, `${name}.ts`);
  const source = readFileSync(file, 'utf8');
  const code = compiledTemplate(root, source, file);
  try {
    return { file, exported: evaluate(code, file) };
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('TemplateLoadError', `${file} failed while loading: ${(error as Error).message}`);
  }
}
