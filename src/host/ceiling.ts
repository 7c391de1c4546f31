import { Worker } from 'node:worker_threads';
import { getCpuLimits } from './cpu-limits.ts';
import type { ParallelCeiling } from './types.ts';

/** Options for {@link measureParallelCeiling}. */
export interface ParallelCeilingOptions {
  /** Largest worker count to measure. Default: `effectiveCores` of this host. */
  readonly maxWorkers?: number;
  /** CPU work per worker per round, in ms (calibrated on the main thread). Default 60. */
  readonly workMs?: number;
  /** Timed rounds per worker count; the median is kept. Default 3. */
  readonly repeats?: number;
  /** Measure again instead of returning this process's cached result (the new one is cached). */
  readonly fresh?: boolean;
}

const DEFAULT_WORK_MS = 60;
const DEFAULT_REPEATS = 3;

/**
 * The CPU kernel, as source text so that the main thread (for calibration) and the workers run
 * exactly the same code. Integer-only (Math.imul, xor, shifts): no allocation, no GC, no memory
 * bandwidth, so n copies scale with the cores and nothing else. Returning `x` keeps the JIT from
 * removing the loop.
 *
 * Every operation stays within int32 on purpose. An earlier `(Math.imul(...) + i) | 0` overflowed
 * int32 before the `| 0`: V8's Maglev tier deoptimised on it ("deopt-eager, reason: overflow") and
 * about one worker in four then stayed at ~3.7x slower code for its whole life, which made
 * `speedup(2)` meaningless. With xor instead of + no tier ever deoptimises.
 */
const KERNEL_BODY = `
  let x = seed | 0;
  for (let i = 0; i < iterations; i++) {
    x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) ^ i;
  }
  return x;
`;

/** Keeps the loop counter a small integer in every tier (about 2 s of work on a current CPU). */
const MAX_ITERATIONS = 2 ** 30;

/**
 * The worker entry, an inline `eval: true` script rather than a worker file next to this module:
 * Node refuses to strip types from `.ts` files under node_modules
 * (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING), and a file path breaks when the library is
 * bundled or instrumented for coverage. A string needs no resolution, no type stripping and no
 * loader. It is CommonJS because eval workers run as scripts.
 */
const WORKER_SOURCE = `
'use strict';
const { parentPort } = require('node:worker_threads');
function kernel(iterations, seed) {${KERNEL_BODY}}
parentPort.on('message', (message) => {
  parentPort.postMessage({ result: kernel(message.iterations, message.seed) });
});
`;

const cache = new Map<string, Promise<ParallelCeiling>>();

/**
 * Measures the parallel speedup this host actually delivers: the same fixed amount of integer
 * work runs on 1, 2, ... maxWorkers worker threads at once, and `speedup(n) = n * T(1) / T(n)`
 * (n times the work in T(n) instead of T(1)). On an idle 4-core machine that is close to
 * 1, 2, 3, 4; with hyper-threads, noisy neighbours, a CPU quota or thermal limits it is less.
 * A speedup assertion cannot sensibly demand more than this ceiling.
 *
 * Workers are started and warmed up before timing; each round is timed from the "go" messages
 * to the last "done". Rounds for the different worker counts are interleaved (alternating
 * direction) so that drifting background load affects all counts alike, and the median of
 * `repeats` rounds is kept. All workers are terminated before the promise settles.
 *
 * The result is cached per process and per (maxWorkers, workMs, repeats); `{ fresh: true }`
 * measures again. It takes about `workMs * (1 + repeats * maxWorkers)` ms plus worker startup:
 * about 0.5 s on 2 cores with the defaults. Invalid options reject with a TypeError.
 *
 * @example
 * ```ts
 * const { ceiling, bestWorkers } = await measureParallelCeiling({ maxWorkers: 4 });
 * // ceiling 3.71, bestWorkers 4
 * ```
 */
export function measureParallelCeiling(options: ParallelCeilingOptions = {}): Promise<ParallelCeiling> {
  let resolved: { maxWorkers: number; workMs: number; repeats: number };
  try {
    resolved = resolveOptions(options);
  } catch (error) {
    return Promise.reject(error);
  }
  const key = JSON.stringify(resolved);
  const cached = cache.get(key);
  if (cached !== undefined && options.fresh !== true) return cached;

  const measurement = measure(resolved.maxWorkers, resolved.workMs, resolved.repeats);
  cache.set(key, measurement);
  // A failed measurement (a worker could not start, say) must not be served forever.
  measurement.catch(() => {
    if (cache.get(key) === measurement) cache.delete(key);
  });
  return measurement;
}

