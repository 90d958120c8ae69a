/**
 * Finding and loading template modules (`templates/<name>.ts`).
 *
 * Templates are TypeScript the user edits, and an edit must take effect on the next run
 * with no build step, while type checking and compiling stay off the generate path. So a
 * template is transpiled (types stripped by esbuild, never checked) only when its text changes;
 * the JavaScript is cached next to the installed tool (node_modules/.cache/connected-app, which
 * `npm ci` empties and git never holds), under the SHA-256 of the exact source, sealed with a
 * key of the installation: an entry that does not match the reviewed source it claims to come
 * from is never run. esbuild is loaded only on a miss.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { AppError, isAppError } from '../errors';
import { sweepStaleTemporaries, writeFileAtomic } from './atomicWrite';
import { ensureFolder, readRegularFile } from './safeFs';

export const TEMPLATES_FOLDER = 'templates';

/**
 * Template names are module file names: letters, digits, `-` and `_`, starting with a letter or
 * digit (`fullcast-motion-package`, or an imported app's API name) — never a path.
 */
const TEMPLATE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

/** The folder of the transpiled templates, next to the installed tool: as trusted as its own code. */
const CACHE_FOLDER = join('node_modules', '.cache', 'connected-app', 'templates');

/** Bumped when the transpile settings change, so old cache entries are not reused. */
const CACHE_FORMAT = 'esbuild-cjs-node20-v2';

/** Templates are code a person writes; anything far larger is not one. */
const MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;

/** One cached transpilation: the hash of the exact source it was made from, the JavaScript, and their seal. */
interface CacheEntry {
  readonly format: string;
  readonly source: string;
  readonly code: string;
  readonly seal: string;
}

/** The names of the templates in the project, sorted. */
export function listTemplates(root: string): string[] {
  const folder = join(root, TEMPLATES_FOLDER);
  if (!existsSync(folder)) return [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    throw new AppError('ReadFailed', `cannot read ${TEMPLATES_FOLDER}/: ${(error as Error).message}`, [
      'Check that the folder is readable.',
    ]);
  }
  return names
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

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The key that seals cache entries, made once per installation (random, readable by its owner
 * only). An entry whose seal does not match was not written by this installation for this exact
 * source, and is never run: the template is transpiled again.
 */
function sealKey(folder: string): Buffer | undefined {
  const file = join(folder, '..', 'template-cache.key');
  try {
    const existing = readRegularFile(file, 64);
    if (existing?.length === 32) return existing;
    ensureFolder(dirname(file));
    const key = randomBytes(32);
    writeFileSync(file, key, { flag: 'wx', mode: 0o600 });
    return key;
  } catch {
    return readRegularFileQuietly(file);
  }
}

function readRegularFileQuietly(file: string): Buffer | undefined {
  try {
    const key = readRegularFile(file, 64);
    return key?.length === 32 ? key : undefined;
  } catch {
    return undefined;
  }
}

const sealOf = (key: Buffer, source: string, code: string): string =>
  createHmac('sha256', key).update(CACHE_FORMAT).update('\0').update(source).update('\0').update(code).digest('hex');

function readCache(file: string, source: string, key: Buffer): string | undefined {
  try {
    const entry = JSON.parse(readRegularFile(file, MAX_TEMPLATE_BYTES * 4)?.toString('utf8') ?? 'null') as CacheEntry | null;
    if (!entry || entry.format !== CACHE_FORMAT || entry.source !== sha256(source) || typeof entry.code !== 'string') return undefined;
    const expected = Buffer.from(sealOf(key, entry.source, entry.code), 'hex');
    const seal = Buffer.from(String(entry.seal), 'hex');
    return seal.length === expected.length && timingSafeEqual(seal, expected) ? entry.code : undefined;
  } catch {
    return undefined;
  }
}

/** Cache folders swept of stale temporaries by this run: once is enough, and a sweep reads the whole folder. */
const swept = new Set<string>();

function compiledTemplate(root: string, source: string, file: string): string {
  const folder = join(root, CACHE_FOLDER);
  const key = existsSync(join(root, 'node_modules')) ? sealKey(folder) : undefined;
  if (!key) return transpile(source, file);
  const sourceHash = sha256(source);
  const cacheFile = join(folder, `${sourceHash}.json`);
  const cached = readCache(cacheFile, source, key);
  if (cached !== undefined) return cached;
  const code = transpile(source, file);
  if (!swept.has(folder)) {
    swept.add(folder);
    sweepStaleTemporaries(folder);
  }
  try {
    const entry: CacheEntry = { format: CACHE_FORMAT, source: sourceHash, code, seal: sealOf(key, sourceHash, code) };
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
  const bytes = readRegularFile(file, MAX_TEMPLATE_BYTES, `${TEMPLATES_FOLDER}/${name}.ts`);
  if (bytes === undefined)
    throw new AppError('ReadFailed', `cannot read ${TEMPLATES_FOLDER}/${name}.ts: no such file`, ['Check the template name (--app).']);
  return { file, exported: evaluateTemplateSource(root, bytes.toString('utf8'), file) };
}

/**
 * Transpiles (through the cache) and evaluates a template's source held in memory — the working
 * tree's file, or the same file at a git revision (`changes --base`) — and returns its default
 * export, not yet validated. `file` names it in errors.
 */
export function evaluateTemplateSource(root: string, source: string, file: string): unknown {
  if (Buffer.byteLength(source) > MAX_TEMPLATE_BYTES)
    throw new AppError('FileTooLarge', `${file} is larger than ${MAX_TEMPLATE_BYTES} bytes; a template is a short module`);
  const code = compiledTemplate(root, source, file);
  try {
    return evaluate(code, file);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('TemplateLoadError', `${file} failed while loading: ${(error as Error).message}`);
  }
}
