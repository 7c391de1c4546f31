/**
 * Request errors that name the request that failed (method, path, and the status or socket
 * error), plus a structured-clone-safe form so errors thrown in worker threads arrive intact.
 */

/** Why a request failed. */
export type RequestFailure = 'status' | 'reset' | 'timeout' | 'aborted' | 'network';

/** Fields of a {@link RequestError}. */
export interface RequestErrorInit {
  readonly method: string;
  /** The absolute URL of the request. */
  readonly url: string;
  readonly reason: RequestFailure;
  /** The part after `failed: ` in the message. */
  readonly detail: string;
  readonly status?: number;
  readonly code?: string;
  readonly cause?: unknown;
}

/** The path and query of `url` (what error messages show: never the random loopback port). */
export function requestPath(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/**
 * A failed HTTP request. The message names the request and the failure, identically on every
 * transport, e.g. `GET /sites/big?fault=500 failed: HTTP 500 Internal Server Error`,
 * `GET /ip?fault=reset failed: connection reset by the server`,
 * `GET /ip?fault=timeout failed: no response within 50 ms`. The transport's own error is the
 * `cause`.
 */
export class RequestError extends Error {
  override readonly name = 'RequestError';
  readonly method: string;
  readonly url: string;
  /** Path and query of the request, e.g. `/genre?n=3`. */
  readonly path: string;
  readonly reason: RequestFailure;
  /** The HTTP status for `reason: 'status'`. */
  readonly status: number | undefined;
  /** The socket error code (e.g. `ECONNRESET`, `UND_ERR_SOCKET`), if any. */
  readonly code: string | undefined;

  constructor(init: RequestErrorInit) {
    const path = requestPath(init.url);
    super(`${init.method} ${path} failed: ${init.detail}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.method = init.method;
    this.url = init.url;
    this.path = path;
    this.reason = init.reason;
    this.status = init.status;
    this.code = init.code;
  }
}

/** An Error flattened into plain data that survives `postMessage`. */
export interface SerializedError {
  readonly __serializedError: true;
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  /** Own enumerable fields that are plain data (method, path, status, code, …). */
  readonly fields: Readonly<Record<string, string | number | boolean | null>>;
}

/** Flattens any thrown value into a {@link SerializedError}. */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) {
    return { __serializedError: true, name: 'Error', message: String(error), stack: undefined, fields: {} };
  }
  const fields: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value as string | number | boolean | null;
  }
  return { __serializedError: true, name: error.name, message: error.message, stack: error.stack, fields };
}

/** True if `value` came from {@link serializeError}. */
export function isSerializedError(value: unknown): value is SerializedError {
  return typeof value === 'object' && value !== null && (value as SerializedError).__serializedError === true;
}

/**
 * Rebuilds an Error from {@link serializeError} output: a {@link RequestError} again if it was
 * one, else an Error with the same name, message, stack and fields.
 */
export function deserializeError(serialized: SerializedError): Error {
  const { fields } = serialized;
  if (serialized.name === 'RequestError' && typeof fields.method === 'string' && typeof fields.url === 'string') {
    const prefix = `${fields.method} ${String(fields.path)} failed: `;
    const error = new RequestError({
      method: fields.method,
      url: fields.url,
      reason: fields.reason as RequestFailure,
      detail: serialized.message.startsWith(prefix) ? serialized.message.slice(prefix.length) : serialized.message,
      ...(typeof fields.status === 'number' ? { status: fields.status } : {}),
      ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    });
    if (serialized.stack !== undefined) error.stack = serialized.stack;
    return error;
  }
  const error = new Error(serialized.message);
  Object.assign(error, fields);
  Object.defineProperty(error, 'name', { value: serialized.name, configurable: true, writable: true });
  if (serialized.stack !== undefined) error.stack = serialized.stack;
  return error;
}
