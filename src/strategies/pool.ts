/**
 * Lifecycle shared by the pool strategies (piscina worker threads, tinypool child processes):
 * warm pools are created and primed by `start()` and reused by every run; cold pools are
 * created and destroyed inside each run, so that start-up and teardown are part of what a
 * run costs (Python: `with ProcessPoolExecutor() as ex:` inside the timed block).
 */
import { absoluteNow } from './clock.ts';
import { effectiveCores } from './cores.ts';
import { dispatch } from './dispatch.ts';
import type { Submit } from './dispatch.ts';
import { booleanOption, describe, modulesOption, offThreadTask, positiveIntegerOption, timeoutOption } from './options.ts';
import type { ChunkResponse, PingRequest, PingResponse } from './protocol.ts';
import type { RunOptions, Strategy, StrategyRun, Workload } from './types.ts';

/** One live pool of workers, as a pool library provides it. */
export interface PoolHandle {
  readonly submit: Submit;
  ping(request: PingRequest): Promise<PingResponse>;
  /** Terminates every worker the pool ever had; resolves once all of them have exited. */
  destroy(): Promise<void>;
}

/** The surface of piscina and tinypool that a {@link PoolHandle} uses. */
export interface RunnablePool {
  run(task: unknown, options?: { signal?: AbortSignal; name?: string }): Promise<unknown>;
  destroy(): Promise<void>;
}

/**
 * A {@link PoolHandle} over a piscina or tinypool pool. `track` records the workers the pool has
 * now, so that `destroy()` can wait for those the library terminated on abort or timeout too;
 * `awaitGone` waits until the tracked workers and their handles are gone.
 */
export function poolHandle(pool: RunnablePool, track: () => void, awaitGone: () => Promise<void>): PoolHandle {
  return {
    submit(request, signal) {
      if (signal === undefined) return pool.run(request) as Promise<ChunkResponse>;
      // Registered before the library's own listener, so it sees the worker about to be terminated.
      signal.addEventListener('abort', track, { once: true });
      return pool.run(request, { signal }) as Promise<ChunkResponse>;
    },
    async ping(request) {
      const answer = (await pool.run(request, { name: 'ping' })) as PingResponse;
      track();
      return answer;
    },
    async destroy() {
      track();
      await pool.destroy();
      await awaitGone();
    },
  };
}

/** Creates pools of one kind (see `piscina.ts`, `process-pool.ts`). */
export type CreatePool = (workers: number) => PoolHandle;

/** Options of every pool strategy. */
export interface PoolOptions {
  /** Worker count. Default: the effective core count. */
  readonly workers?: number;
  /**
   * `true` (default): the pool lives from `start()` to `close()` and runs only workload tasks
   * in between, so runs measure steady-state throughput. `false` ("cold"): every run creates
   * its own pool and destroys it before resolving, so start-up (thread or process spawn,
   * module loading) and teardown are part of the run; `start()` and `close()` have nothing to
   * do but are safe to call.
   */
  readonly warm?: boolean;
  /**
   * Deadline in ms for each submitted task: one input for the per-item strategies, one chunk
   * for the chunked ones. A late task's worker is terminated and replaced and the run rejects
   * with a `TimeoutError`. Default: none.
   */
  readonly timeout?: number;
  /**
   * Modules (absolute paths) every worker imports while the pool is primed, so that a warm
   * run does not pay for loading the task module. Default: none.
   */
  readonly preload?: readonly string[];
}

/** Options of the chunked pool strategies. */
export interface ChunkedPoolOptions extends PoolOptions {
  /**
   * Inputs per submitted task. Default: Python's `multiprocessing.Pool.map` rule,
   * `ceil(inputs / (4 x workers))`, computed per run.
   */
  readonly chunkSize?: number;
}

/**
 * A strategy that owns a pool of workers.
 *
 * Lifecycle: `start()` creates the pool and primes it (every worker has run one trivial task
 * and imported `options.preload`); calling it again re-primes, e.g. after a timeout replaced a
 * worker. `run()` on a warm strategy that was not started rejects. `close()` destroys the pool
 * and resolves once no worker thread or child process is left; the strategy can be started
 * again afterwards.
 *
 * After a task throws, the pool stays usable and warm: the error is caught inside the worker,
 * which goes on serving tasks. After a timeout or an abort the pool is usable too, but the
 * cancelled workers were replaced by fresh ones that have not been primed: call `start()`
 * again before measuring.
 */
export interface PoolStrategy extends Strategy {
  /** Number of workers in the pool. */
  readonly workers: number;
  /** See {@link PoolOptions.warm}. */
  readonly warm: boolean;
  /** Inputs per submitted task, or `auto` for Python's default rule. */
  readonly chunkSize: number | 'auto';
  start(): Promise<void>;
  close(): Promise<void>;
}

/** What distinguishes one pool strategy factory from another. */
export interface PoolStrategyConfig {
  /** Factory name for error messages, e.g. `piscinaChunked`. */
  readonly factory: string;
  /** Base of the strategy name, e.g. `piscina-chunked`. */
  readonly baseName: string;
  /** Whether the factory takes `chunkSize` (otherwise one input per submitted task). */
  readonly chunked: boolean;
  readonly createPool: CreatePool;
}

/**
 * The Python counterpart of a pool strategy: one submit per item is `ProcessPoolExecutor`,
 * chunked is `multiprocessing.Pool.map` with a `chunksize`.
 */
