/**
 * Worker-thread pools on piscina. Threads in Node run JavaScript truly in parallel (there is no
 * GIL), so a piscina pool plays the part that process pools play in the Python material.
 */
import type { Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { workerEntryPath } from './entry-paths.ts';
import { createPoolStrategy, poolHandle } from './pool.ts';
import type { ChunkedPoolOptions, PoolHandle, PoolOptions, PoolStrategy } from './pool.ts';

function createPiscinaPool(workers: number): PoolHandle {
  const pool = new Piscina({ filename: workerEntryPath, name: 'runChunk', minThreads: workers, maxThreads: workers });
  // A worker that dies with no task is reported as an 'error' event, which would otherwise
  // crash the process; tasks it was running already reject with the error.
  pool.on('error', () => undefined);
  // Every Worker we have seen, with a promise of its exit. piscina's destroy() waits only for
  // the workers still in the pool, not for those it terminated on abort or timeout.
  const exits = new Map<Worker, Promise<void>>();
  const track = (): void => {
    for (const worker of pool.threads) {
      if (!exits.has(worker)) exits.set(worker, new Promise((resolve) => worker.once('exit', () => resolve())));
    }
  };
  return poolHandle(pool, track, async () => {
    await Promise.all(exits.values());
  });
}

/**
 * A piscina pool with one `run` per input. Every task pays a message round trip to its worker
 * (tens of microseconds), which dominates when tasks are short.
 * Python: `ProcessPoolExecutor.submit` per item.
 *
 * @param options - See {@link PoolOptions}; lifecycle and failure semantics on {@link PoolStrategy}.
 * @throws TypeError / RangeError for invalid options, naming the option and the fix.
 * @example
 * ```ts
 * const strategy = piscinaPerItem({ workers: 2 });
 * await strategy.start();
 * try { await strategy.run(sieveWorkload({ scale: 0.1 })); } finally { await strategy.close(); }
 * ```
 */
export function piscinaPerItem(options?: PoolOptions): PoolStrategy {
  return createPoolStrategy(
    {
      factory: 'piscinaPerItem',
      baseName: 'piscina-per-item',
      chunked: false,
      createPool: createPiscinaPool,
    },
    options,
  );
}

/**
 * A piscina pool that submits the inputs in chunks of `chunkSize` (one message round trip per
 * chunk, not per input). Python: `multiprocessing.Pool.map` / `starmap` with `chunksize`.
 *
 * @param options - See {@link ChunkedPoolOptions}; `chunkSize` defaults to Python's rule
 * `ceil(inputs / (4 x workers))`.
 * @throws TypeError / RangeError for invalid options, naming the option and the fix.
 * @example
 * ```ts
 * const strategy = piscinaChunked({ chunkSize: 500 });
 * await strategy.start();
 * const { results, timeline } = await strategy.run(sieveWorkload());
 * await strategy.close();
 * ```
 */
export function piscinaChunked(options?: ChunkedPoolOptions): PoolStrategy {
  return createPoolStrategy(
    {
      factory: 'piscinaChunked',
      baseName: 'piscina-chunked',
      chunked: true,
      createPool: createPiscinaPool,
    },
    options,
  );
}
