import { request as undiciRequest, Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getBytes, getJson, readBody } from '../../../src/io/client.ts';
import { RequestError } from '../../../src/io/errors.ts';
import { activeResources, leakedResources, type ResourceCounts } from '../../../src/io/isolation.ts';
import { fixed } from '../../../src/io/latency/profiles.ts';
import { createTransport, TRANSPORT_KINDS, type TransportKind } from '../../../src/io/transports/index.ts';

const LATENCY_MS = 20;

/** What a too-slow body looks like per transport: MockAgent cannot stream, so it delays the whole response. */
const SLOW_BODY_MESSAGE: Record<TransportKind, string> = {
  msw: 'GET /sites/big?fault=slow failed: body not complete within 250 ms',
  'mock-agent': 'GET /sites/big?fault=slow failed: no response within 250 ms',
  loopback: 'GET /sites/big?fault=slow failed: body not complete within 250 ms',
};

async function elapsed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

describe.each(TRANSPORT_KINDS)('%s transport', (kind) => {
  const transport = createTransport(kind, { table: { seed: 11, latency: fixed(LATENCY_MS) } });
  let before: ResourceCounts;

  beforeAll(async () => {
    before = activeResources();
    await transport.start();
  });
  afterAll(() => transport.close());

  it('has a base URL and dispatcher only while started', () => {
    expect(transport.started).toBe(true);
    expect(transport.kind).toBe(kind);
    expect(transport.url('/ip')).toBe(`${transport.baseUrl}/ip`);
    const idle = createTransport(kind);
    expect(() => idle.baseUrl).toThrow(`The ${kind} transport is not started: call \`await transport.start()\` (e.g. in beforeAll) first.`);
    expect(() => idle.dispatcher).toThrow(/is not started/);
  });

  it('serves the route table byte for byte', async () => {
    const options = { requester: transport.requester };
    expect(await getJson(transport.url('/ip'), options)).toEqual({ origin: '127.0.0.1' });
    expect(await getBytes(transport.url('/sites/big'), options)).toEqual(Buffer.from(transport.table.site('big')));
    expect((await getBytes(transport.url('/sites/small'), options)).byteLength).toBe(278);
    expect(await getBytes(transport.url('/bytes/3000'), options)).toEqual(Buffer.from(transport.table.bytes(3000)));
    expect(await getJson(transport.url('/genre?n=5'), options)).toEqual({ n: 5, genre: transport.table.genre(5) });
    const album = await getJson<{ images: { id: string; url: string }[] }>(transport.url('/album?n=2'), options);
    expect(album.images).toEqual(transport.table.album(2));
    const image = await getBytes(transport.url(album.images[0]!.url), options);
    expect(image).toEqual(Buffer.from(transport.table.image(album.images[0]!.id)));
  });

  it('answers headers and statuses through undici fetch and request', async () => {
    const response = await transport.fetch('/sites/small');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-length')).toBe('278');
    expect((await response.arrayBuffer()).byteLength).toBe(278);
    const missing = await transport.request('/nope');
    expect(missing.status).toBe(404);
    expect(JSON.parse((await readBody(missing.body)).toString())).toEqual({ error: 'no route for GET /nope' });
  });

  it('waits at least the latency', async () => {
    // Timers never fire early, so this lower bound holds on any machine.
    expect(await elapsed(() => getBytes(transport.url('/ip'), { requester: transport.requester }))).toBeGreaterThanOrEqual(LATENCY_MS - 1);
    expect(await elapsed(() => getBytes(transport.url('/delay/30'), { requester: transport.requester }))).toBeGreaterThanOrEqual(LATENCY_MS + 30 - 1);
  });

  it('fails with errors that name the request', async () => {
    const options = { requester: transport.requester, timeoutMs: 250 };
    const failure = async (path: string): Promise<RequestError> => {
      const error = await getBytes(transport.url(path), options).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RequestError);
      return error as RequestError;
    };
    expect(await failure('/sites/big?fault=500')).toMatchObject({
      message: 'GET /sites/big?fault=500 failed: HTTP 500 Internal Server Error',
      reason: 'status',
      status: 500,
    });
    expect(await failure('/ip?fault=reset')).toMatchObject({ message: 'GET /ip?fault=reset failed: connection reset by the server', reason: 'reset' });
    expect(await failure('/ip?fault=timeout')).toMatchObject({ message: 'GET /ip?fault=timeout failed: no response within 250 ms', reason: 'timeout' });
    expect(await failure('/sites/big?fault=slow')).toMatchObject({ message: SLOW_BODY_MESSAGE[kind], reason: 'timeout' });
    // The transport still works after the faults.
    expect(await getJson(transport.url('/ip'), options)).toEqual({ origin: '127.0.0.1' });
  });

  it('runs 20 concurrent requests at least 3x faster than 20 sequential ones', async () => {
    const url = transport.url('/ip');
    const options = { requester: transport.requester };
    await Promise.all(Array.from({ length: 20 }, () => getBytes(url, options))); // open the connections
    const sequential = await elapsed(async () => {
      for (let i = 0; i < 20; i++) await getBytes(url, options);
    });
    const concurrent = await elapsed(() => Promise.all(Array.from({ length: 20 }, () => getBytes(url, options))));
    // Model: 20 × 20 ms = 400 ms against 20 ms + overhead; a 3x bar leaves a wide margin.
    expect(sequential).toBeGreaterThanOrEqual(20 * (LATENCY_MS - 1));
    expect(sequential / concurrent).toBeGreaterThan(3);
  });

  it('closes everything it opened, even with a request hanging', async () => {
    const hanging = getBytes(transport.url('/ip?fault=timeout'), { requester: transport.requester }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await transport.close();
    expect(transport.started).toBe(false);
    expect(await hanging).toMatchObject({ message: `GET /ip?fault=timeout failed: The ${kind} transport was closed`, reason: 'network' });
    expect(await leakedResources(before)).toEqual({});
    await transport.close(); // idempotent
  });
});

