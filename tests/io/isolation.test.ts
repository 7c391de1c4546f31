import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { activeResources, leakedResources, resourceDelta } from '../../src/io/isolation.ts';

describe('isolation helpers', () => {
  it('diffs resource counts', () => {
    expect(resourceDelta({ TCPSocketWrap: 1, Timeout: 2 }, { TCPSocketWrap: 3, Timeout: 1, FSReqCallback: 1 })).toEqual({
      TCPSocketWrap: 2,
      FSReqCallback: 1,
    });
  });

  it('reports a server left open, and nothing once it is closed', async () => {
    const before = activeResources();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect(await leakedResources(before, { timeoutMs: 50 })).toEqual({ TCPServerWrap: 1 });
    server.close();
    expect(await leakedResources(before)).toEqual({});
  });

  it('waits for timers that are about to end', async () => {
    const before = activeResources();
    setTimeout(() => undefined, 30);
    expect(await leakedResources(before)).toEqual({});
  });
});