function resolveOptions(options: ParallelCeilingOptions): { maxWorkers: number; workMs: number; repeats: number } {
  const maxWorkers = options.maxWorkers ?? getCpuLimits().effectiveCores;
  const workMs = options.workMs ?? DEFAULT_WORK_MS;
  const repeats = options.repeats ?? DEFAULT_REPEATS;
  if (!Number.isInteger(maxWorkers) || maxWorkers < 1) {
    throw new TypeError(`\`measureParallelCeiling\`: options.maxWorkers must be a positive integer, received ${String(maxWorkers)}.`);
  }
  if (!Number.isFinite(workMs) || workMs <= 0) {
    throw new TypeError(`\`measureParallelCeiling\`: options.workMs must be a positive number of milliseconds, received ${String(workMs)}.`);
  }
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new TypeError(`\`measureParallelCeiling\`: options.repeats must be a positive integer, received ${String(repeats)}.`);
  }
  return { maxWorkers, workMs, repeats };
}

async function measure(maxWorkers: number, workMs: number, repeats: number): Promise<ParallelCeiling> {
  const startedAt = performance.now();
  const measuredAt = new Date().toISOString();
  const iterations = calibrate(workMs);
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < maxWorkers; i++) {
      // execArgv: [] keeps the parent's loaders and flags (`--import tsx`, `--conditions`, a test
      // runner's hooks) out of the workers: the kernel needs none of them, and each would add
      // startup work and memory to every worker.
      const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
      // Measurement workers must never keep the process alive, even if a caller forgets to await.
      worker.unref();
      // An 'error' event with no listener would crash the process; errors during a round are
      // delivered to that round's listener (see run), idle workers have nothing to throw.
      worker.on('error', () => {});
      workers.push(worker);
    }
    // Warm-up: every worker runs the kernel once (in parallel), which also waits for startup
    // and lets each worker's JIT optimise the loop before anything is timed.
    await Promise.all(workers.map((worker, i) => run(worker, iterations, i)));

    const times: number[][] = Array.from({ length: maxWorkers }, () => []);
    const counts = Array.from({ length: maxWorkers }, (_, i) => i + 1);
    for (let round = 0; round < repeats; round++) {
      // 1..N, then N..1, ...: a slow drift in background load hits every count equally.
      for (const n of round % 2 === 0 ? counts : [...counts].reverse()) {
        const start = process.hrtime.bigint();
        await Promise.all(workers.slice(0, n).map((worker, i) => run(worker, iterations, round * n + i)));
        times[n - 1]?.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }

    const medians = times.map(median);
    const single = medians[0] ?? Number.NaN;
    const points = medians.map((ms, i) => ({ workers: i + 1, speedup: i === 0 ? 1 : ((i + 1) * single) / ms, medianMs: ms }));
    let best = points[0] ?? { workers: 1, speedup: 1 };
    for (const point of points) if (point.speedup > best.speedup) best = point;
    return {
      points,
      ceiling: best.speedup,
      bestWorkers: best.workers,
      measuredAt,
      durationMs: performance.now() - startedAt,
      workMs,
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Sends one unit of work and resolves when the worker reports it done. */
function run(worker: Worker, iterations: number, seed: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onMessage = (): void => {
      cleanup();
      resolve();
    };
    const onError = (error: unknown): void => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`Failed to measure the parallel ceiling: a worker exited with code ${code}.`));
    };
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ iterations, seed });
  });
}

/**
 * Finds the iteration count that takes about `workMs` on the main thread: warm up, double the
 * count until a run lasts at least a quarter of the target (long enough to swamp timer and call
 * overhead), time two more runs of that size and scale the fastest of the three linearly. The
 * fastest, because interruptions (other processes, GC in the host) only ever add time.
 */
function calibrate(workMs: number): number {
  const kernel = new Function('iterations', 'seed', KERNEL_BODY) as (iterations: number, seed: number) => number;
  let sink = 0; // each result feeds the next seed: the runs cannot be optimised away
  const time = (iterations: number): number => {
    const start = process.hrtime.bigint();
    sink ^= kernel(iterations, sink);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let i = 0; i < 5; i++) time(20_000);
  const targetMs = Math.max(workMs / 4, 1);
  let iterations = 50_000;
  let elapsedMs = time(iterations);
  while (elapsedMs < targetMs && iterations < MAX_ITERATIONS) {
    iterations *= 2;
    elapsedMs = time(iterations);
  }
  elapsedMs = Math.min(elapsedMs, time(iterations), time(iterations));
  const scaled = Math.round((iterations * workMs) / Math.max(elapsedMs, 1e-3));
  return Math.min(MAX_ITERATIONS, Math.max(1, scaled));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
