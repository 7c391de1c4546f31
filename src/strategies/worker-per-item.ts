/**
 * One new `worker_threads.Worker` per input, ended after its single task: what a pool saves.
 * Python: a `threading.Thread` per task (started, then joined), except that Node threads run
 * JavaScript in parallel where CPython threads take turns holding the GIL.
 */
import { Worker } from 'node:worker_threads';
import { absoluteNow } from './clock.ts';
import { effectiveCores } from './cores.ts';
import { dispatch } from './dispatch.ts';
import { threadEntryPath } from './entry-paths.ts';
import { describe, offThreadTask, positiveIntegerOption, timeoutOption } from './options.ts';
import type { ChunkRequest, ChunkResponse } from './protocol.ts';
import type { RunOptions, Strategy, StrategyRun, Workload } from './types.ts';

/** Options of {@link workerPerItem}. */
export interface WorkerPerItemOptions {
  /**
   * Most threads alive at once. Default: the effective core count. (Python's thread-per-task
   * examples start every thread at once; with thousands of inputs that would mean thousands of
   * V8 isolates. Pass `Number.MAX_SAFE_INTEGER` for that behaviour on small workloads.)
   */
  readonly workers?: number;
  /** Deadline in ms per input; a late thread is terminated and the run rejects with a `TimeoutError`. */
  readonly timeout?: number;
}

/** A {@link Strategy} whose `close()` terminates any thread still running. */
export interface WorkerPerItemStrategy extends Strategy {
  readonly workers: number;
  close(): Promise<void>;
}

/**
 * A new worker thread per input (lanes `thread:<threadId>`, one per input). Each run resolves
 * only after every thread it started has exited, so thread start-up and teardown are part of
 * every task, as with `thread.start()` / `thread.join()`. Errors, timeouts and aborts behave as
 * for the pools (see `PoolStrategy`); there is no pool to keep warm.
 *
 * @throws TypeError / RangeError for invalid options, naming the option and the fix.
 * @example
 * ```ts
 * const { results } = await workerPerItem().run(sumOfSquaresWorkload({ scale: 0.01 }));
 * ```
 */
export function workerPerItem(options?: WorkerPerItemOptions): WorkerPerItemStrategy {
  const where = 'workerPerItem(options)';
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`${where}: options must be an object, received ${describe(options)}.`);
  }
  const cores = effectiveCores();
  const workers =
    positiveIntegerOption(where, 'workers', options?.workers, `Omit it to use the effective core count (${cores}).`) ?? cores;
  const timeout = timeoutOption(where, options?.timeout);
  const name = 'worker-per-item';
  const live = new Map<Worker, Promise<void>>();

  const submit = (request: ChunkRequest, signal: AbortSignal | undefined): Promise<ChunkResponse> =>
    new Promise<ChunkResponse>((resolve, reject) => {
      const worker = new Worker(threadEntryPath, { workerData: request });
      let response: ChunkResponse | undefined;
      let failure: unknown;
      const onAbort = (): void => void worker.terminate();
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.once('message', (message: ChunkResponse) => {
        response = message;
      });
      worker.once('error', (error) => {
        failure = error;
      });
      // Settle on exit, not on the message: the run must not resolve while threads still exist.
      live.set(
        worker,
        new Promise<void>((exited) => {
          worker.once('exit', (code) => {
            live.delete(worker);
            signal?.removeEventListener('abort', onAbort);
            exited();
            if (response !== undefined) resolve(response);
            else if (signal?.aborted) reject(new Error('The worker was terminated'));
            else reject(failure ?? new Error(`${name}: the worker for input #${request.offset} exited with code ${code} before answering.`));
          });
        }),
      );
    });

  return {
    name,
    python: 'threading.Thread per task',
    workers,
    async run<I, R>(workload: Workload<I, R>, runOptions?: RunOptions): Promise<StrategyRun<R>> {
      const task = offThreadTask(name, workload.task as Workload<unknown, unknown>['task']);
      const signal = runOptions?.signal;
      if (signal !== undefined && !(signal instanceof AbortSignal)) {
        throw new TypeError(`${name}: options.signal must be an AbortSignal, received ${describe(signal)}. Pass controller.signal.`);
      }
      const start = absoluteNow();
      const { results, entries } = await dispatch<I, R>(task, workload.inputs, {
        where: name,
        concurrency: workers,
        chunkSize: 1,
        timeout,
        signal,
        submit,
      });
      return { results, timeline: { start, end: absoluteNow(), entries } };
    },
    async close(): Promise<void> {
      const exits = [...live.values()];
      for (const worker of live.keys()) void worker.terminate();
      await Promise.all(exits);
    },
  };
}
