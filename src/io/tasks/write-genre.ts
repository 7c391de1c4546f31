/**
 * Fetch a random genre and write it to a file (the Python material's asyncio + aiofiles
 * exercise). The file name comes from server data, so it goes through `safePathIn`.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TaskDefinition } from '../../strategies/types.ts';
import { getJson } from '../client.ts';
import { RequestError } from '../errors.ts';
import { safePathIn } from '../safe-filename.ts';
import type { IoTaskOptions } from './options.ts';

/** Input of {@link writeGenre}. */
export interface WriteGenreInput {
  /** A `/genre` URL (e.g. `…/genre?n=3` for a reproducible genre). */
  readonly url: string;
  /** Directory to write into (must exist). */
  readonly dir: string;
  /** Number of this request; the file is `<index>-<genre>.txt`. */
  readonly index: number;
}

/** What {@link writeGenre} wrote. */
export interface WrittenGenre {
  readonly index: number;
  readonly genre: string;
  /** Absolute path of the file. */
  readonly file: string;
}

/**
 * GETs a genre and writes it (plus a newline) to `<dir>/<index>-<genre>.txt`. A genre that would
 * make an unsafe file name (`../x`, `a/b`, NUL, …) is rejected with an `UnsafeFilenameError`
 * before anything is written.
 *
 * @example
 * await writeGenre({ url: transport.url('/genre?n=3'), dir, index: 3 }, { requester: transport.requester });
 * // { index: 3, genre: 'soul', file: '<dir>/3-soul.txt' }
 */
export async function writeGenre(input: WriteGenreInput, options: IoTaskOptions = {}): Promise<WrittenGenre> {
  const body = await getJson<{ genre?: unknown }>(input.url, options);
  if (typeof body?.genre !== 'string') {
    throw new RequestError({ method: 'GET', url: input.url, reason: 'network', detail: 'expected a JSON body with a string "genre"' });
  }
  const file = safePathIn(input.dir, `${input.index}-${body.genre}.txt`);
  await writeFile(file, `${body.genre}\n`, options.signal ? { signal: options.signal } : undefined);
  return { index: input.index, genre: body.genre, file };
}

/**
 * Inputs for `count` genre files: `/genre?n=<index>` for index 0..count-1, all into `dir`.
 * `url` resolves a path on the server (e.g. `(path) => transport.url(path)`).
 */
export function genreInputs(url: (path: string) => string, dir: string, count: number): WriteGenreInput[] {
  return Array.from({ length: count }, (_, index) => ({ url: url(`/genre?n=${index}`), dir, index }));
}

/** {@link writeGenre} as a task (worker strategies call the same export without `options`). */
export function writeGenreTask(options: IoTaskOptions = {}): TaskDefinition<WriteGenreInput, WrittenGenre> {
  return {
    name: 'writeGenre',
    run: (input) => writeGenre(input, options),
    module: fileURLToPath(import.meta.url),
    exportName: 'writeGenre',
  };
}
