/**
 * Measures the `o` of the latency model on a live transport: the per-request work that
 * concurrency cannot overlap. At zero latency, N requests one after the other cost N × (o + the
 * overlappable part), and N concurrent requests cost about N × o: the concurrent time per
 * request is the serial overhead.
 */
import { getBytes } from './client.ts';
import type { Transport } from './transports/types.ts';

/** Options of {@link measurePerRequestOverhead}. */
export interface OverheadOptions {
  /** Requests per measurement (default 50). */
  readonly requests?: number;
  /** Measurement rounds; the median round is reported (default 3). */
  readonly rounds?: number;
  /** Path requested; `?latency=0` removes the route latency (default `/ip?latency=0`). */
  readonly path?: string;
}

/** What {@link measurePerRequestOverhead} found. */
export interface OverheadMeasurement {
  readonly transport: string;
  readonly requests: number;
  readonly rounds: number;
  /** Median time of N sequential requests (ms). */
  readonly sequentialMs: number;
  /** Median time of N concurrent requests (ms). */
  readonly concurrentMs: number;
  /** sequentialMs / N: the full cost of one request at zero latency. */
  readonly sequentialPerRequestMs: number;
  /** concurrentMs / N: the serial overhead per request, `o` of the model. */
  readonly perRequestOverheadMs: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Times N zero-latency requests on `transport` (started) sequentially and concurrently, after a
 * warm-up that opens the connections, and returns the per-request serial overhead.
 *
 * @example
 * const { perRequestOverheadMs } = await measurePerRequestOverhead(transport);
 * expectedDurationMs({ requests: 100, concurrency: Infinity, latency: 150, perRequestOverheadMs });
 */
export async function measurePerRequestOverhead(transport: Transport, options: OverheadOptions = {}): Promise<OverheadMeasurement> {
  const { requests = 50, rounds = 3, path = '/ip?latency=0' } = options;
  if (!Number.isInteger(requests) || requests < 1) {
    throw new RangeError(`measurePerRequestOverhead(transport, options): requests must be a positive integer, received ${String(requests)}`);
  }
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new RangeError(`measurePerRequestOverhead(transport, options): rounds must be a positive integer, received ${String(rounds)}`);
  }
  const url = transport.url(path);
  const once = { requester: transport.requester };
  const sequential = async (): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < requests; i++) await getBytes(url, once);
    return performance.now() - start;
  };
  const concurrent = async (): Promise<number> => {
    const start = performance.now();
    await Promise.all(Array.from({ length: requests }, () => getBytes(url, once)));
    return performance.now() - start;
  };
  await concurrent(); // warm-up: opens the pool's connections, JIT-compiles the paths
  await sequential();
  const sequentialTimes: number[] = [];
  const concurrentTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    sequentialTimes.push(await sequential());
    concurrentTimes.push(await concurrent());
  }
  const sequentialMs = median(sequentialTimes);
  const concurrentMs = median(concurrentTimes);
  return {
    transport: transport.kind,
    requests,
    rounds,
    sequentialMs,
    concurrentMs,
    sequentialPerRequestMs: sequentialMs / requests,
    perRequestOverheadMs: concurrentMs / requests,
  };
}
