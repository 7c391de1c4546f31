/**
 * The asyncio + aiofiles exercise of the Python material: fetch a random genre and write it to
 * `<index>-<genre>.txt`, for 5 and for 50 requests, one after the other vs all at once
 * (asyncio.gather). Loopback server, files in a temp dir that afterAll removes.
 *
 * Scale. 5 writes run at the full 150 ms (0.9 s a round; model 5x). 50 writes at 150 ms would
 * take 7.5 s a round sequentially, so they run at 15 ms (latency 1/10, `?latency=15` per
 * request): model 50 × 15 ms against 15 ms plus the per-request work (HTTP and a file write),
 * which at 50 concurrent writes is a visible share.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'vitest';
import { fixed } from '../../src/io/latency/profiles.ts';
import { genreInputs, writeGenreTask, type WriteGenreInput, type WrittenGenre } from '../../src/io/tasks/index.ts';
import { concurrent, sequential } from '../../src/strategies/main-thread.ts';
import { expectResults, FULL_LATENCY_MS, scaled, timedRun, useTempDir, useTransport } from './shared.ts';

const transport = useTransport('loopback', { table: { latency: fixed(FULL_LATENCY_MS) } });
const dir = useTempDir('genres');
const task = writeGenreTask({ requester: transport.requester });

/** Inputs for `count` genre files in `<temp>/<count>`, at the table's latency or at `latencyMs`. */
function inputs(count: number, latencyMs?: number): () => WriteGenreInput[] {
  const url = (path: string): string => transport.url(latencyMs === undefined ? path : `${path}&latency=${latencyMs}`);
  return () => genreInputs(url, dir(), count);
}

function written(count: number): (results: readonly WrittenGenre[]) => void {
  return expectResults<WrittenGenre>('writeGenre', count, (r, i) => r.index === i && r.genre === transport.table.genre(i) && r.file === join(dir(), `${i}-${r.genre}.txt`));
}

/** Checks the files on disk once, after the measurement. */
async function expectFiles(count: number): Promise<void> {
  const names = (await readdir(dir())).filter((name) => /^\d+-/.test(name));
  for (let i = 0; i < count; i++) {
    const name = `${i}-${transport.table.genre(i)}.txt`;
    if (!names.includes(name)) throw new Error(`writeGenre: ${name} is missing`);
    const text = await readFile(join(dir(), name), 'utf8');
    if (text !== `${transport.table.genre(i)}\n`) throw new Error(`writeGenre: ${name} holds ${JSON.stringify(text)}`);
  }
}

test(`5 genre files at ${FULL_LATENCY_MS} ms (full size, loopback), sequential vs concurrent`, async ({ bench }) => {
  await bench.compare(
    bench('sequential', timedRun(sequential(), task, inputs(5), written(5))),
    bench('concurrent', timedRun(concurrent(), task, inputs(5), written(5))),
    scaled(10_000),
  );
  await expectFiles(5);
});

test('50 genre files at 15 ms (latency 1/10, loopback), sequential vs concurrent', async ({ bench }) => {
  await bench.compare(
    bench('sequential', timedRun(sequential(), task, inputs(50, 15), written(50))),
    bench('concurrent', timedRun(concurrent(), task, inputs(50, 15), written(50))),
    scaled(10_000),
  );
  await expectFiles(50);
});
