/**
 * Worker-thread entry of {@link ../worker-per-request.ts}: imports the task module, runs one
 * input, posts the result (or a serialized error) with its timing, and ends.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { monotonicNow } from '../strategies/monotonic.ts';
import { serializeError, type SerializedError } from './errors.ts';

/** What the main thread sends to a request worker. */
export interface RequestWorkerJob {
  readonly module: string;
  readonly exportName: string;
  readonly input: unknown;
}

/**
 * What a request worker posts back. `start` and `end` are on the machine-wide monotonic clock
 * (`monotonicNow()`): a worker's `performance.timeOrigin` can be milliseconds off the main
 * thread's under load, so the main thread converts them to its own absolute clock.
 */
export type RequestWorkerReply =
  | { readonly ok: true; readonly value: unknown; readonly start: number; readonly end: number; readonly threadId: number }
  | { readonly ok: false; readonly error: SerializedError; readonly start: number; readonly end: number; readonly threadId: number };

async function main(job: RequestWorkerJob): Promise<RequestWorkerReply> {
  const start = monotonicNow();
  try {
    const loaded = (await import(pathToFileURL(job.module).href)) as Record<string, unknown>;
    const fn = loaded[job.exportName];
    if (typeof fn !== 'function') {
      throw new TypeError(`${job.module} has no function export \`${job.exportName}\``);
    }
    const value: unknown = await (fn as (input: unknown) => unknown)(job.input);
    return { ok: true, value, start, end: monotonicNow(), threadId };
  } catch (error) {
    return { ok: false, error: serializeError(error), start, end: monotonicNow(), threadId };
  }
}

if (parentPort) {
  const port = parentPort;
  const reply = await main(workerData as RequestWorkerJob);
  try {
    port.postMessage(reply);
  } catch (error) {
    // The value could not be cloned: report that instead.
    port.postMessage({ ...reply, ok: false, error: serializeError(error) } satisfies RequestWorkerReply);
  }
}
