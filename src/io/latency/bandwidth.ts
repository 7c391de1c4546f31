/**
 * Bandwidth-limited bodies: a download that arrives in chunks over time instead of at once, so
 * that body size matters (a 10 KB site takes longer than a 278-byte one).
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** A link speed and the chunk size the body is delivered in. */
export interface Bandwidth {
  readonly bytesPerSecond: number;
  readonly chunkBytes: number;
  /** e.g. `64000 B/s in 1024-byte chunks`. */
  readonly description: string;
}

/** Options of {@link bandwidth}. */
export interface BandwidthOptions {
  /** Link speed in bytes per second, > 0. */
  readonly bytesPerSecond: number;
  /** Size of each delivered chunk, a positive integer (default 1024). */
  readonly chunkBytes?: number;
}

/**
 * A bandwidth limit for response bodies. Chunk `k` is delivered once the link could have carried
 * every byte up to its end: at `(end of chunk k) / bytesPerSecond` seconds after the headers.
 *
 * @example
 * const dsl = bandwidth({ bytesPerSecond: 100_000, chunkBytes: 1000 });
 * transferTimeMs(10_490, dsl); // 104.9
 */
export function bandwidth(options: BandwidthOptions): Bandwidth {
  const { bytesPerSecond, chunkBytes = 1024 } = options;
  if (typeof bytesPerSecond !== 'number' || !Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) {
    throw new RangeError(`bandwidth(options): bytesPerSecond must be a finite number > 0, received ${String(bytesPerSecond)}`);
  }
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1) {
    throw new RangeError(`bandwidth(options): chunkBytes must be a positive integer, received ${String(chunkBytes)}`);
  }
  return { bytesPerSecond, chunkBytes, description: `${bytesPerSecond} B/s in ${chunkBytes}-byte chunks` };
}

/** How long `bytes` take over the link, in ms. */
export function transferTimeMs(bytes: number, link: Bandwidth): number {
  return (bytes / link.bytesPerSecond) * 1000;
}

/** One chunk of a throttled body: bytes `[start, end)` are delivered `atMs` after the headers. */
export interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly atMs: number;
}

/** When each chunk of a `totalBytes` body is delivered. An empty body has no chunks. */
export function chunkSchedule(totalBytes: number, link: Bandwidth): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < totalBytes; start += link.chunkBytes) {
    const end = Math.min(totalBytes, start + link.chunkBytes);
    chunks.push({ start, end, atMs: transferTimeMs(end, link) });
  }
  return chunks;
}

/**
 * Yields `body` in chunks on the {@link chunkSchedule}. Deadlines are absolute (measured from the
 * first call), so timer lateness does not accumulate. Aborting `signal` cancels the pending timer
 * and ends the iteration with the abort reason.
 */
export async function* throttledChunks(
  body: Uint8Array,
  link: Bandwidth,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array, void, undefined> {
  const origin = performance.now();
  for (const chunk of chunkSchedule(body.byteLength, link)) {
    const wait = origin + chunk.atMs - performance.now();
    if (wait > 0) await sleep(wait, undefined, signal ? { signal } : undefined);
    yield body.subarray(chunk.start, chunk.end);
  }
}

/**
 * A web `ReadableStream` that delivers `body` on the {@link chunkSchedule} (for fetch-style
 * responses, e.g. MSW). Cancelling the stream, or aborting `signal`, cancels the pending timer
 * (an aborted stream errors with the abort reason).
 */
export function throttledStream(body: Uint8Array, link: Bandwidth, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const cancel = new AbortController();
  const chunks = throttledChunks(body, link, signal ? AbortSignal.any([cancel.signal, signal]) : cancel.signal);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        if (!cancel.signal.aborted) controller.error(error);
      }
    },
    cancel() {
      cancel.abort();
    },
  });
}
