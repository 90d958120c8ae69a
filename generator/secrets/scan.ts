/**
 * Scanning one file for secrets, whatever it holds and however large: the text is decoded as the
 * file is written (a UTF-8 or UTF-16 byte order mark, or UTF-16 told by its NUL bytes; anything
 * else as UTF-8, NUL bytes and all) and read in windows that overlap, so no size limit leaves a
 * file unscanned and memory stays small. Links, devices and FIFOs are never opened.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../errors';
import { notARegularFile } from '../project/safeFs';
import { type SecretFinding, findSecrets } from './patterns';

/** Bytes read at a time; even, so UTF-16 code units never straddle two reads. */
const WINDOW_BYTES = 4 * 1024 * 1024;

/** Characters of each window scanned again with the next, so a secret across the boundary is found. */
const OVERLAP_CHARACTERS = 16 * 1024;

type Encoding = 'utf8' | 'utf16le' | 'utf16be';

/** The encoding of a file from its first bytes, and how many bytes of byte order mark to skip. */
function detectEncoding(head: Buffer): { encoding: Encoding; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', skip: 2 };
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index + 1 < head.length; index += 2) {
    if (head[index] === 0) evenZeros += 1;
    if (head[index + 1] === 0) oddZeros += 1;
  }
  const pairs = Math.floor(head.length / 2);
  if (pairs >= 4 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return { encoding: 'utf16le', skip: 0 };
  if (pairs >= 4 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return { encoding: 'utf16be', skip: 0 };
  return { encoding: 'utf8', skip: 0 };
}

/** A decoder for the encoding; UTF-16 big-endian is byte-swapped into little-endian first. */
function decoderFor(encoding: Encoding): (bytes: Buffer) => string {
  const decoder = new StringDecoder(encoding === 'utf8' ? 'utf8' : 'utf16le');
  if (encoding !== 'utf16be') return (bytes) => decoder.write(bytes);
  let pending = Buffer.alloc(0);
  return (bytes) => {
    const all = Buffer.concat([pending, bytes]);
    const even = all.length - (all.length % 2);
    pending = all.subarray(even);
    return decoder.write(Buffer.from(all.subarray(0, even)).swap16());
  };
}

const countLines = (text: string): number => {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
};

/** The secrets of the regular file at `path` (`shown` names it in findings and errors). */
export function scanFile(path: string, shown: string): SecretFinding[] {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw notARegularFile(shown, 'link');
    throw new AppError('ReadFailed', `cannot read ${shown}: ${(error as Error).message}`, ['Check that the file is readable.']);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notARegularFile(shown, stats.isDirectory() ? 'folder' : 'special');
    const findings = new Map<string, SecretFinding>();
    let decode: ((bytes: Buffer) => string) | undefined;
    let carry = '';
    let linesBeforeCarry = 0;
    const buffer = Buffer.alloc(WINDOW_BYTES);
    for (let read = readSync(fd, buffer, 0, WINDOW_BYTES, null); read > 0; read = readSync(fd, buffer, 0, WINDOW_BYTES, null)) {
      let bytes = buffer.subarray(0, read);
      if (!decode) {
        const { encoding, skip } = detectEncoding(bytes.subarray(0, 4096));
        decode = decoderFor(encoding);
        bytes = bytes.subarray(skip);
      }
      const text = carry + decode(bytes);
      for (const finding of findSecrets(text, shown, linesBeforeCarry + 1))
        findings.set(`${finding.line}`, findings.get(`${finding.line}`) ?? finding);
      carry = text.slice(-OVERLAP_CHARACTERS);
      linesBeforeCarry += countLines(text.slice(0, text.length - carry.length));
    }
    return [...findings.values()].sort((a, b) => a.line - b.line);
  } finally {
    closeSync(fd);
  }
}

/** The secrets of text already read (a file generate --check compared), found the same way. */
export function scanText(text: string, shown: string): SecretFinding[] {
  return findSecrets(text.replace(/^\uFEFF/, ''), shown);
}
