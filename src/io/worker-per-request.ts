import { siblingModule } from '../module-path.ts';
/**
 * A worker thread per request: the I/O counterpart of Python's `threading.Thread` per request.
 * Each input gets a fresh worker that imports the task module and runs it; the thread (~50-100 ms
 * of start-up CPU here) and its own connection are the price. So it beats a sequential loop on
 * latency-bound work but loses to `concurrent()` (asyncio.gather), which waits for all requests
 * on one thread: "threads help I/O, async helps more".
 *
 * Worker threads cannot see the main thread's mocks (MSW and MockAgent patch or live in one
 * thread), so use the loopback transport with it. The tasks run without options in the worker:
 * a new node:http connection per request.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { absoluteNow } from '../strategies/clock.ts';
import { monotonicToAbsoluteOffset } from '../strategies/monotonic.ts';
import type { RunOptions, Strategy, StrategyRun, TimelineEntry, Workload } from '../strategies/types.ts';
import { deserializeError } from './errors.ts';
import type { RequestWorkerJob, RequestWorkerReply } from './request-worker.ts';

const WORKER_URL = pathToFileURL(siblingModule('./request-worker', import.meta.url));

/** Options of {@link workerPerRequest}. */
export interface WorkerPerRequestOptions {
  /** At most this many worker threads alive at once (default: one per input, all at once). */
  readonly maxThreads?: number;
}

interface Outcome<R> {
  readonly value: R;
  readonly entry: TimelineEntry;
}

function runInWorker<R>(job: RequestWorkerJob, index: number, live: Set<Worker>, clockOffset: number): Promise<Outcome<R>> {
  return new Promise<Outcome<R>>((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: job });
    live.add(worker);
    let reply: RequestWorkerReply | undefined;
    let failure: Error | undefined;
    worker.once('message', (message: RequestWorkerReply) => {
      reply = message;
      // The answer is in: end the thread now rather than wait for its event loop to drain.
      void worker.terminate();
    });
    worker.once('error', (error) => {
      failure = error;
    });
    worker.once('exit', (code) => {
      live.delete(worker);
      if (reply?.ok) {
        const entry = { index, lane: `thread:${reply.threadId}`, start: reply.start + clockOffset, end: reply.end + clockOffset };
        resolve({ value: reply.value as R, entry });
      } else if (reply) {
        reject(deserializeError(reply.error));
      } else {
        reject(failure ?? new Error(`The worker thread for input ${index} exited with code ${code} before it answered`));
      }
    });
  });
}

/**
 * Runs every input in its own new worker thread (all at once, or at most `maxThreads` alive).
 * Fail-fast: the first failure terminates the other workers and rejects with that error (a
 * `RequestError` keeps its class, method, path and status across the thread boundary). The task
 * needs `module` and `exportName`.
 *
 * @example
 * const run = await workerPerRequest().run({ name: 'ip', task: makeRequestTask(), inputs: urls });
 */
export function workerPerRequest(options: WorkerPerRequestOptions = {}): Strategy {
  const { maxThreads = Number.POSITIVE_INFINITY } = options;
  if (maxThreads !== Number.POSITIVE_INFINITY && (!Number.isInteger(maxThreads) || maxThreads < 1)) {
    throw new RangeError(`workerPerRequest(options): maxThreads must be a positive integer, received ${String(maxThreads)}`);
  }
  const limited = maxThreads !== Number.POSITIVE_INFINITY;
  return {
    name: limited ? `worker-per-request(max ${maxThreads})` : 'worker-per-request',
    python: limited ? `ThreadPoolExecutor(max_workers=${maxThreads}) with a new thread per request` : 'threading.Thread per request',
    run: async <I, R>(workload: Workload<I, R>, runOptions?: RunOptions): Promise<StrategyRun<R>> => {
      const { task, inputs } = workload;
      if (!task.module || !task.exportName) {
        throw new TypeError(
          `workerPerRequest: task \`${task.name}\` has no module/exportName, so it cannot run in a worker thread. Give its TaskDefinition the absolute module path and the export name.`,
        );
      }
      const signal = runOptions?.signal;
      if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('The run was aborted', { cause: signal.reason });
      const live = new Set<Worker>();
      const results = new Array<R>(inputs.length);
      const entries: TimelineEntry[] = [];
      const start = absoluteNow();
      // Workers time themselves on the machine-wide monotonic clock; this puts them on ours.
      const clockOffset = monotonicToAbsoluteOffset();
      let next = 0;
      let stopped = false;
      const stop = async (): Promise<void> => {
        stopped = true;
        await Promise.all([...live].map((worker) => worker.terminate()));
      };
      const onAbort = (): void => void stop();
      signal?.addEventListener('abort', onAbort, { once: true });
      const lane = async (): Promise<void> => {
        while (!stopped && next < inputs.length) {
          const index = next++;
          const job: RequestWorkerJob = { module: task.module as string, exportName: task.exportName as string, input: inputs[index] };
          const outcome = await runInWorker<R>(job, index, live, clockOffset);
          results[index] = outcome.value;
          entries.push(outcome.entry);
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(maxThreads, inputs.length) }, lane));
        if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('The run was aborted', { cause: signal.reason });
      } catch (error) {
        await stop();
        throw signal?.aborted && signal.reason instanceof Error ? signal.reason : error;
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
      entries.sort((a, b) => a.index - b.index);
      return { results, timeline: { start, end: absoluteNow(), entries } };
    },
  };
}
