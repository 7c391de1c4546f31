/**
 * The messages between the main thread and the worker entry ({@link ./worker-entry.ts}): one
 * request runs a named task over a contiguous slice of a workload's inputs. Shared by the
 * worker-thread and child-process strategies; erasable syntax only, since workers load it
 * through Node's type stripping.
 */
import type { TimelineEntry } from './types.ts';

/** Run `exportName` from `module` over `inputs`; `inputs[k]` is workload input `offset + k`. */
export interface ChunkRequest {
  /** Absolute file path of the task module. */
  readonly module: string;
  /** Name of the exported task function. */
  readonly exportName: string;
  /** Workload index of `inputs[0]`. */
  readonly offset: number;
  readonly inputs: readonly unknown[];
}

/** An error reduced to what survives a thread or process boundary unchanged. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  /** `error.code` (e.g. `ERR_MODULE_NOT_FOUND`) when the original had one. */
  readonly code?: string | number | undefined;
}

/**
 * What a chunk produced. Entry times are {@link ./monotonic.ts} `monotonicNow()` readings of
 * the worker; {@link ./dispatch.ts} moves them onto the main thread's `absoluteNow()` axis. A task that throws ends the chunk: `ok: false` carries the error and
 * the workload index of the input it threw on (the worker itself survives).
 */
export type ChunkResponse =
  | { readonly ok: true; readonly results: unknown[]; readonly entries: TimelineEntry[] }
  | { readonly ok: false; readonly error: SerializedError; readonly index: number; readonly entries: TimelineEntry[] };

/** Priming request: import `preload` modules, then hold the worker for `sleepMs`. */
export interface PingRequest {
  readonly sleepMs: number;
  readonly preload: readonly string[];
}

/** Priming answer: the lane (`thread:<id>` / `pid:<pid>`) that ran the ping. */
export interface PingResponse {
  readonly lane: string;
}

/**
 * An error that a task threw in a worker, rebuilt on the main thread: same class for the
 * built-in error types, same `name`, `message` and `stack` (the worker's frames), plus the
 * workload index of the input that failed.
 */
export interface TaskError extends Error {
  /** Workload index of the input the task threw on. */
  readonly inputIndex: number;
  readonly code?: string | number;
}

/** Reduces any thrown value to a {@link SerializedError}. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: error.message,
      stack: error.stack,
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    };
  }
  return { name: 'Error', message: String(error), stack: undefined };
}

const builtInErrors: Record<string, new (message: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/** Rebuilds a {@link TaskError} from a {@link SerializedError} (see {@link TaskError}). */
export function deserializeError(serialized: SerializedError, inputIndex: number): TaskError {
  const Constructor = builtInErrors[serialized.name] ?? Error;
  const error = new Constructor(serialized.message) as Error & { inputIndex: number; code?: string | number };
  if (error.name !== serialized.name) {
    Object.defineProperty(error, 'name', { value: serialized.name, configurable: true, writable: true, enumerable: false });
  }
  if (serialized.stack !== undefined) error.stack = serialized.stack;
  if (serialized.code !== undefined) error.code = serialized.code;
  error.inputIndex = inputIndex;
  return error;
}
