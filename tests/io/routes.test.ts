import { describe, expect, it } from 'vitest';
import { GENRES, SITE_BYTES } from '../../src/io/data.ts';
import { bandwidth } from '../../src/io/latency/bandwidth.ts';
import { fixed, uniform } from '../../src/io/latency/profiles.ts';
import { createRouteTable, ROUTE_PATTERNS, type RespondPlan, type RoutePlan } from '../../src/io/routes.ts';

function respond(plan: RoutePlan): RespondPlan {
  if (plan.kind !== 'respond') throw new Error(`expected a response, got ${plan.kind}`);
  return plan;
}

function json(plan: RoutePlan): unknown {
  return JSON.parse(Buffer.from(respond(plan).body).toString('utf8'));
}

const get = (path: string) => ({ method: 'GET', path });

describe('route table: data', () => {
  const table = createRouteTable({ seed: 7, latency: fixed(20) });

  it('GET /ip answers the origin as JSON', () => {
    const plan = respond(table.respond(get('/ip')));
    expect(plan).toMatchObject({ status: 200, statusText: 'OK', route: '/ip', latencyMs: 20, extraDelayMs: 0 });
    expect(plan.headers).toEqual({ 'content-type': 'application/json', 'content-length': '22' });
    expect(json(plan)).toEqual({ origin: '127.0.0.1' });
  });

  it('GET /delay/:ms adds the delay to the latency', () => {
    const plan = respond(table.respond(get('/delay/150')));
    expect(plan).toMatchObject({ status: 200, latencyMs: 20, extraDelayMs: 150 });
    expect(json(plan)).toEqual({ delay: 150, origin: '127.0.0.1' });
    expect(respond(table.respond(get('/delay/10001'))).status).toBe(400);
    expect(json(table.respond(get('/delay/abc')))).toEqual({ error: 'ms must be an integer in 0..10000, received abc' });
  });

  it('GET /bytes/:n answers n seeded bytes', () => {
    const plan = respond(table.respond(get('/bytes/1024')));
    expect(plan.body.byteLength).toBe(1024);
    expect(plan.headers['content-type']).toBe('application/octet-stream');
    expect(plan.body).toEqual(table.bytes(1024));
    expect(respond(createRouteTable({ seed: 7 }).respond(get('/bytes/1024'))).body).toEqual(plan.body);
    expect(respond(createRouteTable({ seed: 8 }).respond(get('/bytes/1024'))).body).not.toEqual(plan.body);
    expect(respond(table.respond(get('/bytes/16?seed=3'))).body).toEqual(table.bytes(16, 3));
    expect(json(table.respond(get('/bytes/102401')))).toEqual({ error: 'n must be an integer in 0..102400, received 102401' });
  });

  it('GET /genre answers a seeded genre; ?n= makes it order-independent', () => {
    expect(GENRES).toHaveLength(20);
    expect(json(table.respond(get('/genre?n=3')))).toEqual({ n: 3, genre: table.genre(3) });
    expect(GENRES).toContain(table.genre(3));
    const fresh = createRouteTable({ seed: 7 });
    const sequence = Array.from({ length: 5 }, () => (json(fresh.respond(get('/genre'))) as { genre: string }).genre);
    expect(sequence).toEqual([0, 1, 2, 3, 4].map((n) => table.genre(n)));
    fresh.reset();
    expect((json(fresh.respond(get('/genre'))) as { n: number }).n).toBe(0);
    // Different seeds pick different genres somewhere in the first 20.
    const other = createRouteTable({ seed: 8 });
    expect(Array.from({ length: 20 }, (_, n) => other.genre(n))).not.toEqual(Array.from({ length: 20 }, (_, n) => table.genre(n)));
  });

  it('serves custom genre lists (e.g. hostile names for file-name tests)', () => {
    const hostile = createRouteTable({ genres: ['../escape'] });
    expect(json(hostile.respond(get('/genre?n=0')))).toEqual({ n: 0, genre: '../escape' });
    expect(() => createRouteTable({ genres: [] })).toThrow(new RangeError('createRouteTable(options): genres must be a non-empty array of strings'));
  });

  it('GET /sites/big and /sites/small have the sizes of the Python material', () => {
    const big = respond(table.respond(get('/sites/big')));
    const small = respond(table.respond(get('/sites/small')));
    expect(big.body.byteLength).toBe(10_490);
    expect(small.body.byteLength).toBe(278);
    expect(SITE_BYTES).toEqual({ big: 10_490, small: 278 });
    expect(big.headers).toEqual({ 'content-type': 'text/html; charset=utf-8', 'content-length': '10490' });
    expect(Buffer.from(small.body).toString('utf8')).toMatch(/^<!doctype html>\n<html><head><title>Dice<\/title>.*<\/html>\n$/s);
    expect(big.body).toEqual(table.site('big'));
  });

  it('GET /album lists images and GET /images/:id serves their seeded bytes', () => {
    const album = json(table.respond(get('/album'))) as { images: { id: string; url: string }[] };
    expect(album.images).toHaveLength(10);
    expect(album.images).toEqual(table.album());
    expect(new Set(album.images.map((i) => i.id)).size).toBe(10);
    for (const image of album.images) expect(image.url).toBe(`/images/${image.id}`);
    expect((json(table.respond(get('/album?n=3'))) as { images: unknown[] }).images).toHaveLength(3);

    const first = album.images[0]!;
    const plan = respond(table.respond(get(first.url)));
    expect(plan.headers['content-type']).toBe('image/jpeg');
    expect(plan.body.byteLength).toBeGreaterThanOrEqual(2048);
    expect(plan.body.byteLength).toBeLessThanOrEqual(8192);
    expect([...plan.body.subarray(0, 4)]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    expect(plan.body).toEqual(table.image(first.id));
    expect(respond(table.respond(get('/images/no.such'))).status).toBe(404);
  });

  it('answers 404 and 405 outside the table', () => {
    expect(respond(table.respond(get('/nope')))).toMatchObject({ status: 404, route: null, latencyMs: 0 });
    expect(json(table.respond(get('/nope?x=1')))).toEqual({ error: 'no route for GET /nope' });
    expect(json(table.respond({ method: 'post', path: '/ip' }))).toEqual({ error: 'POST is not allowed on /ip, only GET' });
  });

  it('matches patterns and decodes parameters', () => {
    expect(table.match('/images/a%20b?x=1')).toMatchObject({ route: '/images/:id', params: { id: 'a b' } });
    expect(table.match('/images/')).toBeUndefined();
    expect(table.patterns).toEqual(ROUTE_PATTERNS);
  });
});

describe('route table: latency', () => {
  it('samples per route, reproducibly, and honours ?latency=', () => {
    const options = { seed: 3, latency: uniform({ minMs: 10, maxMs: 20 }), routes: { '/genre': fixed(5) } } as const;
    const a = createRouteTable(options);
    const b = createRouteTable(options);
    const latencies = (t: typeof a) => ['/ip', '/ip', '/sites/big', '/genre?n=1'].map((p) => t.respond(get(p)).latencyMs);
    const first = latencies(a);
    expect(latencies(b)).toEqual(first);
    expect(first[3]).toBe(5);
    for (const ms of first.slice(0, 3)) expect(ms >= 10 && ms <= 20).toBe(true);
    expect(a.respond(get('/ip?latency=0'))).toMatchObject({ latencyMs: 0, latencyOverridden: true });
    expect(a.latencyOverrideFor('/ip?latency=12')).toBe(12);
    expect(a.latencyOverrideFor('/ip')).toBeUndefined();
  });

  it('attaches per-route bandwidth to the plan', () => {
    const link = bandwidth({ bytesPerSecond: 50_000 });
    const table = createRouteTable({ routes: { '/images/:id': { bandwidth: link } } });
    expect(respond(table.respond(get('/images/abc'))).bandwidth).toBe(link);
    expect(respond(table.respond(get('/ip'))).bandwidth).toBeUndefined();
  });

  it('rejects overrides of unknown routes', () => {
    expect(() => createRouteTable({ routes: { '/nope': fixed(1) } as never })).toThrow(
      new RangeError(
        "createRouteTable(options): routes['/nope'] is not a route; known routes: /ip, /delay/:ms, /bytes/:n, /genre, /sites/big, /sites/small, /album, /images/:id",
      ),
    );
  });
});

describe('route table: faults', () => {
  it('per request via ?fault=', () => {
    const table = createRouteTable({ latency: fixed(10) });
    expect(respond(table.respond(get('/sites/big?fault=500')))).toMatchObject({ status: 500, statusText: 'Internal Server Error' });
    expect(json(table.respond(get('/ip?fault=503')))).toEqual({ error: 'Service Unavailable' });
    expect(table.respond(get('/ip?fault=reset'))).toMatchObject({ kind: 'reset', latencyMs: 10, route: '/ip' });
    expect(table.respond(get('/ip?fault=timeout'))).toMatchObject({ kind: 'hang', route: '/ip' });
    const slow = respond(table.respond(get('/sites/big?fault=slow')));
    expect(slow.bandwidth).toEqual(bandwidth({ bytesPerSecond: 20_000, chunkBytes: 1024 }));
    expect(slow.body.byteLength).toBe(10_490);
    expect(json(table.respond(get('/ip?fault=200')))).toEqual({
      error: 'fault must be an HTTP error status (400-599), reset, timeout or slow; received 200',
    });
    expect(table.faultFor('/ip?fault=reset')).toEqual({ kind: 'reset' });
    expect(table.faultFor('/ip?fault=bogus')).toBeUndefined();
    expect(table.faultFor('/nope?fault=reset')).toBeUndefined();
  });

  it('per route via options', () => {
    const link = bandwidth({ bytesPerSecond: 1000 });
    const table = createRouteTable({
      routes: {
        '/sites/big': { fault: { kind: 'status', status: 502 } },
        '/genre': { fault: { kind: 'reset' } },
        '/album': { fault: { kind: 'timeout' } },
        '/images/:id': { fault: { kind: 'slow', bandwidth: link } },
      },
    });
    expect(respond(table.respond(get('/sites/big')))).toMatchObject({ status: 502, statusText: 'Bad Gateway' });
    expect(table.respond(get('/genre')).kind).toBe('reset');
    expect(table.respond(get('/album')).kind).toBe('hang');
    expect(respond(table.respond(get('/images/x'))).bandwidth).toBe(link);
    expect(respond(table.respond(get('/sites/small'))).status).toBe(200);
    // A query fault wins over the route's.
    expect(respond(table.respond(get('/genre?fault=500'))).status).toBe(500);
  });

  it('validates route faults', () => {
    expect(() => createRouteTable({ routes: { '/ip': { fault: { kind: 'status', status: 200 } } } })).toThrow(
      new RangeError("routes['/ip'].fault.status must be an HTTP error status (400-599), received 200"),
    );
    expect(() => createRouteTable({ routes: { '/ip': { fault: { kind: 'explode' } as never } } })).toThrow(
      new RangeError("routes['/ip'].fault.kind must be one of status, reset, timeout, slow; received explode"),
    );
  });
});
