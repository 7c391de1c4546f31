/**
 * The mock data the route table serves: a genre list, two sites of the exact sizes the Python
 * material's sites had (10,490 and 278 bytes), album listings and image bytes, all derived from
 * one seed.
 */
import { seededBytes, seededInt, seededRng } from './latency/prng.ts';

/** The default genre list of `GET /genre` (20 genres). */
export const GENRES: readonly string[] = Object.freeze([
  'rock', 'jazz', 'blues', 'hip hop', 'classical', 'reggae', 'country', 'electronic', 'folk', 'soul',
  'funk', 'metal', 'punk', 'disco', 'bossa nova', 'techno', 'gospel', 'ska', 'grunge', 'ambient',
]);

/** Body sizes (bytes) of `GET /sites/big` and `GET /sites/small`. */
export const SITE_BYTES = Object.freeze({ big: 10_490, small: 278 });

/** The names of the two sites. */
export type SiteName = keyof typeof SITE_BYTES;

const WORDS = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'concurrency', 'latency', 'thread', 'event', 'loop', 'socket', 'python', 'node', 'await', 'gather'];

/** An ASCII HTML page of exactly `bytes` bytes (the filler is seeded, so the page is reproducible). */
export function htmlPage(title: string, bytes: number, seed: number): string {
  const head = `<!doctype html>\n<html><head><title>${title}</title></head><body>\n<p>`;
  const tail = '</p>\n</body></html>\n';
  const room = bytes - head.length - tail.length;
  if (room < 0) throw new RangeError(`htmlPage: ${bytes} bytes cannot hold the page skeleton of ${head.length + tail.length} bytes`);
  const rng = seededRng(seed, 'site', title);
  let filler = '';
  while (filler.length < room) filler += `${WORDS[seededInt(rng, 0, WORDS.length - 1)]} `;
  return head + filler.slice(0, room) + tail;
}

/** The body of a site (ASCII, so its length in bytes equals its length in characters). */
export function siteBody(name: SiteName, seed: number): Uint8Array {
  return new TextEncoder().encode(htmlPage(name === 'big' ? 'A big site' : 'Dice', SITE_BYTES[name], seed));
}

/** The genre with number `n` under `seed` (a seeded pick from `genres`). */
export function genreAt(n: number, seed: number, genres: readonly string[] = GENRES): string {
  return genres[seededInt(seededRng(seed, 'genre', n), 0, genres.length - 1)] as string;
}

/** One entry of `GET /album`. */
export interface AlbumImage {
  readonly id: string;
  /** Path of the image on the same server, e.g. `/images/3fa9c2e1`. */
  readonly url: string;
}

/** The id of image number `index` of the album (8 seeded hex digits). */
export function imageId(index: number, seed: number): string {
  const rng = seededRng(seed, 'album', index);
  return Math.floor(rng() * 0x1_0000_0000).toString(16).padStart(8, '0');
}

/** The first `count` images of the album. */
export function album(count: number, seed: number): AlbumImage[] {
  return Array.from({ length: count }, (_, index) => {
    const id = imageId(index, seed);
    return { id, url: `/images/${id}` };
  });
}

/** Image sizes: each image is between `minBytes` and `maxBytes` long (seeded per id). */
export interface ImageSize {
  readonly minBytes: number;
  readonly maxBytes: number;
}

/** Default image sizes: 2-8 KB. */
export const DEFAULT_IMAGE_SIZE: ImageSize = Object.freeze({ minBytes: 2048, maxBytes: 8192 });

const JPEG_MAGIC = [0xff, 0xd8, 0xff, 0xe0];

/** The bytes of image `id`: a JPEG signature followed by seeded bytes. */
export function imageBytes(id: string, seed: number, size: ImageSize = DEFAULT_IMAGE_SIZE): Uint8Array {
  const length = seededInt(seededRng(seed, 'image-size', id), size.minBytes, size.maxBytes);
  const bytes = seededBytes(length, seed, 'image', id);
  bytes.set(JPEG_MAGIC.slice(0, length));
  return bytes;
}
