import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeFilename, safePathIn, UnsafeFilenameError } from '../../src/io/safe-filename.ts';

describe('safeFilename', () => {
  it.each(['3-jazz.txt', '0-bossa nova.txt', 'image.jpg', '..hidden', 'a..b', '.env', 'ünïcödé.txt'])('accepts %j', (name) => {
    expect(safeFilename(name)).toBe(name);
  });

  it.each([
    ['', 'Unsafe file name "": it is empty'],
    ['..', 'Unsafe file name "..": it refers to the parent directory'],
    ['.', 'Unsafe file name ".": it refers to the directory itself'],
    ['../escape.txt', 'Unsafe file name "../escape.txt": it contains a path separator ("/")'],
    ['a/b.txt', 'Unsafe file name "a/b.txt": it contains a path separator ("/")'],
    ['..\\escape.txt', 'Unsafe file name "..\\\\escape.txt": it contains a path separator ("\\\\")'],
    ['/etc/passwd', 'Unsafe file name "/etc/passwd": it is an absolute or drive-relative path'],
    ['C:\\Windows\\win.ini', 'Unsafe file name "C:\\\\Windows\\\\win.ini": it is an absolute or drive-relative path'],
    ['C:evil.txt', 'Unsafe file name "C:evil.txt": it is an absolute or drive-relative path'],
    ['\\\\server\\share', 'Unsafe file name "\\\\\\\\server\\\\share": it is an absolute or drive-relative path'],
    ['a\u0000.txt', 'Unsafe file name "a\\u0000.txt": it contains a NUL character'],
    ['x'.repeat(256), `Unsafe file name "${'x'.repeat(256)}": it is longer than 255 bytes (256)`],
  ])('rejects %j', (name, message) => {
    expect(() => safeFilename(name)).toThrow(UnsafeFilenameError);
    expect(() => safeFilename(name)).toThrow(message);
    try {
      safeFilename(name);
    } catch (error) {
      expect(error).toBeInstanceOf(UnsafeFilenameError);
      expect((error as UnsafeFilenameError).message).toBe(message);
      expect((error as UnsafeFilenameError).fileName).toBe(name);
      expect((error as UnsafeFilenameError).name).toBe('UnsafeFilenameError');
    }
  });

  it('counts bytes, not characters', () => {
    expect(() => safeFilename('é'.repeat(128))).toThrow('it is longer than 255 bytes (256)');
    expect(safeFilename('é'.repeat(127))).toHaveLength(127);
  });

  it('rejects non-strings with a TypeError', () => {
    expect(() => safeFilename(42 as never)).toThrow(new TypeError('safeFilename(name): name must be a string, received number'));
  });
});

describe('safePathIn', () => {
  it('joins a safe name inside the directory', () => {
    expect(safePathIn('/tmp/out', '3-jazz.txt')).toBe(join(resolve('/tmp/out'), '3-jazz.txt'));
    expect(safePathIn('relative/dir', 'a.txt')).toBe(join(resolve('relative/dir'), 'a.txt'));
  });

  it('rejects names that would escape', () => {
    expect(() => safePathIn('/tmp/out', '../x')).toThrow('Unsafe file name "../x": it contains a path separator ("/")');
    expect(() => safePathIn('/tmp/out', '..')).toThrow('Unsafe file name "..": it refers to the parent directory');
  });
});