describe('connection-pool size', () => {
  for (const kind of ['loopback', 'msw'] as const) {
    it(`${kind}: connections: 2 lets only two requests wait at a time`, async () => {
      const transport = createTransport(kind, { table: { latency: fixed(LATENCY_MS) }, connections: 2 });
      await transport.start();
      try {
        const url = transport.url('/ip');
        const took = await elapsed(() => Promise.all(Array.from({ length: 8 }, () => getBytes(url, { requester: transport.requester }))));
        // 8 requests through 2 connections: at least ceil(8/2) = 4 waves of 20 ms.
        expect(took).toBeGreaterThanOrEqual(4 * (LATENCY_MS - 1));
      } finally {
        await transport.close();
      }
    });
  }

  it('rejects a bad pool size', () => {
    expect(() => createTransport('loopback', { connections: 0 })).toThrow(
      new RangeError('loopbackTransport(options): connections must be a positive integer (or Infinity for unlimited), received 0'),
    );
  });
});

describe('loopback: session reuse', () => {
  const transport = createTransport('loopback', { table: { latency: fixed(5) }, connectionSetupMs: 15 });
  beforeAll(() => transport.start());
  afterAll(() => transport.close());

  it('reuses kept-alive connections in the shared pool and opens one per request without it', async () => {
    const url = transport.url('/sites/small');
    const start = transport.connectionsAccepted;
    for (let i = 0; i < 10; i++) await getBytes(url, { requester: transport.requester });
    // undici's Pool opens a second connection for the second request (the first one is not yet
    // marked free when the body ends), then reuses those two.
    const shared = transport.connectionsAccepted - start;
    expect(shared).toBeLessThanOrEqual(2);
    const perRequest = transport.newConnectionRequester();
    const took = await elapsed(async () => {
      for (let i = 0; i < 5; i++) await getBytes(url, { requester: perRequest });
    });
    expect(transport.connectionsAccepted - start).toBe(shared + 5);
    // Every new connection pays the simulated handshake: 5 × (15 + 5) ms at least.
    expect(took).toBeGreaterThanOrEqual(5 * 19);
  });
});

describe('msw transport: socket-level interception', () => {
  const transport = createTransport('msw', { table: { latency: fixed(1) } });
  beforeAll(() => transport.start());
  afterAll(() => transport.close());

  it("intercepts undici's own request() on its own Agent", async () => {
    const agent = new Agent();
    try {
      const response = await undiciRequest(`${transport.baseUrl}/ip`, { dispatcher: agent });
      expect(await response.body.json()).toEqual({ origin: '127.0.0.1' });
    } finally {
      await agent.close();
    }
  });

  it('errors on requests to any other origin instead of reaching the network', async () => {
    const agent = new Agent();
    // MSW reports unhandled requests on console.error even with `quiet: true`.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(undiciRequest('http://not-mocked.test/ip', { dispatcher: agent })).rejects.toThrow(
        '[MSW] Cannot bypass a request when using the "error" strategy for the "onUnhandledFrame" option.',
      );
      expect(String(consoleError.mock.calls[0]?.[0])).toContain('GET http://not-mocked.test/ip');
    } finally {
      consoleError.mockRestore();
      await agent.destroy();
    }
  });

  it('allows one started MSW transport per thread', async () => {
    const second = createTransport('msw');
    await expect(second.start()).rejects.toThrow(
      'Another MSW transport is already started in this thread: close it first (socket-level interception is process-wide per thread).',
    );
    expect(second.started).toBe(false);
  });
});
