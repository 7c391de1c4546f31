/**
 * File names derived from server data (a genre, an image id) must never escape their target
 * directory. A hostile or buggy server could answer `../../.bashrc`; these checks reject such a
 * name instead of silently rewriting it, so a test sees the problem.
 */
import { posix, resolve, sep, win32 } from 'node:path';

/** Longest accepted name in bytes (the usual file-system limit). */
export const MAX_FILENAME_BYTES = 255;

/** A file name that would escape its directory or is not a single path segment. */
export class UnsafeFilenameError extends Error {
  override readonly name = 'UnsafeFilenameError';
  /** The rejected name. */
  readonly fileName: string;

  constructor(fileName: string, reason: string) {
    super(`Unsafe file name ${JSON.stringify(fileName)}: ${reason}`);
    this.fileName = fileName;
  }
}

/**
 * Returns `name` unchanged if it is a safe single path segment, else throws an
 * {@link UnsafeFilenameError} saying why: empty, NUL character, absolute or drive-relative path
 * (`/x`, `C:\x`, `C:x`), a path separator (`/` or `\`), `.` or `..`, longer than 255 bytes.
 *
 * @example
 * safeFilename('3-bossa nova.txt'); // '3-bossa nova.txt'
 * safeFilename('../escape.txt');    // throws: Unsafe file name "../escape.txt": it contains a path separator ("/")
 */
export function safeFilename(name: string): string {
  if (typeof name !== 'string') {
    throw new TypeError(`safeFilename(name): name must be a string, received ${typeof name}`);
  }
  if (name.length === 0) throw new UnsafeFilenameError(name, 'it is empty');
  if (name.includes('\u0000')) throw new UnsafeFilenameError(name, 'it contains a NUL character');
  if (posix.isAbsolute(name) || win32.isAbsolute(name) || /^[A-Za-z]:/.test(name)) {
    throw new UnsafeFilenameError(name, 'it is an absolute or drive-relative path');
  }
  for (const separator of ['/', '\\']) {
    if (name.includes(separator)) throw new UnsafeFilenameError(name, `it contains a path separator (${JSON.stringify(separator)})`);
  }
  if (name === '.') throw new UnsafeFilenameError(name, 'it refers to the directory itself');
  if (name === '..') throw new UnsafeFilenameError(name, 'it refers to the parent directory');
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_FILENAME_BYTES) {
    throw new UnsafeFilenameError(name, `it is longer than ${MAX_FILENAME_BYTES} bytes (${bytes})`);
  }
  return name;
}

/**
 * The absolute path of `name` inside `dir`, after {@link safeFilename}; as a second line of
 * defence it checks that the resolved path really lies directly inside `dir`.
 *
 * @example
 * safePathIn('/tmp/out', '3-jazz.txt'); // '/tmp/out/3-jazz.txt'
 */
export function safePathIn(dir: string, name: string): string {
  const base = resolve(dir);
  const target = resolve(base, safeFilename(name));
  if (!target.startsWith(base + sep) || target.slice(base.length + 1).includes(sep)) {
    throw new UnsafeFilenameError(name, `it resolves outside ${base}`);
  }
  return target;
}
