/**
 * Child-process pools: true multiprocessing, the Node counterpart of `ProcessPoolExecutor` and
 * `multiprocessing.Pool` (separate processes, separate heaps, arguments and results serialised
 * across a pipe).
 *
 * Why tinypool with `runtime: 'child_process'`: it is already a dependency (vitest's own pool
 * library until v3), it is a piscina fork with the same `run(task, { name, signal })` API, so
 * both pool kinds share the worker entry, the dispatcher and the abort/timeout handling, and it
 * runs `.ts` workers under Node 24. The alternatives were a hand-written `child_process.fork`
 * pool (IPC protocol, crash handling and respawning to write and test ourselves), workerpool
 * (`workerType: 'process'`) and poolifier (cluster pools), both new dependencies for no gain
 * here. Two tinypool defaults are overridden: `serialization: 'advanced'` (the default JSON
 * IPC would turn typed arrays into objects and throw on bigints) and `env` (tinypool would
 * otherwise start children with an environment holding only its own worker id).
 */
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import Tinypool from 'tinypool';
import { createPoolStrategy, poolHandle } from './pool.ts';
import type { ChunkedPoolOptions, PoolHandle, PoolOptions, PoolStrategy } from './pool.ts';
import { workerEntryPath } from './entry-paths.ts';

const EXIT_POLL_MS = 10;
const EXIT_GRACE_MS = 5_000;

/** Whether a process with this pid still exists (a pid reused by another user's process counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone. EPERM: the pid now belongs to another user's process, so ours is gone too.
    return false;
  }
}

/**
 * Resolves once none of `pids` exists any more, sending SIGKILL to stragglers after a grace
 * period. tinypool's destroy() waits only for the processes still in the pool, not for those
 * it killed on abort or timeout (SIGTERM, then SIGKILL after 1 s).
 */
async function waitForExit(pids: Iterable<number>): Promise<void> {
  const pending = new Set(pids);
  const deadline = Date.now() + EXIT_GRACE_MS;
  let killed = false;
  for (;;) {
    for (const pid of pending) if (!alive(pid)) pending.delete(pid);
    if (pending.size === 0) return;
    if (!killed && Date.now() > deadline) {
      killed = true;
      for (const pid of pending) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone in the meantime.
        }
      }
    }
    if (killed && Date.now() > deadline + EXIT_GRACE_MS) {
      throw new Error(`Child processes ${[...pending].join(', ')} did not exit even after SIGKILL.`);
    }
    await new Promise((resolve) => setTimeout(resolve, EXIT_POLL_MS));
  }
}

function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return env;
}

function createProcessPool(workers: number): PoolHandle {
  const pool = new Tinypool({
    filename: workerEntryPath,
    name: 'runChunk',
    runtime: 'child_process',
    minThreads: workers,
    maxThreads: workers,
    serialization: 'advanced',
    env: inheritedEnv(),
  });
  pool.on('error', () => undefined);
  // tinypool reports a child's pid as its threadId.
  const pids = new Set<number>();
  // Each ChildProcess's 'close' (after 'exit', once its stdio pipes are closed) and
  // 'disconnect' (IPC channel closed): only then are its handles gone. tinypool (2.2) keeps the
  // ChildProcess in an untyped `process` field; without it, the pid check alone still
  // guarantees that the processes are gone.
  const closed = new Map<number, Promise<void>>();
  const track = (): void => {
    for (const worker of pool.threads) {
      const pid = worker.threadId;
      pids.add(pid);
      const child = (worker as unknown as { process?: ChildProcess }).process;
      if (!closed.has(pid) && child instanceof EventEmitter && child.exitCode === null && child.signalCode === null) {
        const streamsClosed = new Promise<void>((resolve) => child.once('close', () => resolve()));
        const channelClosed = child.connected ? new Promise<void>((resolve) => child.once('disconnect', () => resolve())) : undefined;
        closed.set(pid, Promise.all([streamsClosed, channelClosed]).then(() => undefined));
      }
    }
  };
  return poolHandle(pool, track, async () => {
    await waitForExit(pids);
    await Promise.all(closed.values());
    // The pipes' libuv handles are released in the event loop's close phase, which follows
    // the check phase: after two setImmediate turns, one close phase has certainly passed.
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
  });
}

/**
 * A pool of child processes (tinypool) with one task per input: every task pays an IPC round
 * trip with serialisation both ways. Python: `ProcessPoolExecutor.submit` per item.
 *
 * @param options - See {@link PoolOptions}; lifecycle and failure semantics on {@link PoolStrategy}.
 * @throws TypeError / RangeError for invalid options, naming the option and the fix.
 * @example
 * ```ts
 * const strategy = processPoolPerItem();
 * await strategy.start();
 * try { await strategy.run(sumOfSquaresWorkload({ scale: 0.1 })); } finally { await strategy.close(); }
 * ```
 */
export function processPoolPerItem(options?: PoolOptions): PoolStrategy {
  return createPoolStrategy(
    {
      factory: 'processPoolPerItem',
      baseName: 'process-pool-per-item',
      chunked: false,
      createPool: createProcessPool,
    },
    options,
  );
}

/**
 * A pool of child processes (tinypool) fed chunks of `chunkSize` inputs.
 * Python: `multiprocessing.Pool.map` / `starmap` with `chunksize`.
 *
 * @param options - See {@link ChunkedPoolOptions}.
 * @throws TypeError / RangeError for invalid options, naming the option and the fix.
 * @example
 * ```ts
 * const strategy = processPoolChunked({ chunkSize: 500, warm: false }); // start-up included
 * const { timeline } = await strategy.run(sieveWorkload());
 * ```
 */
export function processPoolChunked(options?: ChunkedPoolOptions): PoolStrategy {
  return createPoolStrategy(
    {
      factory: 'processPoolChunked',
      baseName: 'process-pool-chunked',
      chunked: true,
      createPool: createProcessPool,
    },
    options,
  );
}
