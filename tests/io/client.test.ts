import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, getBytes, getJson, getText, isConnectionReset, nodeHttpRequester } from '../../src/io/client.ts';
import { RequestError } from '../../src/io/errors.ts';
import { fixed } from '../../src/io/latency/profiles.ts';
import { loopbackTransport } from '../../src/io/transports/index.ts';

describe('client', () => {
  const transport = loopbackTransport({ table: { latency: fixed(5) } });
  beforeAll(() => transport.start());
  afterAll(() => transport.close());

  it('defaults to node:http with a new connection per request', async () => {
    const start = transport.connectionsAccepted;
    expect(await getJson(transport.url('/ip'))).toEqual({ origin: '127.0.0.1' });
    expect(await getText(transport.url('/ip'), { requester: nodeHttpRequester() })).toBe('{"origin":"127.0.0.1"}');
    expect(transport.connectionsAccepted - start).toBe(2);
  });

  it('reports node:http failures with the same messages', async () => {
    await expect(getBytes(transport.url('/ip?fault=404'))).rejects.toThrow(new RequestError({ method: 'GET', url: transport.url('/ip?fault=404'), reason: 'status', status: 404, detail: 'HTTP 404 Not Found' }));
    await expect(getBytes(transport.url('/ip?fault=reset'))).rejects.toThrow('GET /ip?fault=reset failed: connection reset by the server');
    await expect(getBytes(transport.url('/ip?fault=timeout'), { timeoutMs: 50 })).rejects.toThrow('GET /ip?fault=timeout failed: no response within 50 ms');
  });

  it('reports a caller abort as aborted', async () => {
    const controller = new AbortController();
    const pending = getBytes(transport.url('/ip?fault=timeout'), { requester: transport.requester, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ reason: 'aborted', message: 'GET /ip?fault=timeout failed: aborted' });
    const aborted = AbortSignal.abort();
    await expect(getBytes(transport.url('/ip'), { signal: aborted })).rejects.toThrow('GET /ip failed: aborted before it was sent');
  });

  it('reports a refused connection as a network error with its code', async () => {
    const closed = loopbackTransport();
    await closed.start();
    const url = closed.url('/ip');
    await closed.close();
    const error = await getBytes(url).catch((e: unknown) => e as RequestError);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ reason: 'network', code: 'ECONNREFUSED' });
    expect((error as RequestError).message).toMatch(/^GET \/ip failed: ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });

  it('names a body that is not JSON', async () => {
    await expect(getJson(transport.url('/sites/small'), { requester: transport.requester })).rejects.toThrow(
      /^GET \/sites\/small failed: invalid JSON body \(/,
    );
  });

  it("passes the consumer's own failure through and destroys the body", async () => {
    const error = new Error('consumer failed');
    await expect(get(transport.url('/sites/big'), { requester: transport.requester }, async () => Promise.reject(error))).rejects.toBe(error);
    // The pool is still usable.
    expect(await getJson(transport.url('/ip'), { requester: transport.requester })).toEqual({ origin: '127.0.0.1' });
  });

  it('validates timeoutMs', async () => {
    await expect(getBytes(transport.url('/ip'), { timeoutMs: 0 })).rejects.toThrow(
      new RangeError('get(url, options): timeoutMs must be a finite number > 0, received 0'),
    );
  });

  it('recognises connection resets by code, message or cause', () => {
    expect(isConnectionReset(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isConnectionReset(new TypeError('Network error'))).toBe(true);
    expect(isConnectionReset(new TypeError('fetch failed', { cause: new Error('other side closed') }))).toBe(true);
    expect(isConnectionReset(new Error('nope'))).toBe(false);
  });
});
