/**
 * The main-thread side shared by the off-thread strategies: cuts a workload into chunks, keeps
 * at most `concurrency` of them in flight, and puts results and timeline entries back in input
 * order. Failure semantics (documented on the strategies); when several chunks fail, the run
 * rejects with the failure of the lowest input index, so the error does not depend on timing:
 * - a task that throws: no further chunks are submitted, chunks already running finish, then
 *   the run rejects with the task's error (rebuilt with its original class, message and stack);
 * - `options.timeout`: the late chunk's worker is terminated (the pool replaces it), the others
 *   finish, the run rejects with a `TimeoutError`;
 * - `RunOptions.signal`: nothing more is submitted, running chunks are cancelled (their workers
 *   terminated), the run rejects with the signal's reason.
 */
import { monotonicToAbsoluteOffset } from './monotonic.ts';
import { deserializeError } from './protocol.ts';
import type { ChunkRequest, ChunkResponse } from './protocol.ts';
import { abortReason } from './options.ts';
import type { OffThreadTask } from './options.ts';
import type { TimelineEntry } from './types.ts';

/** Sends one chunk to a worker; must reject (and stop the worker) when `signal` aborts. */
export type Submit = (request: ChunkRequest, signal: AbortSignal | undefined) => Promise<ChunkResponse>;

/** How {@link dispatch} runs a workload. */
export interface DispatchOptions {
  /** Strategy name, for error messages. */
  readonly where: string;
  /** Chunks in flight at once (the pool's worker count). */
  readonly concurrency: number;
  /** Inputs per submitted chunk (1 = one submission per item). */
  readonly chunkSize: number;
  /** Per-chunk deadline in ms. */
  readonly timeout: number | undefined;
  readonly signal: AbortSignal | undefined;
  readonly submit: Submit;
}

/** Results in input order and timeline entries sorted by input index. */
export interface Dispatched<R> {
  readonly results: R[];
  readonly entries: TimelineEntry[];
}

/** An `Error` whose `name` is `name` (e.g. `TimeoutError`). */
export function namedError(name: string, message: string): Error {
  const error = new Error(message);
  Object.defineProperty(error, 'name', { value: name, configurable: true, writable: true, enumerable: false });
  error.stack = `${name}: ${message}${error.stack?.slice(error.stack.indexOf('\n')) ?? ''}`;
  return error;
}

function timeoutError(options: DispatchOptions, offset: number, length: number): Error {
  const what = length === 1 ? `the task for input #${offset}` : `the chunk of inputs #${offset}-#${offset + length - 1}`;
  const fix =
    options.chunkSize === 1
      ? 'Raise options.timeout or give the task less work.'
      : 'options.timeout applies to each chunk: raise it or lower options.chunkSize.';
  return namedError(
    'TimeoutError',
    `${options.where}: ${what} did not finish within options.timeout (${options.timeout} ms); its worker was terminated. ${fix}`,
  );
}

/**
 * Runs `inputs` through `options.submit` in chunks (see the module comment for what happens
 * on errors, timeouts and aborts). Resolves only when nothing it submitted is still running.
 */
export function dispatch<I, R>(task: OffThreadTask, inputs: readonly I[], options: DispatchOptions): Promise<Dispatched<R>> {
  const { signal, chunkSize, concurrency, timeout } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const results = new Array<R>(inputs.length);
  const entries: TimelineEntry[] = [];
  const chunkCount = Math.ceil(inputs.length / chunkSize);
  if (chunkCount === 0) return Promise.resolve({ results, entries });
  // Workers time tasks on the machine-wide monotonic clock; this puts them on ours.
  const clockOffset = monotonicToAbsoluteOffset();

  return new Promise<Dispatched<R>>((resolve, reject) => {
    let nextChunk = 0;
    let inFlight = 0;
    // The failure to report: the abort reason if any (index -1), else the lowest input index.
    let failure: { readonly error: unknown; readonly index: number } | undefined;
    const controllers = new Set<AbortController>();
    // Per-chunk controllers only when something can cancel a chunk: they cost a listener each.
    const cancellable = timeout !== undefined || signal !== undefined;

    const fail = (error: unknown, index: number): void => {
      if (failure === undefined || index < failure.index) failure = { error, index };
    };
    const onAbort = (): void => {
      fail(abortReason(signal as AbortSignal), -1);
      for (const controller of controllers) controller.abort();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const runChunk = async (offset: number, chunk: readonly I[]): Promise<void> => {
      let controller: AbortController | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let timedOut = false;
      if (cancellable) {
        controller = new AbortController();
        controllers.add(controller);
        if (timeout !== undefined) {
          timer = setTimeout(() => {
            timedOut = true;
            controller?.abort();
          }, timeout);
        }
      }
      try {
        const request: ChunkRequest = { module: task.module, exportName: task.exportName, offset, inputs: chunk };
        const response = await options.submit(request, controller?.signal);
        if (timedOut) {
          // The answer raced the deadline and lost: keep the timeout's verdict.
          fail(timeoutError(options, offset, chunk.length), offset);
        } else if (response.ok) {
          for (let k = 0; k < response.results.length; k++) results[offset + k] = response.results[k] as R;
          for (const entry of response.entries) {
            entries.push({ index: entry.index, lane: entry.lane, start: entry.start + clockOffset, end: entry.end + clockOffset });
          }
        } else {
          fail(deserializeError(response.error, response.index), response.index);
        }
      } catch (error) {
        if (timedOut) fail(timeoutError(options, offset, chunk.length), offset);
        else if (signal?.aborted) fail(abortReason(signal), -1);
        else fail(error, offset);
      } finally {
        if (timer !== undefined) clearTimeout(timer);
        if (controller !== undefined) controllers.delete(controller);
      }
    };

    const pump = (): void => {
      while (failure === undefined && inFlight < concurrency && nextChunk < chunkCount) {
        const offset = nextChunk++ * chunkSize;
        inFlight++;
        void runChunk(offset, inputs.slice(offset, offset + chunkSize)).then(() => {
          inFlight--;
          pump();
        });
      }
      if (inFlight > 0) return;
      signal?.removeEventListener('abort', onAbort);
      if (failure !== undefined) {
        reject(failure.error);
      } else {
        entries.sort((a, b) => a.index - b.index);
        resolve({ results, entries });
      }
    };
    pump();
  });
}
