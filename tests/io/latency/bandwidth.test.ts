import { describe, expect, it } from 'vitest';
import { bandwidth, chunkSchedule, throttledChunks, throttledStream, transferTimeMs } from '../../../src/io/latency/bandwidth.ts';

describe('bandwidth', () => {
  it('computes transfer times and chunk schedules', () => {
    const link = bandwidth({ bytesPerSecond: 100_000, chunkBytes: 4000 });
    expect(link.description).toBe('100000 B/s in 4000-byte chunks');
    expect(transferTimeMs(10_490, link)).toBeCloseTo(104.9, 10);
    const schedule = chunkSchedule(10_490, link);
    expect(schedule.map(({ start, end }) => [start, end])).toEqual([
      [0, 4000],
      [4000, 8000],
      [8000, 10_490],
    ]);
    expect(schedule.map(({ atMs }) => Math.round(atMs * 1000) / 1000)).toEqual([40, 80, 104.9]);
    expect(chunkSchedule(0, link)).toEqual([]);
    expect(bandwidth({ bytesPerSecond: 1 }).chunkBytes).toBe(1024);
  });

  it('names the option it rejects', () => {
    expect(() => bandwidth({ bytesPerSecond: 0 })).toThrow(new RangeError('bandwidth(options): bytesPerSecond must be a finite number > 0, received 0'));
    expect(() => bandwidth({ bytesPerSecond: 10, chunkBytes: 1.5 })).toThrow(
      new RangeError('bandwidth(options): chunkBytes must be a positive integer, received 1.5'),
    );
  });

  it('delivers every byte, in order, over at least the transfer time', async () => {
    const body = Uint8Array.from({ length: 3000 }, (_, i) => i % 251);
    const link = bandwidth({ bytesPerSecond: 100_000, chunkBytes: 1000 }); // 30 ms
    const start = performance.now();
    const chunks: Uint8Array[] = [];
    for await (const chunk of throttledChunks(body, link)) chunks.push(chunk);
    const elapsed = performance.now() - start;
    expect(chunks.map((c) => c.byteLength)).toEqual([1000, 1000, 1000]);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(body));
    expect(elapsed).toBeGreaterThanOrEqual(28); // timers never fire early (1 ms rounding slack)
  });

  it('stops on abort and when a stream is cancelled', async () => {
    const body = new Uint8Array(10_000);
    const link = bandwidth({ bytesPerSecond: 1000, chunkBytes: 100 }); // 10 s in all
    const controller = new AbortController();
    const iterator = throttledChunks(body, link, controller.signal);
    const pending = iterator.next();
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow();

    const stream = throttledStream(body, link);
    const reader = stream.getReader();
    const read = reader.read();
    await reader.cancel();
    await expect(read).resolves.toEqual({ done: true, value: undefined });
  });

  it('streams the whole body through a ReadableStream', async () => {
    const body = Uint8Array.from({ length: 2500 }, (_, i) => i % 7);
    const received = Buffer.from(await new Response(throttledStream(body, bandwidth({ bytesPerSecond: 500_000, chunkBytes: 1000 }))).arrayBuffer());
    expect(received).toEqual(Buffer.from(body));
  });
});
