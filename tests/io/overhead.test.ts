import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixed } from '../../src/io/latency/profiles.ts';
import { measurePerRequestOverhead } from '../../src/io/overhead.ts';
import { createTransport, TRANSPORT_KINDS } from '../../src/io/transports/index.ts';

describe.each(TRANSPORT_KINDS)('measurePerRequestOverhead on %s', (kind) => {
  // The route latency is large; `?latency=0` must remove it or the measurement would show it.
  const transport = createTransport(kind, { table: { latency: fixed(200) } });
  beforeAll(() => transport.start());
  afterAll(() => transport.close());

  it('measures the serial cost of a zero-latency request', async () => {
    const measurement = await measurePerRequestOverhead(transport, { requests: 20, rounds: 1 });
    expect(measurement).toMatchObject({ transport: kind, requests: 20, rounds: 1 });
    expect(measurement.sequentialPerRequestMs).toBeCloseTo(measurement.sequentialMs / 20, 10);
    expect(measurement.perRequestOverheadMs).toBeCloseTo(measurement.concurrentMs / 20, 10);
    // Far below the 200 ms route latency: the override worked (20 requests in well under one latency each).
    expect(measurement.sequentialMs).toBeLessThan(20 * 50);
    expect(measurement.perRequestOverheadMs).toBeGreaterThan(0);
  });

  it('validates its options', async () => {
    await expect(measurePerRequestOverhead(transport, { requests: 0 })).rejects.toThrow(
      new RangeError('measurePerRequestOverhead(transport, options): requests must be a positive integer, received 0'),
    );
    await expect(measurePerRequestOverhead(transport, { rounds: 1.5 })).rejects.toThrow(
      new RangeError('measurePerRequestOverhead(transport, options): rounds must be a positive integer, received 1.5'),
    );
  });
});
