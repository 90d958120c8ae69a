/**
 * Reading files from outside the tool's trust (retrieved metadata, generated paths someone else
 * may have replaced, files scanned for secrets): never through a symbolic link, never a device,
 * FIFO or folder where a file is expected, and never more than a stated number of bytes. The size
 * is checked on the open file, so a file that grows (or a link swapped in) between the check and
 * the read is not read without bound.
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { AppError } from '../errors';

/** What is at a path, without following a link. */
export type EntryKind = 'missing' | 'file' | 'folder' | 'link' | 'special';

function kindOfStats(stats: Stats): EntryKind {
  if (stats.isSymbolicLink()) return 'link';
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'folder';
  return 'special';
}

/** What `path` is, without following a symbolic link (`missing` also when a folder on the way is missing). */
export function entryKind(path: string): EntryKind {
  try {
    return kindOfStats(lstatSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new AppError('ReadFailed', `cannot read ${path}: ${(error as Error).message}`, ['Check that the path exists and is readable.']);
  }
}

/** The words for a kind in messages. */
const DESCRIBED: Readonly<Record<EntryKind, string>> = {
  missing: 'missing',
  file: 'a file',
  folder: 'a folder',
  link: 'a symbolic link',
  special: 'a device, FIFO or socket',
};

/** The one-line refusal of a path that is not the regular file it should be. */
export function notARegularFile(shown: string, kind: EntryKind): AppError {
  return new AppError('UnsafePath', `${shown}: is ${DESCRIBED[kind]}, not a regular file; it was not read`, [
    'Replace it with the file itself (links, devices and FIFOs are never read).',
  ]);
}

/** Flags for open(2): never follow a link at the last component, never block on a FIFO. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of the regular file at `path`, or undefined when there is none. A link, device, FIFO
 * or folder there is an `UnsafePath` error; a file over `limit` bytes a `FileTooLarge` error
 * (`shown` names the file in messages).
 */
export function readRegularFile(path: string, limit: number, shown: string = path): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'ELOOP') throw notARegularFile(shown, 'link');
    if (code === 'EISDIR') throw notARegularFile(shown, 'folder');
    throw new AppError('ReadFailed', `cannot read ${shown}: ${(error as Error).message}`, ['Check that the file is readable.']);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notARegularFile(shown, kindOfStats(stats));
    if (stats.size > limit) throw tooLarge(shown, stats.size, limit);
    return readAtMost(fd, limit, shown);
  } catch (error) {
    if ((error as AppError).code === 'UnsafePath' || (error as AppError).code === 'FileTooLarge') throw error;
    throw new AppError('ReadFailed', `cannot read ${shown}: ${(error as Error).message}`, ['Check that the file is readable.']);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end of the file, failing once it passes `limit` (a file's stated size can be wrong: procfs says 0). */
function readAtMost(fd: number, limit: number, shown: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, limit + 1 - total));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > limit) throw tooLarge(shown, total, limit);
  }
}

function tooLarge(shown: string, size: number, limit: number): AppError {
  return new AppError('FileTooLarge', `${shown}: is ${size} bytes or more; the limit is ${limit}`, [
    'Check that it is the file you meant: metadata files are a few kilobytes.',
  ]);
}

/** True when `path` is `root` or lies under it (both absolute, already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The first symbolic link (or non-folder) among the folders from `root` (exclusive) down to
 * `folder` (inclusive), or undefined when every existing one is a real folder. Writing through a
 * linked folder would put files wherever the link points.
 */
function linkOnTheWay(root: string, folder: string): { readonly path: string; readonly kind: EntryKind } | undefined {
  const chain: string[] = [];
  for (let current = folder; current !== root && isInside(root, current); current = dirname(current)) chain.unshift(current);
  for (const path of chain) {
    const kind = entryKind(path);
    if (kind === 'missing') return undefined;
    if (kind !== 'folder') return { path, kind };
  }
  return undefined;
}

/**
 * Makes `folder` and the folders above it that are missing, one at a time. (Node's recursive
 * mkdir never returns for some paths, /proc/self/x among them; this fails with a message instead.)
 */
export function ensureFolder(folder: string): void {
  const missing: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    let stats: Stats | undefined;
    try {
      stats = statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw cannotCreate(folder, error);
    }
    if (stats) {
      if (!stats.isDirectory())
        throw new AppError('WriteFailed', `cannot create ${folder}: ${current} is not a folder`, ['Choose another folder.']);
      break;
    }
    if (dirname(current) === current) throw cannotCreate(folder, new Error('no existing folder above it'));
    missing.unshift(current);
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotCreate(folder, error);
    }
  }
}

function cannotCreate(folder: string, error: unknown): AppError {
  return new AppError('WriteFailed', `cannot create ${folder}: ${(error as Error).message}`, [
    'Check that the folder can be created there.',
  ]);
}

/**
 * Refuses to write under `folder` when a symbolic link (or a file) stands among the folders from
 * `base` down to it: the files would land wherever the link points, outside what the user named.
 */
export function assertRealFolders(base: string, folder: string, shown: (path: string) => string): void {
  const found = linkOnTheWay(base, folder);
  if (!found) return;
  throw new AppError('UnsafePath', `${shown(found.path)}: is ${DESCRIBED[found.kind]}; connected-app writes only into real folders`, [
    `Replace ${shown(found.path)} with a folder (a link would send the files elsewhere), or choose another --output-dir.`,
  ]);
}

/** The tool's own folder under the project root (`.connected-app/tmp`, …), checked to be a real folder all the way down. */
export function toolFolder(root: string, relativePath: string): string {
  const folder = join(root, relativePath);
  assertRealFolders(root, folder, (path) => relative(root, path));
  return folder;
}