function pythonCounterpart(chunked: boolean, workers: number, chunkSize: number | 'auto'): string {
  if (!chunked) return `ProcessPoolExecutor(max_workers=${workers}).submit per item`;
  return `multiprocessing.Pool(processes=${workers}).map` + (chunkSize === 'auto' ? '' : `(chunksize=${chunkSize})`);
}

const PRIME_SLEEP_MS = 10;
const PRIME_DEADLINE_MS = 30_000;

async function prime(where: string, pool: PoolHandle, workers: number, preload: readonly string[]): Promise<void> {
  const deadline = Date.now() + PRIME_DEADLINE_MS;
  // `workers` concurrent pings that each hold their worker for a moment can only all be
  // answered at once by `workers` distinct, started workers: repeat until one round shows that.
  for (;;) {
    const answers = await Promise.all(Array.from({ length: workers }, () => pool.ping({ sleepMs: PRIME_SLEEP_MS, preload })));
    const lanes = new Set(answers.map((answer) => answer.lane)).size;
    if (lanes === workers) return;
    if (Date.now() > deadline) {
      throw new Error(`${where}: only ${lanes} of ${workers} workers answered within ${PRIME_DEADLINE_MS / 1000} s of start(). The machine may be overloaded: lower options.workers.`);
    }
  }
}

/** Builds a {@link PoolStrategy} from a pool kind and the user's options (validated here). */
export function createPoolStrategy(config: PoolStrategyConfig, options: ChunkedPoolOptions | undefined): PoolStrategy {
  const where = `${config.factory}(options)`;
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`${where}: options must be an object, received ${describe(options)}.`);
  }
  const cores = effectiveCores();
  const workers =
    positiveIntegerOption(where, 'workers', options?.workers, `Omit it to use the effective core count (${cores}).`) ?? cores;
  let chunkSize: number | 'auto' = 1;
  if (config.chunked) {
    chunkSize =
      positiveIntegerOption(
        where,
        'chunkSize',
        options?.chunkSize,
        'Use 1 for one input per task, or omit it for Python\'s default of ceil(inputs / (4 x workers)).',
      ) ?? 'auto';
  } else if (options?.chunkSize !== undefined) {
    throw new TypeError(`${where}: options.chunkSize is not an option of ${config.factory}, which submits one input per task. Use the chunked variant for chunks.`);
  }
  const warm = booleanOption(where, 'warm', options?.warm, 'Use false to include pool start-up in every run.') ?? true;
  const timeout = timeoutOption(where, options?.timeout);
  const preload = modulesOption(where, 'preload', options?.preload);

  const parameters = [...(config.chunked ? [String(chunkSize)] : []), ...(warm ? [] : ['cold'])];
  const name = parameters.length === 0 ? config.baseName : `${config.baseName}(${parameters.join(', ')})`;
  const python = pythonCounterpart(config.chunked, workers, chunkSize) + (warm ? '' : ', pool created per run');

  let pool: PoolHandle | undefined;
  let starting: Promise<void> | undefined;
  // Every pool alive right now, warm or belonging to a cold run in progress, for close().
  const live = new Set<PoolHandle>();

  const createPool = (): PoolHandle => {
    const created = config.createPool(workers);
    live.add(created);
    return created;
  };
  const destroyPool = async (doomed: PoolHandle): Promise<void> => {
    live.delete(doomed);
    await doomed.destroy();
  };

  const startWarm = async (): Promise<void> => {
    const current = pool ?? createPool();
    pool = current;
    try {
      await prime(name, current, workers, preload);
    } catch (error) {
      pool = undefined;
      await destroyPool(current);
      throw error;
    }
  };

  return {
    name,
    python,
    workers,
    warm,
    chunkSize,

    start(): Promise<void> {
      if (!warm) return Promise.resolve();
      starting ??= startWarm().finally(() => {
        starting = undefined;
      });
      return starting;
    },

    async run<I, R>(workload: Workload<I, R>, runOptions?: RunOptions): Promise<StrategyRun<R>> {
      const task = offThreadTask(name, workload.task as Workload<unknown, unknown>['task']);
      const signal = runOptions?.signal;
      if (signal !== undefined && !(signal instanceof AbortSignal)) {
        throw new TypeError(`${name}: options.signal must be an AbortSignal, received ${describe(signal)}. Pass controller.signal.`);
      }
      if (warm) await starting;
      const size = chunkSize === 'auto' ? Math.max(1, Math.ceil(workload.inputs.length / (4 * workers))) : chunkSize;
      const dispatchOptions = (submit: Submit) => ({ where: name, concurrency: workers, chunkSize: size, timeout, signal, submit });

      if (warm) {
        if (pool === undefined) {
          throw new Error(
            `${name}: the pool is not started. Call await strategy.start() before run() (it creates the workers and runs one trivial task on each), ` +
              'or create the strategy with { warm: false } to include pool start-up in every run.',
          );
        }
        const start = absoluteNow();
        const { results, entries } = await dispatch<I, R>(task, workload.inputs, dispatchOptions(pool.submit));
        return { results, timeline: { start, end: absoluteNow(), entries } };
      }

      const start = absoluteNow();
      const own = createPool();
      try {
        const { results, entries } = await dispatch<I, R>(task, workload.inputs, dispatchOptions(own.submit));
        await destroyPool(own);
        return { results, timeline: { start, end: absoluteNow(), entries } };
      } finally {
        if (live.has(own)) await destroyPool(own);
      }
    },

    async close(): Promise<void> {
      await starting?.catch(() => undefined);
      pool = undefined;
      await Promise.all([...live].map(destroyPool));
    },
  };
}
