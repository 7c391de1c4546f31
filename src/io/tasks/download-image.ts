/**
 * List an album and stream its images to files (`stream/promises` pipeline: the body is never
 * held in memory as a whole). File names come from server data and go through `safePathIn`.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { TaskDefinition } from '../../strategies/types.ts';
import { get, getJson } from '../client.ts';
import { RequestError } from '../errors.ts';
import { safePathIn } from '../safe-filename.ts';
import type { IoTaskOptions } from './options.ts';

/** Input of {@link downloadImage}. */
export interface DownloadImageInput {
  /** Absolute URL of the image. */
  readonly url: string;
  /** Directory to write into (must exist). */
  readonly dir: string;
  /** File name (default: the last path segment of `url` plus `.jpg`). */
  readonly fileName?: string;
}

/** What {@link downloadImage} wrote. */
export interface DownloadedImage {
  /** Absolute path of the file. */
  readonly file: string;
  readonly bytes: number;
}

/** One album entry with an absolute URL. */
export interface AlbumEntry {
  readonly id: string;
  readonly url: string;
}

/**
 * Streams the image at `input.url` into `dir/fileName`. The name is checked before the request
 * is sent; a failed download removes its partial file.
 *
 * @example
 * await downloadImage({ url: transport.url('/images/3fa9c2e1'), dir, fileName: '3fa9c2e1.jpg' }, { requester: transport.requester });
 */
export async function downloadImage(input: DownloadImageInput, options: IoTaskOptions = {}): Promise<DownloadedImage> {
  const name = input.fileName ?? `${decodeURIComponent(new URL(input.url).pathname.split('/').pop() ?? '')}.jpg`;
  const file = safePathIn(input.dir, name);
  try {
    return await get(input.url, options, async (response, signal) => {
      const output = createWriteStream(file);
      await pipeline(response.body, output, { signal });
      return { file, bytes: output.bytesWritten };
    });
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}

/** GETs an `/album` URL and returns its images with absolute URLs. */
export async function listAlbum(albumUrl: string, options: IoTaskOptions = {}): Promise<AlbumEntry[]> {
  const body = await getJson<{ images?: unknown }>(albumUrl, options);
  if (!Array.isArray(body?.images)) {
    throw new RequestError({ method: 'GET', url: albumUrl, reason: 'network', detail: 'expected a JSON body with an "images" array' });
  }
  return body.images.map((image: { id?: unknown; url?: unknown }, index: number) => {
    if (typeof image?.id !== 'string' || typeof image.url !== 'string') {
      throw new RequestError({ method: 'GET', url: albumUrl, reason: 'network', detail: `image ${index} lacks a string "id" and "url"` });
    }
    return { id: image.id, url: new URL(image.url, albumUrl).href };
  });
}

/** Inputs that download every album entry into `dir` as `<id>.jpg`. */
export function imageInputs(entries: readonly AlbumEntry[], dir: string): DownloadImageInput[] {
  return entries.map((entry) => ({ url: entry.url, dir, fileName: `${entry.id}.jpg` }));
}

/** {@link downloadImage} as a task (worker strategies call the same export without `options`). */
export function downloadImageTask(options: IoTaskOptions = {}): TaskDefinition<DownloadImageInput, DownloadedImage> {
  return {
    name: 'downloadImage',
    run: (input) => downloadImage(input, options),
    module: fileURLToPath(import.meta.url),
    exportName: 'downloadImage',
  };
}
