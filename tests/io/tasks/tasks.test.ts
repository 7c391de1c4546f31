import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { concurrent, sequential } from '../../../src/strategies/main-thread.ts';
import { RequestError } from '../../../src/io/errors.ts';
import { fixed } from '../../../src/io/latency/profiles.ts';
import { UnsafeFilenameError } from '../../../src/io/safe-filename.ts';
import {
  downloadImage,
  downloadImageTask,
  downloadSite,
  downloadSiteTask,
  genreInputs,
  imageInputs,
  listAlbum,
  makeRequest,
  makeRequestTask,
  sessionRequester,
  siteUrls,
  writeGenre,
  writeGenreTask,
} from '../../../src/io/tasks/index.ts';
import { createTransport, loopbackTransport, TRANSPORT_KINDS } from '../../../src/io/transports/index.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitest-speedup-io-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(TRANSPORT_KINDS)('I/O tasks on the %s transport', (kind) => {
  const transport = createTransport(kind, { table: { seed: 5, latency: fixed(5), albumSize: 6 } });
  const url = (path: string): string => transport.url(path);
  beforeAll(() => transport.start());
  afterAll(() => transport.close());

  it('makeRequest returns the origin', async () => {
    expect(await makeRequest(url('/ip'), { requester: transport.requester })).toBe('127.0.0.1');
    const run = await concurrent().run({ name: 'ip', task: makeRequestTask({ requester: transport.requester }), inputs: [url('/ip'), url('/ip')] });
    expect(run.results).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('writeGenre writes <index>-<genre>.txt for every input, reproducibly', async () => {
    const task = writeGenreTask({ requester: transport.requester });
    const run = await concurrent().run({ name: 'genres', task, inputs: genreInputs(url, dir, 10) });
    const expected = Array.from({ length: 10 }, (_, n) => `${n}-${transport.table.genre(n)}.txt`);
    expect((await readdir(dir)).sort()).toEqual([...expected].sort());
    expect(run.results.map((r) => r.file)).toEqual(expected.map((name) => join(dir, name)));
    for (const [n, result] of run.results.entries()) {
      expect(result).toMatchObject({ index: n, genre: transport.table.genre(n) });
      expect(await readFile(result.file, 'utf8')).toBe(`${transport.table.genre(n)}\n`);
    }
  });

  it('downloadSite reads the sizes of the big and the small site', async () => {
    const urls = siteUrls(url, 6);
    const run = await concurrent().run({ name: 'sites', task: downloadSiteTask({ requester: transport.requester }), inputs: urls });
    expect(run.results).toEqual([10_490, 278, 10_490, 278, 10_490, 278]);
    expect(await downloadSite(url('/sites/small'), { requester: sessionRequester(transport, 'new-connection') })).toBe(278);
  });

  it('downloadImage streams every album image to a file', async () => {
    const album = await listAlbum(url('/album'), { requester: transport.requester });
    expect(album).toHaveLength(6);
    expect(album.map((a) => a.id)).toEqual(transport.table.album().map((a) => a.id));
    const run = await concurrent().run({ name: 'album', task: downloadImageTask({ requester: transport.requester }), inputs: imageInputs(album, dir) });
    for (const [i, entry] of album.entries()) {
      const bytes = transport.table.image(entry.id);
      expect(run.results[i]).toEqual({ file: join(dir, `${entry.id}.jpg`), bytes: bytes.byteLength });
      expect(await readFile(join(dir, `${entry.id}.jpg`))).toEqual(Buffer.from(bytes));
    }
  });

  it('downloadImage leaves no partial file behind when the download fails', async () => {
    const input = { url: url('/images/abc?fault=reset'), dir, fileName: 'abc.jpg' };
    await expect(downloadImage(input, { requester: transport.requester })).rejects.toThrow(
      'GET /images/abc?fault=reset failed: connection reset by the server',
    );
    const slow = { url: url('/images/abc?fault=slow'), dir, fileName: 'slow.jpg' };
    await expect(downloadImage(slow, { requester: transport.requester, timeoutMs: 60 })).rejects.toBeInstanceOf(RequestError);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('I/O tasks: names from server data', () => {
  const transport = loopbackTransport({ table: { genres: ['../escape', 'jazz/fusion', 'ok'] } });
  beforeAll(() => transport.start());
  afterAll(() => transport.close());

  it('rejects a genre that would escape the directory, writing nothing', async () => {
    const n = [0, 1, 2, 3, 4, 5, 6, 7].find((i) => transport.table.genre(i) === '../escape') as number;
    expect(n).toBeDefined();
    const error = await writeGenre({ url: transport.url(`/genre?n=${n}`), dir, index: n }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeFilenameError);
    expect((error as Error).message).toBe(`Unsafe file name "${n}-../escape.txt": it contains a path separator ("/")`);
    expect(await readdir(dir)).toEqual([]);
    expect(existsSync(join(dir, '..', 'escape.txt'))).toBe(false);
  });

  it('rejects unsafe image file names before sending the request', async () => {
    const before = transport.connectionsAccepted;
    await expect(downloadImage({ url: transport.url('/images/x'), dir, fileName: '../x.jpg' })).rejects.toThrow(
      'Unsafe file name "../x.jpg": it contains a path separator ("/")',
    );
    // The default name comes from the URL's last segment, decoded: an encoded slash is caught too.
    await expect(downloadImage({ url: transport.url('/images/a%2Fb'), dir })).rejects.toThrow(
      'Unsafe file name "a/b.jpg": it contains a path separator ("/")',
    );
    expect(transport.connectionsAccepted).toBe(before);
  });

  it('reports a malformed answer with the request name', async () => {
    await expect(makeRequest(transport.url('/genre?n=0'))).rejects.toThrow('GET /genre?n=0 failed: expected a JSON body with a string "origin"');
    await expect(writeGenre({ url: transport.url('/ip'), dir, index: 0 })).rejects.toThrow('GET /ip failed: expected a JSON body with a string "genre"');
    await expect(listAlbum(transport.url('/ip'))).rejects.toThrow('GET /ip failed: expected a JSON body with an "images" array');
  });
});

describe('I/O tasks: session reuse on the loopback transport', () => {
  const transport = loopbackTransport({ table: { latency: fixed(2) }, connectionSetupMs: 15 });
  beforeAll(() => transport.start());
  afterAll(() => transport.close());

  it('a shared pool beats a new connection per request', async () => {
    const urls = siteUrls((path) => transport.url(path), 10);
    const time = async (session: 'shared' | 'new-connection'): Promise<number> => {
      const task = downloadSiteTask({ requester: sessionRequester(transport, session) });
      const start = performance.now();
      const run = await sequential().run({ name: session, task, inputs: urls });
      expect(run.results.reduce((a, b) => a + b)).toBe(5 * 10_490 + 5 * 278);
      return performance.now() - start;
    };
    await time('shared'); // open the pool's connections
    const shared = await time('shared');
    const perRequest = await time('new-connection');
    // Model: 10 × 2 ms against 10 × (15 + 2) ms: ~8x apart; assert a broad 2x.
    expect(perRequest).toBeGreaterThanOrEqual(10 * 16);
    expect(perRequest / shared).toBeGreaterThan(2);
  });

  it('rejects an unknown session mode', () => {
    expect(() => sessionRequester(transport, 'pooled' as never)).toThrow(
      new RangeError('sessionRequester(transport, session): session must be shared or new-connection, received pooled'),
    );
  });
});
