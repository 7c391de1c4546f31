/**
 * The worker side of every off-main-thread strategy. Piscina workers and tinypool child
 * processes load this file (by absolute path, through Node's type stripping) and call
 * {@link runChunk}; {@link ./thread-entry.ts} calls it once per `new Worker`. It imports task
 * modules on demand and times every task on the machine-wide monotonic clock.
 */
import { isMainThread, threadId } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { monotonicNow } from './monotonic.ts';
import { serializeError } from './protocol.ts';
import type { ChunkRequest, ChunkResponse, PingRequest, PingResponse } from './protocol.ts';
import type { TimelineEntry } from './types.ts';

/**
 * This worker's lane: `thread:<threadId>` in a worker thread, `pid:<pid>` in a child process
 * (whose own main thread runs the tasks).
 */
export const lane: string = isMainThread ? `pid:${process.pid}` : `thread:${threadId}`;

type Task = (input: unknown) => unknown;

// Import once per module per worker: a chunk of 500 items must not pay 500 dynamic imports.
const modules = new Map<string, Promise<Record<string, unknown>>>();

function loadModule(module: string): Promise<Record<string, unknown>> {
  let loaded = modules.get(module);
  if (loaded === undefined) {
    loaded = import(pathToFileURL(module).href) as Promise<Record<string, unknown>>;
    // A failed import is not cached: the next request retries (the file may have been fixed).
    loaded.catch(() => modules.delete(module));
    modules.set(module, loaded);
  }
  return loaded;
}

async function loadTask(module: string, exportName: string): Promise<Task> {
  const exports = await loadModule(module);
  const task = exports[exportName];
  if (typeof task !== 'function') {
    throw new TypeError(
      `Task module ${module} does not export a function named "${exportName}". ` +
        `Export it (export function ${exportName}(input) { ... }) or fix task.exportName.`,
    );
  }
  return task as Task;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * Runs `request.exportName` from `request.module` over `request.inputs` in order, timing each
 * call on the machine-wide monotonic clock ({@link monotonicNow}; the main thread converts the
 * entries to its `absoluteNow()` axis). Never rejects: a failure (module not found, missing export, a task
 * that throws) comes back as `{ ok: false, error, index }` so that both pool libraries carry it
 * the same way, and the worker stays usable.
 *
 * @example
 * ```ts
 * await runChunk({ module: '/abs/tasks.ts', exportName: 'sieve', offset: 0, inputs: [10, 20] });
 * // { ok: true, results: [Uint32Array [2,3,5,7], ...], entries: [{ index: 0, lane: 'thread:1', ... }, ...] }
 * ```
 */
export async function runChunk(request: ChunkRequest): Promise<ChunkResponse> {
  const entries: TimelineEntry[] = [];
  let index = request.offset;
  try {
    const task = await loadTask(request.module, request.exportName);
    const results = new Array<unknown>(request.inputs.length);
    for (let k = 0; k < request.inputs.length; k++) {
      index = request.offset + k;
      const start = monotonicNow();
      let result = task(request.inputs[k]);
      // Await only real promises: an extra tick per synchronous item would show up as overhead.
      if (isThenable(result)) result = await result;
      entries.push({ index, lane, start, end: monotonicNow() });
      results[k] = result;
    }
    return { ok: true, results, entries };
  } catch (error) {
    return { ok: false, error: serializeError(error), index, entries };
  }
}

/**
 * Primes a worker: imports the `preload` modules, then blocks it for `sleepMs` so that
 * concurrent pings land on distinct workers. Returns the lane that answered.
 */
export async function ping(request: PingRequest): Promise<PingResponse> {
  for (const module of request.preload) await loadModule(module);
  if (request.sleepMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, request.sleepMs);
  return { lane };
}
