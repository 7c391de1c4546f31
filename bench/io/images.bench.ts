/**
 * Album download: GET /album, then stream each of its 10 images (2-8 KB) to `<id>.jpg` in a temp
 * dir (removed by afterAll), one after the other, with a ThreadPoolExecutor(max_workers=5)-like
 * bound, and all at once. Each image body is bandwidth-limited (100,000 B/s in 1 KB chunks: 20-80
 * ms of transfer), so the body size, not only the latency, is what concurrency overlaps.
 * Loopback server only: it is the transport that really streams the chunks over a socket
 * (MockAgent delivers a throttled body in one piece).
 *
 * Scale: latency 15 ms (1/10 of the material's 150 ms), real album size and image sizes. The
 * bandwidth limit is per response (each connection gets its own link), so concurrent downloads do
 * not share it. Model: sequential = L + Σ (L + size/bandwidth) ≈ 15 + 10 × (15 + 50) ms, concurrent
 * = 2 L + the largest transfer ≈ 30 + 80 ms.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'vitest';
import { bandwidth } from '../../src/io/latency/bandwidth.ts';
import { fixed } from '../../src/io/latency/profiles.ts';
import { downloadImageTask, imageInputs, listAlbum } from '../../src/io/tasks/index.ts';
import { bounded, concurrent, sequential } from '../../src/strategies/main-thread.ts';
import type { Strategy } from '../../src/strategies/types.ts';
import { scaled, useTempDir, useTransport } from './shared.ts';

const LATENCY_MS = 15;
const LINK = bandwidth({ bytesPerSecond: 100_000, chunkBytes: 1024 });
const ALBUM_SIZE = 10;

const transport = useTransport('loopback', {
  table: { latency: fixed(LATENCY_MS), albumSize: ALBUM_SIZE, routes: { '/images/:id': { bandwidth: LINK } } },
});
const dir = useTempDir('album');
const options = { requester: transport.requester };
const task = downloadImageTask(options);

/** One timed call: list the album, download every image with `strategy`, check the byte counts. */
function downloadAlbum(strategy: Strategy): () => Promise<void> {
  return async () => {
    const album = await listAlbum(transport.url('/album'), options);
    const run = await strategy.run({ name: strategy.name, task, inputs: imageInputs(album, dir()) });
    if (run.results.length !== ALBUM_SIZE) throw new Error(`album: expected ${ALBUM_SIZE} images, received ${run.results.length}`);
    run.results.forEach((image, i) => {
      const entry = album[i] as { id: string };
      if (image.bytes !== transport.table.image(entry.id).byteLength) throw new Error(`album: ${entry.id}.jpg has ${image.bytes} bytes`);
    });
  };
}

test(`album of ${ALBUM_SIZE} images at ${LATENCY_MS} ms + ${LINK.bytesPerSecond} B/s bodies (latency 1/10, loopback), sequential, bounded(5), concurrent`, async ({ bench }) => {
  await bench.compare(
    bench('sequential', downloadAlbum(sequential())),
    bench('bounded(5)', downloadAlbum(bounded(5))),
    bench('concurrent', downloadAlbum(concurrent())),
    scaled(10_000),
  );
  // The files on disk, once: every image byte for byte.
  for (const entry of transport.table.album()) {
    const bytes = await readFile(join(dir(), `${entry.id}.jpg`));
    if (!bytes.equals(Buffer.from(transport.table.image(entry.id)))) throw new Error(`album: ${entry.id}.jpg differs from the served image`);
  }
});
